"""What the detail view and the overview say: words for readers, ids only when asked for."""

from __future__ import annotations

from briefing.tui.describe import describe, overview


def _lines(parts) -> list[str]:
    return [line for _kind, content in parts for line in str(content).splitlines()]


def test_an_event_reads_without_ids_and_with_them_on_request(sample):
    event = next(e for e in sample.events if e.date.text != e.date.display)
    plain = _lines(describe(sample, event))
    assert f"date: {event.date.display}" in plain
    assert not any(line.startswith("id: ") for line in plain)
    assert not any(f"({actor})" in line for line in plain for actor in event.actors)
    authored = _lines(describe(sample, event, ids=True))
    assert f"id: {event.id}" in authored
    assert f"date: {event.date.display}  (written {event.date.text})" in authored


def test_a_source_grade_is_explained(sample):
    source = sample.sources[0]
    assert source.reliability == "C"
    assert "reliability: C (fairly reliable)" in _lines(describe(sample, source))


def test_each_assessment_has_its_likelihood_above_it_and_its_basis_by_date_and_title(sample):
    lines = _lines(overview(sample))
    first = sample.assessments[0]
    assert (first.likelihood, first.confidence) == ("likely", "moderate")
    heading = lines.index("1. Likely · moderate confidence")
    assert lines[heading + 1] == first.text.splitlines()[0]
    basis = lines.index("based on:", heading)
    listed = lines[basis + 1 : basis + 1 + len(first.basis)]
    events = sorted((sample.event(e) for e in first.basis), key=lambda e: sample.event_positions()[e.id])
    assert listed == [f"{e.date.display}  {e.title}" for e in events]
    # The next assessment starts on its own numbered line, not under this one's basis.
    assert lines[basis + 1 + len(first.basis)].startswith("2. ")
