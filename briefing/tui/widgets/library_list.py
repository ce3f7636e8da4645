"""The library's list: one item per briefing file, or per file that cannot be opened and why."""

from __future__ import annotations

from briefing.format.text import one_line
from briefing.tui.widgets.item_list import ItemList, Paragraph
from briefing.user.library import LibraryEntry

LABEL, TAG, MUTED, ERROR = "item-list--label", "item-list--tag", "item-list--muted", "library-list--error"


class LibraryList(ItemList):
    """Title; then date, status, counts and file name. A bad file: its name and its first error."""

    DEFAULT_CSS = """
    LibraryList {
        & > .library-list--error { color: $text-error; text-style: bold; }
        & > .library-list--status-draft { color: $text-warning; text-style: bold; }
        & > .library-list--status-current { color: $text-success; text-style: bold; }
        & > .library-list--status-superseded { color: $text-muted; text-style: bold; }
    }
    """

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        "library-list--error",
        "library-list--status-draft",
        "library-list--status-current",
        "library-list--status-superseded",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[LibraryEntry] = []

    def show(self, entries: list[LibraryEntry]) -> None:
        """Show ``entries`` in this order, keeping the cursor on the same file."""
        keep = self.cursor_id
        self.entries = entries
        self.items_changed()
        if keep is not None:
            self.select_id(keep, notify=False)

    @property
    def count(self) -> int:
        return len(self.entries)

    def item_id(self, index: int) -> str:
        return str(self.entries[index].path)

    @property
    def selected(self) -> LibraryEntry | None:
        return self.entries[self.cursor] if self.entries else None

    def item_paragraphs(self, index: int) -> list[Paragraph]:
        entry = self.entries[index]
        # Through the terminal gate: a file name can hold an escape sequence (one set the
        # terminal's title from this list), and a title can hold a line break.
        name = one_line(entry.path.name)
        if entry.error is not None:
            where = f"line {entry.error.line}: " if entry.error.line else ""
            return [
                (0, [("✗ ", ERROR), (name, LABEL), ("  cannot be opened", ERROR)]),
                (2, [(where, MUTED), (entry.error.message, None)]),
            ]
        older = entry.newer is not None  # an older revision, listed under the newest
        status = "superseded" if older else (entry.status or "current")
        indent = 2 if older else 0
        counts = (
            f"{_count(entry.events, 'event')} · {_count(entry.actors, 'actor')} · "
            f"{_count(entry.reactions, 'reaction')}"
        )
        title = one_line(entry.title) if entry.title else name
        return [
            # The newest is the entry above the group: d compares with it.
            (
                indent,
                [
                    ("↳ " if older else "", MUTED),
                    (title, LABEL),
                    ("  older revision" if older else "", MUTED),
                ],
            ),
            (
                indent + 2,
                [
                    ("as of ", MUTED),
                    (one_line(entry.as_of or ""), None),
                    ("  ", None),
                    (one_line(status), f"library-list--status-{status}"),
                    ("  ", None),
                    (counts, MUTED),
                    ("  ", None),
                    (name, MUTED),
                ],
            ),
        ]


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
