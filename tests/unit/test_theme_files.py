"""Theme files: the bundled ones are complete and readable; user ones are checked and skipped when bad."""

import json
import subprocess
import sys

import pytest

from briefing.resources import themes_folder
from briefing.user import settings, theme_cache, theme_files
from briefing.user.theme_checks import read_theme
from briefing.user.theme_files import load_catalog
from briefing.user.theme_spec import APP_VARIABLES, BUNDLED, THEME_COLOURS, USER, app_variable_defaults

BUNDLED_NAMES = ("briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-terminal")


def user_theme(name: str, text: str):
    folder = settings.themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_four_bundled_themes_load_without_problems():
    catalog = load_catalog()
    assert catalog.problems == ()
    assert set(BUNDLED_NAMES) <= set(catalog.names)
    assert all(catalog.get(name).origin == BUNDLED for name in BUNDLED_NAMES)
    assert catalog.get("briefing-light").dark is False
    assert catalog.get("briefing-terminal").ansi is True


def test_every_bundled_file_passes_the_checks_a_user_theme_gets():
    # The reader trusts the bundled files, so that reading them needs no Textual: here
    # is where their colours, variable names and text styles are checked against it.
    paths = sorted(themes_folder().glob("*.yaml"))
    assert len(paths) == len(BUNDLED_NAMES)
    for path in paths:
        checked, problems = read_theme(path, USER)
        assert problems == []
        trusted, _ = read_theme(path, BUNDLED)
        assert checked._replace(origin=BUNDLED) == trusted


def test_reading_the_bundled_themes_does_not_import_textual():
    code = (
        "import json, sys; from briefing.user.theme_files import load_catalog; "
        "load_catalog(); print(json.dumps(list(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = json.loads(done.stdout)
    assert "yaml" in imported  # the files were read, not taken from a cache
    assert "textual" not in imported


def test_a_user_theme_is_still_checked_with_textuals_parser():
    user_theme("bad.yaml", "name: bad\nprimary: '#4c9be8'\nvariables:\n  stance-mixed: not-a-colour\n")
    problems = load_catalog().problems
    assert [p.message for p in problems] == ["not a colour: 'not-a-colour'"]


@pytest.mark.parametrize("name", BUNDLED_NAMES)
def test_each_bundled_theme_sets_every_app_variable_and_the_main_colours(name):
    theme = load_catalog().get(name)
    assert set(APP_VARIABLES) <= set(theme.variables)
    assert {"primary", "foreground", "background", "surface", "panel"} <= set(theme.colours)


def contrast_pairs(theme):
    """(what, text colour, background colour) for everything a pane shows as coloured text."""
    pairs = []
    for ground in ("background", "surface"):
        bg = theme.colours[ground]
        pairs.append((f"foreground on {ground}", theme.colours["foreground"], bg))
        for name in APP_VARIABLES:
            if name.startswith(("stance-", "status-")):
                pairs.append((f"{name} on {ground}", theme.variables[name], bg))
    for prefix in ("evidence", "evidence-current", "match", "match-current", "block-cursor"):
        pairs.append(
            (prefix, theme.variables[f"{prefix}-foreground"], theme.variables[f"{prefix}-background"])
        )
    return pairs


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("briefing-dark", 4.5), ("briefing-light", 4.5), ("briefing-high-contrast", 7.0)],
)
def test_every_coloured_text_reads_well_on_its_background(name, minimum):
    """WCAG contrast: 4.5:1 (AA) for the defaults, 7:1 (AAA) for the high-contrast theme."""
    theme = load_catalog().get(name)
    weak = [(what, round(contrast(fg, bg), 2)) for what, fg, bg in contrast_pairs(theme)]
    assert [w for w in weak if w[1] < minimum] == []


def test_the_terminal_theme_uses_only_the_terminal_palette():
    theme = load_catalog().get("briefing-terminal")
    values = [*theme.colours.values(), *(v for k, v in theme.variables.items() if not k.endswith("style"))]
    assert all(v.startswith("ansi_") for v in values)
    # Stance colours must differ from each other where the meaning differs.
    stances = [theme.variables[f"stance-{s}"] for s in ("supportive", "opposed", "concerned", "mixed")]
    assert len(set(stances)) == 4


