"""`briefing validate` and the top-level error handler, as a user at a shell sees them."""

import subprocess
import sys

from briefing import cli
from briefing.format import loader

VALID = 'briefing: 1\nid: x\ntitle: X\nas_of: "2024-12-07"\nsources:\n  - id: s\n    title: S\n    text: T.\n'


def test_valid_files_exit_zero_with_a_summary_each(tmp_path, capsys):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(VALID, encoding="utf-8")
    b.write_text(VALID, encoding="utf-8")
    assert cli.main(["validate", str(a), str(b)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{a}: ok (0 warnings)\n{b}: ok (0 warnings)\n" and err == ""


def test_one_invalid_file_makes_the_run_fail_but_all_are_checked(tmp_path, capsys):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad.write_text(VALID.replace("title: X", "title: X\ncolor: red"), encoding="utf-8")
    assert cli.main(["validate", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{bad}: invalid: 1 error, 0 warnings\n{good}: ok (0 warnings)\n"
    assert err == f"{bad}:4:1: error: unknown key 'color' in briefing (at color)\n"


def test_usage_errors_exit_two(capsys, tmp_path):
    assert cli.main(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_an_internal_error_is_reported_without_a_traceback(tmp_path, capsys, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text(VALID, encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(loader, "check_text", broken)
    assert cli.main(["validate", str(path)]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: division by zero" in err
    assert "--debug" in err and "Traceback" not in err
    assert cli.main(["--debug", "validate", str(path)]) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_cli(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout == f"{path}: ok (0 warnings)\n"


def test_briefing_path_alone_opens_it_without_the_argument_parser(tmp_path):
    """`briefing FILE` is what people type most: it must behave as `briefing open FILE`
    (here in a pipe, so the text view), without importing argparse (about 10 ms)."""
    path = tmp_path / "a.yaml"
    path.write_text(VALID, encoding="utf-8")
    code = (
        "import sys; from briefing import cli; code = cli.main(sys.argv[1:]); "
        "print('argparse' in sys.modules, code, file=sys.stderr)"
    )
    for argv, imported in (([str(path)], "False"), (["open", str(path)], "True")):
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60)
        assert done.stdout.startswith("X\n"), done.stdout
        assert done.stderr.split() == [imported, "0"]


def test_a_missing_path_alone_is_a_usage_error(tmp_path, capsys):
    assert cli.main([str(tmp_path / "missing.yaml")]) == 2
    assert f"{tmp_path / 'missing.yaml'}: no such file or folder" in capsys.readouterr().err
