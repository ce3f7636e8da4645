"""Theme files: the bundled ones and the user's, read and checked into plain values.

A theme file holds Textual's theme colours (primary, background, ...) and the
app's own variables (stance colours, status marks, evidence highlight). A file
with a bad colour or an unknown key is reported and skipped, so selecting a
theme can never break the app. No Textual import at module level: colours are
checked with Textual's own parser, imported only when a user's theme file is read.
The bundled files are checked that way by the tests instead, so that reading
them needs no Textual.

Every start of the reader needs every theme, so the checked values of each
file are kept in the cache folder (_SpecCache): a start with unchanged theme
files parses no YAML and imports no PyYAML.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from briefing.format.diagnostics import Diagnostic
from briefing.format.reading import ReadError, read_bytes
from briefing.format.text import one_line
from briefing.resources import code_digest, themes_folder
from briefing.user import settings

if TYPE_CHECKING:
    import yaml
    from textual.theme import Theme

    from briefing.user.yaml_fields import Reporter

BUNDLED, USER = "bundled", "user"
DEFAULT_DARK, DEFAULT_LIGHT = "briefing-dark", "briefing-light"
DEFAULT_THEME = DEFAULT_DARK
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

# Textual's Theme colour fields, in the order a theme file usually lists them.
THEME_COLOURS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)

# The app's own CSS variables. Every bundled theme sets all of them; a user
# theme may leave some out and gets the fallbacks below.
APP_VARIABLES: Mapping[str, str] = MappingProxyType(
    {
        "stance-supportive": "reaction stance: supports the action",
        "stance-opposed": "reaction stance: opposes it",
        "stance-concerned": "reaction stance: voices concern",
        "stance-neutral": "reaction stance: neutral",
        "stance-mixed": "reaction stance: mixed",
        "stance-unclear": "reaction stance: unclear",
        "status-confirmed": "event status mark: confirmed",
        "status-claimed": "event status mark: claimed by a party",
        "status-disputed": "event status mark: disputed",
        "status-denied": "event status mark: denied",
        "status-planned": "event status mark: planned",
        "evidence-background": "source pane: background of the quotes behind the selected item",
        "evidence-foreground": "source pane: text of those quotes",
        "evidence-current-background": "source pane: background of the quote jumped to",
        "evidence-current-foreground": "source pane: text of the quote jumped to",
        "evidence-bar": "source pane: the gutter bar beside lines with evidence",
        "match-background": "search matches: background",
        "match-foreground": "search matches: text",
        "match-current-background": "the search match jumped to: background",
        "match-current-foreground": "the search match jumped to: text",
    }
)

# Fallbacks for themes that do not set an app variable (user themes, Textual's
# built-ins): expressed through the theme's own colours, so they fit any theme.
_FALLBACKS: Mapping[str, str] = MappingProxyType(
    {
        "stance-supportive": "$text-success",
        "stance-opposed": "$text-error",
        "stance-concerned": "$text-warning",
        "stance-neutral": "$text-secondary",
        "stance-mixed": "$text-accent",
        "stance-unclear": "$text-muted",
        "status-confirmed": "$text-success",
        "status-claimed": "$text-warning",
        "status-disputed": "$text-error",
        "status-denied": "$text-error",
        "status-planned": "$text-accent",
        "evidence-background": "$accent-muted",
        "evidence-foreground": "$text",
        "evidence-current-background": "$accent-muted",
        "evidence-current-foreground": "$text",
        "evidence-bar": "$accent",
        "match-background": "$warning-muted",
        "match-foreground": "$text",
        "match-current-background": "$warning",
        "match-current-foreground": "$background",
    }
)
# yaml_fields.SETTINGS_MAX_SIZE, repeated: importing that module imports PyYAML, which a
# start with unchanged theme files does without.
_MAX_THEME_SIZE = 1024 * 1024
_MAX_CACHE_SIZE = 4 * 1024 * 1024  # _SpecCache.KEEP entries of a few KiB each, with room to spare
_PERCENT = re.compile(r"^(?P<colour>.+?)\s+(?P<alpha>\d{1,3}(?:\.\d+)?)%$")
_TOP_KEYS = ("name", "description", "dark", "ansi", *THEME_COLOURS, "luminosity_spread", "text_alpha")


@dataclass(frozen=True)
class ThemeSpec:
    """A checked theme, ready to become a ``textual.theme.Theme``."""

    name: str
    origin: str  # BUNDLED or USER
    path: Path | None
    colours: Mapping[str, str]  # Textual Theme colour fields that the file sets
    variables: Mapping[str, str] = field(default_factory=dict)  # CSS variables the file sets
    dark: bool = True
    ansi: bool = False  # use the terminal's own 16-colour palette
    description: str = ""
    luminosity_spread: float | None = None
    text_alpha: float | None = None


@dataclass(frozen=True)
class ThemeCatalog:
    """Every theme file found, and the problems of those that were skipped."""

    themes: tuple[ThemeSpec, ...]
    problems: tuple[Diagnostic, ...]

    def get(self, name: str) -> ThemeSpec | None:
        return next((t for t in self.themes if t.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.themes)


def app_variable_defaults(variables: Mapping[str, str]) -> dict[str, str]:
    """The app variables for a theme, with fallbacks for the ones it does not set.

    ``variables`` is the theme's generated variable set (Textual's colour system
    plus the theme's own). Each fallback names one of Textual's variables and is
    resolved against it here, because a CSS variable cannot refer to another one.
    """
    return {
        name: variables.get(fallback.removeprefix("$"), "ansi_default")
        for name, fallback in _FALLBACKS.items()
        if name not in variables
    }


def load_catalog(user_dir: Path | None = None) -> ThemeCatalog:
    """The bundled themes, then the user's (from ``user_dir``, default the config's themes dir).

    A user theme may replace a bundled one by using its name; two user files with
    one name are an error in the second (by file name order).
    """
    themes: dict[str, ThemeSpec] = {}
    problems: list[Diagnostic] = []
    for spec in bundled_themes():
        themes[spec.name] = spec
    folder = settings.themes_dir() if user_dir is None else user_dir
    cache = _theme_cache()
    for path in _user_files(folder, problems):
        spec, diagnostics = cache.read(path, USER, str(path))
        problems += diagnostics
        if spec is None:
            continue
        earlier = themes.get(spec.name)
        if earlier is not None and earlier.origin == USER:
            problems.append(
                Diagnostic(
                    str(path), 0, 0, f"theme '{spec.name}' is already defined in {earlier.path}: skipped"
                )
            )
            continue
        themes[spec.name] = spec
    cache.save()
    return ThemeCatalog(tuple(themes.values()), tuple(problems))


@functools.cache
def bundled_themes() -> tuple[ThemeSpec, ...]:
    """The themes shipped with briefing (checked by the tests, so never skipped in a release)."""
    cache = _theme_cache()
    specs = [cache.read(path, BUNDLED, f"(bundled) {path.name}")[0] for path in _bundled_files()]
    cache.save()
    return tuple(spec for spec in specs if spec is not None)


def _bundled_files() -> list[Path]:
    return sorted(themes_folder().glob("*.yaml"))


def _user_files(folder: Path, problems: list[Diagnostic]) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(Diagnostic(str(folder), 0, 0, f"cannot list themes: {error.strerror or error}"))
        return []
    return [p for p in entries if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")]


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


def to_textual(spec: ThemeSpec) -> Theme:
    """A Textual theme from a checked theme file: what the reader registers, and the last check."""
    from textual.theme import Theme

    theme = Theme(
        name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=dict(spec.variables), **spec.colours
    )
    if spec.luminosity_spread is not None:
        theme.luminosity_spread = spec.luminosity_spread
    if spec.text_alpha is not None:
        theme.text_alpha = spec.text_alpha
    return theme


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


class _SpecCache:
    """The checked values of theme files, kept in one JSON file in the cache folder.

    An entry's key is a SHA-256 over the code that checks theme files (and builds them
    into Textual themes, the last check), the installed Textual (whose parsers they
    are checked with), the file's origin and path, and its bytes: any edit is a miss. Only themes without
    problems are kept, so a file with problems is read, and reported, each time.
    """

    KEEP = 64  # entries; the oldest written go first

    def __init__(self, file: Path) -> None:
        self.file = file
        self.changed = False
        try:
            # read_bytes opens only a regular file: a FIFO or /dev/zero here must not hang or fill memory.
            stored = json.loads(read_bytes(self.file, str(self.file), _MAX_CACHE_SIZE, "theme cache"))
        except (ReadError, ValueError):  # none yet, unreadable, special or damaged: read the files
            stored = {}
        self.entries: dict[str, object] = stored if isinstance(stored, dict) else {}
        textual = importlib.util.find_spec("textual")
        marker = os.stat(textual.origin) if textual is not None and textual.origin else None
        installed = f"{marker.st_mtime_ns} {marker.st_size}" if marker else ""
        self._base = hashlib.sha256(
            code_digest("user.theme_files", "user.yaml_fields", "format.reading", "format.text")
        )
        self._base.update(installed.encode())

    def read(self, path: Path, origin: str, shown: str) -> tuple[ThemeSpec | None, list[Diagnostic]]:
        data = _bytes_or_none(path)
        if data is None:
            return read_theme(path, origin, shown=shown)  # it says why the file cannot be read
        key = self._base.copy()
        key.update(f"\0{origin}\0{path}\0".encode())
        key.update(data)
        name = key.hexdigest()
        spec = _spec_from_json(self.entries.get(name), path, origin)
        if spec is not None:
            return spec, []
        spec, problems = read_theme(path, origin, shown=shown)
        if spec is not None and _bytes_or_none(path) == data:  # not edited while it was read
            self.entries[name] = _spec_to_json(spec)
            self.changed = True
        return spec, problems

    def save(self) -> None:
        if not self.changed:
            return
        self.changed = False
        kept = dict(list(self.entries.items())[-self.KEEP :])
        with contextlib.suppress(OSError):  # a cache that cannot be written: read the files next time
            settings.write_atomic(self.file, json.dumps(kept), durable=False)


def _theme_cache() -> _SpecCache:
    return _spec_cache(settings.cache_dir() / "themes.json")


@functools.cache
def _spec_cache(file: Path) -> _SpecCache:
    # One per cache file and process: the bundled themes and the user's are read at each
    # start, and each _SpecCache reads the file and hashes the checking code.
    return _SpecCache(file)


def _bytes_or_none(path: Path) -> bytes | None:
    """The bytes of a regular file; None for anything else (a FIFO would hang, /dev/zero never end)."""
    try:
        return read_bytes(path, str(path), _MAX_THEME_SIZE, "theme file")
    except ReadError:
        return None


def _spec_to_json(spec: ThemeSpec) -> dict[str, object]:
    return {
        "name": spec.name,
        "colours": dict(spec.colours),
        "variables": dict(spec.variables),
        "dark": spec.dark,
        "ansi": spec.ansi,
        "description": spec.description,
        "luminosity_spread": spec.luminosity_spread,
        "text_alpha": spec.text_alpha,
    }


def _spec_from_json(stored: object, path: Path, origin: str) -> ThemeSpec | None:
    """The spec a cache entry holds; None for no entry, or one not shaped as _spec_to_json writes."""
    if not isinstance(stored, dict):
        return None
    name, colours, variables = stored.get("name"), stored.get("colours"), stored.get("variables")
    dark, ansi, description = stored.get("dark"), stored.get("ansi"), stored.get("description")
    spread, alpha = stored.get("luminosity_spread"), stored.get("text_alpha")
    if not (
        isinstance(name, str)
        and _is_text_mapping(colours)
        and _is_text_mapping(variables)
        and isinstance(dark, bool)
        and isinstance(ansi, bool)
        and isinstance(description, str)
        and (spread is None or isinstance(spread, float))
        and (alpha is None or isinstance(alpha, float))
    ):
        return None
    return ThemeSpec(
        name=name,
        origin=origin,
        path=path,
        colours=MappingProxyType(dict(colours)),  # type: ignore[arg-type]
        variables=MappingProxyType(dict(variables)),  # type: ignore[arg-type]
        dark=dark,
        ansi=ansi,
        description=description,
        luminosity_spread=spread,
        text_alpha=alpha,
    )


def _is_text_mapping(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )
