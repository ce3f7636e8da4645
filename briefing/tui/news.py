"""New since you last read: which items of the briefing shown are new or changed, marked until read.

Each time a briefing is shown (opened, from the library, or reloaded live),
a worker thread takes a digest of each item (briefing.diff.digests), compares
them with what was read of the same briefing id (briefing.user.last_read),
and remembers what is read: all of it but the news. The header then says "N new
· M changed since <as_of last read>", and the new and changed items are marked
in their panes (Timeline, Actors, Reactions; a source in Source's title). A mark
clears, and its item is remembered as read, when the reader moves onto the item,
when `c` steps to it, or with `C` for all; marks left when the reader quits come
back the next time.
Only a reader that remembers (the CLI's) keeps these records; tests turn it on.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Briefing
    from briefing.tui.app import BriefingApp
    from briefing.user.last_read import LastRead, News

# briefing.diff and briefing.user.last_read are imported in the worker, not at the reader's
# start: with json and hashlib they were 14 ms of it.

# The panes that show each kind of item, in the order `c` steps through them.
PANE_OF = {"events": "timeline", "actors": "actors", "reactions": "reactions", "sources": "source"}
KIND_OF = {pane: kind for kind, pane in PANE_OF.items()}

# What has been read of a briefing: (as_of shown, kind -> id -> digest, as_of's days).
Reading = tuple[str, dict[str, dict[str, str]], "tuple[str, str] | None"]


class NewsKeeper:
    """Owned by the app: the news of the briefing shown, and the items not read yet."""

    def __init__(self, app: BriefingApp) -> None:
        self.app = app
        self.news: News | None = None  # what the header says; None when nothing is new
        self.briefing_id: str | None = None
        self.unread: dict[str, dict[str, str]] = {}  # kind -> id -> "new" or "changed"
        # Kept on disk: what the version shown holds, and what of it was read. News stays
        # news until read, so a reader who quits first finds its marks again next time.
        self._shown: Reading | None = None
        self._read: Reading | None = None

    @property
    def any_unread(self) -> bool:
        return any(self.unread.values())

    def arrived(self, briefing: Briefing) -> None:
        """``briefing`` is shown: compare it with what was last shown of it, in a thread."""
        if self.app.memory.enabled:
            work = lambda: self._compare(briefing)  # noqa: E731
            self.app.run_worker(work, thread=True, group="news", exclusive=True)

    def _compare(self, briefing: Briefing) -> None:
        from briefing.diff import digests
        from briefing.user.last_read import load_last_read, news_since

        now = digests(briefing)
        key = (briefing.as_of.earliest.isoformat(), briefing.as_of.latest.isoformat())
        last = load_last_read(briefing.id)
        if last is not None and last.as_of_key is not None and key < last.as_of_key:
            # An older revision than the one last read (from the library, say): what it lacks
            # is no news, and what was read stays the newer one, for when that comes back.
            self.app.call_from_thread(self._show, briefing, None)
            return
        news = news_since(last, now) if last is not None else None
        shown: Reading = (briefing.as_of.display, {k: dict(v) for k, v in now.items()}, key)
        read = shown if last is None or news is None else _read_so_far(last, shown, news)
        self.app.call_from_thread(self._show, briefing, news, (shown, read))

    def _show(
        self, briefing: Briefing, news: News | None, reading: tuple[Reading, Reading] | None = None
    ) -> None:
        if reading is not None:
            _save(briefing.id, reading[1])
        if self.app.briefing is not briefing:
            return  # another briefing, or another version, came since
        if reading is not None:
            self._shown, self._read = reading
        if briefing.id != self.briefing_id:
            self.briefing_id, self.news, self.unread = briefing.id, None, {}
        if news is not None and not news.empty:
            # A second version while the first's marks are unread: both count, since the first.
            self.news = news if self.news is None else _merged(self.news, news, briefing)
            for kind in PANE_OF:
                marks = self.unread.setdefault(kind, {})
                marks.update(dict.fromkeys(news.changed.get(kind, ()), "changed"))
                marks.update(dict.fromkeys(news.new.get(kind, ()), "new"))
        for kind, marks in self.unread.items():  # items gone from this version are no news
            present = {item.id for item in getattr(briefing, kind)}
            self.unread[kind] = {i: m for i, m in marks.items() if i in present}
        self.apply()

    def apply(self) -> None:
        """Show the news on the reader's screen: the header's line and each pane's marks."""
        from briefing.tui.widgets.header import BriefingHeader
        from briefing.tui.widgets.item_list import ItemList
        from briefing.tui.widgets.source import SourceView

        main = self.app.main_screen
        if main is None:
            return
        for header in main.query(BriefingHeader):
            header.show_news(self.news.headline() if self.news is not None else "")
        for pane in main.query(ItemList):
            pane.set_fresh(self.unread.get(KIND_OF.get(pane.id or "", ""), {}))
        for source in main.query(SourceView):
            source.set_fresh(self.unread.get("sources", {}))
        main.refresh_bindings()

    def read(self, pane: str | None, item_id: str | None) -> None:
        """The reader is on ``item_id`` in ``pane``: it is news no longer."""
        kind = KIND_OF.get(pane or "", "")
        marks = self.unread.get(kind, {})
        if item_id in marks:
            del marks[item_id]
            self.apply()
            self._remember(kind, item_id)

    def clear(self) -> None:
        """Every mark read at once; the header's line goes too."""
        self.news, self.unread = None, {}
        self.apply()
        self._remember()

    def _remember(self, kind: str = "", item_id: str | None = None) -> None:
        """Keep what is read now: one item more, or, with no mark left, the whole version."""
        if self._shown is None or self._read is None or self.briefing_id is None:
            return
        if item_id is None or not self.any_unread:
            self._read = self._shown
        elif (digest := self._shown[1].get(kind, {}).get(item_id)) is not None:
            self._read[1].setdefault(kind, {})[item_id] = digest
        _save(self.briefing_id, self._read)

    def step(self) -> None:
        """Go to the next item not read yet: events in timeline order, then actors, reactions, sources."""
        main = self.app.main_screen
        if main is None:
            return
        for kind, pane in PANE_OF.items():
            marks = self.unread.get(kind, {})
            item = next((x for x in getattr(main.briefing, kind) if x.id in marks), None)
            if item is None:
                continue
            if pane == "source":
                main.action_focus_pane("source")
                main.source.show_source(item.id)
            else:
                main.jump_to(pane, item.id)
            self.read(pane, item.id)
            return

    def lines(self, briefing: Briefing) -> list[tuple[str, str]]:
        """The news as (mark, text) lines for the palette's page: per kind, counts then items."""
        from briefing.diff import label

        if self.news is None:
            return []
        found: list[tuple[str, str]] = []
        for kind in self.news.new:
            by_id = {item.id: item for item in getattr(briefing, kind)}
            new, changed = self.news.new.get(kind, ()), self.news.changed.get(kind, ())
            removed = self.news.removed.get(kind, ())
            if not (new or changed or removed):
                continue
            counts = [(len(new), "new"), (len(changed), "changed"), (len(removed), "removed")]
            found.append(("", f"{kind.capitalize()}: " + " · ".join(f"{n} {w}" for n, w in counts if n)))
            found += [("+", label(by_id[i])) for i in new if i in by_id]
            found += [("~", label(by_id[i])) for i in changed if i in by_id]
            found += [("-", i) for i in removed]
        return found


