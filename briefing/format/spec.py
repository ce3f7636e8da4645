"""The briefing format, version 1, as data.

The loader validates against these definitions and the JSON Schema is generated
from them, so the two cannot drift apart. Rules that a field table cannot say
(text xor text_file, lat with lon, unique countries...) live in the loader and
are written out in docs/format.md.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
# The most matches of one quote walked to find the one meant (quotes.py).
MAX_OCCURRENCE = 10_000


@dataclass(frozen=True)
class Field:
    """One key of a record.

    kind is one of:
      line      one line of text          text      free text, may span lines
      id        a record id               ref       the id of a record in ``target``
      refs      a list of ``target`` ids  strings   a list of one-line texts
      enum      one of ``choices``        date      the date grammar (see dates.py)
      version   the format version        int       a whole number >= 1
      number    a decimal number          records   a list of ``record`` entries
    """

    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    target: str = ""  # for ref/refs: "actors", "places", "sources", "events"
    record: str = ""  # for records: the record name in RECORDS
    minimum: float | None = None
    maximum: float | None = None
    min_items: int = 0


STATUSES = ("draft", "current", "superseded")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
ACTOR_KINDS = (
    "person",
    "armed-group",
    "government",
    "military",
    "state",
    "organisation",
    "media",
    "coalition",
    "group",
)
PLACE_KINDS = ("city", "province", "region", "country", "site")
EVENT_STATUSES = ("reported", "claimed", "confirmed", "disputed", "denied", "planned")
STANCES = ("supportive", "opposed", "concerned", "neutral", "mixed", "unclear")
LIKELIHOODS = (
    "almost-no-chance",
    "very-unlikely",
    "unlikely",
    "roughly-even",
    "likely",
    "very-likely",
    "almost-certain",
)
CONFIDENCES = ("low", "moderate", "high")

# Evidence and statements both name an occurrence of their quote.
OCCURRENCE = Field(
    "occurrence",
    "int",
    "Which occurrence of the quote is meant (1-based).",
    minimum=1,
    maximum=MAX_OCCURRENCE,
)
EVIDENCE = (
    Field("source", "ref", "Id of the source the quote is from; optional with one source.", target="sources"),
    Field("quote", "text", "Verbatim text found in the source.", required=True),
    OCCURRENCE,
)

RECORDS: dict[str, tuple[Field, ...]] = {
    "briefing": (
        Field("briefing", "version", "Format version: the integer 1.", required=True),
        Field("id", "id", "The briefing's stable id.", required=True),
        Field("title", "line", "One-line title.", required=True),
        Field("as_of", "date", "Information cutoff: nothing later is included.", required=True),
        Field("status", "enum", "Defaults to current.", choices=STATUSES),
        Field("summary", "text", "Bottom line up front."),
        Field("tags", "strings", "Short labels."),
        Field(
            "sources", "records", "Where the text comes from.", required=True, record="source", min_items=1
        ),
        Field("actors", "records", "People, groups, governments, media, organisations.", record="actor"),
        Field("places", "records", "Named places.", record="place"),
        Field("events", "records", "The timeline.", record="event"),
        Field("reactions", "records", "Responses, one entry per country or bloc.", record="reaction"),
        Field("assessments", "records", "Analytic judgments about what comes next.", record="assessment"),
    ),
    "source": (
        Field("id", "id", "Stable id.", required=True),
        Field("title", "line", "Headline of the article or report.", required=True),
        Field("publisher", "line", "Outlet or organisation."),
        Field("author", "line", "Author."),
        Field("dateline", "line", "Place the piece was filed from."),
        Field("published", "date", "Publication date."),
        Field("url", "line", "Address of the original."),
        Field(
            "reliability",
            "enum",
            "Admiralty source grade, A (reliable) to E, F cannot be judged.",
            choices=RELIABILITY,
        ),
        Field("text", "text", "The verbatim text (give text or text_file)."),
        Field("text_file", "line", "Path of a UTF-8 text file, relative to the briefing, inside its folder."),
    ),
    "actor": (
        Field("id", "id", "Stable id.", required=True),
        Field("name", "line", "Name.", required=True),
        Field("kind", "enum", "What sort of actor.", required=True, choices=ACTOR_KINDS),
        Field("aliases", "strings", "Other names and spellings."),
        Field("country", "line", "Country name."),
        Field("role", "line", "Who they are in this story."),
        Field("affiliations", "records", "Links to other actors.", record="affiliation"),
        Field("evidence", "records", "Quotes behind this actor.", record="evidence"),
    ),
    "affiliation": (
        Field("actor", "ref", "Id of the other actor.", required=True, target="actors"),
        Field("relation", "line", "How they are linked, e.g. leads.", required=True),
    ),
    "place": (
        Field("id", "id", "Stable id.", required=True),
        Field("name", "line", "Name.", required=True),
        Field("kind", "enum", "What sort of place.", choices=PLACE_KINDS),
        Field("country", "line", "Country name."),
        Field("lat", "number", "Latitude in decimal degrees (with lon).", minimum=-90, maximum=90),
        Field("lon", "number", "Longitude in decimal degrees (with lat).", minimum=-180, maximum=180),
    ),
    "event": (
        Field("id", "id", "Stable id.", required=True),
        Field("title", "line", "One-line title.", required=True),
        Field("date", "date", "When it happened, no more precise than the source.", required=True),
        Field("detail", "text", "A paragraph."),
        Field("actors", "refs", "Actors involved.", target="actors"),
        Field("places", "refs", "Places involved.", target="places"),
        Field("status", "enum", "Defaults to reported.", choices=EVENT_STATUSES),
        Field(
            "evidence", "records", "Quotes behind this event.", required=True, record="evidence", min_items=1
        ),
    ),
    "reaction": (
        Field("id", "id", "Stable id.", required=True),
        Field("country", "line", "Country or bloc; once per briefing.", required=True),
        Field("code", "line", 'ISO 3166-1 alpha-2 code, quoted ("TR").'),
        Field("stance", "enum", "Overall stance.", required=True, choices=STANCES),
        Field("headline", "line", "One line.", required=True),
        Field("actors", "refs", "Actors who speak or act for this country.", target="actors"),
        Field("statements", "records", "What was said.", record="statement"),
        Field("actions", "records", "What was done.", record="action"),
        Field("evidence", "records", "Quotes behind this reaction.", record="evidence"),
    ),
    "statement": (
        Field("speaker", "ref", "Actor who said it.", required=True, target="actors"),
        Field("date", "date", "When it was said."),
        Field("quote", "text", "Verbatim words, found in the source.", required=True),
        Field("source", "ref", "Source of the quote; optional with one source.", target="sources"),
        OCCURRENCE,
    ),
    "action": (
        Field("date", "date", "When it was done."),
        Field("title", "line", "What was done.", required=True),
        Field("evidence", "records", "Quotes behind this action.", record="evidence"),
    ),
    "assessment": (
        Field("id", "id", "Stable id.", required=True),
        Field("text", "text", "The judgment.", required=True),
        Field("likelihood", "enum", "Probability wording.", choices=LIKELIHOODS),
        Field("confidence", "enum", "Confidence in the judgment.", choices=CONFIDENCES),
        Field("basis", "refs", "Events the judgment rests on.", target="events"),
        Field("author", "line", "Who judged; defaults to the briefing's analyst."),
    ),
    "evidence": EVIDENCE,
}

# Which record list each reference target names.
TARGETS = {"actors": "actor", "places": "place", "sources": "source", "events": "event"}


def fields_of(record: str) -> dict[str, Field]:
    return {f.name: f for f in RECORDS[record]}
