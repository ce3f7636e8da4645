"""The benchmark runs end to end at a tiny size, so it cannot rot between the runs that matter.

No timing is asserted: only that every measurement completes and the report
has its rows. The real numbers come from `python3 benchmarks/run.py`.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_a_tiny_size_and_prints_every_table(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            *(
                "--sizes",
                "50",
                "--repeat",
                "1",
                "--presses",
                "1",
                "--huge-text-mb",
                "0.05",
                "--wire-presses",
                "1",
                "--work",
                str(tmp_path),
            ),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = result.stdout
    # Five measurement tables, each with a row for the sample and one for 50 events.
    assert report.count("| 50 events | 50 |") == 1  # load and validate, with the event count
    assert report.count("| 50 events |") == 5
    assert report.count("| sample |") == 5
    assert "| bytes written for down, sample, 120×40 (median) | ≤ 6 KB |" in report
    assert "| bytes written for esc (search), sample, 120×40 (median) | ≤ 10 KB |" in report
    assert "| show of 10k events / validate | ≤ 2.0 | — | — |" in report  # not measured here
    assert "A huge source text (0 MB inline, ten quotes)" in report  # 50 kB here, 60 MB in the real run
    assert "| validate of a huge source text / bare libyaml parse | ≤ 3.0 |" in report
    assert "| validate of 10k events / bare libyaml parse | ≤ 1.5 | — | — |" in report  # not measured here
    assert "| peak memory at 10k events (reader, first open) | < 100 MB | — | — |" in report
    assert (tmp_path / "briefings" / "synthetic-50.yaml").is_file()
    assert not (REPO / "benchmarks" / "synthetic-50.yaml").exists()
