"""Reactions: one skeleton per foreign country whose government, officials or leaders say or do something.

"Foreign" is any country but the story's own, which is the country the article
names most often (counting its cities). The stance is `unclear` unless the words
make it plain; statements are the direct quotes that country's speakers say in
the text; actions are the dated facts its actors take part in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from briefing.draft.actor_rules import Actor
from briefing.draft.events import Event
from briefing.draft.phrases import Sentence, one_line_quote

_STANCES = (
    (
        "opposed",
        re.compile(r"\b(?:condemn\w*|denounc\w*|oppose[sd]?\b|reject\w*|protest\w*|sanction\w*)\b", re.I),
    ),
    (
        "supportive",
        re.compile(r"\b(?:welcom\w*|prais\w*|back(?:s|ed)\b|support(?:s|ed)?\b|hope[sd]?\b)", re.I),
    ),
    (
        "concerned",
        re.compile(r"\b(?:concern\w*|alarm\w*|fear\w*|worr\w*|urg(?:e|ed|es) (?:restraint|calm))", re.I),
    ),
)
_QUOTE = re.compile(r"“([^”]{12,600})”|\"([^\"]{12,600})\"")
_PRONOUN_SAYS = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|noted|told|stressed|wrote)\b", re.I)


@dataclass
class Statement:
    speaker: Actor
    quote: str
    lo: object | None = None  # date of the sentence's first dated clause, if any
    hi: object | None = None


@dataclass
class Reaction:
    country: str
    code: str | None
    stance: str
    headline: str
    quote: str
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    actions: list[Event] = field(default_factory=list)


def mentions(actor: Actor, text: str) -> bool:
    return any(_whole(form).search(text) for form in actor_forms(actor))


@cache
def _whole(form: str) -> re.Pattern[str]:
    """``form`` as a whole word or phrase, not inside another ("Iran" in "Iranian")."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def actor_forms(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases, *getattr(actor, "forms", ())]


def find_reactions(
    actors: list[Actor],
    sentences: list[Sentence],
    events: list[Event],
    home: str | None,
    codes: dict[str, str],
) -> list[Reaction]:
    by_country: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.speaks_for_state and actor.country and actor.country != home:
            by_country.setdefault(actor.country, []).append(actor)
    reactions = []
    for country, speakers in by_country.items():
        said = [s for s in sentences if any(mentions(a, s.text) for a in speakers)]
        if not said:
            continue
        first = said[0]
        joined = " ".join(s.text for s in said)
        stance = next((name for name, pattern in _STANCES if pattern.search(joined)), "unclear")
        quote = one_line_quote(first.text)
        reaction = Reaction(country, codes.get(country), stance, _headline(quote), quote, speakers)
        reaction.statements = _statements(speakers, sentences, events)
        reaction.actions = [e for e in events if any(mentions(a, e.quote) for a in speakers)]
        reactions.append(reaction)
    return reactions


def _statements(speakers: list[Actor], sentences: list[Sentence], events: list[Event]) -> list[Statement]:
    found = []
    people = [a for a in speakers if a.kind == "person"] + [a for a in speakers if a.kind != "person"]
    for index, sentence in enumerate(sentences):
        quotes = list(_QUOTE.finditer(sentence.text))
        if not quotes:
            continue
        speaker = next((a for a in people if a.kind == "person" and mentions(a, sentence.text)), None)
        if (
            speaker is None and index and _PRONOUN_SAYS.search(sentence.text)
        ):  # "…,” he said: the last person named
            speaker = next(
                (a for a in people if a.kind == "person" and mentions(a, sentences[index - 1].text)), None
            )
        speaker = speaker or next((a for a in people if mentions(a, sentence.text)), None)
        if speaker is None:
            continue
        dated = next((e for e in events if sentence.start <= e.start < sentence.end), None)
        for match in quotes:
            text = one_line_quote(match[1] or match[2]).strip(" ,.;:")
            if len(text.split()) >= 4:
                found.append(
                    Statement(speaker, text, dated.lo if dated else None, dated.hi if dated else None)
                )
    return found


def _headline(quote: str, most: int = 100) -> str:
    text = quote.replace("“", "").replace("”", "").strip(" .")
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"
