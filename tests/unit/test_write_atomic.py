"""settings.write_atomic: the old file or the new one, its permissions kept, no temporary file left."""

from __future__ import annotations

import os
import stat

import pytest

from briefing.user import settings
from briefing.user.settings import write_atomic


def test_an_existing_files_permission_mode_is_kept(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o664)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_a_new_file_gets_the_umask_default_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"data", durable=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_the_readers_state_is_written_private(tmp_path):
    # Which briefings someone read, and where they were: 0600 whatever the umask.
    from briefing.user.state import State, save_state

    old = os.umask(0o022)
    try:
        save_state(State(), tmp_path / "state.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "state.json").stat().st_mode) == 0o600


def test_data_that_cannot_be_encoded_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "out.txt"
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "lone surrogate \ud800")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, interruption):
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")

    def fsync(_fd: int) -> None:
        raise interruption()

    monkeypatch.setattr(settings.os, "fsync", fsync)
    with pytest.raises(interruption):
        write_atomic(path, "new")
    assert os.listdir(tmp_path) == ["out.txt"]
    assert path.read_text(encoding="utf-8") == "old"


def test_a_fifo_is_refused_before_anything_is_written(tmp_path):
    fifo = tmp_path / "state.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(fifo, "new")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["state.json"]


def test_a_symlink_to_a_regular_file_is_written_through(tmp_path):
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link.symlink_to(real.name)  # relative, as dotfile managers make them
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real.json"]


def test_a_symlink_to_a_fifo_or_to_nothing_is_refused(tmp_path):
    fifo, to_fifo, dangling = tmp_path / "fifo", tmp_path / "a.json", tmp_path / "b.json"
    os.mkfifo(fifo)
    to_fifo.symlink_to(fifo)
    dangling.symlink_to(tmp_path / "missing")
    with pytest.raises(OSError, match="not a regular file"):
        write_atomic(to_fifo, "x")
    with pytest.raises(OSError, match="symbolic link to nothing"):
        write_atomic(dangling, "x")
    assert not (tmp_path / "missing").exists() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_function_writes_straight_into_the_file_and_a_failure_leaves_the_old_one(tmp_path):
    path = tmp_path / "entry.bin"
    path.write_bytes(b"old")

    def write(handle):
        handle.write(b"0000 body")
        handle.seek(0)
        handle.write(b"HEAD")  # a header written last, over its place (as the model cache does)

    write_atomic(path, write, durable=False)
    assert path.read_bytes() == b"HEAD body"

    def fail(handle):
        handle.write(b"half")
        raise ValueError("cannot pickle this")

    with pytest.raises(ValueError):
        write_atomic(path, fail, durable=False)
    assert path.read_bytes() == b"HEAD body"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.bin"]
