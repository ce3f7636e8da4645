"""The loader's lean first pass: the same tree as yaml.compose but for positions, and a located pass
whenever there is anything to say or anything unusual in the file."""

import random
import re
from pathlib import Path

import pytest
import yaml

from briefing.format import lean, loader
from briefing.resources import sample_path

REPO = Path(__file__).resolve().parents[2]
# Every spelling YAML 1.1 resolves to a tag of its own, quoted and not, with and without explicit tags.
SCALARS = """\
plain: text
quoted: "5"
single: '2024-12-05'
int: 5
octal: 017
hex: 0x1F
sixty: 1:30
float: 1.5e3
inf: .inf
nan: .NaN
bools: [yes, No, true, off]
nulls: [~, null, ]
date: 2024-12-05
stamp: 2024-12-05T10:00:00Z
tagged: !!str 5
number-tag: !!int "7"
bare-tag: ! 12
folded: >-
  two
  lines
literal: |
  kept
flow: {a: [1, {b: c}], "d": e}
merge: {<<: {a: 1}}
empty:
? complex
: key
"""


def same_tree(lean_node: yaml.Node, node: yaml.Node) -> bool:
    if type(node) not in type(lean_node).__mro__ or lean_node.tag != node.tag:
        return False
    if isinstance(node, yaml.ScalarNode):
        return lean_node.value == node.value
    items = list(lean_node.value)  # a lean mapping's: read as (key, value) pairs, like yaml.compose's
    if len(items) != len(node.value):
        return False
    if isinstance(node, yaml.SequenceNode):
        return all(map(same_tree, items, node.value))
    return all(
        same_tree(lk, k) and same_tree(lv, v) for (lk, lv), (k, v) in zip(items, node.value, strict=True)
    )


def yaml_files() -> list[Path]:
    return sorted([*(REPO / "tests" / "data").rglob("*.yaml"), *(REPO / "sample_data").rglob("*.yaml")])


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_a_lean_tree_holds_the_tags_and_values_yaml_compose_gives(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        tree = lean.compose_lean(text)
    except lean.Relocate:
        return  # the located pass composes it, as before
    assert same_tree(tree, yaml.compose(text, Loader=yaml.CSafeLoader))


def test_every_kind_of_scalar_gets_the_tag_yaml_compose_gives_it() -> None:
    tree = lean.compose_lean(SCALARS)
    assert same_tree(tree, yaml.compose(SCALARS, Loader=yaml.CSafeLoader))
    tags = {k.value: v.tag.removeprefix("tag:yaml.org,2002:") for k, v in tree.value}
    # libyaml reads `! 12` as plain (implicit), so it resolves like `12`, in both composers.
    assert (tags["quoted"], tags["int"], tags["date"], tags["tagged"], tags["bare-tag"]) == (
        "str",
        "int",
        "timestamp",
        "str",
        "int",
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "a: &x 1\nb: *x\n",
        "a: &x [1]\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: " + "[" * 70 + "]" * 70 + "\n",
    ],
    ids=["empty", "comment", "alias", "anchor", "two-documents", "syntax-error", "deep"],
)
def test_what_a_lean_tree_cannot_stand_for_goes_to_the_located_pass(text: str) -> None:
    with pytest.raises(lean.Relocate):
        lean.compose_lean(text)


def test_a_lean_node_cannot_say_where_it_is() -> None:
    with pytest.raises(lean.Relocate):
        _ = lean.compose_lean("a: 1\n").start_mark


def test_a_valid_briefing_loads_from_the_lean_tree_alone_into_the_same_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(loader, "compose", lambda *_: pytest.fail("the located pass ran"))
        lean_model, lean_diagnostics = loader.check(sample_path())
    with monkeypatch.context() as patched:
        patched.setattr(loader, "compose_lean", lambda _text: (_ for _ in ()).throw(lean.Relocate()))
        located_model, located_diagnostics = loader.check(sample_path())
    assert lean_model is not None
    assert lean_model == located_model
    assert lean_diagnostics == located_diagnostics == []


def test_a_warning_found_on_the_lean_pass_is_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        'briefing: 1\nid: b\ntitle: B\nas_of: "2024-12-01"\nsources:\n  - id: art\n    title: A\n'
        "    text: Hama fell.\nevents:\n  - id: later\n    title: Later\n    date: 2024-12-05\n"
        "    evidence:\n      - quote: Hama fell.\n",
        encoding="utf-8",
    )
    briefing, diagnostics = loader.check(path)
    assert briefing is not None
    assert [(d.line, d.severity) for d in diagnostics] == [(10, "warning")]
    assert "after the briefing's as_of" in diagnostics[0].message


