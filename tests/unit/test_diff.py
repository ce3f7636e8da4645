"""`briefing diff OLD NEW`: two revisions compared by id, as a user at a shell sees it."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import yaml

from briefing import cli, diff, model
from briefing.format.records import RECORDS
from briefing.format.spec import key
from tests.unit.revisions import TEXT, item, revision, write


def run(tmp_path, capsys, old: dict[str, Any], new: dict[str, Any], *args: str) -> tuple[int, str, str]:
    a = write(tmp_path / "old.yaml", old)
    b = write(tmp_path / "new.yaml", new)
    code = cli.main(["diff", str(a), str(b), *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(tmp_path, capsys, old: dict[str, Any], new: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    code, out, err = run(tmp_path, capsys, old, new, "--format", "json")
    assert err == ""
    return code, json.loads(out)


def every_kind_changed(data: dict[str, Any]) -> None:
    """One item added, one removed and one changed in each of the six kinds."""
    data["sources"] = [s for s in data["sources"] if s["id"] != "blog"]
    data["sources"].append({"id": "memo", "title": "Council memo", "text": TEXT})
    item(data, "sources", "wire")["publisher"] = "Wire Service"
    data["actors"] = [a for a in data["actors"] if a["id"] != "council"]
    data["actors"].append({"id": "minister", "name": "The minister", "kind": "person"})
    item(data, "actors", "mayor")["name"] = "Mayor Vell"
    data["places"] = [p for p in data["places"] if p["id"] != "arlen"]
    data["places"].append({"id": "square", "name": "Town square", "kind": "site"})
    item(data, "places", "bridge")["name"] = "Old stone bridge"
    data["events"] = [e for e in data["events"] if e["id"] != "council-meets"]
    data["events"].append(
        {
            "id": "rain",
            "date": "2025-03-21",
            "title": "Rain on the square",
            "places": ["square"],
            "evidence": [{"source": "memo", "quote": "Rain fell on the square"}],
        }
    )
    item(data, "events", "protest")["title"] = "Protest at the old bridge"
    data["reactions"] = [r for r in data["reactions"] if r["id"] != "westmark"]
    data["reactions"].append(
        {"id": "southria", "country": "Southria", "stance": "unclear", "headline": "Silent"}
    )
    item(data, "reactions", "ostland")["headline"] = "Very concerned"
    data["assessments"] = [a for a in data["assessments"] if a["id"] != "talks"]
    data["assessments"].append({"id": "rain-stops", "text": "The rain stops.", "likelihood": "likely"})
    item(data, "assessments", "stays-shut")["likelihood"] = "very-likely"


def test_added_removed_and_changed_of_every_kind(tmp_path, capsys):
    code, document = as_json(tmp_path, capsys, revision(), revision(every_kind_changed))
    assert code == 1
    assert document["changes"] == {
        "sources": {
            "added": ["memo"],
            "removed": ["blog"],
            "changed": [{"id": "wire", "fields": {"publisher": {"old": "Wire", "new": "Wire Service"}}}],
        },
        "actors": {
            "added": ["minister"],
            "removed": ["council"],
            "changed": [{"id": "mayor", "fields": {"name": {"old": "The mayor", "new": "Mayor Vell"}}}],
        },
        "places": {
            "added": ["square"],
            "removed": ["arlen"],
            "changed": [
                {"id": "bridge", "fields": {"name": {"old": "Old bridge", "new": "Old stone bridge"}}}
            ],
        },
        "events": {
            "added": ["rain"],
            "removed": ["council-meets"],
            "changed": [
                {
                    "id": "protest",
                    "fields": {"title": {"old": "Protest at the bridge", "new": "Protest at the old bridge"}},
                }
            ],
        },
        "reactions": {
            "added": ["southria"],
            "removed": ["westmark"],
            "changed": [
                {
                    "id": "ostland",
                    "fields": {"headline": {"old": "Deeply concerned", "new": "Very concerned"}},
                }
            ],
        },
        "assessments": {
            "added": ["rain-stops"],
            "removed": ["talks"],
            "changed": [
                {"id": "stays-shut", "fields": {"likelihood": {"old": "likely", "new": "very-likely"}}}
            ],
        },
    }
    assert document["briefing"] == {}


def test_the_text_form_lists_each_kind_with_its_items(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, revision(), revision(every_kind_changed))
    assert code == 1 and err == ""
    assert "\x1b" not in out  # plain in a pipe, as `show` is
    lines = out.splitlines()
    assert lines[:2] == [
        f"old: {tmp_path / 'old.yaml'} (as of 21 Mar 2025)",
        f"new: {tmp_path / 'new.yaml'} (as of 21 Mar 2025)",
    ]
    events = lines.index("Events: 1 added · 1 removed · 1 changed")
    assert lines[events + 1 : events + 5] == [
        "  + rain  Rain on the square",
        "  - council-meets  Council meets",
        "  ~ protest  Protest at the old bridge",
        "      title: Protest at the bridge → Protest at the old bridge",
    ]
    assert "Sources: 1 added · 1 removed · 1 changed" in lines


def test_a_stance_change_comes_first_in_its_reaction(tmp_path, capsys):
    def change(data: dict[str, Any]) -> None:
        ostland = item(data, "reactions", "ostland")
        ostland["headline"] = "Opposed now"
        ostland["stance"] = "opposed"

    code, out, _err = run(tmp_path, capsys, revision(), revision(change))
    assert code == 1
    lines = out.splitlines()
    start = lines.index("  ~ ostland  Ostland")
    assert lines[start + 1 : start + 3] == [
        "      stance: concerned → opposed",
        "      headline: Deeply concerned → Opposed now",
    ]
    _code, document = as_json(tmp_path, capsys, revision(), revision(change))
    assert list(document["changes"]["reactions"]["changed"][0]["fields"]) == ["stance", "headline"]


def test_dates_are_compared_and_shown_as_readers_see_them(tmp_path, capsys):
    def change(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["date"] = "2025-03-20~"
        item(data, "reactions", "ostland")["actions"][0]["date"] = "2025-03"  # day -> month

    code, out, _err = run(tmp_path, capsys, revision(), revision(change))
    assert code == 1
    assert "      date: 21 Mar 2025? → c. 20 Mar 2025" in out.splitlines()
    _code, document = as_json(tmp_path, capsys, revision(), revision(change))
    actions = document["changes"]["reactions"]["changed"][0]["fields"]["actions"]
    assert actions["removed"] == [{"date": "21 Mar 2025", "title": "Closes its consulate", "evidence": []}]
    assert actions["added"] == [{"date": "Mar 2025", "title": "Closes its consulate", "evidence": []}]


def test_a_new_statement_inside_a_reaction(tmp_path, capsys):
    said = {"speaker": "mayor", "quote": "talks must resume", "source": "wire", "date": "2025-03-21"}

    def change(data: dict[str, Any]) -> None:
        item(data, "reactions", "ostland")["statements"].append(said)

    code, out, _err = run(tmp_path, capsys, revision(), revision(change))
    assert code == 1
    lines = out.splitlines()
    start = lines.index("  ~ ostland  Ostland")
    assert lines[start + 1 : start + 3] == [
        "      statements:",
        "        + mayor · 21 Mar 2025 · “talks must resume” · wire · 1",
    ]
    _code, document = as_json(tmp_path, capsys, revision(), revision(change))
    statements = document["changes"]["reactions"]["changed"][0]["fields"]["statements"]
    assert statements["removed"] == [] and len(statements["new"]) == 2
    assert statements["added"] == [{**said, "date": "21 Mar 2025", "occurrence": 1}]


def test_reordering_alone_is_no_change(tmp_path, capsys):
    def reorder(data: dict[str, Any]) -> None:
        for kind in diff.KINDS:
            data[kind].reverse()
        item(data, "actors", "mayor")["aliases"].reverse()
        item(data, "events", "council-meets")["actors"].reverse()
        ostland = item(data, "reactions", "ostland")
        ostland["statements"].append({"speaker": "council", "quote": "talks must resume", "source": "wire"})
        ostland["statements"].reverse()

    def with_statement(data: dict[str, Any]) -> None:
        statement = {"speaker": "council", "quote": "talks must resume", "source": "wire"}
        item(data, "reactions", "ostland")["statements"].append(statement)

    code, out, err = run(tmp_path, capsys, revision(with_statement), revision(reorder))
    assert (code, err) == (0, "")
    assert out.splitlines()[2] == "No changes."


def test_identical_files_exit_zero_and_every_kind_is_present(tmp_path, capsys):
    code, document = as_json(tmp_path, capsys, revision(), revision())
    assert code == 0
    assert document["format"] == "briefing-diff" and document["version"] == 1
    assert document["old"] == {
        "id": "bridge-2025",
        "as_of": "21 Mar 2025",
        "path": str(tmp_path / "old.yaml"),
    }
    assert document["briefing"] == {}
    empty = {"added": [], "removed": [], "changed": []}
    assert document["changes"] == {kind: empty for kind in diff.KINDS}
    assert list(document["changes"]) == ["sources", "actors", "places", "events", "reactions", "assessments"]


def test_the_briefings_own_fields(tmp_path, capsys):
    def change(data: dict[str, Any]) -> None:
        data.update(as_of="2025-03-22T06:00Z", title="The bridge reopens", status="superseded", summary=None)
        del data["summary"]

    code, out, _err = run(tmp_path, capsys, revision(), revision(change))
    assert code == 1
    lines = out.splitlines()
    start = lines.index("Briefing")
    assert lines[start + 1 : start + 5] == [
        "  title: FICTIONAL: the Arlen bridge dispute → The bridge reopens",
        "  as of: 21 Mar 2025 → 22 Mar 2025 06:00 UTC",
        "  status: current → superseded",
        "  summary: The bridge stays shut. → (none)",
    ]


def test_briefings_with_different_ids_are_refused_unless_forced(tmp_path, capsys):
    other = revision(lambda data: data.update(id="another-story"))
    code, out, err = run(tmp_path, capsys, revision(), other)
    assert code == 2 and out == ""
    assert "are different briefings (ids 'bridge-2025' and 'another-story'); --force" in err
    code, out, err = run(tmp_path, capsys, revision(), other, "--force", "--format", "json")
    assert code == 1
    assert json.loads(out)["briefing"] == {"id": {"old": "bridge-2025", "new": "another-story"}}


def test_an_invalid_side_is_reported_as_validate_reports_it(tmp_path, capsys):
    bad = revision(lambda data: data.update(colour="red"))
    code, out, err = run(tmp_path, capsys, revision(), bad)
    assert code == 2 and out == ""
    validated = cli.main(["validate", str(tmp_path / "new.yaml")])
    v_out, v_err = capsys.readouterr()
    assert validated == 1
    assert err == v_err + v_out  # the same located error and summary line, all on stderr here
    assert "unknown key 'colour' in briefing" in err


def test_a_missing_side_is_trouble(tmp_path, capsys):
    a = write(tmp_path / "old.yaml", revision())
    assert cli.main(["diff", str(a), str(tmp_path / "gone.yaml")]) == 2
    assert "gone.yaml" in capsys.readouterr().err


def test_the_markdown_form_escapes_the_data(tmp_path, capsys):
    def change(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["title"] = "Protest *at* [the](x) bridge"

    code, out, _err = run(tmp_path, capsys, revision(), revision(change), "--format", "markdown")
    assert code == 1
    assert "## Events" in out
    assert "- Changed: **protest** Protest \\*at\\* \\[the\\](x) bridge" in out


def test_every_declared_key_of_every_record_is_compared():
    """The comparison walks the declaration: each record's keys, none forgotten, none invented."""
    from briefing.opening import open_briefing
    from tests.conftest import REPO

    briefing, _ = open_briefing(REPO / "tests/data/valid/harbour-strike.yaml")
    assert briefing is not None
    samples = {
        "briefing": briefing,
        "source": briefing.sources[0],
        "actor": briefing.actors[1],
        "affiliation": briefing.actors[1].affiliations[0],
        "place": briefing.places[0],
        "event": briefing.events[0],
        "reaction": briefing.reactions[0],
        "statement": briefing.reactions[0].statements[0],
        "action": briefing.reactions[0].actions[0],
        "assessment": briefing.assessments[0],
        "evidence": briefing.events[0].evidence[0],
    }
    assert set(samples) == set(RECORDS)
    for name, record in samples.items():
        declared = {f.name for f in RECORDS[name].keys}
        compared = set(diff.values(record)) - set(getattr(record, "extensions", {}))
        assert compared == declared, name


