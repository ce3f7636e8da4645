"""Reading one theme file and checking every value in it, as Textual will use it.

A file with a bad colour or an unknown key is reported and skipped, so
selecting a theme can never break the app. Colours are checked with Textual's
own parser, imported only when a user's theme file is read; the bundled files
are checked that way by the tests instead, so that reading them needs no Textual.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from briefing.format.diagnostics import Diagnostic
from briefing.format.text import one_line
from briefing.user.theme_spec import (
    APP_VARIABLES,
    BUNDLED,
    NAME_PATTERN,
    THEME_COLOURS,
    ThemeSpec,
    to_textual,
)

if TYPE_CHECKING:
    import yaml

    from briefing.user.yaml_fields import Reporter

_PERCENT = re.compile(r"^(?P<colour>.+?)\s+(?P<alpha>\d{1,3}(?:\.\d+)?)%$")
_TOP_KEYS = ("name", "description", "dark", "ansi", *THEME_COLOURS, "luminosity_spread", "text_alpha")


def read_theme(
    path: Path, origin: str, *, shown: str | None = None
) -> tuple[ThemeSpec | None, list[Diagnostic]]:
    """Read one theme file; return the theme (None if it has any problem) and the problems."""
    from briefing.user.yaml_fields import NotAMapping, Reporter, read_mapping

    shown = shown or str(path)
    try:
        root = read_mapping(path, shown, "theme file")
    except NotAMapping as error:
        return None, [error.diagnostic]
    if root is None:
        return None, [Diagnostic(shown, 1, 1, "the theme file is empty", hint="start with `name: my-theme`")]
    reporter = Reporter(shown)
    check = origin != BUNDLED  # with Textual's parser; the tests check the bundled files
    values: dict[str, object] = {}
    colours: dict[str, str] = {}
    variables: dict[str, str] = {}
    for key, key_node, value_node in reporter.entries(root, ""):
        if key == "variables":
            variables = _variables(reporter, value_node, check=check)
        elif key not in _TOP_KEYS:
            reporter.unknown_key(key, key_node, key, "a theme", (*_TOP_KEYS, "variables"))
        elif key in THEME_COLOURS:
            colour = _colour(reporter, value_node, key, alpha=False, check=check)
            if colour is not None:
                colours[key] = colour
        elif key in ("dark", "ansi"):
            values[key] = reporter.boolean(value_node, key)
        elif key in ("luminosity_spread", "text_alpha"):
            values[key] = reporter.number(value_node, key, 0.0, 1.0)
        else:
            values[key] = reporter.text(value_node, key)
    name = values.get("name") if "name" in values else path.stem
    if isinstance(name, str) and not NAME_PATTERN.match(name):
        node = _value_node(root, "name") or root
        reporter.report(
            node,
            "name",
            f"theme name {name!r} must be lower-case letters, digits, '-' or '_'",
            hint="names are typed on the command line: `briefing --theme NAME`",
        )
    if "primary" not in colours and not any(d.key_path == "primary" for d in reporter.diagnostics):
        reporter.report(root, "", "a theme needs at least a 'primary' colour")
    if reporter.diagnostics or not isinstance(name, str):
        return None, reporter.diagnostics
    spec = ThemeSpec(
        name=name,
        origin=origin,
        path=path,
        colours=MappingProxyType(colours),
        variables=MappingProxyType(variables),
        dark=values.get("dark", True) is not False,
        ansi=values.get("ansi") is True,
        # Shown by `briefing themes` and the palette: one line, nothing a terminal would act on.
        description=one_line(values.get("description") or ""),
        luminosity_spread=_float_or_none(values.get("luminosity_spread")),
        text_alpha=_float_or_none(values.get("text_alpha")),
    )
    if check:
        problem = _textual_problem(spec)
        if problem is not None:
            reporter.report(
                root, "", problem, hint="please report it: briefing's checks let this theme through"
            )
            return None, reporter.diagnostics
    return spec, []


def _float_or_none(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _value_node(root: yaml.MappingNode, key: str) -> yaml.Node | None:
    import yaml

    return next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _variables(reporter: Reporter, node: yaml.Node, *, check: bool) -> dict[str, str]:
    known = textual_variables() if check else frozenset()
    out: dict[str, str] = {}
    for key, key_node, value_node in reporter.entries(node, "variables"):
        where = f"variables.{key}"
        if check and key not in APP_VARIABLES and key not in known:
            reporter.unknown_key(key, key_node, where, "theme variables", (*APP_VARIABLES, *known))
            continue
        properties = css_properties(key)
        if properties == ("text-style",):
            value = _text_style(reporter, value_node, where, check=check)
        else:
            value = _colour(reporter, value_node, where, alpha=True, check=check)
        if value is not None and check:
            value = _applied(reporter, value_node, where, value, properties)
        if value is not None:
            out[key] = value
    return out


def css_properties(variable: str) -> tuple[str, ...]:
    """The CSS properties a theme variable is used in, so its value is checked as each.

    The app's own variables are used as their names say (``*-background`` as a
    background, the rest as text colours); Textual's follow its naming. A variable
    whose name does not say must work as both a background and a text colour.
    """
    words = variable.split("-")
    if "style" in words:  # block-cursor-text-style, link-style-hover
        return ("text-style",)
    if variable in APP_VARIABLES:
        return ("background",) if words[-1] == "background" else ("color",)
    if "background" in words:
        return ("background",)
    if "foreground" in words or "color" in words or words[0] == "text":
        return ("color",)
    return ("background", "color")


def _applied(
    reporter: Reporter, node: yaml.Node, where: str, value: str, properties: tuple[str, ...]
) -> str | None:
    """``value`` if Textual's stylesheet parser takes it in each of ``properties``, as the app uses it.

    Color.parse is not enough: "auto 90%" is a colour for text, but the reader's
    stylesheet would fail to parse it as a background, and the reader would stop.
    """
    from textual.css.stylesheet import Stylesheet, StylesheetParseError
    from textual.css.tokenizer import TokenError

    for css_property in properties:
        sheet = Stylesheet(variables={"value": value})
        sheet.add_source(f"Screen {{ {css_property}: $value; }}", read_from=(str(reporter.shown), where))
        try:
            sheet.parse()
        except (StylesheetParseError, TokenError):
            what = {"background": "a background", "color": "a text colour"}.get(css_property, css_property)
            hint = None
            if value.startswith("auto"):
                hint = "'auto NN%' (black or white, whichever reads) is for text colours, not backgrounds"
            reporter.report(node, where, f"{value!r} cannot be used as {what}", hint=hint)
            return None
    return value


def _textual_problem(spec: ThemeSpec) -> str | None:
    """Why Textual could not build ``spec`` into a theme and its colour system; None when it can.

    Every value was checked on its own before; this builds the whole theme the way
    the reader does (to_textual), as a last check.
    """
    from textual.color import ColorParseError

    try:
        to_textual(spec).to_color_system().generate()
    except (ColorParseError, ValueError, TypeError, ArithmeticError) as error:
        return f"Textual cannot build this theme: {error}"
    return None


def _colour(reporter: Reporter, node: yaml.Node, where: str, *, alpha: bool, check: bool) -> str | None:
    """A colour Textual can parse; with ``alpha``, also "COLOUR NN%" (a see-through colour)."""
    text = reporter.text(node, where)
    if text is None:
        return None
    text = text.strip()
    colour = text
    match = _PERCENT.match(text) if alpha else None
    if match is not None:
        colour = match["colour"]
        if float(match["alpha"]) > 100:
            reporter.report(node, where, f"{text!r}: the percentage must be 0 to 100")
            return None
    if match is not None and colour == "auto":
        return text  # Textual's "auto NN%": black or white, whichever reads on the background
    if not check:
        return text
    from textual.color import Color, ColorParseError

    try:
        Color.parse(colour)
    except ColorParseError as error:
        if "%" in text and not alpha:
            hint = "a see-through colour ('COLOUR NN%') is allowed only under 'variables'"
        elif error.suggested_color:
            hint = f"did you mean '{error.suggested_color}'?"
        else:
            hint = "write a colour as '#rrggbb', 'rgb(r,g,b)', 'hsl(h,s%,l%)', a name, or 'ansi_NAME'"
        reporter.report(node, where, f"not a colour: {text!r}", hint=hint)
        return None
    return text


def _text_style(reporter: Reporter, node: yaml.Node, where: str, *, check: bool) -> str | None:
    text = reporter.text(node, where)
    if text is None:
        return None
    words = text.split()
    if not check:
        return " ".join(words)
    from textual.css.constants import VALID_STYLE_FLAGS

    bad = [w for w in words if w not in VALID_STYLE_FLAGS]
    if bad or not words:
        choices = ", ".join(sorted(VALID_STYLE_FLAGS))
        reporter.report(node, where, f"not a text style: {text!r}", hint=f"use words from: {choices}")
        return None
    return " ".join(words)


@functools.cache
def textual_variables() -> frozenset[str]:
    """The CSS variables Textual's colour system defines, which a theme may also set."""
    from textual.design import ColorSystem

    return frozenset(ColorSystem(primary="#000000").generate())
