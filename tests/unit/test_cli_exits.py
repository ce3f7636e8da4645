"""The command line's writes and exits tell the truth (issue 20, item 7).

`validate` checks every file whatever one of them does; a closed pipe or a full
disk is a one-line error with the worst exit code seen; `export -o` replaces
only a regular file; `--width` and `COLUMNS` are clamped; a folder in a pipe is
listed; every file name the CLI prints passes the terminal gate.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cli
from briefing.format import loader
from briefing.render import terminal

VALID = 'briefing: 1\nid: x\ntitle: X\nas_of: "2024-12-07"\nsources:\n  - id: s\n    title: S\n    text: T.\n'
INVALID = VALID.replace("title: X", "title: X\ncolor: red")
HOSTILE_NAME = "a\x1b]0;pwned\x07\x1b[31m\u202e.yaml"


def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    if "stdout" not in kwargs:
        kwargs.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], text=True, timeout=60, stdin=subprocess.DEVNULL, **kwargs
    )


def _write(path: Path, text: str = VALID) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _assert_clean(text: str) -> None:
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in text, repr(text)


# validate a b BAD c


def test_validate_checks_every_file_after_a_missing_file_and_a_folder(tmp_path, capsys):
    a, c = _write(tmp_path / "a.yaml"), _write(tmp_path / "c.yaml")
    missing, folder = tmp_path / "missing.yaml", tmp_path / "folder.yaml"
    folder.mkdir()
    assert cli.main(["validate", str(a), str(missing), str(folder), str(c)]) == 2
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{a}: ok (0 warnings)",
        f"{missing}: cannot be read",
        f"{folder}: cannot be read",
        f"{c}: ok (0 warnings)",
    ]
    assert err.splitlines() == [
        f"briefing: error: {missing}: no such file",
        f"briefing: error: {folder}: is a directory, not a briefing file",
    ]


def test_validate_a_missing_file_outranks_an_invalid_one_and_a_fifo(tmp_path, capsys):
    bad = _write(tmp_path / "bad.yaml", INVALID)
    fifo, missing = tmp_path / "fifo.yaml", tmp_path / "gone.yaml"
    os.mkfifo(fifo)
    assert cli.main(["validate", "-q", str(bad), str(missing), str(fifo)]) == 2
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{bad}: invalid: 1 error, 0 warnings",
        f"{missing}: cannot be read",
        f"{fifo}: invalid: 1 error, 0 warnings",  # the loader's located error, exit 1 alone
    ]
    assert f"{fifo}: error: not a regular file" in err


def test_validate_reports_an_internal_error_for_one_file_and_checks_the_rest(tmp_path, capsys, monkeypatch):
    a, bad, c = _write(tmp_path / "a.yaml"), _write(tmp_path / "bad.yaml"), _write(tmp_path / "c.yaml")
    real_check = loader.check_text

    def check(text, **kwargs):
        if kwargs["shown"] == str(bad):
            raise ValueError("exceeds the limit (4300 digits)")
        return real_check(text, **kwargs)

    monkeypatch.setattr(loader, "check_text", check)
    assert cli.main(["validate", str(a), str(bad), str(c)]) == 3
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{a}: ok (0 warnings)", f"{bad}: not checked", f"{c}: ok (0 warnings)"]
    assert err.startswith(f"{bad}: internal error: ValueError: exceeds the limit (4300 digits)\n")
    assert "--debug" in err and "Traceback" not in err


# Broken pipes and full disks


def _long_folder(tmp_path: Path) -> Path:
    """A folder whose long name makes each output line ~250 bytes: a few hundred fill any pipe."""
    folder = tmp_path / ("d" * 200)
    folder.mkdir()
    return folder


def _read_one_line_then_close(*args: str) -> tuple[int, str, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    err = process.stderr.read()
    return process.wait(timeout=60), first, err


def test_validate_piped_into_head_exits_one_when_a_file_seen_before_the_close_is_invalid(tmp_path):
    folder = _long_folder(tmp_path)
    bad, good = _write(folder / "bad.yaml", INVALID), _write(folder / "good.yaml")
    code, first, err = _read_one_line_then_close("validate", str(bad), *[str(good)] * 600)
    assert first == f"{bad}: invalid: 1 error, 0 warnings\n"
    assert code == 1
    assert "Traceback" not in err and "Exception ignored" not in err and "internal error" not in err


def test_validate_piped_into_head_still_checks_the_files_after_the_close(tmp_path):
    folder = _long_folder(tmp_path)
    bad, good = _write(folder / "bad.yaml", INVALID), _write(folder / "good.yaml")
    code, first, err = _read_one_line_then_close("validate", *[str(good)] * 600, str(bad))
    assert first == f"{good}: ok (0 warnings)\n"
    assert code == 1
    assert f"{bad}:4:1: error: unknown key 'color'" in err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_reader_that_reads_nothing_still_gets_the_runs_exit_code(tmp_path):
    folder = _long_folder(tmp_path)
    bad, good = _write(folder / "bad.yaml", INVALID), _write(folder / "good.yaml")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "validate", str(good), str(bad), *[str(good)] * 600],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `| true`: closed before a byte is read
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in err and "Exception ignored" not in err


def test_validate_with_stderr_in_the_closed_pipe_too_keeps_its_exit_code(tmp_path):
    """`validate ... 2>&1 | head -1`: the diagnostics' own pipe closes under them."""
    bad = _write(_long_folder(tmp_path) / "bad.yaml", INVALID)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "validate", *[str(bad)] * 600],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    process.stdout.close()
    assert first.startswith(f"{bad}:4:1: error: unknown key 'color'")
    assert process.wait(timeout=60) == 1


