"""Paired rounds of first paint: several checkouts of briefing beside hello-world, in turns.

    python3 benchmarks/compare.py --variant current=/path/a --variant stock=/path/b [--rounds 30]
    python3 benchmarks/compare.py ... --briefing big.yaml --rounds 5   # e.g. the memory of 100k events
    python3 benchmarks/compare.py ... --briefing big.yaml --keys corridor --rounds 3   # keystrokes.py

For deciding whether a piece of the reader's machinery earns its place: the
same briefing opened by each checkout (its folder on PYTHONPATH), each round
hello-world first and then every checkout in a rotating order, so that a busy
moment of the machine falls on all of them alike. Prints one JSON object: per
checkout, the medians of its time and of each round's ratio to that round's
hello-world, the median of its paired difference from the first checkout (ms),
and its peak memory. Each checkout has its own cache folder, filled by one
untimed run first, so ``--open second`` (the default) reads the model cache.
With ``--keys QUERY``, each round runs ``keystrokes.py`` under each checkout
instead (one cache folder for all: the model cache's key is the same for
checkouts whose model code is), and the medians over rounds of its medians
are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from processes import first_paint  # noqa: E402
from run import SAMPLE, environment  # noqa: E402

MB = 1024 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", action="append", required=True, help="NAME=FOLDER of a checkout")
    parser.add_argument("--briefing", type=Path, default=SAMPLE)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--open", choices=("first", "second"), default="second")
    parser.add_argument("--keys", metavar="QUERY", help="time keystrokes.py instead, typing QUERY")
    args = parser.parse_args(argv)
    variants = dict(v.split("=", 1) for v in args.variant)
    work = Path(tempfile.mkdtemp(prefix="briefing-compare-"))
    python = sys.executable
    if args.keys is not None:
        print(json.dumps(keys(variants, args.briefing, args.keys, args.rounds, work), indent=1))
        shutil.rmtree(work, ignore_errors=True)
        return 0
    hello_env = environment(work / "hello")
    envs = {name: {**environment(work / name), "PYTHONPATH": folder} for name, folder in variants.items()}
    markers = json.loads(_helper_output(python, envs[next(iter(envs))], args.briefing))["markers"]
    command = [python, "-m", "briefing", str(args.briefing)]
    first_paint([python, str(HERE / "hello.py")], hello_env, ["Hello, world"])  # warm up
    for env in envs.values():
        first_paint(command, env, markers, timeout=900)  # bytecode, and the model cache
    hello: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in variants}
    rss: dict[str, list[int]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(args.rounds):
        hello.append(first_paint([python, str(HERE / "hello.py")], hello_env, ["Hello, world"]).seconds)
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            if args.open == "first":
                shutil.rmtree(work / name / "cache", ignore_errors=True)
            paint = first_paint(command, envs[name], markers, timeout=900)
            times[name].append(paint.seconds)
            rss[name].append(paint.peak_rss)
        print(f"round {round_ + 1}/{args.rounds}", file=sys.stderr)
    reference = names[0]
    report = {
        "briefing": str(args.briefing),
        "open": args.open,
        "rounds": args.rounds,
        "hello_s": round(statistics.median(hello), 4),
        "variants": {
            name: {
                "median_s": round(statistics.median(times[name]), 4),
                "ratio_to_hello": round(
                    statistics.median(t / h for t, h in zip(times[name], hello, strict=True)), 3
                ),
                "minus_" + reference + "_ms": round(
                    statistics.median(
                        (t - r) * 1000 for t, r in zip(times[name], times[reference], strict=True)
                    ),
                    1,
                ),
                "peak_rss_mb": round(statistics.median(rss[name]) / MB),
            }
            for name in names
        },
        "seconds": {"hello": [round(h, 4) for h in hello]}
        | {name: [round(t, 4) for t in times[name]] for name in names},
    }
    print(json.dumps(report, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    return 0


def keys(variants: dict[str, str], briefing: Path, query: str, rounds: int, work: Path) -> dict[str, object]:
    """keystrokes.py under each checkout, in turns: per kind of key, the median of its medians."""
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            env = {**environment(work), "PYTHONPATH": variants[name]}
            done = subprocess.run(
                [sys.executable, str(HERE / "keystrokes.py"), str(briefing), query],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            runs[name].append(json.loads(done.stdout))
        print(f"round {round_ + 1}/{rounds}", file=sys.stderr)
    kinds = ("idle", "move", "page", "end", "search")
    return {
        name: {
            **{k: round(statistics.median(r[k]["median_ms"] for r in got), 1) for k in kinds},  # type: ignore[index]
            "medians": {k: [r[k]["median_ms"] for r in got] for k in kinds},  # type: ignore[index]
            "peak_rss_mb": round(statistics.median(int(r["peak_rss"]) for r in got) / MB),  # type: ignore[call-overload]
        }
        for name, got in runs.items()
    }


def _helper_output(python: str, env: dict[str, str], briefing: Path) -> str:
    done = subprocess.run(
        [python, str(HERE / "markers.py"), str(briefing)], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


if __name__ == "__main__":
    sys.exit(main())
