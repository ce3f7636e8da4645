"""Opening a briefing again comes from the cache, but never shows anything a fresh load would not."""

import ast
import hashlib
import pickle
import shutil
import sys
import tracemalloc
from pathlib import Path

import pytest

from briefing import model_cache, opening
from briefing.format import loader
from briefing.user.settings import cache_dir

BRIEFING = """\
briefing: 1
id: cached
title: Cached briefing
as_of: "2024-12-07"
sources:
  - id: wire
    title: Wire
    text_file: wire.txt
  - id: unused
    title: Never cited
    text: Nobody quotes this.
events:
  - id: fall
    title: Hama falls
    date: "2024-12-05"
    evidence:
      - {source: wire, quote: Hama fell on 5 December.}
"""


@pytest.fixture
def briefing_path(tmp_path):
    (tmp_path / "wire.txt").write_text("Hama fell on 5 December. Homs is next.\n", encoding="utf-8")
    path = tmp_path / "cached.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


def check_cached(path):
    """An open as the reader makes it: through the cache."""
    return opening.open_briefing(path, cache=True)


def entries():
    folder = cache_dir() / "models"
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def no_full_load(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("parsed the file although the cache had it")

    monkeypatch.setattr(loader, "check_text", fail)


def test_second_open_comes_from_the_cache_and_equals_a_fresh_load(briefing_path, monkeypatch):
    fresh = loader.check(briefing_path)
    first = check_cached(briefing_path)
    assert len(entries()) == 1
    no_full_load(monkeypatch)
    second = check_cached(briefing_path)
    assert second == first == fresh
    briefing, diagnostics = second
    assert briefing.event("fall").evidence[0].start == 0
    assert [d.message for d in diagnostics] == ["source 'unused' is never cited by any evidence"]


def test_an_entry_is_found_whether_or_not_the_loader_was_imported(briefing_path, monkeypatch):
    """The reader opens a cached briefing without importing the loader; other commands import it
    first. Both must name the same entry, or every open in the reader would be a miss."""
    check_cached(briefing_path)
    monkeypatch.delitem(sys.modules, "briefing.format.loader")
    no_full_load(monkeypatch)
    briefing, _diagnostics = check_cached(briefing_path)
    assert briefing is not None
    assert len(entries()) == 1


def test_the_path_shown_is_the_one_given_now_not_the_cached_one(briefing_path, monkeypatch):
    check_cached(briefing_path)
    monkeypatch.chdir(briefing_path.parent)
    briefing, diagnostics = check_cached("cached.yaml")
    assert briefing.path == "cached.yaml"
    assert diagnostics[0].format().startswith("cached.yaml:")


def test_an_edited_briefing_is_loaded_again(briefing_path):
    check_cached(briefing_path)
    briefing_path.write_text(BRIEFING.replace("Hama falls", "Hama is taken"), encoding="utf-8")
    briefing, _ = check_cached(briefing_path)
    assert briefing.event("fall").title == "Hama is taken"


def test_an_edited_text_file_is_loaded_again_and_its_errors_reported(briefing_path):
    check_cached(briefing_path)
    (briefing_path.parent / "wire.txt").write_text("Homs is next.\n", encoding="utf-8")
    briefing, diagnostics = check_cached(briefing_path)
    assert briefing is None
    assert any("quote not found in source 'wire'" in d.message for d in diagnostics)


def test_invalid_briefings_are_not_cached(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("briefing: 1\nid: Bad Id\n", encoding="utf-8")
    assert check_cached(path) == loader.check(path)
    assert entries() == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # a write cut short
        lambda blob: blob[:-40] + bytes(40),  # bytes changed on disk
        lambda blob: b"",
    ],
)
def test_a_damaged_entry_is_a_miss_not_an_error(briefing_path, damage):
    expected = check_cached(briefing_path)
    [entry] = entries()
    entry.write_bytes(damage(entry.read_bytes()))
    assert check_cached(briefing_path) == expected
    assert entry.read_bytes()[: len(model_cache._MAGIC)] == model_cache._MAGIC  # written again


