"""User files that cannot hurt: config.yaml, theme files, state.json and the theme cache.

Whatever sits where briefing looks for them (a FIFO, a device, a symlink to
either, a file where a folder should be, a theme Textual would refuse, escapes
in names and values) is a located problem or a one-line message: never a hang,
a crash or a byte a terminal would act on.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing import cli
from briefing.user import settings, state
from briefing.user.settings import Config, load_config
from briefing.user.theme_files import USER, load_catalog, read_theme

ESC = "\x1b"
SECONDS = 10  # far more than any of these takes; a hang fails instead of stopping the suite


def within(seconds: float, work: Callable[[], object], fifo: Path | None = None) -> object:
    """``work()``'s result, failing the test if it takes longer than ``seconds``.

    A read blocked on ``fifo`` is let go afterwards (a writer opens and closes it), so a
    failing test ends instead of leaving the run hanging.
    """
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(seconds)
        pytest.fail(f"still running after {seconds} s")
    return result[0]


def limited_memory() -> None:
    # A read of /dev/zero that never ends would fill the machine: 2 GiB, then MemoryError.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``briefing ARGS`` in a child process, as a user runs it (same XDG folders as the test)."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limited_memory,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- themes as the reader would apply them -------------------------------------------------


def test_a_background_textual_cannot_parse_is_reported_where_it_is_and_the_theme_skipped():
    # "auto 90%" is a colour for text; as a background the reader's stylesheet fails to parse.
    path = write(
        settings.themes_dir() / "auto.yaml",
        "primary: '#336699'\nvariables:\n  evidence-background: auto 90%\n",
    )
    catalog = load_catalog()
    assert catalog.get("auto") is None
    [problem] = catalog.problems
    assert (problem.path, problem.line, problem.column, problem.key_path) == (
        str(path),
        3,
        24,
        "variables.evidence-background",
    )
    assert problem.message == "'auto 90%' cannot be used as a background"
    assert "for text colours, not backgrounds" in (problem.hint or "")


def test_the_same_value_as_a_text_colour_and_textuals_own_value_forms_are_accepted():
    path = write(
        settings.themes_dir() / "fine.yaml",
        "primary: '#336699'\n"
        "variables:\n"
        "  evidence-foreground: auto 90%\n"
        "  text-muted: auto 60%\n"
        "  block-cursor-foreground: auto 87%\n"
        "  footer-key-background: transparent\n"
        "  link-style-hover: bold not underline\n",  # a text style, though its name ends in -hover
    )
    spec, problems = read_theme(path, USER)
    assert problems == []
    assert spec is not None and spec.variables["link-style-hover"] == "bold not underline"


def test_every_variable_textual_generates_for_its_own_themes_passes_the_check():
    # The check must not refuse what Textual itself produces, in any of its themes.
    from textual.theme import BUILTIN_THEMES

    from briefing.user import theme_checks
    from briefing.user.theme_checks import css_properties
    from briefing.user.yaml_fields import Reporter

    reporter = Reporter("generated")
    for theme in BUILTIN_THEMES.values():
        for name, value in theme.to_color_system().generate().items():
            assert theme_checks._applied(reporter, None, name, value, css_properties(name)) == value
    assert reporter.diagnostics == []


def test_themes_lists_the_problem_and_exits_one_instead_of_the_reader_stopping_later():
    path = write(
        settings.themes_dir() / "auto.yaml", "primary: red\nvariables:\n  match-background: auto 50%\n"
    )
    result = run_cli("themes")
    assert result.returncode == 1
    assert " auto " not in result.stdout
    assert f"{path}:3:21: error: 'auto 50%' cannot be used as a background" in result.stderr


# -- special files are refused without being opened ----------------------------------------


@pytest.mark.parametrize("name", ["x.yaml", "y.yml"])
def test_a_fifo_in_the_themes_folder_is_refused_without_waiting_for_a_writer(name):
    fifo = settings.themes_dir() / name
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    write(settings.themes_dir() / "ok.yaml", "primary: '#336699'\n")
    catalog = within(SECONDS, load_catalog, fifo)
    assert catalog.get("ok") is not None  # the other themes still load
    [problem] = catalog.problems
    assert problem.path == str(fifo) and "not a regular file" in problem.message


def test_a_symlink_to_dev_zero_in_the_themes_folder_is_refused_not_read_for_ever():
    link = settings.themes_dir() / "zero.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to("/dev/zero")
    result = run_cli("themes")  # under a memory limit: before, it read until memory ran out
    assert result.returncode == 1
    assert f"{link}: error: not a regular file, so not a theme file" in result.stderr


def test_a_fifo_as_the_theme_cache_is_ignored_and_the_themes_still_load():
    fifo = settings.cache_dir() / "themes.json"
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)
    write(settings.themes_dir() / "ok.yaml", "primary: '#336699'\n")
    from briefing.user import theme_cache

    theme_cache._spec_cache.cache_clear()  # a fresh process: the cache file is opened anew
    try:
        catalog = within(SECONDS, load_catalog, fifo)
    finally:
        theme_cache._spec_cache.cache_clear()
    assert catalog.get("ok") is not None and catalog.problems == ()


def make_special(path, kind: str) -> None:
    """A FIFO, or a symlink to /dev/zero, at ``path``: opening either would hang or never end."""
    path.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_state_file_is_reported_not_opened(kind):
    path = state.state_path()
    make_special(path, kind)
    loaded, problems = within(SECONDS, state.load_state, path if kind == "fifo" else None)
    assert loaded == state.State()
    assert [p.message for p in problems] == ["not a regular file, so not a state file"]
    assert not path.is_file() and not list(path.parent.glob("state.json.corrupt-*"))  # left as it is


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_config_file_is_ignored_as_a_whole_not_opened(kind):
    path = settings.config_path()
    make_special(path, kind)
    config, [problem] = within(SECONDS, load_config, path if kind == "fifo" else None)
    assert config == Config()
    assert (problem.message, problem.hint) == (
        "not a regular file, so not a config file",
        "the file is ignored: using defaults",
    )


def test_a_state_file_over_the_size_limit_is_still_set_aside(monkeypatch):
    monkeypatch.setattr(state, "_MAX_STATE_SIZE", 10)
    path = write(state.state_path(), '{"version": 1, "views": {}}')
    loaded, [problem] = state.load_state()
    assert loaded == state.State() and "moved to state.json.corrupt-" in problem.message
    assert not path.exists()


# -- an unreadable config folder -----------------------------------------------------------


def config_folder_is_a_file() -> Path:
    folder = settings.config_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder\n", encoding="utf-8")
    return folder


def test_a_config_folder_that_is_a_file_is_one_problem_and_the_defaults():
    folder = config_folder_is_a_file()
    config, [problem] = load_config()
    assert config == Config()
    assert problem.message == f"cannot read the config file: {folder} is a file, not a folder"
    assert problem.hint == "using defaults"


def test_a_config_folder_without_permission_is_one_problem_and_the_defaults(monkeypatch):
    # As root (the test machine) chmod 000 does not stop a stat: the EACCES it gives
    # another user is simulated; the test below does it for real when not root.
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if str(path).startswith(str(settings.config_dir())):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    config, [problem] = load_config()
    assert config == Config() and problem.message == "cannot read the config file: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads through chmod 000")
def test_a_config_folder_with_mode_000_is_one_problem_for_another_user():
    folder = settings.config_dir()
    write(folder / "config.yaml", "mouse: false\n")
    folder.chmod(0)
    try:
        config, [problem] = load_config()
    finally:
        folder.chmod(0o755)
    assert config == Config() and problem.message == "cannot read the config file: permission denied"


def test_a_config_path_too_long_to_look_at_is_one_problem_not_a_crash(monkeypatch, tmp_path):
    # ENAMETOOLONG fails a stat for root too: the real error an unreadable folder gives.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ("a" * 300)))
    config, [problem] = load_config()
    assert config == Config()
    assert problem.message == "cannot read the config file: File name too long"


@pytest.mark.parametrize("how", ["a file", "too long"])
def test_paths_and_themes_print_one_line_for_an_unreadable_config_folder(how, monkeypatch, tmp_path):
    if how == "a file":
        config_folder_is_a_file()
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ("a" * 300)))
    paths = run_cli("paths")
    assert paths.returncode == 0, paths.stderr
    assert paths.stdout.startswith("config     ")
    assert paths.stderr.startswith(f"{settings.config_path()}: error: cannot read the config file: ")
    assert len(paths.stderr.splitlines()) == 2  # the problem and its hint
    themes = run_cli("themes")
    assert themes.returncode == 1, themes.stderr  # the themes folder cannot be listed
    assert "* briefing-dark" in themes.stdout
    assert themes.stderr.startswith(f"{settings.themes_dir()}: error: cannot list themes: ")
    assert "internal error" not in paths.stderr + themes.stderr
    assert "this theme file is skipped" not in themes.stderr  # it is a folder, not a theme file


# -- at most a few notices -----------------------------------------------------------------


def test_three_problems_are_shown_and_the_rest_counted_with_the_command_that_lists_them(capsys):
    write(settings.config_path(), "".join(f"k{i}: 1\n" for i in range(500)))
    _config, problems = load_config()
    assert len(problems) == 500
    shown = settings.notices(problems)
    assert shown[:3] == [p.format() for p in problems[:3]]
    assert shown[3:] == ["and 497 more problems with your settings: run `briefing paths` to see them"]
    # ... and that command does list them all.
    assert cli.main(["paths"]) == 0
    assert capsys.readouterr().err.count("error: unknown key") == 500


def test_checking_config_yaml_stops_after_a_thousand_problems_however_many_the_file_holds():
    # A file of 3,000 bad keys (or 100,000: the 1 MiB limit) is not a config anyone means;
    # each problem costs a "did you mean" search, all before the reader's first screen.
    write(settings.config_path(), "".join(f"k{i}: 1\n" for i in range(3000)) + "mouse: false\n")
    config, problems = load_config()
    assert config == Config()  # what comes after the stop is not applied
    assert len(problems) == 1001
    assert (problems[-1].line, problems[-1].message, problems[-1].hint) == (
        1001,
        "stopped checking after 1,000 problems",
        "the rest of the file is ignored: fix these first",
    )
    assert settings.notices(problems)[-1] == (
        "and 998 more problems with your settings: run `briefing paths` to see them"
    )


def test_the_stop_applies_inside_keys_too():
    text = "keys:\n" + "".join(f"  nope{i}: x\n" for i in range(1500)) + "mouse: false\n"
    write(settings.config_path(), text)
    config, problems = load_config(known_bindings={"quit"})
    assert len(problems) == 1001 and problems[-1].message == "stopped checking after 1,000 problems"
    assert problems[-1].line == 1002 and config == Config()


def test_theme_problems_beyond_the_first_few_point_at_briefing_themes():
    for index in range(5):
        write(settings.themes_dir() / f"bad{index}.yaml", "primary: '#ggg'\n")
    assert settings.notices(load_catalog().problems)[-1] == (
        "and 2 more problems with your settings: run `briefing themes` to see them"
    )
    assert len(settings.notices(load_catalog().problems[:3])) == 3  # no count when nothing is left out


# -- nothing from a file reaches the terminal but through the gate ------------------------


@pytest.mark.parametrize("key", ["\\e[31m", "\\e]0;x\\a", "\\u2028", "\\x9b2J", "\\u202e"])
def test_a_key_name_with_a_control_or_unprintable_character_is_refused_where_it_is(key):
    path = write(settings.config_path(), f'keys:\n  quit: ["x", "{key}"]\n')
    config, [problem] = load_config(known_bindings={"quit"})
    assert dict(config.keys) == {}
    assert (problem.path, problem.line, problem.column, problem.key_path) == (str(path), 2, 15, "keys.quit")
    assert problem.message.startswith("not a key: ")
    assert problem.format().isprintable() or "\n" in problem.format()
    assert ESC not in problem.format() and "\x9b" not in problem.format()


def test_paths_cleans_the_briefings_folder_written_in_config_yaml():
    write(settings.config_path(), 'briefings: "/tmp/\\e]0;owned\\a\\e[2J"\n')
    result = run_cli("paths")
    assert result.returncode == 0
    assert ESC not in result.stdout and "\a" not in result.stdout
    assert "briefings  /tmp/\ufffd]0;owned\ufffd\ufffd[2J\n" in result.stdout


def test_themes_cleans_theme_file_names_and_the_theme_in_use():
    write(settings.themes_dir() / "mine\x1b]0;title\x07.yaml", "name: mine\nprimary: red\n")
    write(settings.config_path(), 'theme: "nord\\e[2J"\n')
    result = run_cli("themes")
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout + result.stderr and "\a" not in result.stdout
    assert "  mine " in result.stdout and "* in use: nord\ufffd[2J" in result.stdout


def test_tags_in_config_and_theme_files_reach_stderr_cleaned():
    write(settings.config_path(), "theme: !<%1B]0;x%07> nord\n")
    write(settings.themes_dir() / "t.yaml", "primary: !e%1B%5B31m red\n")
    paths, themes = run_cli("paths"), run_cli("themes")
    assert "YAML tag" in paths.stderr and "YAML tag" in themes.stderr
    assert ESC not in paths.stderr + themes.stderr and "\a" not in paths.stderr + themes.stderr


def test_a_theme_description_is_kept_on_one_clean_line():
    path = write(settings.themes_dir() / "d.yaml", 'description: "a\\e[31m\\nb\\u2028c"\nprimary: red\n')
    spec, problems = read_theme(path, USER)
    assert problems == [] and spec is not None
    assert spec.description == "a\ufffd[31m b c"
