"""Put the draft together: the briefing's records from the article's parts, checked by the real loader.

Every quote is a span of the body, so it is found; even so the YAML is loaded
with briefing.format.loader before it is returned, and any list item the loader
refuses is left out (with what referred to it) rather than handing over a file
that does not validate.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from datetime import date

from briefing.draft.actor_rules import Actor, find_actors
from briefing.draft.article import Article
from briefing.draft.date_phrases import render
from briefing.draft.events import Event, dated_clauses, make_events
from briefing.draft.gazetteer import Gazetteer, gazetteer
from briefing.draft.phrases import Sentence, one_line_quote, phrases, sentences
from briefing.draft.place_names import Place, country_mentions, find_places
from briefing.draft.reaction_rules import Reaction, actor_forms, find_reactions, mentions
from briefing.draft.writing import emit, item_at

CHECKLIST = (
    "Check before use:",
    "- every event's date and status against the article (dates were resolved from the",
    "  publication date, and tense guessed from the nearest verb; a clause that holds two",
    "  facts may be quoted by two events, one date each);",
    "- actors' kinds, countries and roles, and that no actor or place is missing or doubled;",
    "- places' coordinates (the gazetteer's best guess for the name);",
    "- each reaction's stance (left `unclear` unless the words were plain) and headline;",
    "- the title, then write a summary and assessments: the draft has none.",
)
MAX_ROUNDS = 8


class DraftError(Exception):
    """The draft could not be made valid (a bug), or the article gives no date to work from."""


def slug(text: str, taken: set[str]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-") or "item"
    if not base[0].isalnum():
        base = "x" + base
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def quote_near(body: str, found: list[Sentence], start: int, most: int = 40) -> str:
    """The sentence holding ``start``, or up to ``most`` of its words around it: verbatim, one line."""
    sentence = next((s for s in found if s.start <= start < s.end), None)
    if sentence is None:
        return one_line_quote(body[start : start + 80])
    words = list(re.finditer(r"\S+", sentence.text))
    if len(words) <= most:
        return one_line_quote(sentence.text)
    at = next((i for i, w in enumerate(words) if sentence.start + w.end() > start), 0)
    first = max(0, min(at - most // 2, len(words) - most))
    last = first + most - 1
    return one_line_quote(sentence.text[words[first].start() : words[last].end()])


def build(article: Article, published: date, briefing_id: str, schema: str | None) -> str:
    # The dateline is not prose: its place and date are the source's, not facts of the story.
    body = " " * article.lead + article.body[article.lead :]
    gaz = gazetteer()
    found_phrases = phrases(body)
    counts = country_mentions(body, found_phrases, gaz)
    places = find_places(body, found_phrases, gaz, counts)
    for place in places:  # cities count for their country when finding the story's own
        code = next((c.code for c in gaz.by_code.values() if c.name == place.country), None)
        if place.kind != "country" and code:
            counts[code] += 1
    home = gaz.by_code[counts.most_common(1)[0][0]].name if counts else None
    actors = find_actors(body, found_phrases, gaz, home)
    found = sentences(body)
    _countries_of_leaders(actors, found, gaz, home)
    events = make_events(dated_clauses(found, published), published)
    codes = {c.name: c.code for c in gaz.by_code.values()}
    reactions = find_reactions(actors, found, events, home, codes)
    data = _records(article, published, briefing_id, article.body, found, actors, places, events, reactions)
    comment = ([f"yaml-language-server: $schema={schema}"] if schema else []) + [
        "Drafted by `briefing draft`."
    ]
    return _valid(list(comment) + list(CHECKLIST), data)


def _countries_of_leaders(
    actors: list[Actor], found: list[Sentence], gaz: Gazetteer, home: str | None
) -> None:
    """A leader named without a country belongs to the first country named in his sentence or the one before.

    ("While Turkey has denied …, President Recep Tayyip Erdoğan said"; "Egypt's foreign
    ministry condemned … ” Foreign Minister Badr Abdelatty said in Cairo"), else to the
    country of a city named there, else to the story's own country.
    """
    for actor in actors:
        if actor.kind != "person" or actor.country or not actor.speaks_for_state:
            continue
        at = next((i for i, s in enumerate(found) if s.start <= actor.first < s.end), None)
        near = [found[at].text, found[at - 1].text if at else ""] if at is not None else []
        words = [re.findall(r"[A-Z][\w-]+", text) for text in near]
        names = [n for w in words for n in (*w, *(f"{a} {b}" for a, b in itertools.pairwise(w)))]
        country = next((c for n in names if (c := gaz.country(n))), None)
        if country is None:
            city = next((c for n in names if (c := gaz.city(n, set()))), None)
            country = gaz.by_code.get(city.code) if city else None
        actor.country = country.name if country else home


def _records(
    article: Article,
    published: date,
    briefing_id: str,
    body: str,
    found: list[Sentence],
    actors: list[Actor],
    places: list[Place],
    events: list[Event],
    reactions: list[Reaction],
) -> dict[str, object]:
    taken: set[str] = {briefing_id}  # one namespace for every id in the file
    source_id = slug("article" if "article" not in taken else "source", taken)
    actor_ids = {id(a): slug(a.name, taken) for a in actors}
    place_ids = {id(p): slug(p.name, taken) for p in places}
    title = article.headline or _first_words(found[0].text if found else "Untitled article")
    source = {
        "id": source_id,
        "title": title,
        "publisher": article.publisher,
        "author": article.author,
        "dateline": article.dateline,
        "published": published.isoformat(),
        "text": body,
    }
    actor_records = []
    for actor in actors:
        record = {"id": actor_ids[id(actor)], "name": actor.name}
        aliases = [a for a in dict.fromkeys(actor.aliases) if a != actor.name]
        record |= {"aliases": aliases, "kind": actor.kind, "country": actor.country, "role": actor.role}
        record["evidence"] = [{"quote": quote_near(body, found, actor.first)}]
        actor_records.append(record)
    place_records = []
    for place in places:
        record = {
            "id": place_ids[id(place)],
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
        }
        if place.lat is not None:
            record |= {"lat": place.lat, "lon": place.lon}
        place_records.append(record)
    event_records = []
    for number, event in enumerate(events, 1):
        record = {"id": f"event-{number}", "date": render(event.lo, event.hi), "title": event.title}
        record["actors"] = [actor_ids[id(a)] for a in actors if mentions(a, event.quote)]
        record["places"] = [place_ids[id(p)] for p in places if any(_names(n, event.quote) for n in p.names)]
        if event.status != "reported":
            record["status"] = event.status
        record["evidence"] = [{"quote": event.quote}]
        event_records.append(record)
    reaction_records = []
    for reaction in reactions:
        record = {"id": slug(f"{reaction.country} reaction", taken), "country": reaction.country}
        record |= {"code": reaction.code, "stance": reaction.stance, "headline": reaction.headline}
        record["actors"] = [actor_ids[id(a)] for a in reaction.actors]
        record["statements"] = [
            {"speaker": actor_ids[id(s.speaker)], "quote": s.quote}
            | ({"date": render(s.lo, s.hi)} if s.lo else {})  # type: ignore[arg-type]
            for s in reaction.statements
        ]
        record["actions"] = [
            {"title": e.title, "date": render(e.lo, e.hi), "evidence": [{"quote": e.quote}]}
            for e in reaction.actions
        ]
        record["evidence"] = [{"quote": reaction.quote}]
        reaction_records.append(record)
    return {
        "briefing": 1,
        "id": briefing_id,
        "title": title,
        "as_of": published.isoformat(),
        "status": "draft",
        "sources": [source],
        "actors": actor_records,
        "places": place_records,
        "events": event_records,
        "reactions": reaction_records,
    }


def _names(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _first_words(text: str, most: int = 12) -> str:
    words = one_line_quote(text).split()
    return " ".join(words[:most]) + ("…" if len(words) > most else "")


def _valid(comment: list[str], data: dict[str, object]) -> str:
    """The YAML, loaded by the real loader; items it refuses are dropped, round by round."""
    from briefing.opening import check_unsaved

    for _ in range(MAX_ROUNDS):
        text, ranges = emit(comment, data)
        briefing, diagnostics = check_unsaved(text, shown="<draft>")
        if briefing is not None:
            return text
        paths = {item_at(ranges, d.line) for d in diagnostics if d.is_error}
        if None in paths:
            raise DraftError(
                "the draft does not validate: " + "; ".join(d.format() for d in diagnostics if d.is_error)
            )
        for path in sorted(paths, key=lambda p: [str(x) for x in p], reverse=True):  # type: ignore[arg-type]
            _drop(data, path)  # type: ignore[arg-type]
        _drop_dangling(data)
    raise DraftError("the draft does not validate after leaving out the items the loader refused (a bug)")


def _drop(data: dict[str, object], path: tuple[object, ...]) -> None:
    node: object = data
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    items = node
    if isinstance(items, list) and isinstance(path[-1], int) and path[-1] < len(items):
        items[path[-1]] = None


def _drop_dangling(data: dict[str, object]) -> None:
    """Remove dropped items, and references to actors and places that are gone."""
    for key in ("actors", "places", "events", "reactions"):
        data[key] = [i for i in data[key] if i is not None]  # type: ignore[attr-defined]
    for record in data["reactions"]:  # type: ignore[attr-defined]
        for part in ("statements", "actions", "evidence"):
            record[part] = [i for i in record.get(part, []) if i is not None]
    actors = {a["id"] for a in data["actors"]}  # type: ignore[attr-defined]
    places = {p["id"] for p in data["places"]}  # type: ignore[attr-defined]
    for event in data["events"]:  # type: ignore[attr-defined]
        event["actors"] = [a for a in event.get("actors", []) if a in actors]
        event["places"] = [p for p in event.get("places", []) if p in places]
    for reaction in data["reactions"]:  # type: ignore[attr-defined]
        reaction["actors"] = [a for a in reaction.get("actors", []) if a in actors]
        reaction["statements"] = [s for s in reaction["statements"] if s["speaker"] in actors]


__all__ = ["Counter", "DraftError", "actor_forms", "build"]
