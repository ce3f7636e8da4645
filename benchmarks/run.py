"""The benchmark: how fast briefing is, beside baselines measured in the same run.

    python3 benchmarks/run.py                                  # sample + 1k, 10k, 100k events
    python3 benchmarks/run.py --sizes 1000 --repeat 3          # quicker
    python3 benchmarks/run.py --write-readme                   # also update benchmarks/README.md

Every figure is a median of --repeat runs, taken in turns with its baseline
(hello-world Textual app, bare libyaml parse), so a busy machine slows both
alike and the ratios stay meaningful. Each run is a fresh process started with
the same interpreter and environment. Synthetic briefings are generated into
a temporary folder (or --work), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAINT_ROUNDS = 25  # first paints of briefings up to 10,000 events (see measure)
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from commands import FORMATS, commands_table, measure_commands  # noqa: E402
from commands import ratio as command_ratio  # noqa: E402
from huge_text import huge_text_table, measure_huge_text  # noqa: E402
from processes import first_paint, run  # noqa: E402
from wire import measure as measure_wire  # noqa: E402
from wire import wire_table  # noqa: E402

SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
README = HERE / "README.md"
START, END = "<!-- results: start -->", "<!-- results: end -->"
MB = 1024 * 1024
QUERIES = {"sample": "Homs", "synthetic": "corridor"}  # typed into the search, key by key


@dataclass
class Result:
    name: str
    path: Path
    events: int
    file_bytes: int
    validate: list[float] = field(default_factory=list)
    libyaml: list[float] = field(default_factory=list)
    libyaml_no_gc: list[float] = field(default_factory=list)
    validate_rss: list[int] = field(default_factory=list)
    hello: list[float] = field(default_factory=list)
    first_open: list[float] = field(default_factory=list)
    second_open: list[float] = field(default_factory=list)
    first_open_rss: list[int] = field(default_factory=list)
    second_open_rss: list[int] = field(default_factory=list)
    keys: dict[str, object] = field(default_factory=dict)
    commands: dict[str, list[float]] = field(default_factory=dict)  # seconds of validate, show, exports
    wire: dict[str, object] = field(default_factory=dict)  # bytes written per key (wire.py)


def environment(work: Path) -> dict[str, str]:
    """What every measured process runs with: this checkout, isolated user folders, a real terminal type.

    Bytecode is cached (under the work folder, not the repository), as it is
    for an installed package, so no run pays for compiling Python source.
    """
    drop = {"NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith(("TEXTUAL", "XDG_"))}
    env.update(
        PYTHONPATH=str(REPO),
        PYTHONPYCACHEPREFIX=str(work / "pycache"),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_CACHE_HOME=str(work / "cache"),
        XDG_STATE_HOME=str(work / "state"),
        XDG_DATA_HOME=str(work / "data"),
    )
    return env


def helper(script: str, *args: str, env: dict[str, str]) -> object:
    """Run one of the benchmark's own scripts and return the JSON it prints."""
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def measure(
    result: Result, env: dict[str, str], work: Path, repeat: int, presses: int, query: str, wire_presses: int
) -> None:
    python = sys.executable
    path = str(result.path)
    say(f"{result.name}: validate and libyaml parse, {repeat} times each")
    for _ in range(repeat):
        validated = run([python, "-m", "briefing", "validate", "-q", path], env)
        result.validate.append(validated.seconds)
        result.validate_rss.append(validated.peak_rss)
        result.libyaml.append(run([python, str(HERE / "libyaml_parse.py"), path], env).seconds)
        result.libyaml_no_gc.append(
            run([python, str(HERE / "libyaml_parse.py"), "--no-gc", path], env).seconds
        )
    shown = helper("markers.py", path, env=env)
    assert isinstance(shown, dict)
    markers, result.events = shown["markers"], shown["events"]
    cache = work / "cache"
    # The paint targets (the sample's, 10k's second open) sit within the noise of one round's ratio
    # (single rounds of the sample: 1.2 to 1.9): more rounds, where a round takes seconds, not 25 s.
    rounds = max(repeat, PAINT_ROUNDS) if result.events <= 10_000 else repeat
    say(f"{result.name}: first paint (first and second open) and hello-world, {rounds} times each")
    for _ in range(rounds):
        result.hello.append(first_paint([python, str(HERE / "hello.py")], env, ["Hello, world"]).seconds)
        shutil.rmtree(cache, ignore_errors=True)  # nothing cached: the file is parsed
        first = first_paint([python, "-m", "briefing", path], env, markers)
        second = first_paint([python, "-m", "briefing", path], env, markers)  # from the cache
        result.first_open.append(first.seconds)
        result.first_open_rss.append(first.peak_rss)
        result.second_open.append(second.seconds)
        result.second_open_rss.append(second.peak_rss)
    say(f"{result.name}: show and exports against validate, {repeat} rounds")
    result.commands = measure_commands(result.path, env, repeat)
    say(f"{result.name}: bytes per key in a pseudo-terminal, {wire_presses} presses each")
    result.wire = measure_wire([python, "-m", "briefing", path], env, query, wire_presses)
    say(f"{result.name}: keystrokes in the reader, {presses} presses each")
    keys = helper("keystrokes.py", path, query, "--presses", str(presses), env=env)
    assert isinstance(keys, dict)
    result.keys = keys


