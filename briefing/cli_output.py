"""How the command line writes: exit codes, the terminal gate, and writes that tell the truth.

Writes tell the truth. A reader that closes the pipe early (`| head`) is not an
error in itself: output stops quietly, but the exit code is still that of the
whole run, so `validate a BAD b | head -1` checks every file and exits 1. Any
other failure to write stdout (a full disk) is the one line "cannot write to
stdout: <reason>" and exit 2.

Every file name the CLI prints itself passes the terminal gate, text.one_line
(and a name that is not UTF-8 shows U+FFFD where its bad bytes are).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from briefing.format.text import REPLACEMENT, one_line

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(text: object) -> str:
    """``text`` as the CLI prints it: through the terminal gate, and printable in any locale.

    A file name that is not UTF-8 reaches Python as lone surrogates, which a UTF-8
    stdout refuses to encode (UnicodeEncodeError): they are shown as U+FFFD.
    """
    return _SURROGATES.sub(REPLACEMENT, one_line(text))


class UsageError(Exception):
    """A problem with the command line or the files named on it (exit 2)."""


class ReaderGone(Exception):
    """The reader of stdout or stderr closed the pipe (`| head`): stop writing to it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__("the pipe was closed")
        self.stream = stream


class OutputError(Exception):
    """stdout or stderr cannot be written (a full disk, an I/O error): exit 2."""

    def __init__(self, name: str, stream: TextIO, error: OSError) -> None:
        super().__init__(f"cannot write to {name}: {error.strerror or error}")
        self.stream = stream


class _Guarded:
    """A standard stream whose write errors say which stream failed.

    Without this, a full disk on stdout is an OSError like any other and would
    be reported as an internal error; and a closed pipe could not be told from
    a broken pipe to some other process.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise ReaderGone(self._stream) from None
        except OSError as error:
            raise OutputError(self._name, self._stream, error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone(self._stream) from None
        except OSError as error:
            raise OutputError(self._name, self._stream, error) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = _Guarded(saved[0], "stdout")  # type: ignore[assignment]
    sys.stderr = _Guarded(saved[1], "stderr")  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def text_command(run: Callable[[], int]) -> int:
    """Run a command that prints text; its exit code survives a reader that stopped reading."""
    from briefing.user.settings import signals_as_exit

    with guarded(), signals_as_exit():
        code = run()
        try:
            sys.stdout.flush()  # here, not at interpreter exit, so a failure is reported
        except ReaderGone as gone:
            silence(gone.stream)
        return code


def silence(stream: TextIO) -> None:
    """Point a stream that can no longer be written at /dev/null.

    Python flushes stdout once more at exit; on a closed pipe or a full disk
    that flush would print "Exception ignored ... BrokenPipeError" and exit 120.
    """
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def say(text: str, *, err: bool = False) -> None:
    """Print a line of a report that goes on when its reader has gone (exit codes still count)."""
    stream = sys.stderr if err else sys.stdout
    try:
        print(text, file=stream)
    except ReaderGone as gone:
        silence(gone.stream)


def tell(text: str) -> None:
    """A last message on stderr; if even that cannot be written, there is no one left to tell."""
    try:
        print(text, file=sys.stderr)
    except OSError:
        silence(sys.stderr)


def report_bug(error: Exception, debug: bool, where: str = "briefing") -> None:
    if debug:
        try:
            traceback.print_exc()
        except OSError:
            silence(sys.stderr)
    tell(
        f"{where}: internal error: {type(error).__name__}: {printable(error)}\n"
        "  This is a bug in briefing; rerun with --debug to see the traceback."
    )
