"""config.yaml: defaults, every key, and located reports for unknown keys and bad values."""

from pathlib import Path

from briefing.user import settings
from briefing.user.settings import Config, load_config


def write_config(text: str) -> Path:
    path = settings.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_dir_follows_xdg_config_home(isolated_environment):
    assert settings.config_path() == isolated_environment / "config" / "briefing" / "config.yaml"
    assert settings.themes_dir() == isolated_environment / "config" / "briefing" / "themes"
    assert settings.state_dir() == isolated_environment / "state" / "briefing"


def test_no_config_file_means_defaults_and_no_problems():
    config, problems = load_config()
    assert config == Config() and problems == []
    assert config.mouse is True and config.theme is None and dict(config.keys) == {}


def test_every_key_is_read():
    path = write_config(
        "theme: briefing-light\n"
        "mouse: off\n"
        "keys:\n"
        "  quit: ctrl+c\n"
        "  search: [slash, ctrl+f]\n"
        "briefings: ~/work/briefings\n"
    )
    config, problems = load_config(path, known_bindings={"quit", "search"})
    assert problems == []
    assert config.theme == "briefing-light"
    assert config.mouse is False
    assert dict(config.keys) == {"quit": "ctrl+c", "search": "slash,ctrl+f"}
    assert config.briefings == Path.home() / "work" / "briefings"


def test_the_binding_ids_are_worked_out_only_for_a_file_with_keys():
    """Listing every binding imports every screen: the reader starts quicker without it."""
    asked: list[bool] = []

    def known() -> set[str]:
        asked.append(True)
        return {"quit"}

    load_config(write_config("mouse: off\n"), known_bindings=known)
    assert asked == []
    with_keys = write_config("keys:\n  quit: ctrl+c\n  serch: ctrl+f\n")
    _config, problems = load_config(with_keys, known_bindings=known)
    assert asked == [True]
    assert [p.message for p in problems] == ["no key binding has the id 'serch'"]


def test_a_relative_briefings_folder_is_relative_to_the_config_file():
    path = write_config("briefings: mine\n")
    config, _ = load_config(path)
    assert config.briefings_dir == path.parent / "mine"


def test_without_a_briefings_key_the_folder_is_documents_briefings(isolated_environment):
    config, _ = load_config()
    assert config.briefings_dir.name == "briefings"
    assert config.briefings_dir.is_relative_to(isolated_environment)


def test_unknown_key_is_reported_with_its_line_and_a_suggestion_and_the_rest_still_applies():
    path = write_config("theme: nord\nmause: false\n")
    config, problems = load_config(path)
    assert config.theme == "nord" and config.mouse is True
    assert [p.format() for p in problems] == [
        f"{path}:2:1: error: unknown key 'mause' in config.yaml (at mause)\n  hint: did you mean 'mouse'?"
    ]


def test_a_bad_value_keeps_that_default_and_is_located():
    path = write_config("mouse: sometimes\ntheme: nord\n")
    config, problems = load_config(path)
    assert config.mouse is True and config.theme == "nord"
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (1, 8)
    assert "expected true or false, found 'sometimes'" in problems[0].message


def test_a_binding_id_no_binding_has_is_reported_with_the_nearest_id():
    path = write_config("keys:\n  qiut: ctrl+c\n  search: ctrl+f\n")
    config, problems = load_config(path, known_bindings={"quit", "search"})
    assert dict(config.keys) == {"search": "ctrl+f"}
    assert [(p.line, p.column, p.message, p.hint) for p in problems] == [
        (2, 3, "no key binding has the id 'qiut'", "did you mean 'quit'?")
    ]


def test_a_key_with_a_space_in_it_is_not_a_key():
    path = write_config("keys:\n  quit: [ctrl+c, 'ctrl c']\n")
    config, problems = load_config(path)
    assert dict(config.keys) == {}
    assert [(p.line, p.column, p.message) for p in problems] == [(2, 18, "not a key: 'ctrl c'")]


def test_a_file_that_is_not_yaml_is_reported_ignored_and_left_as_it_is():
    text = "theme: [unclosed\nmouse: false\n"
    path = write_config(text)
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1 and problems[0].message.startswith("YAML syntax:")
    assert problems[0].line == 2 and problems[0].hint == "the file is ignored: using defaults"
    assert path.read_text(encoding="utf-8") == text


def test_a_list_at_the_top_is_not_a_config():
    path = write_config("- theme\n- nord\n")
    config, problems = load_config(path)
    assert config == Config()
    assert problems[0].message == "a config file is a mapping of keys, but this is a list"


def test_tags_are_refused_before_anything_is_built():
    path = write_config("theme: !!python/object:os.system echo\n")
    config, problems = load_config(path)
    assert config == Config()
    assert "YAML tag '!!python/object:os.system' is not allowed" in problems[0].message


def test_binary_junk_is_reported_not_raised():
    path = settings.config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    config, problems = load_config(path)
    assert config == Config() and "binary data" in problems[0].message


def test_an_empty_config_file_is_fine():
    config, problems = load_config(write_config("# nothing yet\n"))
    assert config == Config() and problems == []


def test_control_characters_in_a_key_never_reach_the_message():
    path = write_config('"th\\e[31meme": nord\n')
    _config, problems = load_config(path)
    assert "\x1b" not in problems[0].format()
