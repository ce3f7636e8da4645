"""`briefing draft` on a 1,000-word article, against `briefing validate` of the draft it writes.

python3 benchmarks/draft.py [--repeat 5] [--work DIR]

The article is the sample's (about 880 words) followed by paragraphs of the test
articles until it holds 1,000 words, written to a work folder (a temporary one by
default), never into the repository. Each figure is the median wall time of
fresh processes (`python -m briefing ...`, this checkout first on PYTHONPATH),
run in turns. The target of issue 25: the draft in under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = 1000
TARGET_S = 1.0


def article(folder: Path) -> Path:
    texts = [
        REPO / "sample_data" / "article.txt",
        *sorted((REPO / "tests" / "data" / "articles").glob("*.txt")),
    ]
    paragraphs: list[str] = []
    for path in texts:
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            if sum(len(p.split()) for p in paragraphs) >= WORDS:
                break
            if len(paragraph.split()) > 25:  # prose only, not a site's headline or footer
                paragraphs.append(paragraph.strip())
    words = " ".join(paragraphs).split()[:WORDS]
    path = folder / "article-1000.txt"
    path.write_text(" ".join(words) + "\n", encoding="utf-8")
    return path


def _time(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "briefing", *args], check=True, capture_output=True, env=env, timeout=120
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--work", type=Path, help="folder for the article and the draft (default: a temporary one)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        source = article(work)
        out = work / "article-1000.yaml"
        draft_args = ["draft", str(source), "--published", "2024-12-07", "-o", str(out), "--force"]
        drafts, validates = [], []
        for _ in range(args.repeat):
            drafts.append(_time(draft_args))
            validates.append(_time(["validate", "-q", str(out)]))
        draft_s, validate_s = statistics.median(drafts), statistics.median(validates)
        words = len(source.read_text(encoding="utf-8").split())
        print("| article | draft (s) | validate of the draft (s) | draft / validate | target |")
        print("| --- | --- | --- | --- | --- |")
        verdict = "met" if draft_s < TARGET_S else "NOT met"
        row = f"| {words} words | {draft_s:.2f} | {validate_s:.2f} | {draft_s / validate_s:.1f} |"
        print(f"{row} draft < {TARGET_S:.0f} s: {verdict} |")


if __name__ == "__main__":
    main()
