"""Events, one per dated fact: a sentence with two dates is cut into two clauses at the seam between them.

The clause is the evidence, verbatim; its title is the clause's opening words;
its status comes from the wording where it is plain ("denied", "claimed", a
future tense: planned); its actors and places are those the clause names.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from briefing.draft.date_phrases import Found, find_dates, is_future
from briefing.draft.phrases import Sentence, one_line_quote

# Where a sentence can be cut between two dated facts, best first.
_SEAMS = (
    re.compile(r";\s+"),
    re.compile(r",?\s+(?:and|but|while|whereas|before|after)\s+"),
    re.compile(r",\s+"),
)
_RANGE_GAP = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$")
_RANGE_LEAD = re.compile(r"(?i:\b(?:from|between)\s+)$")
_LEAD_IN = re.compile(
    r"^(?:(?:and|but|while|meanwhile|however|additionally|furthermore|moreover|also|then|so)\b[,]?\s*)+",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied)|rejected (?:claims|reports))\b", re.IGNORECASE)
_CLAIMED = re.compile(r"\b(?:claim(?:s|ed)?|claiming)\b", re.IGNORECASE)
TITLE_WORDS = 12


@dataclass
class Clause:
    start: int  # offsets in the body
    end: int
    text: str
    lo: date
    hi: date
    sentence: Sentence
    when: tuple[int, int]  # the date expression, as offsets in ``text``


@dataclass
class Event:
    title: str
    lo: date
    hi: date
    quote: str
    status: str
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def dated_clauses(sentences: list[Sentence], published: date) -> list[Clause]:
    clauses: list[Clause] = []
    for sentence in sentences:
        found = _merge_ranges(sentence.text, find_dates(sentence.text, published))
        if not found:
            continue
        cuts = [0]
        for left, right in itertools.pairwise(found):
            cuts.append(_seam(sentence.text, left.end, right.start))
        cuts.append(len(sentence.text))
        for found_date, (a, b) in zip(found, itertools.pairwise(cuts), strict=True):
            raw = sentence.text[a:b]
            lead = _LEAD_IN.match(raw.lstrip(" ,;"))
            offset = a + (len(raw) - len(raw.lstrip(" ,;"))) + (lead.end() if lead else 0)
            text = sentence.text[offset:b].rstrip(" ,;")
            bare = sentence.text[offset : found_date.start] + sentence.text[found_date.end : b]
            if len(bare.split()) < 3 and clauses and clauses[-1].sentence is sentence:
                # "said on Thursday it would send troops later this month": no seam between the
                # two facts, so both keep the whole clause, each with its own date.
                last = clauses.pop()
                text = sentence.text[last.start - sentence.start : b].rstrip(" ,;")
                clauses.append(
                    Clause(last.start, last.start + len(text), text, last.lo, last.hi, sentence, last.when)
                )
                offset = last.start - sentence.start
            elif len(bare.split()) < 3:
                continue
            start = sentence.start + offset
            when = (found_date.start - offset, found_date.end - offset)
            clauses.append(
                Clause(start, start + len(text), text, found_date.lo, found_date.hi, sentence, when)
            )
    return clauses


def _merge_ranges(text: str, found: list[Found]) -> list[Found]:
    """ "from March 3 to March 5", "between 2019 and 2021": one date, a range."""
    merged: list[Found] = []
    for f in found:
        if (
            merged
            and _RANGE_GAP.match(text[merged[-1].end : f.start])
            and _RANGE_LEAD.search(text[: merged[-1].start])
        ):
            last = merged.pop()
            merged.append(Found(last.start, f.end, min(last.lo, f.lo), max(last.hi, f.hi)))
        else:
            merged.append(f)
    return merged


def _seam(text: str, left_end: int, right_start: int) -> int:
    gap = text[left_end:right_start]
    for seam in _SEAMS:
        matches = list(seam.finditer(gap))
        if matches:
            return left_end + matches[-1].start()
    # No punctuation between them: cut just before the second date's preposition.
    before = re.search(r"(?:\b(?:on|in|by|since|from|during|late|early|last|next)\s+)$", text[:right_start])
    return before.start() if before else right_start


def make_events(clauses: list[Clause], published: date) -> list[Event]:
    events = []
    for clause in clauses:
        quote = one_line_quote(clause.text)
        if _DENIED.search(clause.text):
            status = "denied"
        elif clause.lo > published or is_future(clause.text):
            status = "planned"
        elif _CLAIMED.search(clause.text):
            status = "claimed"
        else:
            status = "reported"
        events.append(Event(_title(clause), clause.lo, clause.hi, quote, status, clause.start, clause.end))
    return events


_COUNTED = re.compile(r"\b(?:after|before|later|earlier)\b")
_SUBORDINATE = re.compile(
    r"^(?:Following|After|While|Although|Though|Despite|As|Since|When|On|In|During|At|Amid)\b[^,]{0,80},\s+"
)


def _title(clause: Clause) -> str:
    """The clause without its date, and without a leading subordinate phrase or verb before the date."""
    a, b = clause.when
    text = clause.text
    if a >= 0 and b <= len(text):
        head = text[:a]
        # "came just a day after the coalition …": the fact follows the date.
        if a < 40 and head[:1].islower() and _COUNTED.search(text[a:b]):
            text = text[b:]
        else:
            head = re.sub(r"(?:\s+(?:on|in|by|since|from|at|during|of))+\s*$", "", head.rstrip(" ,"))
            text = head + " " + text[b:].lstrip(" ,")
    text = _SUBORDINATE.sub("", text.strip())
    return title_from(text)


def title_from(text: str, words: int = TITLE_WORDS) -> str:
    """A one-line title: the clause's first words, without quotation marks, capitalised."""
    cleaned = re.sub(r"[“”\"]", "", one_line_quote(text)).strip(" ,;:.")
    parts = cleaned.split()
    title = " ".join(parts[:words]).rstrip(",;:—–-")
    if len(parts) > words:
        title += "…"
    return title[:1].upper() + title[1:] if title else "Untitled"
