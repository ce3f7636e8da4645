"""Reading never writes: the briefing's folder is byte-for-byte the same after a session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .terminal import Terminal

REPO = Path(__file__).resolve().parents[2]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_a_reading_session_leaves_the_briefing_folder_untouched(tmp_path):
    folder = tmp_path / "briefings"
    folder.mkdir()
    for name in ("hts-offensive-2024-12.yaml", "article.txt"):
        shutil.copy2(REPO / "sample_data" / name, folder / name)
    before = snapshot(folder)
    term = Terminal(
        [sys.executable, "-m", "briefing", str(folder / "hts-offensive-2024-12.yaml")],
        size=(120, 40),
        cwd=str(tmp_path),
    )
    try:
        term.wait_for("HTS advances toward Damascus", "1 Timeline")
        term.press("j", "j", "2", "f", "3", "enter")
        term.wait_for("Turkey")
        term.press("escape", "i")
        term.wait_for("Overview")
        term.press("escape", "/", "Homs", "enter", "n", "escape", "q")
        assert term.wait_exit() == 0
    finally:
        term.close()
    assert snapshot(folder) == before