def _merged(first: News, then: News, briefing: Briefing) -> News:
    """Two steps of news as one, since the first: what is new in either is new, if still there."""
    from briefing.user.last_read import News

    new: dict[str, tuple[str, ...]] = {}
    changed: dict[str, tuple[str, ...]] = {}
    removed: dict[str, tuple[str, ...]] = {}
    for kind in then.new:
        present = {item.id for item in getattr(briefing, kind)}
        added = dict.fromkeys((*first.new.get(kind, ()), *then.new.get(kind, ())))
        new[kind] = tuple(i for i in added if i in present)
        both = dict.fromkeys((*first.changed.get(kind, ()), *then.changed.get(kind, ())))
        changed[kind] = tuple(i for i in both if i in present and i not in added)
        gone = dict.fromkeys((*first.removed.get(kind, ()), *then.removed.get(kind, ())))
        removed[kind] = tuple(i for i in gone if i not in present and i not in added)
    return News(first.since, new, changed, removed)


def _read_so_far(last: LastRead, shown: Reading, news: News) -> Reading:
    """What was read of ``shown``: all but the news a pane marks, which keeps the last digest (or none).

    Places and assessments have no marks to read: shown once in the header, they count as read.
    """
    if not any(news.new.get(kind) or news.changed.get(kind) for kind in PANE_OF):
        return shown
    items = {
        kind: {i: d for i, d in found.items() if kind not in PANE_OF or i not in news.new.get(kind, ())}
        for kind, found in shown[1].items()
    }
    for kind in PANE_OF:
        for item_id in news.changed.get(kind, ()):
            items.setdefault(kind, {})[item_id] = last.items[kind][item_id]
    # "since" the version last read, but as new as the one shown: an older one is still no news.
    return last.as_of, items, shown[2]


def _save(briefing_id: str, reading: Reading) -> None:
    """Remember what was read of a briefing, from the main thread.

    A hang-up ends the reader by SystemExit there, and the write's cleanup runs; a worker
    thread would be cut off mid-write, leaving its temporary file. A state folder that cannot
    be written: Memory says so, once, on saving the view.
    """
    from briefing.user.last_read import save_last_read

    with suppress(OSError):
        save_last_read(briefing_id, *reading)
