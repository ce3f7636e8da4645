"""Revisions of one small briefing, written for the diff tests: a base, and changes made to copies of it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

TEXT = (
    "On 20 March the council met in Arlen. The mayor said the bridge stays shut. "
    "Protesters gathered at the bridge. Ostland said it was deeply concerned. "
    "Ostland closed its consulate. The minister said talks must resume. "
    "Westmark sent observers. Rain fell on the square."
)

BASE: dict[str, Any] = {
    "briefing": 1,
    "id": "bridge-2025",
    "title": "FICTIONAL: the Arlen bridge dispute",
    "as_of": "2025-03-21",
    "status": "current",
    "summary": "The bridge stays shut.",
    "sources": [
        {"id": "wire", "title": "Arlen council meets", "publisher": "Wire", "text": TEXT},
        {"id": "blog", "title": "Notes from Arlen", "text": TEXT},
    ],
    "actors": [
        {"id": "mayor", "name": "The mayor", "kind": "person", "aliases": ["Mayor", "Hizzoner"]},
        {"id": "council", "name": "Arlen council", "kind": "government"},
    ],
    "places": [
        {"id": "arlen", "name": "Arlen", "kind": "city"},
        {"id": "bridge", "name": "Old bridge", "kind": "site"},
    ],
    "events": [
        {
            "id": "council-meets",
            "date": "2025-03-20",
            "title": "Council meets",
            "actors": ["council", "mayor"],
            "places": ["arlen"],
            "evidence": [{"source": "wire", "quote": "the council met in Arlen"}],
        },
        {
            "id": "protest",
            "date": "2025-03-21?",
            "title": "Protest at the bridge",
            "places": ["bridge"],
            "evidence": [{"source": "wire", "quote": "Protesters gathered at the bridge"}],
        },
    ],
    "reactions": [
        {
            "id": "ostland",
            "country": "Ostland",
            "stance": "concerned",
            "headline": "Deeply concerned",
            "statements": [{"speaker": "mayor", "quote": "deeply concerned", "source": "wire"}],
            "actions": [{"title": "Closes its consulate", "date": "2025-03-21"}],
        },
        {
            "id": "westmark",
            "country": "Westmark",
            "stance": "neutral",
            "headline": "Sends observers",
            "evidence": [{"source": "blog", "quote": "Westmark sent observers"}],
        },
    ],
    "assessments": [
        {"id": "stays-shut", "text": "The bridge will stay shut.", "likelihood": "likely"},
        {"id": "talks", "text": "Talks resume within a week.", "likelihood": "unlikely"},
    ],
}


def revision(change: Any = None) -> dict[str, Any]:
    """A copy of BASE, changed in place by ``change`` if given."""
    data = copy.deepcopy(BASE)
    if change is not None:
        change(data)
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def item(data: dict[str, Any], kind: str, item_id: str) -> dict[str, Any]:
    return next(x for x in data[kind] if x["id"] == item_id)
