"""Run a snippet in a child Python under a memory limit and a hang guard, and time it there.

Budget tests use this: an unbounded search or copy dies of MemoryError under the
limit, and the time is measured inside the child, so interpreter start-up is not counted.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space: several times what a bounded run needs


def run(setup: str, measured: str, *, timeout: float = 300, memory: int = MEMORY_LIMIT) -> dict:
    """Run ``setup`` then ``measured``; return the dict ``measured`` leaves in ``result``, with its seconds.

    ``timeout`` is a hang guard, not the speed check: tests assert on ``seconds``.
    """
    program = "\n".join(
        [
            "import json, time",
            "result = {}",
            textwrap.dedent(setup),
            "_start = time.perf_counter()",
            textwrap.dedent(measured),
            "result['seconds'] = time.perf_counter() - _start",
            "import resource",
            "result['peak_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024",
            "print(json.dumps(result))",
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory)),
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
