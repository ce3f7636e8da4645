"""Polling a briefing and its text files for changes."""

import os

from briefing.format.loader import load
from briefing.user.watch import FileWatch, watched_paths

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


def polls(watch: FileWatch, count: int) -> list[bool]:
    """What ``count`` polls in a row report."""
    return [watch.changed() for _ in range(count)]


def test_a_change_is_reported_once_it_has_held_still_for_a_poll(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    assert not watch.changed()
    bump(path, "two")
    assert polls(watch, 3) == [False, True, False]


def test_a_file_written_in_two_parts_is_reported_once_whole(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one two", encoding="utf-8")
    watch = FileWatch([path])
    with path.open("w", encoding="utf-8") as file:  # written in place, as some editors do
        file.write("one")
        file.flush()
        assert not watch.changed()  # the first half, seen by a poll: not reported
        file.write(" two three")
    assert polls(watch, 3) == [False, True, False]  # once the whole file holds still


def test_a_file_that_keeps_changing_is_not_reported_until_it_stops(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("", encoding="utf-8")
    watch = FileWatch([path])
    for part in range(5):
        bump(path, "x" * (part + 1))
        assert not watch.changed()
    assert watch.changed()


def test_a_change_undone_before_it_held_still_is_not_reported(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    seen = os.stat(path)
    path.write_text("two!", encoding="utf-8")
    assert not watch.changed()
    path.write_text("one", encoding="utf-8")
    os.utime(path, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    assert polls(watch, 2) == [False, False]


def test_replacing_the_file_by_rename_is_a_change_even_with_the_same_size_and_time(tmp_path):
    path, new = tmp_path / "b.yaml", tmp_path / "new.yaml"
    path.write_text("one", encoding="utf-8")
    new.write_text("two", encoding="utf-8")
    stat = path.stat()
    os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    watch = FileWatch([path])
    os.replace(new, path)  # what editors that save atomically do
    assert polls(watch, 2) == [False, True]


def test_deleting_and_recreating_are_changes(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch([path])
    path.unlink()
    assert polls(watch, 2) == [False, True]
    path.write_text("one", encoding="utf-8")
    assert polls(watch, 2) == [False, True]


def test_watching_a_new_set_keeps_what_was_seen_of_files_still_watched(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("a", encoding="utf-8")
    b.write_text("b", encoding="utf-8")
    watch = FileWatch([a])
    bump(a, "a2")
    watch.watch([a, b])
    assert polls(watch, 3) == [False, True, False]  # the change to a, made before the switch, is not lost
