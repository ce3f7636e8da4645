"""`briefing themes` and `briefing paths`, as a user at a shell sees them."""

import subprocess
import sys

from briefing import cli
from briefing.user import settings


def test_paths_prints_config_themes_state_and_briefings_folders(isolated_environment, capsys):
    assert cli.main(["paths"]) == 0
    out = capsys.readouterr().out
    home = isolated_environment
    assert f"config     {home}/config/briefing/config.yaml\n" in out
    assert f"themes     {home}/config/briefing/themes\n" in out
    assert f"state      {home}/state/briefing\n" in out
    assert "briefings  " in out


def test_paths_shows_the_configured_briefings_folder_and_reports_config_problems(tmp_path, capsys):
    settings.config_dir().mkdir(parents=True)
    settings.config_path().write_text(f"briefings: {tmp_path}\ncolour: red\n", encoding="utf-8")
    assert cli.main(["paths"]) == 0
    out, err = capsys.readouterr()
    assert f"briefings  {tmp_path}\n" in out
    assert f"{settings.config_path()}:2:1: error: unknown key 'colour' in config.yaml" in err


def test_themes_lists_bundled_user_and_textual_themes_with_their_origin(capsys):
    settings.themes_dir().mkdir(parents=True)
    mine = settings.themes_dir() / "mine.yaml"
    mine.write_text("primary: '#336699'\n", encoding="utf-8")
    assert cli.main(["themes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "* briefing-dark           bundled  Default dark theme" in lines  # the one in use
    assert f"  mine                    user     {mine}" in lines
    assert "  nord                    textual  built into Textual" in lines
    assert "  briefing-terminal       bundled  The terminal's 16 colours (SSH, no true colour)" in lines


def test_themes_marks_the_configured_theme_in_use(capsys):
    settings.config_dir().mkdir(parents=True)
    settings.config_path().write_text("theme: nord\n", encoding="utf-8")
    cli.main(["themes"])
    out = capsys.readouterr().out
    assert "* nord " in out and "* briefing-dark" not in out


def test_a_broken_theme_file_is_reported_once_and_makes_themes_exit_one(capsys):
    settings.themes_dir().mkdir(parents=True)
    bad = settings.themes_dir() / "bad.yaml"
    bad.write_text("name: bad\nprimary: '#ggg'\nbogus: 1\n", encoding="utf-8")
    assert cli.main(["themes"]) == 1
    out, err = capsys.readouterr()
    assert " bad " not in out
    assert err.count("this theme file is skipped") == 1
    assert f"{bad}:2:10: error: not a colour: '#ggg' (at primary)" in err
    assert f"{bad}:3:1: error: unknown key 'bogus' in a theme (at bogus)" in err


def test_settings_state_library_and_watch_never_import_textual_or_rich():
    code = (
        "import sys; import briefing.user.settings, briefing.user.state, briefing.user.library, "
        "briefing.user.watch, "
        "briefing.user.theme_files; from briefing import cli; cli.main(['paths']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
