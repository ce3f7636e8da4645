"""Opening a briefing goes through one seam, which reads each file from disk once per open."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from briefing import cli, opening
from briefing.format import loader
from briefing.user.settings import cache_dir

REPO = Path(__file__).resolve().parents[2]
BRIEFING = """\
briefing: 1
id: opened
title: Opened once
as_of: "2024-12-07"
sources:
  - id: wire
    title: Wire
    text_file: wire.txt
  - id: again
    title: The same wire, named another way
    text_file: ./wire.txt
events:
  - id: fall
    title: Hama falls
    date: "2024-12-05"
    evidence:
      - {source: wire, quote: Hama fell on 5 December.}
      - {source: again, quote: Homs is next.}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefings"
    folder.mkdir()
    (folder / "wire.txt").write_text("Hama fell on 5 December. Homs is next.\n", encoding="utf-8")
    (folder / "a.yaml").write_text(BRIEFING, encoding="utf-8")
    return folder


@pytest.fixture
def reads(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file of the briefing's folder is opened (every read goes through Path.open)."""
    counted: Counter[str] = Counter()
    real = Path.open

    def counting(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if Path(self).resolve().parent == folder.resolve():
            counted[Path(self).name] += 1
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", counting)
    return counted


def models() -> list[Path]:
    found = cache_dir() / "models"
    return sorted(found.glob("*.pickle")) if found.exists() else []


def test_a_miss_reads_each_file_once_and_caches_the_model(folder, reads):
    briefing, _diagnostics = opening.open_briefing(folder / "a.yaml", cache=True)
    assert briefing is not None and briefing.event("fall").title == "Hama falls"
    assert reads == {"a.yaml": 1, "wire.txt": 1}
    assert len(models()) == 1


def test_a_hit_reads_each_file_once_and_parses_nothing(folder, reads, monkeypatch):
    first = opening.open_briefing(folder / "a.yaml", cache=True)
    reads.clear()

    def parse(*_args, **_kwargs):
        raise AssertionError("parsed although the cache had it")

    monkeypatch.setattr(loader, "check_text", parse)
    assert opening.open_briefing(folder / "a.yaml", cache=True) == first
    assert reads == {"a.yaml": 1, "wire.txt": 1}


def test_an_entry_made_stale_by_an_edited_text_file_still_reads_each_file_once(folder, reads):
    opening.open_briefing(folder / "a.yaml", cache=True)
    (folder / "wire.txt").write_text("Hama fell on 5 December. Homs is next. Damascus after.\n", "utf-8")
    reads.clear()
    briefing, _ = opening.open_briefing(folder / "a.yaml", cache=True)
    assert briefing is not None and briefing.source("wire").text.endswith("Damascus after.\n")
    assert reads == {"a.yaml": 1, "wire.txt": 1}


def test_without_the_cache_each_file_is_read_once_and_nothing_is_cached(folder, reads):
    assert opening.open_briefing(folder / "a.yaml") == loader.check(folder / "a.yaml")
    assert models() == []
    reads.clear()
    opening.open_briefing(folder / "a.yaml")
    assert reads == {"a.yaml": 1, "wire.txt": 1}


@pytest.mark.parametrize(
    "command",
    [["validate"], ["show", "--width", "80"], ["export", "--format", "json"]],
    ids=["validate", "show", "export"],
)
def test_the_commands_read_each_file_once_and_never_the_cache(folder, reads, command, capsys):
    assert cli.main([*command, str(folder / "a.yaml")]) == 0
    assert "Hama falls" in capsys.readouterr().out or command == ["validate"]
    assert reads == {"a.yaml": 1, "wire.txt": 1}
    assert models() == []


def test_an_unreadable_text_file_is_reported_as_the_loader_reports_it_with_or_without_the_cache(folder):
    (folder / "wire.txt").write_bytes(b"\xff\xfe not UTF-8")
    expected = loader.check(folder / "a.yaml")
    assert expected[0] is None
    assert "text_file 'wire.txt': not UTF-8: byte 0xff at offset 0" in expected[1][0].message
    for cache in (False, True, True):
        assert opening.open_briefing(folder / "a.yaml", cache=cache) == expected
    assert models() == []


def test_a_loader_bug_is_one_error_naming_the_file_or_raised_when_asked(folder, monkeypatch):
    def failing(*_args, **_kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(loader, "check_text", failing)
    briefing, [error] = opening.open_briefing(folder / "a.yaml")
    assert briefing is None and error.message == "internal error: ValueError: a bug"
    assert error.path == str(folder / "a.yaml")
    with pytest.raises(ValueError, match="a bug"):
        opening.open_briefing(folder / "a.yaml", raise_bugs=True)


def test_no_module_but_the_seam_opens_a_briefing_itself():
    """Every command and screen opens a briefing through briefing.opening: none imports the
    loader or the model cache on its own."""
    seam = {"briefing/opening.py", "briefing/format/loader.py"}
    private = ("briefing.format.loader", "briefing.model_cache")
    offenders = []
    for path in sorted((REPO / "briefing").rglob("*.py")):
        name = str(path.relative_to(REPO))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported = [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            offenders += [f"{name}: {dotted}" for dotted in imported if dotted.startswith(private)]
    assert [line for line in offenders if line.split(":")[0] not in seam] == []
    assert offenders  # the seam's own imports are found: the check can see an import