def test_a_key_added_to_the_format_is_compared_without_new_code():
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Place(model.Place):  # a new version of the record, with one more key
        population: int | None = key("int", "How many live there.", default=None)

    old = Place(id="arlen", name="Arlen", population=1200)
    new = Place(id="arlen", name="Arlen", population=1500)
    assert diff.changed_fields(old, new) == {"population": diff.FieldChange(1200, 1500)}


def test_an_extension_key_is_compared(tmp_path, capsys):
    def change(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["x-crowd"] = 300

    _code, document = as_json(tmp_path, capsys, revision(), revision(change))
    fields = document["changes"]["events"]["changed"][0]["fields"]
    assert fields == {"x-crowd": {"old": None, "new": "300"}}  # x- values are kept as text


@pytest.mark.parametrize("kind", diff.KINDS)
def test_the_digest_of_an_item_changes_exactly_when_the_diff_sees_a_change(kind):
    import yaml

    from briefing.format.loader import check_text

    changed = revision(every_kind_changed)
    old = check_text(yaml.safe_dump(revision()))[0]
    new = check_text(yaml.safe_dump(changed))[0]
    before, after = diff.digests(old)[kind], diff.digests(new)[kind]
    found = diff.compare(old, new).changes[kind]
    shared = before.keys() & after.keys()
    assert {i for i in shared if before[i] != after[i]} == {c.item.id for c in found.changed}


def test_a_hostile_file_name_reaches_no_output_raw(tmp_path, capsys):
    name = "evil\x1b]0;owned\x07\x9b31m.yaml"
    write(tmp_path / name, revision())
    b = write(tmp_path / "new.yaml", revision(lambda data: data.update(title="Changed")))
    for form in ("text", "json", "markdown"):
        assert cli.main(["diff", str(tmp_path / name), str(b), "--format", form]) == 1
        out, _err = capsys.readouterr()
        assert not any(c in out for c in "\x1b\x07\x9b"), form


def test_an_extension_key_that_turns_from_text_into_a_list_is_one_change(tmp_path, capsys):
    """x- keys hold any YAML: a text that becomes a list is not taken apart letter by letter."""

    def before(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["x-note"] = "two sources"

    def after(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["x-note"] = ["wire", "blog"]

    code, out, _err = run(tmp_path, capsys, revision(before), revision(after))
    assert code == 1
    assert "x-note: two sources → wire; blog" in out
    assert "  - t\n" not in out
    _code, document = as_json(tmp_path, capsys, revision(before), revision(after))
    fields = document["changes"]["events"]["changed"][0]["fields"]
    assert fields == {"x-note": {"old": "two sources", "new": ["wire", "blog"]}}


def test_an_items_long_label_is_cut_on_its_own_line_at_80_columns(tmp_path):
    """The label is shortened with … on the item's line; it does not wrap a stray piece under it."""
    from briefing.format.loader import check_text
    from briefing.render.diff_view import render_text

    def change(data: dict[str, Any]) -> None:
        item(data, "events", "protest")["title"] = "Protest at the bridge " * 6
        item(data, "events", "protest")["detail"] = "A long detail that wraps. " * 8

    old = check_text(yaml.safe_dump(revision()))[0]
    new = check_text(yaml.safe_dump(revision(change)))[0]
    lines = render_text(diff.compare(old, new), color=False, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    at = next(i for i, line in enumerate(lines) if line.startswith("  ~ protest  Protest at the bridge"))
    assert lines[at].endswith("…")
    assert lines[at + 1].startswith("      title: ")  # the field, not the rest of the label
    detail = next(i for i, line in enumerate(lines) if line.startswith("      detail: "))
    assert lines[detail + 1].startswith("      long detail")  # a long value still wraps, indented
