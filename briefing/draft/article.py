"""The article: read it safely, keep its body, and take headline, byline, dateline and date from its head.

A web page copied as text has lines around the article that are not the article:
navigation before the headline ("Middle eastWorld", "Home | World"), and sharing,
"related articles" and subscription lines after it. They are recognised by their
shape, not by a list of one site's wording: the body is the run of paragraphs
(lines of prose that end like sentences); short lines before it are the head,
short or boilerplate lines after its last paragraph are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.format.reading import ReadError, read_text
from briefing.format.text import clean

MAX_ARTICLE = 4 * 1024 * 1024  # an article is text a person wrote; 4 MiB is far beyond one

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# Lines a site puts after (or around) an article, whatever the site.
_BOILERPLATE = re.compile(
    r"^(related|read (more|also|next)|more (from|on|stories)|share( this)?|follow us|subscribe|sign up|"
    r"leave a (reply|comment)|back to top|continue reading|discover more|advertisement|"
    r"copyright|©|all rights reserved|tags?:|click here|newsletter|you may also like|recommended|"
    r"comments?\b|print|email|facebook|twitter|whatsapp|telegram|for more\b)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<author>[A-Z][\w’'.\- ]{2,60}?)(?:\s*[,|–—-]\s*(?P<rest>.*))?$")
# "Cairo: Hani Kamal El-Din": a place, a colon, a name.
_PLACE_AUTHOR = re.compile(r"^(?P<place>[A-Z][\w’'\- ]{1,30}):\s*(?P<author>[A-Z][\w’'.\- ]{2,60})$")
# "MAPUTO, March 13 (Agency) -" or "KHARTOUM (Reuters) —" at the start of the first paragraph.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z’'.\- ]{1,30}[A-Z])(?:,\s*(?P<date>" + MONTH_RE + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—:]\s+"
)
_PUBLISHED = re.compile(
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<d1>\d{1,2})\s+(?P<m1>"
    + MONTH_RE
    + r"),?\s+(?P<y1>\d{4})|(?P<m2>"
    + MONTH_RE
    + r")\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4}))"
)
_PUBLISHER = re.compile(r"^(?:Source|Publisher|Published by|From):\s*(?P<name>.{2,60})$", re.IGNORECASE)


class ArticleError(Exception):
    """The article cannot be drafted from: a message naming the file (exit 2)."""


@dataclass
class Article:
    """The article's body (the source text) and what its head said about it."""

    body: str
    headline: str | None = None
    author: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    published: date | None = None
    dropped: list[str] = field(default_factory=list)  # lines left out, for the check-list
    lead: int = 0  # where the body's prose starts, after a dateline ("MAPUTO, March 13 (Agency) -")


def read_article(path: Path, max_size: int | None = None) -> str:
    """The article's text, or ArticleError saying what is wrong with the file."""
    try:
        text = read_text(path, str(path), max_size or MAX_ARTICLE, what="text article")
    except ReadError as error:
        d = error.diagnostic
        where = f"{d.path}:{d.line}:{d.column or 1}" if d.line else d.path
        raise ArticleError(f"{where}: {d.message}" + (f" ({d.hint})" if d.hint else "")) from None
    if not text.strip():
        raise ArticleError(f"{path}: the article is empty")
    return text


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 12 and line.rstrip()[-1:] in '.!?”"’)…:'


def _is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line.strip())) or len(line.split()) < 8


def parse_article(raw: str) -> Article:
    """Split a copied page into head, body and tail; read the head's fields."""
    lines = [" ".join(line.split()) for line in clean(raw).split("\n")]
    prose = [i for i, line in enumerate(lines) if _is_prose(line)]
    if not prose:  # no paragraph at all: keep everything, it is all we have
        body_lines = [line for line in lines if line]
        return Article(
            body="\n\n".join(body_lines) + "\n", headline=body_lines[0][:200] if body_lines else None
        )
    first, last = prose[0], prose[-1]
    head = [line for line in lines[:first] if line]
    tail = [line for line in lines[last + 1 :] if line]
    body_lines = [line for line in lines[first : last + 1] if line]
    # A sentence-like line in the tail that is boilerplate ("For more ... visit") goes too.
    while body_lines and _BOILERPLATE.match(body_lines[-1]):
        tail.insert(0, body_lines.pop())
    article = Article(body="\n\n".join(body_lines) + "\n", dropped=tail)
    _read_head(article, head)
    _read_dateline(article, body_lines[0] if body_lines else "")
    return article


def _read_head(article: Article, head: list[str]) -> None:
    candidates = []
    for line in head:
        if match := _BYLINE.match(line):
            article.author = match["author"].strip()
            if match["rest"]:
                _read_published(article, match["rest"])
        elif match := _PLACE_AUTHOR.match(line):
            article.dateline, article.author = match["place"].strip(), match["author"].strip()
        elif match := _PUBLISHER.match(line):
            article.publisher = match["name"].strip()
        elif _PUBLISHED.search(line) and len(line.split()) <= 10:
            _read_published(article, line)
        elif not _BOILERPLATE.match(line) and not re.search(r"[|›»>/]", line):
            candidates.append(line)
    # The headline is the longest line of the head that is neither of those: navigation is short.
    words = [c for c in candidates if len(c.split()) >= 4]
    if words:
        article.headline = max(words, key=len)


def _read_published(article: Article, text: str) -> None:
    match = _PUBLISHED.search(text)
    if not match:
        return
    try:
        if match["iso"]:
            article.published = date.fromisoformat(match["iso"])
        elif match["d1"]:
            article.published = date(int(match["y1"]), month_number(match["m1"]), int(match["d1"]))
        else:
            article.published = date(int(match["y2"]), month_number(match["m2"]), int(match["d2"]))
    except ValueError:
        pass


def _read_dateline(article: Article, first: str) -> None:
    match = _DATELINE.match(first)
    if not match:
        return
    article.lead = match.end()
    article.dateline = article.dateline or match["place"].title()
    if match["agency"] and not article.publisher:
        article.publisher = match["agency"].strip()
    if match["date"] and article.published is None:
        year = re.search(r"\d{4}", match["date"])
        if year:
            _read_published(article, match["date"])


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]
