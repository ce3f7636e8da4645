"""The text commands against validate: `show` and each export, in turns, each a new process.

    python3 benchmarks/commands.py --sizes 10000,100000 --repeat 3   # prints its table

`briefing show FILE` (to a pipe, so without colour, as to a pager or a file)
and `briefing export --format F FILE` do everything validate does and then
write the briefing out; the ratio to validate is the cost of writing it. Each
round runs validate, show and the exports in turn, so a busy moment of a
shared machine falls on all of them alike; figures are medians of the rounds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from processes import run  # noqa: E402

FORMATS = ("markdown", "json", "html")


def measure_commands(path: Path, env: dict[str, str], repeat: int) -> dict[str, list[float]]:
    """Seconds of each command, ``repeat`` rounds of all of them in turn."""
    python = sys.executable
    commands = {
        "validate": [python, "-m", "briefing", "validate", "-q", str(path)],
        "show": [python, "-m", "briefing", "show", str(path)],
        **{f: [python, "-m", "briefing", "export", "--format", f, str(path)] for f in FORMATS},
    }
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            seconds[name].append(run(command, env).seconds)
    return seconds


def ratio(seconds: dict[str, list[float]], name: str) -> float:
    return statistics.median(seconds[name]) / statistics.median(seconds["validate"])


def commands_table(measured: list[tuple[str, dict[str, list[float]]]]) -> str:
    out = [
        "Text commands against validate (each a new process, output to a pipe; medians of rounds run",
        "in turn):",
        "",
        "| briefing | validate | show | show / validate | "
        + " | ".join(f"{f} / validate" for f in FORMATS)
        + " |",
        "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in FORMATS) + " |",
    ]
    for name, seconds in measured:
        out.append(
            f"| {name} | {statistics.median(seconds['validate']):.3f} s "
            f"| {statistics.median(seconds['show']):.3f} s "
            f"| {ratio(seconds, 'show'):.2f} | "
            + " | ".join(f"{ratio(seconds, f):.2f}" for f in FORMATS)
            + " |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from run import environment  # run.py imports this module: imported here, not at the top

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="briefing-commands-"))
    env = environment(work)
    measured = []
    for size in (int(s) for s in args.sizes.split(",")):
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(size), str(work)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        measured.append(
            (f"{size:,} events", measure_commands(work / f"synthetic-{size}.yaml", env, args.repeat))
        )
        print(f"· {size:,} events measured", file=sys.stderr, flush=True)
    print(commands_table(measured))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
