"""`briefing export` as a user runs it: to stdout, to a file, and refusing bad requests."""

from __future__ import annotations

import json

import pytest

from briefing import cli
from briefing.format.loader import load
from briefing.render import FORMATS, export


def test_export_to_stdout_and_to_a_file(sample_path, tmp_path, capsys):
    assert cli.main(["export", str(sample_path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert len(json.loads(out)["briefing"]["events"]) == 22
    target = tmp_path / "sample.html"
    assert cli.main(["export", str(sample_path), "--format", "html", "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == export(load(sample_path), "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_invalid_briefing_is_reported_and_nothing_is_written(tmp_path, capsys, fmt):
    bad = tmp_path / "bad.yaml"
    bad.write_text('briefing: 1\nid: x\ntitle: X\nas_of: "2024-13"\nsources: []\n', encoding="utf-8")
    target = tmp_path / "out.md"
    assert cli.main(["export", str(bad), "--format", fmt, "-o", str(target)]) == 1
    assert "month 13 does not exist" in capsys.readouterr().err
    assert not target.exists()


def test_unknown_format_is_a_usage_error(sample_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["export", str(sample_path), "--format", "pdf"])
    assert exit_.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["briefing.yaml", "article.txt"])
def test_export_never_overwrites_the_briefing_or_a_source_text_it_reads(sample_path, tmp_path, capsys, name):
    """-o naming the briefing, or the article its source is read from (text_file), is refused."""
    import shutil

    shutil.copy(sample_path, tmp_path / "briefing.yaml")
    shutil.copy(sample_path.parent / "article.txt", tmp_path / "article.txt")
    target = tmp_path / name
    before = target.read_bytes()
    assert cli.main(["export", str(tmp_path / "briefing.yaml"), "--format", "csv", "-o", str(target)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert target.read_bytes() == before