def test_a_user_theme_is_listed_with_its_origin_and_path():
    path = user_theme("ocean.yaml", "name: ocean\nprimary: '#0077be'\nbackground: '#001f2f'\n")
    catalog = load_catalog()
    ocean = catalog.get("ocean")
    assert ocean.origin == USER and ocean.path == path
    assert dict(ocean.colours) == {"primary": "#0077be", "background": "#001f2f"}


def test_the_name_defaults_to_the_file_name():
    user_theme("sand.yml", "primary: tan\n")
    assert load_catalog().get("sand").colours["primary"] == "tan"


def test_a_bad_colour_is_reported_with_its_line_and_the_theme_is_skipped():
    path = user_theme("broken.yaml", "name: broken\nprimary: '#12345'\nbackground: blak\n")
    catalog = load_catalog()
    assert catalog.get("broken") is None
    assert [(p.path, p.line, p.column, p.message, p.hint) for p in catalog.problems] == [
        (
            str(path),
            2,
            10,
            "not a colour: '#12345'",
            "write a colour as '#rrggbb', 'rgb(r,g,b)', 'hsl(h,s%,l%)', a name, or 'ansi_NAME'",
        ),
        (str(path), 3, 13, "not a colour: 'blak'", "did you mean 'black'?"),
    ]


def test_an_unknown_key_or_variable_skips_the_theme():
    user_theme("a.yaml", "name: a\nprimary: red\nprimery: red\n")
    user_theme("b.yaml", "name: b\nprimary: red\nvariables:\n  stance-oposed: red\n")
    catalog = load_catalog()
    assert catalog.get("a") is None and catalog.get("b") is None
    assert [(p.message, p.hint) for p in catalog.problems] == [
        ("unknown key 'primery' in a theme", "did you mean 'primary'?"),
        ("unknown key 'stance-oposed' in theme variables", "did you mean 'stance-opposed'?"),
    ]


def test_variables_may_be_see_through_colours_and_textual_variables_may_be_set():
    user_theme(
        "c.yaml",
        "primary: red\nvariables:\n  evidence-background: 'yellow 30%'\n  footer-key-foreground: '#ff0'\n"
        "  block-cursor-text-style: bold reverse\n",
    )
    theme = load_catalog().get("c")
    assert dict(theme.variables) == {
        "evidence-background": "yellow 30%",
        "footer-key-foreground": "#ff0",
        "block-cursor-text-style": "bold reverse",
    }


def test_a_see_through_colour_is_not_a_theme_colour():
    path = user_theme("d.yaml", "primary: 'red 50%'\n")
    spec, problems = read_theme(path, USER)
    assert spec is None and problems[0].message == "not a colour: 'red 50%'"
    assert "only under 'variables'" in problems[0].hint


def test_a_theme_without_primary_is_incomplete():
    path = user_theme("e.yaml", "background: black\n")
    spec, problems = read_theme(path, USER)
    assert spec is None and problems[0].message == "a theme needs at least a 'primary' colour"


def test_a_name_that_cannot_be_typed_on_the_command_line_is_refused():
    path = user_theme("f.yaml", "name: My Theme\nprimary: red\n")
    spec, problems = read_theme(path, USER)
    assert spec is None and (problems[0].line, problems[0].key_path) == (1, "name")


def test_dark_must_be_true_or_false():
    path = user_theme("g.yaml", "primary: red\ndark: maybe\n")
    spec, problems = read_theme(path, USER)
    assert spec is None and problems[0].message == "expected true or false, found 'maybe'"


def test_a_user_theme_replaces_a_bundled_one_of_the_same_name_but_two_user_files_clash():
    user_theme("1-mine.yaml", "name: briefing-dark\nprimary: red\n")
    second = user_theme("2-again.yaml", "name: briefing-dark\nprimary: blue\n")
    catalog = load_catalog()
    assert catalog.get("briefing-dark").origin == USER
    assert catalog.get("briefing-dark").colours["primary"] == "red"
    assert catalog.names.count("briefing-dark") == 1
    first = settings.themes_dir() / "1-mine.yaml"
    assert [(p.path, p.message) for p in catalog.problems] == [
        (str(second), f"theme 'briefing-dark' is already defined in {first}: skipped")
    ]


