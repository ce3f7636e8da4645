"""A folder of briefings: summaries of the good files, the first error of the bad ones, sorting."""

from datetime import date
from pathlib import Path

import pytest

from briefing.format import loader
from briefing.format.diagnostics import Diagnostic
from briefing.user.library import LibraryEntry, briefing_files, scan, sort_entries


def briefing_text(title: str, as_of: str, status: str = "current", events: int = 0) -> str:
    text = (
        f"briefing: 1\nid: b\ntitle: {title}\nas_of: '{as_of}'\nstatus: {status}\n"
        "sources:\n  - id: s\n    title: S\n    text: Rebels took the city. The army withdrew.\n"
        "actors:\n  - id: rebels\n    name: Rebels\n    kind: armed-group\n"
    )
    if events:
        text += "events:\n"
        for index in range(events):
            text += (
                f"  - id: e{index}\n    title: Event {index}\n    date: '2024-12-0{index + 1}'\n"
                "    evidence: [{quote: Rebels took the city.}]\n"
            )
    return text


def test_a_folder_lists_each_briefing_with_title_date_status_and_counts(tmp_path):
    (tmp_path / "hama.yaml").write_text(briefing_text("Hama falls", "2024-12-05", events=2))
    (tmp_path / "homs.yml").write_text(briefing_text("Homs", "2024-12-07", status="draft"))
    (tmp_path / "notes.txt").write_text("not a briefing")
    (tmp_path / ".hidden.yaml").write_text("ignored")
    entries = scan(tmp_path)
    assert [e.path.name for e in entries] == ["hama.yaml", "homs.yml"]
    hama, homs = entries
    assert (hama.title, hama.as_of, hama.status, hama.events, hama.actors, hama.sources) == (
        "Hama falls",
        "5 Dec 2024",
        "current",
        2,
        1,
        1,
    )
    assert hama.valid and homs.status == "draft" and homs.events == 0


def test_an_invalid_file_is_listed_with_its_first_error(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        briefing_text("Bad", "2024-12-05").replace("kind: armed-group", "kind: x")
    )
    (tmp_path / "worse.yaml").write_text("title: [\n")
    bad, worse = scan(tmp_path)
    assert not bad.valid and bad.title is None
    assert bad.error.line == 13 and "'x' is not a valid kind" in bad.error.message
    assert worse.error.message.startswith("YAML syntax:")


def test_a_missing_folder_raises_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        briefing_files(tmp_path / "nope")


def entry(name, title=None, as_of=None, status="current"):
    path = Path("/lib") / name
    if title is None:
        return LibraryEntry(path, error=Diagnostic(str(path), 1, 1, "broken"))
    key = (date.fromisoformat(as_of), date.fromisoformat(as_of))
    return LibraryEntry(path, title=title, as_of=as_of, as_of_key=key, status=status)


ENTRIES = [
    entry("c.yaml", "Beta", "2024-12-01", "draft"),
    entry("a.yaml", "alpha", "2024-12-07"),
    entry("broken.yaml"),
    entry("b.yaml", "Gamma", "2024-11-30", "superseded"),
]


@pytest.mark.parametrize(
    ("key", "reverse", "expected"),
    [
        ("as_of", False, ["a", "c", "b", "broken"]),  # newest first
        ("as_of", True, ["b", "c", "a", "broken"]),
        ("title", False, ["a", "c", "b", "broken"]),  # case does not matter
        ("status", False, ["a", "c", "b", "broken"]),  # current, draft, superseded
        ("file", False, ["a", "b", "c", "broken"]),
        ("file", True, ["c", "b", "a", "broken"]),
    ],
)
def test_sorting_keeps_files_with_errors_last(key, reverse, expected):
    ordered = sort_entries(ENTRIES, key, reverse=reverse)
    assert [e.path.stem for e in ordered] == expected


def test_an_unknown_sort_key_is_a_programming_error():
    with pytest.raises(ValueError):
        sort_entries(ENTRIES, "colour")


def test_a_file_the_loader_fails_on_is_listed_with_the_error_and_the_scan_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(briefing_text("Aleppo", "2024-11-30"))
    (tmp_path / "b.yaml").write_text(briefing_text("Bug", "2024-12-01"))
    (tmp_path / "c.yaml").write_text(briefing_text("Homs", "2024-12-07"))
    real_check = loader.check_text

    def check(text, **options):
        if options["shown"].endswith("b.yaml"):  # the loader should turn every input into located errors
            raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
        return real_check(text, **options)

    monkeypatch.setattr(loader, "check_text", check)
    a, b, c = scan(tmp_path)
    assert (a.title, c.title) == ("Aleppo", "Homs")
    assert not b.valid and b.error.path == str(tmp_path / "b.yaml")
    assert (
        b.error.message
        == "internal error: ValueError: Exceeds the limit (4300 digits) for integer string conversion"
    )
    assert [e.path.name for e in sort_entries([a, b, c], "as_of")] == ["c.yaml", "a.yaml", "b.yaml"]
