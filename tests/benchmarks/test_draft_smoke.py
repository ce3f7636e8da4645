"""benchmarks/draft.py runs end to end once, so it cannot rot; no timing is asserted."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_draft_benchmark_runs_and_prints_its_row(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "draft.py"), "--repeat", "1", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| 1000 words |" in result.stdout
    assert (tmp_path / "article-1000.yaml").is_file()
