"""Files that are not briefings at all: each a one-line error naming the file, and a non-zero exit."""

import os
from pathlib import Path

import pytest

from briefing import cli
from briefing.format import loader

MINIMAL = (
    'briefing: 1\nid: x\ntitle: X\nas_of: "2024-12-07"\nsources:\n  - id: s\n    title: S\n    text: T.\n'
)


def run(capsys, *args):
    code = cli.main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "nope.yaml")
    assert code == 2 and err == f"briefing: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_directory_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "is a directory" in err


def test_symlink_loop(tmp_path, capsys):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    code, _, err = run(capsys, loop)
    assert code == 2 and err.strip().endswith("symbolic link loop")


def test_unreadable_file_says_permission_denied(tmp_path, monkeypatch):
    # Tests run as root in CI, where chmod 000 does not stop reads; simulate the refusal.
    path = tmp_path / "secret.yaml"
    path.write_text(MINIMAL, encoding="utf-8")

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    briefing, diagnostics = loader.check(path)
    assert briefing is None
    assert [d.format() for d in diagnostics] == [f"{path}: error: permission denied"]


def test_size_limit_and_override(tmp_path, capsys):
    path = tmp_path / "big.yaml"
    path.write_text(MINIMAL + "x-padding: " + "a" * 5000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--max-size", "4k", path)
    assert code == 1
    assert "over the size limit of 4.0 KiB" in err and "--max-size" in err
    code, out, _ = run(capsys, "--max-size", "1M", path)
    assert code == 0 and "ok" in out


def test_bad_max_size_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["validate", "--max-size", "lots", "x.yaml"])
    assert stop.value.code == 2
    assert "not a size" in capsys.readouterr().err


def test_fifo_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code, _, err = run(capsys, fifo)
    assert code == 1 and "not a regular file" in err


def test_text_file_symlink_cannot_escape_the_folder(tmp_path, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret text.", encoding="utf-8")
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "article.txt").symlink_to(outside)
    path = folder / "b.yaml"
    path.write_text(MINIMAL.replace("text: T.", "text_file: article.txt"), encoding="utf-8")
    code, _, err = run(capsys, path)
    assert code == 1 and "leads outside the briefing's folder" in err


def test_text_file_inside_a_subfolder_is_read(tmp_path, capsys):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Hama fell on Thursday.", encoding="utf-8")
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL.replace("text: T.", "text_file: texts/a.txt"), encoding="utf-8")
    briefing = loader.load(path)
    assert briefing.sources[0].text == "Hama fell on Thursday."
    assert briefing.sources[0].text_file == "texts/a.txt"


def test_text_file_that_is_not_utf8_is_located(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(b"line one\nbad \xff byte\n")
    path = tmp_path / "b.yaml"
    path.write_text(MINIMAL.replace("text: T.", "text_file: a.txt"), encoding="utf-8")
    code, _, err = run(capsys, path)
    assert code == 1
    assert "text_file 'a.txt': not UTF-8: byte 0xff at offset 13 cannot be decoded at line 2, column 5" in err
