"""A briefing whose one source has a huge inline `text:`, validated against a bare libyaml parse.

    python3 benchmarks/huge_text.py --megabytes 60 --repeat 3     # prints its table

The text is sentences of numbered words (so it has millions of words and many
distinct ones, as a long book does), wrapped at 76 columns, that ten events
quote. A second briefing is the same text with one combining accent (an e
followed by U+0301) in its middle, so the text is no longer in NFC and the
loader must normalise it. Each round runs the libyaml parse, validate of the
plain text and validate of the accented one in turn; figures are medians of
the rounds, peak memory the highest reading.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from processes import run  # noqa: E402

MB = 1_000_000
QUOTES = 10


def _lines(megabytes: float) -> list[str]:
    size = int(megabytes * MB)
    lines: list[str] = []
    total = n = 0
    while total < size:
        line = (
            f"Report {n} says the convoy {n % 9973} reached checkpoint {n % 613} before dusk on day {n % 31}."
        )
        lines.append(line[:76])
        total += len(line[:76]) + 7  # the indentation and the newline
        n += 1
    return lines


def write(folder: Path, megabytes: float) -> tuple[Path, Path]:
    """The plain briefing and the accented one, in ``folder``."""
    lines = _lines(megabytes)
    quotes = [lines[(i * len(lines)) // QUOTES] for i in range(QUOTES)]
    head = [
        "briefing: 1",
        "id: huge-text",
        "title: One huge source text",
        'as_of: "2025-01-10"',
        "sources:",
        "  - id: wire",
        "    title: A very long wire report",
        "    text: |",
    ]
    tail = ["events:"]
    for i, quote in enumerate(quotes):
        tail += [
            f"  - id: event-{i}",
            f'    date: "2025-01-{i + 1:02d}"',
            f"    title: Event {i}",
            "    evidence:",
            f'      - quote: "{quote}"',
        ]
    body = ["      " + line for line in lines]
    plain = folder / "huge-text.yaml"
    plain.write_text("\n".join([*head, *body, *tail]) + "\n", encoding="utf-8")
    middle = len(body) // 2 + 1
    body[middle] = body[middle].replace("reached", "reache\u0301d", 1)
    accented = folder / "huge-text-accent.yaml"
    accented.write_text("\n".join([*head, *body, *tail]) + "\n", encoding="utf-8")
    return plain, accented


def measure_huge_text(
    folder: Path, env: dict[str, str], megabytes: float, repeat: int
) -> dict[str, list[float]]:
    """Seconds and peak bytes of the libyaml parse and of validate (plain, accented), ``repeat`` rounds."""
    folder.mkdir(parents=True, exist_ok=True)
    plain, accented = write(folder, megabytes)
    python = sys.executable
    commands = {
        "libyaml": [python, str(HERE / "libyaml_parse.py"), str(plain)],
        "plain": [python, "-m", "briefing", "validate", "-q", str(plain)],
        "accent": [python, "-m", "briefing", "validate", "-q", str(accented)],
    }
    measured: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            done = run(command, env)
            measured.setdefault(name, []).append(done.seconds)
            measured.setdefault(name + "_rss", []).append(done.peak_rss)
    measured["megabytes"] = [plain.stat().st_size / MB]
    return measured


def huge_text_table(measured: dict[str, list[float]]) -> str:
    def med(name: str) -> float:
        return statistics.median(measured[name])

    def peak(name: str) -> float:
        return max(measured[name + "_rss"]) / (1024 * 1024)

    return "\n".join(
        [
            f"A huge source text ({measured['megabytes'][0]:.0f} MB inline, ten quotes), each a new process:",
            "",
            "| libyaml parse | validate | validate / libyaml | with one accent | accent / plain, time "
            "| peak RSS, libyaml | peak RSS, plain | peak RSS, accent | accent / plain, memory |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {med('libyaml'):.2f} s | {med('plain'):.2f} s | {med('plain') / med('libyaml'):.2f} "
            f"| {med('accent'):.2f} s | {med('accent') / med('plain'):.2f} | {peak('libyaml'):.0f} MB "
            f"| {peak('plain'):.0f} MB | {peak('accent'):.0f} MB | {peak('accent') / peak('plain'):.2f} |",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    from run import environment  # run.py imports this module: imported here, not at the top

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="briefing-huge-text-"))
    print(huge_text_table(measure_huge_text(work, environment(work), args.megabytes, args.repeat)))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
