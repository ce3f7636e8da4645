"""Files `export -o` writes get the mode a new file normally gets (issue 23, item 7).

A new file is 0666 less the umask, as `cmd > file` would make it, not the 0600
a temporary file starts with; an existing file keeps its mode, whatever the
umask; the write stays atomic (nothing but the target is left in the folder).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cli
from briefing.render import FORMATS
from briefing.user.settings import write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _export(sample: Path, target: Path, fmt: str, umask: int) -> int:
    old = os.umask(umask)
    try:
        return cli.main(["export", str(sample), "--format", fmt, "-o", str(target)])
    finally:
        os.umask(old)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_0666_less_the_umask(sample_path, tmp_path, fmt, umask, expected):
    target = tmp_path / f"out.{fmt}"
    assert _export(sample_path, target, fmt, umask) == 0
    assert _mode(target) == expected
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left beside it


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_an_existing_0664_file_keeps_its_mode_under_any_umask(sample_path, tmp_path, umask):
    target = tmp_path / "shared.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    assert _export(sample_path, target, "markdown", umask) == 0
    assert _mode(target) == 0o664
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_write_atomic_under_umask_077_makes_a_private_file(tmp_path):
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "new.txt", "data", durable=False)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.txt") == 0o600


def test_the_umask_of_a_real_shell_run_is_honoured(sample_path, tmp_path):
    """The whole program as a user runs it, with the umask inherited from the shell."""
    target = tmp_path / "out.md"
    command = ["export", str(sample_path), "--format", "markdown", "-o", str(target)]
    run = subprocess.run(
        [sys.executable, "-m", "briefing", *command],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        umask=0o022,
    )
    assert run.returncode == 0, run.stderr
    assert _mode(target) == 0o644
