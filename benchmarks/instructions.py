"""Instructions (cachegrind) from process start to the first frame: the reader's, or hello-world's.

    python3 benchmarks/instructions.py BRIEFING.yaml      # the reader as the CLI starts it
    python3 benchmarks/instructions.py --hello            # benchmarks/hello.py
    PYTHONPATH=/other/checkout python3 benchmarks/instructions.py BRIEFING.yaml

Prints the count. The process runs under valgrind in a 120x36 pseudo-terminal
and leaves the moment its first frame is out (Textual's Ready), so nothing
after it counts. Counts repeat to about 0.3% where times on a shared machine
move by 30%: what to compare when a change is worth a few milliseconds. Run
the same command once first so that bytecode is cached (the count includes
compiling what is not), and keep PYTHONDONTWRITEBYTECODE unset; a cached
model (the second open) is read when the cache folder has one.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import tempfile
import termios
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(target: str) -> None:
    """Run the reader (or hello-world) and leave as soon as its first frame is out."""
    if target == "--hello":
        sys.path.insert(0, str(HERE))
        from hello import Hello

        class Quick(Hello):
            def on_ready(self) -> None:
                os._exit(0)

        Quick().run()
        return
    from briefing.tui import launch

    launch._resume_collector = lambda: os._exit(0)  # called by on_ready, just after the first frame
    sys.exit(launch.launch(Path(target), theme=None, max_size=None, debug=False))


def in_terminal(command: list[str]) -> int:
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:  # the child has closed its terminal
            break
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.split("\n\n")[1])
        return 2
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    target = argv[0]
    in_terminal([sys.executable, __file__, "--child", target])  # bytecode cached, files read once
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cachegrind.out"
        valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
        code = in_terminal([*valgrind, sys.executable, __file__, "--child", target])
        summary = next(line for line in out.read_text().splitlines() if line.startswith("summary:"))
    print(int(summary.split()[1]))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
