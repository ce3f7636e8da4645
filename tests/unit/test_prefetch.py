"""A first open parses the briefing and the themes in a second process while Textual loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.tui import prefetch

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "tests" / "data" / "invalid" / "wrong-types.yaml"

# Builds the reader as the CLI does, in a fresh process, and says what that process
# had to import and what the cache holds afterwards.
PREPARE = """
import json, os, sys
from pathlib import Path
from platformdirs import user_cache_dir
if {one_core}:
    os.sched_setaffinity(0, [min(os.sched_getaffinity(0))])
from briefing.tui.launch import prepare
app = prepare(Path({path!r}), theme=None, max_size=None)
cache = Path(user_cache_dir("briefing"))
print(json.dumps({{
    "opened": app.briefing is not None,
    "diagnostics": len(app.diagnostics),
    "yaml_here": any(m.split(".")[0] == "yaml" for m in sys.modules),
    "models": len(list((cache / "models").glob("*.pickle"))),
    "themes_cached": (cache / "themes.json").is_file(),
}}))
"""


def prepared(path: Path, *, one_core: bool = False) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PREPARE.format(path=str(path), one_core=one_core)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # the child prints nothing, whatever happens in it
    return json.loads(done.stdout)


needs_two_cores = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="the second process only runs beside a spare core"
)


@needs_two_cores
def test_a_first_open_is_parsed_by_a_second_process(sample_path):
    # The reader's process never imports PyYAML: the child parsed the briefing and the
    # themes and cached both, and the reader took them from the cache.
    assert prepared(sample_path) == {
        "opened": True,
        "diagnostics": 0,
        "yaml_here": False,
        "models": 1,
        "themes_cached": True,
    }


def test_on_one_core_the_reader_parses_the_briefing_itself(sample_path):
    assert prepared(sample_path, one_core=True) == {
        "opened": True,
        "diagnostics": 0,
        "yaml_here": True,
        "models": 1,
        "themes_cached": True,
    }


@needs_two_cores
def test_an_invalid_briefing_is_still_reported_by_the_reader(tmp_path):
    # The child finds the errors too, but only caches valid briefings and prints
    # nothing; the reader parses the file again and shows its 8 errors.
    broken = tmp_path / "wrong-types.yaml"
    broken.write_bytes(INVALID.read_bytes())
    assert prepared(broken) == {
        "opened": False,
        "diagnostics": 8,
        "yaml_here": True,
        "models": 0,
        "themes_cached": True,
    }


@needs_two_cores
def test_no_second_process_for_a_cached_big_or_unreadable_file(sample_path, tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (prefetch.LARGEST + 1))  # parsing it in place beats pickling it there
    small = tmp_path / "small.yaml"
    small.write_bytes(b"# 21 bytes of nothing")
    cases = [
        f"start(Path({str(sample_path)!r}), None)",  # not cached yet: a child
        f"start(Path({str(sample_path)!r}), None)",  # cached by that child
        f"start(Path({str(big)!r}), None)",
        f"start(Path({str(small)!r}), 10)",  # over --max-size: the reader says so
        f"start(Path({str(tmp_path / 'missing.yaml')!r}), None)",
        f"start(Path({str(tmp_path)!r}), None)",  # a folder opens the library
    ]
    # In a fresh process: pytest's own may run threads, and then nothing is forked.
    code = "from pathlib import Path; from briefing.tui.prefetch import start, wait\n" + "".join(
        f"pid = {case}; wait(pid); print(pid is not None)\n" for case in cases
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "False", "False", "False", "False"]
