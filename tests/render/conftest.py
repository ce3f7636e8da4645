"""Briefings for the render tests: the sample, one with every date form, and a hostile one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.format.loader import load
from briefing.model import Briefing, Evidence

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"
EVERY_DATE_FORM = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"

# Text that would be markup, a link, a script or a terminal control in some
# output format. The loader replaces the ESC (\e) and BEL (\a) with U+FFFD.
HOSTILE_YAML = r"""
briefing: 1
id: hostile
title: "[bold]Bold[/bold] <script>alert(1)</script> # not a heading"
as_of: "2025-01-02"
status: draft
summary: "Click [here](javascript:alert(1)) or ](javascript:alert(1)) now. `code` *em* _u_ ~~s~~ $x$
  &amp; <img src=x onerror=alert(1)> \e[31mred\e]0;title\a"
tags: ["<b>tag</b>", "[@click=app.quit]"]
sources:
  - id: wire
    title: "Wire <i>story</i> | one"
    publisher: "[Wire](http://evil.example)"
    url: "javascript:alert(1)"
    text: |
      # Heading in the source
      He said: <script>alert(1)</script> and [@click=app.quit]quit[/].
      Then | a | b | and ](javascript:alert(1)) followed.
  - id: site
    title: Site
    url: "https://example.org/a_(b)?q=1&r=2"
    text: "- a list item | with a pipe"
actors:
  - id: clicker
    name: "[@click=app.quit]Clicker"
    aliases: ["<b>bold</b>", "![img](http://evil.example/x.png)"]
    kind: person
    role: "| cell | breaker |"
    evidence:
      - source: wire
        quote: "[@click=app.quit]quit[/]"
events:
  - id: first
    date: "2025-01-01"
    title: "# Heading? | pipe [@click=app.quit]"
    detail: "1. not a list\n- nor this\n> nor a quote\n<div>raw</div>"
    actors: [clicker]
    evidence:
      - source: wire
        quote: "<script>alert(1)</script>"
reactions:
  - id: r1
    country: "1. Freedonia"
    code: "FD"
    stance: opposed
    headline: "- ](javascript:alert(1)) | headline"
    actors: [clicker]
    statements:
      - speaker: clicker
        date: "2025-01-01?"
        quote: "Then | a | b | and ](javascript:alert(1)) followed."
        source: wire
assessments:
  - id: a1
    text: "=== [x](javascript:alert(1))"
    likelihood: likely
    author: "<script>alert(2)</script>"
"""

# The strings a reader must see literally, whatever the format.
HOSTILE_LITERALS = (
    "[bold]Bold[/bold] <script>alert(1)</script> # not a heading",
    "[@click=app.quit]Clicker",
    "![img](http://evil.example/x.png)",
    "# Heading? | pipe [@click=app.quit]",
    "1. Freedonia",
    "- ](javascript:alert(1)) | headline",
    "Then | a | b | and ](javascript:alert(1)) followed.",
    "=== [x](javascript:alert(1))",
    "[Wire](http://evil.example)",
    "javascript:alert(1)",
)


@pytest.fixture(scope="session")
def sample() -> Briefing:
    return load(SAMPLE)


@pytest.fixture(scope="session", params=["sample", "every-date-form"])
def each_briefing(request: pytest.FixtureRequest) -> Briefing:
    """The sample, then a fictional briefing with every date form, three sources and x- keys."""
    return load(SAMPLE if request.param == "sample" else EVERY_DATE_FORM)


def all_evidence(briefing: Briefing) -> list[Evidence]:
    """Every located quote in the briefing: events', actors' and reactions' (statements included)."""
    found = [e for event in briefing.events for e in event.evidence]
    found += [e for actor in briefing.actors for e in actor.evidence]
    return found + [e for reaction in briefing.reactions for e in reaction.all_evidence]


@pytest.fixture
def evidence_of():
    return all_evidence


@pytest.fixture
def hostile_literals() -> tuple[str, ...]:
    return HOSTILE_LITERALS


@pytest.fixture
def hostile(tmp_path: Path) -> Briefing:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    return load(path)