def say(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def seconds(values: list[float]) -> str:
    return f"{median(values):.3f} s"


def megabytes(values: list[int] | int) -> str:
    peak = max(values) if isinstance(values, list) else values
    return f"{peak / MB:.0f} MB"


def ratio(numerator: list[float], denominator: list[float]) -> float:
    """The median of the rounds' ratios: each round measures both in turn, so a round slowed by
    the machine slows both, where a ratio of the two medians could take them from different rounds."""
    if len(numerator) == len(denominator):
        return median([n / d for n, d in zip(numerator, denominator, strict=True)])
    return median(numerator) / median(denominator)


def key_ms(result: Result, kind: str) -> str:
    figures = result.keys.get(kind)
    assert isinstance(figures, dict)
    return f"{figures['median_ms']:.1f} ({figures['max_ms']:.0f})"


def tables(results: list[Result]) -> str:
    out = [
        "Load and validate (`briefing validate -q FILE` against a bare libyaml parse of the same file,",
        "each a new process):",
        "",
        "| briefing | events | file | validate | libyaml parse | ratio | libyaml, collector off "
        "| validate peak RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        out.append(
            f"| {r.name} | {r.events:,} | {r.file_bytes / MB:.1f} MB | {seconds(r.validate)} "
            f"| {seconds(r.libyaml)} | {ratio(r.validate, r.libyaml):.2f} | {seconds(r.libyaml_no_gc)} "
            f"| {megabytes(r.validate_rss)} |"
        )
    out += [
        "",
        "First paint (process start until every pane shows its first line, in a 120×36 pseudo-terminal):",
        "",
        "| briefing | first open | second open (cached) | hello-world | first / hello | second / hello "
        "| peak RSS, first open | peak RSS, second open |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        out.append(
            f"| {r.name} | {seconds(r.first_open)} | {seconds(r.second_open)} | {seconds(r.hello)} "
            f"| {ratio(r.first_open, r.hello):.2f} | {ratio(r.second_open, r.hello):.2f} "
            f"| {megabytes(r.first_open_rss)} | {megabytes(r.second_open_rss)} |"
        )
    out += [
        "",
        "Keystrokes in the Timeline, in-process with the pilot: median (worst) milliseconds from the key",
        "to the repainted screen; search is each key typed into the search field:",
        "",
        "| briefing | down | page down | end | search, per key | unbound key (floor) "
        "| background indexing | peak RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        peak = r.keys.get("peak_rss")
        assert isinstance(peak, int)
        out.append(
            f"| {r.name} | {key_ms(r, 'move')} | {key_ms(r, 'page')} | {key_ms(r, 'end')} "
            f"| {key_ms(r, 'search')} | {key_ms(r, 'idle')} | {r.keys.get('background_s', 0):.2f} s "
            f"| {megabytes(peak)} |"
        )
    out += ["", commands_table([(r.name, r.commands) for r in results])]
    out += ["", wire_table([(r.name, r.wire) for r in results])]
    return "\n".join(out)


@dataclass(frozen=True)
class Target:
    what: str
    limit: str
    measured: str
    met: bool | None  # None: not measured in this run


def targets(results: list[Result], huge: dict[str, list[float]] | None = None) -> list[Target]:
    by_events = {r.events: r for r in results if r.name != "sample"}
    sample = next((r for r in results if r.name == "sample"), None)
    found: list[Target] = []

    def add(what: str, limit: str, value: float | None, fmt: str, ok: bool | None) -> None:
        found.append(Target(what, limit, "—" if value is None else fmt.format(value), ok))

    value = ratio(sample.first_open, sample.hello) if sample else None
    add("first paint of the sample (first open) / hello-world", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
    value = ratio(sample.second_open, sample.hello) if sample else None
    add("first paint of the sample (second open) / hello-world", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
    ten = by_events.get(10_000)
    value = ratio(ten.validate, ten.libyaml) if ten else None
    add("validate of 10k events / bare libyaml parse", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
    value = ratio(ten.second_open, ten.hello) if ten else None
    add("first paint of 10k events (second open) / hello-world", "≤ 2.0", value, "{:.2f}", _le(value, 2.0))
    hundred = by_events.get(100_000)
    for size, label in ((ten, "10k"), (hundred, "100k")):
        value = command_ratio(size.commands, "show") if size else None
        add(f"show of {label} events / validate", "≤ 2.0", value, "{:.2f}", _le(value, 2.0))
        value = max(command_ratio(size.commands, f) for f in FORMATS) if size else None
        add(f"slowest export of {label} events / validate", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
    if huge:
        value = median(huge["plain"]) / median(huge["libyaml"])
        add("validate of a huge source text / bare libyaml parse", "≤ 3.0", value, "{:.2f}", _le(value, 3.0))
        value = median(huge["accent"]) / median(huge["plain"])
        add("the same with one combining accent / plain, time", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
        value = max(huge["accent_rss"]) / max(huge["plain_rss"])
        add("the same with one combining accent / plain, memory", "≤ 1.5", value, "{:.2f}", _le(value, 1.5))
    keys = sample.wire.get("keys") if sample else None
    wire_limits = (("down", 6), ("page down", 6), ("/ (search)", 10), ("search character", 10))
    for key, limit in (*wire_limits, ("enter (search)", 10), ("esc (search)", 10)):
        value = keys[key]["median_bytes"] / 1000 if isinstance(keys, dict) else None
        add(
            f"bytes written for {key}, sample, 120×40 (median)",
            f"≤ {limit} KB",
            value,
            "{:.1f} KB",
            _le(value, limit),
        )
    value = median(hundred.second_open) if hundred else None
    add("first paint of 100k events (second open)", "< 5 s", value, "{:.2f} s", _lt(value, 5))
    value = median(hundred.first_open) if hundred else None
    add("first paint of 100k events (first open, not a target)", "—", value, "{:.2f} s", None)
    for kind, label in (("move", "move"), ("page", "page"), ("search", "search")):
        figures = hundred.keys.get(kind) if hundred else None
        value = figures["median_ms"] if isinstance(figures, dict) else None
        add(
            f"keystroke latency at 100k events: {label} (median)",
            "< 50 ms",
            value,
            "{:.1f} ms",
            _lt(value, 50),
        )
    if hundred:
        peak_key = hundred.keys.get("peak_rss")
        assert isinstance(peak_key, int)
        value = max(max(hundred.second_open_rss), peak_key) / MB
    else:
        value = None
    add("peak memory at 100k events (reader, second open)", "< 500 MB", value, "{:.0f} MB", _lt(value, 500))
    value = max(hundred.first_open_rss) / MB if hundred else None
    add("peak memory at 100k events (reader, first open)", "< 1 GB", value, "{:.0f} MB", _lt(value, 1024))
    value = max(hundred.validate_rss) / MB if hundred else None
    add("peak memory at 100k events (validate)", "< 1 GB", value, "{:.0f} MB", _lt(value, 1024))
    value = ratio(hundred.first_open, hundred.libyaml) if hundred else None
    add(
        "first paint of 100k events (first open) / bare libyaml parse",
        "≤ 1.5",
        value,
        "{:.2f}",
        _le(value, 1.5),
    )
    for label, figures in (
        ("reader, first open", ten.first_open_rss if ten else None),
        ("validate", ten.validate_rss if ten else None),
    ):
        value = max(figures) / MB if figures else None
        add(f"peak memory at 10k events ({label})", "< 100 MB", value, "{:.0f} MB", _lt(value, 100))
    return found


def _le(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _lt(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def target_table(found: list[Target]) -> str:
    out = ["| target | limit | measured | met |", "| --- | --- | ---: | --- |"]
    marks = {True: "yes", False: "**no**", None: "—"}
    out += [f"| {t.what} | {t.limit} | {t.measured} | {marks[t.met]} |" for t in found]
    return "\n".join(out)


def machine() -> str:
    import textual
    import yaml

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    libyaml = yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "none"
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} CPUs ({cpu}) · "
        f"{platform.system()} {platform.release()} · Python {platform.python_version()} · "
        f"Textual {textual.__version__} · PyYAML {yaml.__version__} with libyaml {libyaml}"
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    before, _, rest = readme.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        raise SystemExit(f"{README} has no {START} … {END} section to replace")
    README.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="events per synthetic briefing")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each process measurement (median)")
    parser.add_argument("--presses", type=int, default=15, help="presses of each key measured")
    parser.add_argument(
        "--work", type=Path, help="folder for generated files and caches (default: a temp one)"
    )
    parser.add_argument("--wire-presses", type=int, default=3, help="presses of each key counted in bytes")
    parser.add_argument(
        "--huge-text-mb", type=float, default=60, help="size of the huge source text's briefing"
    )
    parser.add_argument("--write-readme", action="store_true", help=f"replace the results in {README.name}")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = environment(work)
    say(f"working in {work}")
    # Warm up: compile bytecode into the cache and bring files into the page cache.
    first_paint([sys.executable, str(HERE / "hello.py")], env, ["Hello, world"])
    run([sys.executable, "-m", "briefing", "validate", "-q", str(SAMPLE)], env)

    results = [Result("sample", SAMPLE, 0, SAMPLE.stat().st_size)]
    for size in sizes:
        # In a child process: generating 100k events takes memory this process need not keep.
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(size), str(work / "briefings")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        path = work / "briefings" / f"synthetic-{size}.yaml"
        results.append(Result(f"{size:,} events", path, size, path.stat().st_size))
    for result in results:
        query = QUERIES["sample" if result.path == SAMPLE else "synthetic"]
        measure(result, env, work, args.repeat, args.presses, query, args.wire_presses)
    say(
        f"a huge source text of {args.huge_text_mb:g} MB: libyaml, validate, with an accent, "
        f"{args.repeat} rounds"
    )
    huge = measure_huge_text(work / "huge", env, args.huge_text_mb, args.repeat)
    report = "\n\n".join(
        [
            f"Measured {machine()}.",
            tables(results),
            huge_text_table(huge),
            target_table(targets(results, huge)),
        ]
    )
    print(report)
    if args.write_readme:
        write_readme(report)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