def test_not_yaml_and_empty_files_are_reported_not_raised():
    user_theme("h.yaml", "name: [oops\n")
    user_theme("i.yaml", "")
    catalog = load_catalog()
    messages = [p.message for p in catalog.problems]
    assert messages[0].startswith("YAML syntax:") and messages[1] == "the theme file is empty"


def test_other_files_in_the_themes_folder_are_ignored():
    user_theme("notes.txt", "not a theme")
    user_theme(".hidden.yaml", "garbage: [")
    assert load_catalog().problems == ()


def test_fallbacks_fill_only_the_app_variables_a_theme_leaves_out():
    generated = {"text-success": "#00ff00", "accent-muted": "#553300", "stance-opposed": "pink"}
    defaults = app_variable_defaults(generated)
    assert "stance-opposed" not in defaults
    assert defaults["stance-supportive"] == "#00ff00"
    assert defaults["evidence-background"] == "#553300"
    assert set(defaults) == set(APP_VARIABLES) - {"stance-opposed"}


def test_fallbacks_name_only_variables_textual_generates():
    from textual.theme import BUILTIN_THEMES

    generated = BUILTIN_THEMES["nord"].to_color_system().generate()
    assert "ansi_default" not in app_variable_defaults(generated).values()


def test_theme_colour_names_match_textuals_theme_fields():
    from dataclasses import fields

    from textual.theme import Theme

    assert set(THEME_COLOURS) <= {f.name for f in fields(Theme)}


# -- the cache of checked theme files --------------------------------------------


def as_in_a_new_process() -> None:
    """Forget the themes and the cache file read so far: the process keeps both once read."""
    theme_files.bundled_themes.cache_clear()
    theme_cache._spec_cache.cache_clear()


@pytest.fixture(autouse=True)
def themes_read_afresh():
    """Each test reads the themes into its own cache folder."""
    as_in_a_new_process()


def no_yaml_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a theme file was parsed again")

    monkeypatch.setattr(theme_cache, "read_theme", refuse)


def test_unchanged_theme_files_are_not_parsed_again(monkeypatch):
    text = "name: mine\nprimary: '#336699'\ndark: false\nvariables:\n  match-background: '#ffcc00 40%'\n"
    user_theme("mine.yaml", text)
    first = load_catalog()
    as_in_a_new_process()
    no_yaml_reading(monkeypatch)
    second = load_catalog()
    assert second == first
    mine = second.get("mine")
    assert (mine.origin, mine.dark) == (USER, False)
    assert dict(mine.variables) == {"match-background": "#ffcc00 40%"}


def test_an_edited_theme_file_is_read_again():
    path = user_theme("mine.yaml", "name: mine\nprimary: '#336699'\n")
    assert load_catalog().get("mine").colours["primary"] == "#336699"
    path.write_text("name: mine\nprimary: '#993366'\n", encoding="utf-8")
    assert load_catalog().get("mine").colours["primary"] == "#993366"


def test_a_theme_with_problems_is_reported_on_every_load():
    user_theme("bad.yaml", "name: bad\nprimary: not-a-colour\n")
    for _ in range(2):
        problems = load_catalog().problems
        assert [p.message for p in problems] == ["not a colour: 'not-a-colour'"]


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[1, 2]", b'{"x": 1}'])
def test_a_damaged_cache_only_means_the_files_are_read_again(damage):
    expected = load_catalog()
    cache = settings.cache_dir() / "themes.json"
    assert cache.is_file()
    entries = json.loads(cache.read_bytes())
    cache.write_bytes(damage)
    as_in_a_new_process()
    assert load_catalog() == expected
    # Entries of the wrong shape are misses too, not errors.
    cache.write_text(json.dumps({key: {"name": 3} for key in entries}), encoding="utf-8")
    as_in_a_new_process()
    assert load_catalog() == expected
