"""What the reader last showed of each briefing, by briefing id: to tell what is new since.

One small JSON file per briefing id in the state folder's ``read/``: the
``as_of`` shown (and its first and last day, so that an older revision opened
later is no news) and, for each kind of item, each id with a digest of the item
(briefing.diff.digests, equal exactly when `briefing diff` sees no change).
A new revision at the same path, another file with the same id, or a live
reload is compared with it. Written atomically and privately (what you read
is yours alone); a file that cannot be read as one is as if nothing was read.
No Textual import here.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing.diff import KINDS
from briefing.format.reading import ReadError, read_bytes
from briefing.user import settings

READ_FOLDER = "read"
READ_VERSION = 1
_MAX_SIZE = 32 * 1024 * 1024  # 16 bytes of digest and an id per item: a million items
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")  # an id as the format allows it, not too long

Digests = Mapping[str, Mapping[str, str]]  # kind -> id -> digest


@dataclass(frozen=True)
class LastRead:
    as_of: str  # as readers see it
    items: Digests
    as_of_key: tuple[str, str] | None = None  # its first and last day, ISO: which revision is older


@dataclass(frozen=True)
class News:
    """What is new and changed since ``since``, by kind; removed ids are counted, not marked."""

    since: str
    new: dict[str, tuple[str, ...]] = field(default_factory=dict)
    changed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def new_count(self) -> int:
        return sum(map(len, self.new.values()))

    @property
    def changed_count(self) -> int:
        return sum(map(len, self.changed.values()))

    @property
    def removed_count(self) -> int:
        return sum(map(len, self.removed.values()))

    @property
    def empty(self) -> bool:
        return not (self.new_count or self.changed_count or self.removed_count)

    def headline(self) -> str:
        """'2 new · 1 changed since 20 Mar 2025' (removed items only when nothing else changed)."""
        parts = [f"{self.new_count} new", f"{self.changed_count} changed"]
        if not (self.new_count or self.changed_count):
            parts = [f"{self.removed_count} removed"]
        return f"{' · '.join(parts)} since {self.since}"


def read_path(briefing_id: str) -> Path:
    """The file a briefing's last reading is kept in: its id, or a digest of an odd or long one."""
    name = briefing_id if _SAFE_NAME.fullmatch(briefing_id) else _hashed(briefing_id)
    return settings.state_dir() / READ_FOLDER / f"{name}.json"


def _hashed(text: str) -> str:
    return "id-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def load_last_read(briefing_id: str) -> LastRead | None:
    path = read_path(briefing_id)
    try:
        data = json.loads(read_bytes(path, str(path), _MAX_SIZE, "reading record").decode("utf-8"))
    except (ReadError, OSError, ValueError, RecursionError):
        return None  # never read, or a file that is no record: nothing to compare with
    if not isinstance(data, dict) or data.get("version") != READ_VERSION or data.get("id") != briefing_id:
        return None
    as_of, items, key = data.get("as_of"), data.get("items"), data.get("as_of_key")
    if not isinstance(as_of, str) or not isinstance(items, dict):
        return None
    ok = isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key)
    clean = {
        kind: {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}
        for kind, found in items.items()
        if kind in KINDS and isinstance(found, dict)
    }
    return LastRead(as_of, clean, (key[0], key[1]) if ok else None)


def save_last_read(briefing_id: str, as_of: str, items: Digests, as_of_key: tuple[str, str] | None) -> None:
    """Remember what was shown; raises OSError when the state folder cannot be written."""
    data = {
        "version": READ_VERSION,
        "id": briefing_id,
        "as_of": as_of,
        "as_of_key": as_of_key,
        "items": items,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    settings.write_atomic(read_path(briefing_id), text, private=True)


def news_since(last: LastRead, now: Digests) -> News:
    """What ``now`` has that ``last`` did not (new), or had otherwise (changed), or lost (removed)."""
    new: dict[str, tuple[str, ...]] = {}
    changed: dict[str, tuple[str, ...]] = {}
    removed: dict[str, tuple[str, ...]] = {}
    for kind in KINDS:
        before, after = last.items.get(kind, {}), now.get(kind, {})
        new[kind] = tuple(i for i in after if i not in before)
        changed[kind] = tuple(i for i, d in after.items() if i in before and before[i] != d)
        removed[kind] = tuple(i for i in before if i not in after)
    return News(last.as_of, new, changed, removed)
