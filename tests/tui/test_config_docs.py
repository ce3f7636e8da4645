"""docs/config.md stays in step with the code: every config key, binding id and theme variable."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.tui.bindings import binding_ids, config_table
from briefing.user.settings import CONFIG_KEYS
from briefing.user.theme_spec import APP_VARIABLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "config.md"


def table_ids(heading: str) -> set[str]:
    """The `code` in the first column of the table under ``heading``."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    table = section[section.index("\n|") : section.index("\n\n", section.index("\n|"))]
    return set(re.findall(r"^\| `([^`]+)`", table, flags=re.MULTILINE))


def test_every_binding_id_is_documented_and_no_other():
    assert table_ids("### Binding ids") == binding_ids()


def test_the_binding_table_is_the_registry_s():
    """Change the keys in briefing/tui/keys.py, then paste bindings.config_table() into the doc."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("### Binding ids") :]
    start = section.index("\n|") + 1
    assert section[start : section.index("\n\n", start) + 1] == config_table()


def test_every_config_key_is_documented():
    assert table_ids("## config.yaml") == set(CONFIG_KEYS)


def test_every_app_theme_variable_is_documented():
    assert table_ids("The app's variables:") == set(APP_VARIABLES)


def yaml_block(heading: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    start = section.index("```yaml\n") + len("```yaml\n")
    return section[start : section.index("```", start)]


def test_the_example_config_is_valid(tmp_path):
    from briefing.tui.launch import available_themes
    from briefing.user.settings import load_config
    from briefing.user.theme_files import load_catalog

    path = tmp_path / "config.yaml"
    path.write_text(yaml_block("## config.yaml"), encoding="utf-8")
    config, problems = load_config(
        path, known_bindings=binding_ids(), known_themes=available_themes(load_catalog().names)
    )
    assert problems == []
    assert config.mouse is False and dict(config.keys) == {"quit": "ctrl+c", "search": "slash,ctrl+f"}


def test_the_example_theme_is_valid(tmp_path):
    from briefing.user.theme_checks import read_theme
    from briefing.user.theme_spec import USER

    path = tmp_path / "ocean.yaml"
    path.write_text(yaml_block("### Adding a theme"), encoding="utf-8")
    spec, problems = read_theme(path, USER)
    assert problems == [] and spec.name == "ocean"