def test_a_pipe_closed_by_the_reader_is_not_an_error_when_everything_is_valid(tmp_path):
    good = _write(_long_folder(tmp_path) / "good.yaml")
    code, _first, err = _read_one_line_then_close("validate", *[str(good)] * 600)
    assert (code, err) == (0, "")


def test_show_piped_into_head_exits_zero_without_a_traceback(sample_path):
    code, first, err = _read_one_line_then_close("show", str(sample_path))
    assert first.strip() and (code, err) == (0, "")


needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


@needs_dev_full
@pytest.mark.parametrize(
    "args",
    [("show", "{sample}"), ("export", "{sample}", "--format", "json"), ("validate", "{sample}"), ("paths",)],
)
def test_a_full_disk_is_a_one_line_write_error(args, sample_path):
    with open("/dev/full", "w") as full:
        done = _run(*(a.format(sample=sample_path) for a in args), stdout=full, stderr=subprocess.PIPE)
    assert done.stderr == "briefing: error: cannot write to stdout: No space left on device\n"
    assert done.returncode == 2


# export -o replaces only a regular file


def _export_to(sample: Path, target: Path) -> int:
    return cli.main(["export", str(sample), "--format", "markdown", "-o", str(target)])


def test_export_refuses_to_replace_a_fifo(sample_path, tmp_path, capsys):
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    assert _export_to(sample_path, fifo) == 2
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert capsys.readouterr().err == f"briefing: error: {fifo}: not a regular file: refusing to replace it\n"
    assert os.listdir(tmp_path) == ["out.md"]  # no temporary file left


def test_export_refuses_a_symlink_to_a_fifo_and_keeps_the_link(sample_path, tmp_path, capsys):
    fifo, link = tmp_path / "fifo", tmp_path / "out.md"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    assert _export_to(sample_path, link) == 2
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "not a regular file" in capsys.readouterr().err


def test_export_refuses_a_dangling_symlink(sample_path, tmp_path, capsys):
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "nowhere" / "x.md")
    assert _export_to(sample_path, link) == 2
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()
    assert "symbolic link to nothing" in capsys.readouterr().err


def test_export_refuses_a_symlink_loop(sample_path, tmp_path, capsys):
    loop = tmp_path / "out.md"
    loop.symlink_to(loop)
    assert _export_to(sample_path, loop) == 2
    assert loop.is_symlink() and os.listdir(tmp_path) == ["out.md"]
    assert capsys.readouterr().err.startswith(f"briefing: error: {loop}: Too many levels of symbolic links")