class Payload:
    """Would create a file if unpickled without restriction."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_an_entry_naming_other_code_is_refused_even_with_a_valid_checksum(briefing_path, tmp_path):
    expected = check_cached(briefing_path)
    [entry] = entries()
    marker = tmp_path / "unpickled"
    payload = pickle.dumps(Payload(marker))
    entry.write_bytes(model_cache._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert check_cached(briefing_path) == expected
    assert not marker.exists()


def test_a_cache_that_cannot_be_written_still_opens_the_briefing(briefing_path):
    cache_dir().mkdir(parents=True)
    (cache_dir() / "models").write_text("a file where the folder should be", encoding="utf-8")
    for _ in range(2):
        briefing, _ = check_cached(briefing_path)
        assert briefing is not None and briefing.id == "cached"


def test_only_the_most_recently_used_entries_are_kept(briefing_path, tmp_path):
    for i in range(model_cache.KEEP + 3):
        folder = tmp_path / f"copy-{i}"
        folder.mkdir()
        shutil.copy(briefing_path.parent / "wire.txt", folder)
        (folder / "cached.yaml").write_text(BRIEFING, encoding="utf-8")
        check_cached(folder / "cached.yaml")
    assert len(entries()) == model_cache.KEEP


def test_a_text_file_edited_while_the_briefing_loads_is_read_afresh_on_the_next_open(
    briefing_path, monkeypatch
):
    """The entry's digest is of the bytes the model was built from, not of the file as it is
    once the load is over: the next open sees the edit, and never the old text under it."""
    real = loader.check_text
    wire = briefing_path.parent / "wire.txt"

    def edit_while_loading(*args, **kwargs):
        result = real(*args, **kwargs)
        wire.write_text("Hama fell on 5 December. Homs fell.\n", encoding="utf-8")
        return result

    monkeypatch.setattr(loader, "check_text", edit_while_loading)
    briefing, _ = check_cached(briefing_path)
    assert briefing.source("wire").text == "Hama fell on 5 December. Homs is next.\n"
    monkeypatch.setattr(loader, "check_text", real)
    briefing, _ = check_cached(briefing_path)
    assert briefing.source("wire").text == "Hama fell on 5 December. Homs fell.\n"
    assert loader.check(briefing_path)[0].source("wire").text == briefing.source("wire").text


def test_the_cache_does_not_wait_for_the_disk_but_the_state_does(briefing_path, monkeypatch):
    # A cache entry checks itself when read, so a crash can only cost a miss; the reader's
    # state is the user's, and is flushed to the disk before it replaces the old file.
    from briefing.user import state

    synced: list[int] = []
    monkeypatch.setattr("os.fsync", synced.append)
    briefing, _ = check_cached(briefing_path)
    assert briefing is not None and list((cache_dir() / "models").glob("*.pickle"))
    assert synced == []
    state.save_state(state.remember_opened(state.State(), briefing_path))
    assert len(synced) == 1


def test_a_briefing_the_loader_fails_on_is_one_error_naming_it_not_an_exception(briefing_path, monkeypatch):
    # The loader is meant to turn every input into a model or located errors; should it
    # raise all the same, the reader (which opens through the cache) shows why, and goes on.
    def failing(*_args, **_kwargs):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(loader, "check_text", failing)
    briefing, diagnostics = check_cached(briefing_path)
    assert briefing is None
    [error] = diagnostics
    assert error.is_error and error.path == str(briefing_path)
    assert error.message == (
        "internal error: ValueError: Exceeds the limit (4300 digits) for integer string conversion"
    )
    assert not list((cache_dir() / "models").glob("*.pickle"))  # and nothing is cached


def test_an_internal_error_message_is_kept_short_and_on_one_line():
    error = opening.internal_error("a\x1b]0;x\x07.yaml", ValueError("\x1b[2J" + "9" * 5000))
    assert "\x1b" not in error.path + error.message and "\x07" not in error.path
    assert len(error.message) < 300 and error.message.endswith("…")


def _imported_modules(start: str) -> set[str]:
    """The package's modules ``start`` imports, directly or through others (read from the source)."""
    package = Path(model_cache.__file__).parent
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        where = package.joinpath(*name.split(".")[1:])
        file = where / "__init__.py" if where.is_dir() else where.with_suffix(".py")
        if name in seen or not file.exists():
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefing"):
                todo += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names if alias.name.startswith("briefing")]
    return seen


def test_the_key_covers_the_code_of_every_module_the_model_is_built_with():
    """Code that decides what a model holds, changed, must make every entry a miss: each module
    the loader and the model import is in the key (the package's own __init__ gives the version;
    the collector only pauses the garbage collector)."""
    built_with = _imported_modules("briefing.format.loader") | _imported_modules("briefing.model")
    covered = {f"briefing.{name}" for name in model_cache._BUILDERS}
    missing = {
        name
        for name in built_with - {"briefing", "briefing.format", "briefing.collector"}
        if not any(name == known or name.startswith(known + ".") for known in covered)
    }
    assert "briefing.format.quotes" in built_with  # the walk follows imports
    assert missing == set()


def test_a_changed_builder_is_a_miss(briefing_path, monkeypatch):
    check_cached(briefing_path)
    monkeypatch.setattr(model_cache, "code_digest", lambda *_names: b"other code")
    before = entries()
    briefing, _ = check_cached(briefing_path)
    assert briefing is not None and len(entries()) == len(before) + 1  # another key: loaded again


def test_storing_a_model_leaves_it_as_small_as_it_was(tmp_path):
    """The reader keeps the model it stored: pickle's default read each record's __dict__,
    which makes one for good (a record keeps its attributes inline until asked)."""
    events = "".join(
        f'  - {{id: e{n}, title: Event {n}, date: "2024-12-05", evidence: [{{quote: It happened.}}]}}\n'
        for n in range(2000)
    )
    head = 'briefing: 1\nid: many\ntitle: Many\nas_of: "2024-12-07"\n'
    source = "sources:\n  - {id: wire, title: Wire, text: It happened.}\n"
    path = tmp_path / "many.yaml"
    path.write_text(f"{head}{source}events:\n{events}", "utf-8")
    briefing, diagnostics = loader.check(path)
    assert briefing is not None, diagnostics
    entry = model_cache.entry_path(path, path.read_bytes())
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        model_cache.store(entry, briefing, diagnostics, tmp_path, lambda target, name: b"")
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert entries() == [entry]
    assert grown < 100_000  # a dict per record made these 2,000 events 250 KB bigger
