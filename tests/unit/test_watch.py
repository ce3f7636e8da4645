"""Polling a briefing and its text files for changes."""

import os

from briefing.loader import load
from briefing.watch import FileWatch, watched_paths

BRIEFING = (
    "briefing: 1\nid: b\ntitle: T\nas_of: '2024-12-07'\n"
    "sources:\n  - id: s\n    title: S\n    text_file: texts/article.txt\n"
)


def bump(path, text):
    """Write and move the mtime on, so the test does not depend on the clock's resolution."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_the_briefing_and_its_text_files_are_watched(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text("Text.", encoding="utf-8")
    path = tmp_path / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    assert watched_paths(path, load(path)) == (path, tmp_path / "texts" / "article.txt")
    assert watched_paths(path, None) == (path,)


def test_a_change_is_reported_once(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    assert not watch.changed()
    bump(path, "two")
    assert watch.changed()
    assert not watch.changed()


def test_replacing_the_file_by_rename_is_a_change_even_with_the_same_size_and_time(tmp_path):
    path, new = tmp_path / "b.yaml", tmp_path / "new.yaml"
    path.write_text("one", encoding="utf-8")
    new.write_text("two", encoding="utf-8")
    stat = path.stat()
    os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    watch = FileWatch([path])
    os.replace(new, path)  # what editors that save atomically do
    assert watch.changed()


def test_deleting_and_recreating_are_changes(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    path.unlink()
    assert watch.changed()
    path.write_text("one", encoding="utf-8")
    assert watch.changed()


def test_watching_a_new_set_keeps_what_was_seen_of_files_still_watched(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("a", encoding="utf-8")
    b.write_text("b", encoding="utf-8")
    watch = FileWatch([a])
    bump(a, "a2")
    watch.watch([a, b])
    assert watch.changed()  # the change to a, made before the switch, is not lost
    assert not watch.changed()
