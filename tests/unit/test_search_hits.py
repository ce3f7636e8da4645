"""The search's result lines: the words around a match, on one line, with the match marked."""

from __future__ import annotations

import pytest

from briefing.opening import open_briefing
from briefing.resources import sample_path
from briefing.search_hits import BEFORE, OverviewIndex, around, cut, pane_hit


@pytest.fixture(scope="module")
def sample():
    briefing, _ = open_briefing(sample_path())
    assert briefing is not None
    return briefing


def test_a_match_far_into_a_text_is_shown_from_a_word_before_it_on_one_line():
    text = "The first line says little.\nThen the army turned\ttoward Homs at last."
    line, (start, end) = cut(text, text.index("Homs"), text.index("Homs") + 4)
    assert line[start:end] == "Homs"
    assert line.startswith("…")  # cut: more came before
    assert "\n" not in line and "\t" not in line
    assert line.index("Homs") - 1 <= BEFORE + 1  # a few words of context, not the whole text


def test_a_match_near_the_start_is_shown_whole_and_accents_are_found_by_the_fold():
    line, (start, end) = around(["Nothing here", "Erdoğan names Idlib"], "erdogan")
    assert line == "Erdoğan names Idlib"
    assert line[start:end] == "Erdoğan"
    assert around(["Nothing here"], "erdogan") is None


def test_the_overview_s_parts_are_found_by_words_only_there(sample):
    index = OverviewIndex(sample)
    (summary,) = index.matching("gravest")
    hit = index.hit(summary, "gravest")
    assert (hit.kind, hit.target) == ("summary", ("overview", "summary"))
    assert hit.text[hit.span[0] : hit.span[1]] == "gravest"
    (assessment,) = index.matching("heartland")
    assert index.hit(assessment, "heartland").target == ("overview", "assessment:2")
    assert index.matching("  ") == []


def test_a_thing_found_by_other_words_than_its_name_is_named_first(sample):
    # The Homs governor is found by his role; the line names him, then shows the role.
    actor = next(a for a in sample.actors if a.name == "Numeir Mahlouf")
    hit = pane_hit(sample, "actors", actor.id, "homs", None)
    assert hit.text.startswith("Numeir Mahlouf · ")
    assert hit.text[hit.span[0] : hit.span[1]] == "Homs"
    assert (hit.kind, hit.date) == ("actor", "")


def test_an_event_s_line_has_its_date(sample):
    event = next(e for e in sample.events if e.title == "Militants take Hama")
    hit = pane_hit(sample, "timeline", event.id, "hama", None)
    assert (hit.kind, hit.date, hit.text) == ("event", "5 Dec 2024", "Militants take Hama")
    assert hit.text[hit.span[0] : hit.span[1]] == "Hama"
