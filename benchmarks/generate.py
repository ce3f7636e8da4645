"""Deterministic synthetic briefings for the benchmarks.

A briefing of N events has N/10 actors, N/100 places, 20 reactions and one
long source text (kept in a text_file beside it, like the sample) that every
event quotes: one distinct sentence per event, between filler sentences, with
the lines wrapped so that many quotes span a line break. The same N always
gives the same bytes, so runs on different days compare.

    python3 benchmarks/generate.py 10000 /tmp/bench     # writes /tmp/bench/synthetic-10000.yaml

Nothing is written into the repository unless you name a folder in it.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

REACTIONS = 20
WRAP = 76  # source text line width: quotes cross line breaks, as in real articles
FIRST_DAY = date(2023, 1, 1)

_KINDS = ("person", "armed-group", "government", "military", "state", "organisation", "media", "group")
_STATUSES = ("reported", "reported", "reported", "claimed", "confirmed", "disputed", "denied")
_STANCES = ("supportive", "opposed", "concerned", "neutral", "mixed", "unclear")
_SYLLABLES = ("al", "ba", "dar", "el", "fa", "ha", "ir", "ka", "lu", "ma", "na", "qa", "ra", "sa", "ta", "zu")
_PLACE_STEMS = ("Ḥamāh", "Ālep", "Ḥimṣ", "Dara‘a", "Idlib", "Tall", "Manbij", "Rastan", "Salqin", "Jisr")
_VERBS = (
    "shelled positions near",
    "announced a ceasefire around",
    "moved reinforcements toward",
    "withdrew its units from",
    "claimed control of",
    "held talks with elders in",
    "reported casualties in",
    "opened a humanitarian corridor to",
)
_FILLER = (
    "Residents described long queues for bread and fuel.",
    "The claims could not be independently verified.",
    "Analysts said the front line had barely moved in a week.",
    "Communications in the area were intermittent, according to aid groups.",
    "Officials declined to comment on the record.",
    "Prices of basic goods rose sharply, traders said.",
    "Several roads remained closed to civilian traffic.",
    "Aid convoys waited at the crossing for permission to pass.",
)
_COUNTRIES = (
    ("Turkey", "TR"),
    ("Russia", "RU"),
    ("Iran", "IR"),
    ("Iraq", "IQ"),
    ("Israel", "IL"),
    ("Jordan", "JO"),
    ("Lebanon", "LB"),
    ("Egypt", "EG"),
    ("Qatar", "QA"),
    ("Saudi Arabia", "SA"),
    ("United States", "US"),
    ("United Kingdom", "GB"),
    ("France", "FR"),
    ("Germany", "DE"),
    ("China", "CN"),
    ("Norway", "NO"),
    ("Côte d’Ivoire", "CI"),
    ("United Arab Emirates", "AE"),
    ("Kuwait", "KW"),
    ("Japan", "JP"),
)


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON escaping is valid YAML)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(rng: random.Random, index: int, count: int) -> str:
    """Dates spread over two years, in every form the format allows."""
    day = FIRST_DAY + timedelta(days=(index * 730) // max(count, 1))
    form = rng.randrange(20)
    if form == 0:
        return f"{day:%Y-%m}"
    if form == 1:
        return f"{day.isoformat()}~"
    if form == 2:
        return f"{day.isoformat()}?"
    if form == 3:
        return f"{day.isoformat()}/{(day + timedelta(days=rng.randrange(1, 6))).isoformat()}"
    if form == 4:
        return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z"
    return day.isoformat()


def _wrap(paragraph: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > WRAP:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def build(count: int, *, seed: int = 1) -> tuple[str, str]:
    """The YAML of a briefing with ``count`` events, and its source text."""
    rng = random.Random(seed)
    actors = [
        (f"actor-{i}", f"{_name(rng, 2)} {_name(rng, 3)}", _KINDS[i % len(_KINDS)])
        for i in range(max(count // 10, 2))
    ]
    places = [
        (f"place-{i}", f"{_PLACE_STEMS[i % len(_PLACE_STEMS)]} {i}") for i in range(max(count // 100, 1))
    ]

    # The source text: per event, one sentence it quotes and one filler sentence.
    sentences: list[str] = []
    event_quotes: list[str] = []
    for i in range(count):
        actor = actors[rng.randrange(len(actors))][1]
        place = places[rng.randrange(len(places))][1]
        sentence = f"{actor} {rng.choice(_VERBS)} {place} in operation {i}, the “field office” said."
        sentences.append(sentence)
        sentences.append(rng.choice(_FILLER))
        # Quote the whole sentence or a fragment of it that starts mid-sentence.
        event_quotes.append(sentence[:-1] if i % 3 else sentence[len(actor) + 1 : -1])
    reaction_quotes: list[list[str]] = []
    for r in range(REACTIONS):
        country = _COUNTRIES[r][0]
        said = [f"Officials of {country} said on the record that statement {r}-{k} stands" for k in range(3)]
        sentences.extend(f"{s}." for s in said)
        reaction_quotes.append(said)
    paragraphs = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
    text = "\n\n".join("\n".join(_wrap(p)) for p in paragraphs) + "\n"

    out = [
        "# Synthetic briefing for benchmarks (benchmarks/generate.py); not real events.",
        "briefing: 1",
        f"id: synthetic-{count}",
        f"title: Synthetic briefing with {count} events",
        f'as_of: "{(FIRST_DAY + timedelta(days=740)).isoformat()}"',
        "summary: >",
        "  A generated briefing for measuring load, validation and reading speed.",
        "  Names, places and events are made up.",
        "tags: [synthetic, benchmark]",
        "sources:",
        "  - id: wire",
        "    title: Synthetic wire report",
        "    publisher: Benchmark Wire",
        f'    published: "{(FIRST_DAY + timedelta(days=735)).isoformat()}"',
        "    reliability: C",
        f"    text_file: synthetic-{count}.txt",
        "actors:",
    ]
    for i, (actor_id, name, kind) in enumerate(actors):
        out += [f"  - id: {actor_id}", f"    name: {name}", f"    kind: {kind}"]
        if i % 4 == 0:
            out.append(f"    aliases: [{name.split()[0]}, {_quoted(name.upper())}]")
        if i % 2 == 0:
            out.append(f"    country: {_COUNTRIES[i % REACTIONS][0]}")
        if i % 5 == 1:
            out += ["    affiliations:", f"      - {{actor: {actors[i - 1][0]}, relation: allied with}}"]
    out.append("places:")
    for i, (place_id, name) in enumerate(places):
        out += [f"  - id: {place_id}", f"    name: {name}", "    kind: city"]
        if i % 2 == 0:
            out += [f"    lat: {32 + (i % 500) / 100:.2f}", f"    lon: {35 + (i % 700) / 100:.2f}"]
    out.append("events:")
    order = list(range(count))
    rng.shuffle(order)  # file order is not timeline order: the loader sorts
    for i in order:
        out += [
            f"  - id: event-{i}",
            f'    date: "{_date(rng, i, count)}"',
            f"    title: Operation {i} – {rng.choice(_VERBS)} {places[i % len(places)][1]}",
            f"    actors: [{actors[i % len(actors)][0]}, {actors[(i * 7 + 1) % len(actors)][0]}]",
            f"    places: [{places[i % len(places)][0]}]",
        ]
        if i % 2 == 0:
            out.append(f"    status: {_STATUSES[i % len(_STATUSES)]}")
        if i % 4 == 0:
            out += [
                "    detail: >-",
                f"      Event {i} was reported by the wire; the figures [{i}] and",
                "      the *named* units are the report's own.",
            ]
        out += ["    evidence:", f"      - quote: {_quoted(event_quotes[i])}"]
    out.append("reactions:")
    for r in range(REACTIONS):
        country, code = _COUNTRIES[r]
        speaker = actors[r % len(actors)][0]
        out += [
            f"  - id: reaction-{r}",
            f"    country: {country}",
            f'    code: "{code}"',
            f"    stance: {_STANCES[r % len(_STANCES)]}",
            f"    headline: {country} responds to the operations",
            f"    actors: [{speaker}]",
            "    statements:",
        ]
        for k in range(2):
            out += [
                f"      - speaker: {speaker}",
                f'        date: "{(FIRST_DAY + timedelta(days=700 + r)).isoformat()}"',
                f"        quote: {_quoted(reaction_quotes[r][k])}",
            ]
        out += [
            "    actions:",
            f"      - title: {country} recalls its envoy",
            "        evidence:",
            f"          - quote: {_quoted(reaction_quotes[r][2])}",
        ]
    out += [
        "assessments:",
        "  - id: outlook",
        "    text: Operations are likely to continue at the same pace.",
        "    likelihood: likely",
        "    confidence: low",
        f"    basis: [event-{count - 1}, event-0]",
    ]
    return "\n".join(out) + "\n", text


def generate(count: int, folder: Path, *, seed: int = 1) -> Path:
    """Write synthetic-COUNT.yaml and its text file into ``folder``; return the briefing's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{count}.yaml"
    yaml_text, source_text = build(count, seed=seed)
    (folder / f"synthetic-{count}.txt").write_text(source_text, encoding="utf-8")
    path.write_text(yaml_text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("events", type=int, help="number of events (actors: a tenth of it)")
    parser.add_argument("folder", type=Path, help="where to write the briefing and its text file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("events must be at least 1")
    print(generate(args.events, args.folder, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