def test_export_refuses_a_folder(sample_path, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    assert _export_to(sample_path, folder) == 2
    assert folder.is_dir() and os.listdir(folder) == []
    assert capsys.readouterr().err == f"briefing: error: {folder}: is a directory: refusing to replace it\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_export_refuses_to_replace_a_character_device(sample_path, tmp_path, capsys):
    # A device node of our own, like /dev/null (1, 3), so the test can never harm the system's.
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert _export_to(sample_path, device) == 2
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert "not a regular file" in capsys.readouterr().err


def test_export_to_dev_null_is_refused_and_dev_null_stays_a_device(sample_path, capsys):
    assert _export_to(sample_path, Path("/dev/null")) == 2
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert "/dev/null: not a regular file" in capsys.readouterr().err


def test_export_through_a_symlink_to_a_regular_file_writes_the_file_and_keeps_the_link(
    sample_path, tmp_path, capsys
):
    real, link = _write(tmp_path / "real.md", "old"), tmp_path / "link.md"
    link.symlink_to(real)
    assert _export_to(sample_path, link) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")


def test_export_keeps_an_existing_files_permissions(sample_path, tmp_path):
    target = _write(tmp_path / "out.md", "old")
    target.chmod(0o664)
    assert _export_to(sample_path, target) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text(encoding="utf-8") != "old"


def test_export_gives_a_new_file_the_umask_default(sample_path, tmp_path):
    target = tmp_path / "new.md"
    old = os.umask(0o027)
    try:
        assert _export_to(sample_path, target) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_export_killed_while_writing_leaves_no_temporary_file(signal_name, sample_path, tmp_path):
    """The signal lands while the temporary file is being written (at its fsync)."""
    target = tmp_path / "out" / "sample.md"
    code = (
        "import os, signal, sys; from briefing import cli; from briefing.user import settings; "
        f"settings.os.fsync = lambda fd: os.kill(os.getpid(), signal.{signal_name}); "
        "sys.exit(cli.main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "export", str(sample_path), "--format", "markdown", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 128 + getattr(signal, signal_name)
    assert os.listdir(target.parent) == []
    assert "Traceback" not in done.stderr


# --width and COLUMNS


def test_a_huge_width_is_clamped(monkeypatch):
    assert terminal.show_width(20_000_000) == terminal.MAX_WIDTH == 1000
    monkeypatch.setenv("COLUMNS", "20000000")
    assert terminal.show_width(None) == terminal.MAX_WIDTH


def test_show_width_twenty_million_prints_lines_of_at_most_the_maximum(sample_path, capsys):
    assert cli.main(["show", str(sample_path), "--width", "20000000"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= terminal.MAX_WIDTH


@pytest.mark.parametrize("width", ["0", "-5", "wide"])
def test_a_width_that_is_not_a_positive_number_is_a_usage_error(width, sample_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["show", str(sample_path), f"--width={width}"])
    assert exit_.value.code == 2
    assert "--width" in capsys.readouterr().err


# A folder in a pipe


def test_a_folder_in_a_pipe_is_listed_as_plain_text(tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    _write(folder / "b.yaml", VALID.replace("title: X", "title: Second"))
    _write(folder / "a.yaml")
    _write(folder / "notes.txt", "not a briefing")
    done = _run(str(folder))
    assert done.stdout.splitlines() == [
        f"{folder / 'a.yaml'}\t7 Dec 2024\tcurrent\tX",
        f"{folder / 'b.yaml'}\t7 Dec 2024\tcurrent\tSecond",
    ]
    assert (done.returncode, done.stderr) == (0, "")


def test_a_folder_in_a_pipe_lists_an_invalid_file_with_its_error_and_exits_one(tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    _write(folder / "a.yaml")
    _write(folder / "bad.yaml", INVALID)
    done = _run("open", str(folder))
    assert done.stdout.splitlines() == [
        f"{folder / 'a.yaml'}\t7 Dec 2024\tcurrent\tX",
        f"{folder / 'bad.yaml'}\t\tinvalid\tunknown key 'color' in briefing",
    ]
    assert done.stderr == f"{folder / 'bad.yaml'}:4:1: error: unknown key 'color' in briefing (at color)\n"
    assert done.returncode == 1


def test_an_empty_folder_in_a_pipe_says_so(tmp_path):
    done = _run(str(tmp_path))
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == f"briefing: no briefings (.yaml, .yml) in {tmp_path}\n"


def test_the_reader_without_a_path_in_a_pipe_is_a_usage_error_not_a_full_screen_app():
    done = _run()
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "briefing: error: the reader needs a terminal; name a briefing file or folder to print it as text\n"
    )


# File names the CLI prints


def test_file_names_printed_by_the_cli_cannot_reach_the_terminal(sample_path, tmp_path, capsys):
    folder = tmp_path / "in\x1b]0;x\x07"
    folder.mkdir()
    hostile = _write(folder / HOSTILE_NAME)
    assert cli.main(["validate", str(hostile), str(folder / "gone\x1b[2J.yaml")]) == 2
    out, err = capsys.readouterr()
    _assert_clean(out + err)
    assert "pwned" in out and "gone" in err

    target = tmp_path / f"out{HOSTILE_NAME}.md"
    assert _export_to(sample_path, target) == 0
    err = capsys.readouterr().err
    _assert_clean(err)
    assert err.startswith("wrote ") and "pwned" in err

    assert cli.main(["show", str(folder / "gone\x1b]0;t\x07.yaml")]) == 2
    err = capsys.readouterr().err
    _assert_clean(err)
    assert "no such file" in err


def test_a_file_name_that_is_not_utf8_is_printed_not_an_internal_error(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"\xff.yaml")
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(VALID)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # what a UTF-8 locale gives
    done = _run("validate", os.fsdecode(name), env=env)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{folder}/\ufffd.yaml: ok (0 warnings)\n", "")
    done = _run(str(folder), env=env)
    assert done.returncode == 0 and done.stdout.startswith(f"{folder}/\ufffd.yaml\t7 Dec 2024")


def test_a_file_name_in_a_folder_listing_cannot_reach_the_terminal(tmp_path):
    _write(tmp_path / HOSTILE_NAME)
    done = _run(str(tmp_path))
    _assert_clean(done.stdout + done.stderr)
    assert "pwned" in done.stdout and done.returncode == 0


def test_an_argument_error_naming_a_hostile_word_is_cleaned(capsys):
    with pytest.raises(SystemExit):
        cli.main(["validate", "x.yaml", "--\x1b]0;t\x07"])
    err = capsys.readouterr().err
    _assert_clean(err)
    assert "unrecognized arguments" in err
