"""Sentences and capitalised phrases: the raw material that actors, places and events are made of."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# Words that begin sentences or sit inside names without being names themselves.
STOP = frozenset(
    " ".join(
        (
            "a an the this that these those it its he she they we i you his her their our my while",
            "meanwhile however following additionally furthermore moreover also but and or yet so on in",
            "at of for to from by with as after before during since until when where if though although",
            "should would could will may might must can there here what which who whom whose why how",
            "not no nor according despite amid among between about above over under mr mrs ms dr sir",
            "monday tuesday wednesday thursday friday saturday sunday january february march april june",
            "july august september october november december today yesterday tomorrow earlier later",
            "last next first second third some many most several other others both each every all any",
            "such two three four five six seven eight nine ten sources",
            "breaking update updated exclusive analysis opinion",
        )
    ).split()
)
_ABBREVIATIONS = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Gov.",
    "Sen.",
    "Rep.",
    "St.",
    "U.S.",
    "U.K.",
    "U.N.",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[“\"‘(]?[A-Z0-9])|\n+")
_WORD = r"(?:[A-Z][\w’'.\-]*[\w’']|[A-Z]|(?:al|el|ad|ash|as|ar|an|at|az|bin|ibn|bint|abu)-[A-Z][\w’'\-]*)"
PHRASE = re.compile(
    r"(?<![\w’'-])"
    + _WORD
    + r"(?:(?:\s+|\s+(?:of|for|de|del|la|le|du|da|bin|ibn|van|von|der|al|el)\s+)"
    + _WORD
    + r")*"
)


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in the body
    end: int
    text: str


def sentences(body: str) -> list[Sentence]:
    """The body's sentences with their offsets; abbreviations such as "Gen." do not end one."""
    result: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(body):
        before = body[start : match.start()]
        if before.endswith(_ABBREVIATIONS) and "\n" not in match.group(0):
            continue
        _add(result, body, start, match.start() + len(match.group(0).rstrip()) - len(match.group(0).strip()))
        start = match.end()
    _add(result, body, start, len(body))
    return result


def _add(result: list[Sentence], body: str, start: int, end: int) -> None:
    # Keep closing quotation marks with the sentence they close.
    while end < len(body) and body[end] in '”"’)':
        end += 1
    text = body[start:end]
    stripped = text.strip()
    if stripped:
        offset = start + text.index(stripped[0])
        result.append(Sentence(offset, offset + len(stripped), stripped))


@dataclass(frozen=True)
class Phrase:
    start: int  # offsets in the body
    end: int
    text: str


def phrases(body: str) -> list[Phrase]:
    """Runs of capitalised words, with leading and trailing function words cut off."""
    found = []
    for match in PHRASE.finditer(body):
        words = [(m.start() + match.start(), m.group(0)) for m in re.finditer(r"\S+", match.group(0))]
        while words and _stop(words[0][1]):
            words.pop(0)
        while words and (_stop(words[-1][1]) or words[-1][1].islower()):
            words.pop()
        if not words:
            continue
        _keep(found, body, words)
        # "Mozambique's Cabo Delgado": also the parts on either side of a possessive.
        cuts = [i + 1 for i, (_, word) in enumerate(words[:-1]) if possessive(word) != word]
        for a, b in itertools.pairwise([0, *cuts, len(words)]):
            if cuts and not all(_stop(w) for _, w in words[a:b]):
                _keep(found, body, words[a:b])
    return found


def _keep(found: list[Phrase], body: str, words: list[tuple[int, str]]) -> None:
    start, end = words[0][0], words[-1][0] + len(words[-1][1])
    text = body[start:end].rstrip(".")
    found.append(Phrase(start, start + len(text), text))


def _stop(word: str) -> bool:
    return word.lower().rstrip(".") in STOP


def possessive(word: str) -> str:
    """ "Hama’s" → "Hama"."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def one_line_quote(text: str) -> str:
    return " ".join(text.split())