def _mutants(text: str, count: int, seed: int) -> list[str]:
    """The text with one line dropped, doubled, moved or with a value changed: valid and not."""
    rng = random.Random(seed)
    lines = text.splitlines(keepends=True)
    values = [
        "1",
        "x",
        "017",
        "2024-13-40",
        '"2024-12-05"',
        "[a]",
        "{a: 1}",
        "",
        "~",
        "&a 1",
        "*a",
        "!!str 1",
    ]
    out = []
    for _ in range(count):
        changed = list(lines)
        at = rng.randrange(len(changed))
        how = rng.randrange(4)
        if how == 0:
            del changed[at]
        elif how == 1:
            changed.insert(at, changed[at])
        elif how == 2:
            changed.insert(rng.randrange(len(changed)), changed.pop(at))
        elif ":" in changed[at]:
            head = changed[at].split(":", 1)[0]
            changed[at] = f"{head}: {rng.choice(values)}\n"
        out.append("".join(changed))
    return out


def test_changed_briefings_get_the_same_model_and_messages_from_either_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 200 changed copies: about one in five stays valid (built from the lean tree alone), the rest
    # are reported from the located tree; either way the answer is what the located pass gives.
    valid = REPO / "tests" / "data" / "valid"
    for path, count in (
        (sample_path(), 120),
        (valid / "harbour-strike.yaml", 40),
        (valid / "date-forms.yaml", 40),
    ):
        for text in _mutants(path.read_text(encoding="utf-8"), count, seed=24):
            lean_result = loader.check_text(text, shown="b.yaml", base_dir=path.parent)
            with monkeypatch.context() as patched:
                patched.setattr(loader, "compose_lean", lambda _text: (_ for _ in ()).throw(lean.Relocate()))
                located_result = loader.check_text(text, shown="b.yaml", base_dir=path.parent)
            assert lean_result == located_result


WARNED = """\
briefing: 1
id: b
title: B
as_of: "2024-12-01"
x-note: {id: decoy, events: [{id: decoy}]}
sources:
  - {title: A, "id": art, text: Hama fell. Homs fell.}
  - id: unused
    x-nested: [{id: deeper}]
    title: Unused
    text: Nothing quoted here.
events:
  - id: early
    title: Early
    date: 2024-11-05
    evidence: [{quote: Homs fell., source: art}]
  - title: Later
    ? id
    : later
    date: 2024-12-05
    evidence:
      - quote: Hama fell.
        source: art
"""


def test_warnings_of_a_valid_briefing_are_placed_without_the_located_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(loader, "compose", lambda *_: pytest.fail("the located pass ran"))
        lean_result = loader.check_text(WARNED, shown="b.yaml")
    with monkeypatch.context() as patched:
        patched.setattr(loader, "compose_lean", lambda _text: (_ for _ in ()).throw(lean.Relocate()))
        located_result = loader.check_text(WARNED, shown="b.yaml")
    assert lean_result == located_result
    briefing, diagnostics = lean_result
    assert briefing is not None
    # The id of the second source (line 8) and of the second event (line 19, the value of `? id`).
    assert [(d.line, d.column, d.severity, d.key_path) for d in diagnostics] == [
        (8, 9, "warning", "sources.unused"),
        (19, 7, "warning", "events.later.date"),
    ]


def test_a_place_is_found_by_its_key_path_only_where_the_walk_would_look() -> None:
    text = 'a: [{id: x}, {b: 1, "id": y}]\nid: top\nc: {d: [{id: deep}]}\n'
    assert lean.find_places(text, {"a[0].id", "a[1].id", "id", "c.d[0].id", "a[2].id"}) == {
        "a[0].id": (1, 10, "x"),
        "a[1].id": (1, 27, "y"),
        "id": (2, 5, "top"),
    }


def test_a_place_that_holds_another_id_sends_the_load_to_the_located_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    located = loader.check_text(WARNED, shown="b.yaml")
    monkeypatch.setattr(loader, "find_places", lambda _text, paths: dict.fromkeys(paths, (1, 1, "other")))
    assert loader.check_text(WARNED, shown="b.yaml") == located
    assert located[1][0].line == 8


def test_every_record_s_line_is_found_where_its_id_is_written() -> None:
    """`e` opens the editor at a record's line, found in the file when asked (a load keeps none)."""
    text = sample_path().read_text(encoding="utf-8")
    briefing, _ = loader.check(sample_path())
    assert briefing is not None
    lines = text.splitlines()
    kinds = ("sources", "actors", "places", "events", "reactions", "assessments")
    ids = [item.id for kind in kinds for item in getattr(briefing, kind)]
    assert len(ids) > 50
    for item_id in ids:
        line = lean.line_of_id(text, item_id)
        assert line is not None
        assert re.search(rf"\bid: {re.escape(item_id)}(?=[,}}\s]|$)", lines[line - 1])  # block or flow
    assert lean.line_of_id(text, "no-such-id") is None
    assert lean.line_of_id("a: [1, {id: x}]\nid: y\n", "x") == 1
    assert lean.line_of_id("a: [\n", "x") is None  # bad YAML: no line, no error
