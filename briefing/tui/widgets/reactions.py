"""The Reactions pane: one line a country, in the file's order; the selected one open below its line.

Each line is the country, its code, its stance (a mark and a word, so it reads
in 16 colours and under NO_COLOR too) and its headline. The selected country
opens in place to its statements, actions and quotes, in as many lines as the
pane can spare while every country stays on screen; moving on closes it.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip

from briefing.model import Briefing, Reaction
from briefing.tui.styling import MARGIN, Run
from briefing.tui.widgets.item_list import GUTTER, ItemList, Paragraph
from briefing.tui.wrapping import cells, truncate, wrap_offsets

LABEL, MUTED = "item-list--label", "item-list--muted"
# Marks that need no colour: each stance reads as a mark and a word.
STANCE_MARKS = {
    "supportive": "+",
    "opposed": "−",
    "concerned": "!",
    "neutral": "○",
    "mixed": "±",
    "unclear": "?",
}
NAME_MAX = 26  # the country column is as wide as the longest "Country (CC)", up to this
OPEN_WANTED = 10  # lines of the open country the pane asks the layout for (it shows more if it has room)
INDENT = 4
HANG = 2  # a statement's or action's later lines start under its text, not its mark
HEADLINE_MIN = 16  # cells the headline needs beside the columns to wrap under itself when open


def stance_label(stance: str) -> str:
    return f"{STANCE_MARKS.get(stance, '·')} {stance}"


class ReactionsView(ItemList):
    """Each country's stance and headline on one line; the selected one's statements and actions."""

    OPENS_SELECTED = True
    ROW_WEIGHT = 1.5  # when every list is cut: after the timeline, before the actors

    # $stance-* come from the theme (themes/*.yaml) or are derived from its main colours.
    DEFAULT_CSS = """
    ReactionsView {
        & > .reactions--stance-supportive { color: $stance-supportive; }
        & > .reactions--stance-opposed { color: $stance-opposed; }
        & > .reactions--stance-concerned { color: $stance-concerned; }
        & > .reactions--stance-neutral { color: $stance-neutral; }
        & > .reactions--stance-mixed { color: $stance-mixed; }
        & > .reactions--stance-unclear { color: $stance-unclear; }
    }
    """

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        "reactions--stance-supportive",
        "reactions--stance-opposed",
        "reactions--stance-concerned",
        "reactions--stance-neutral",
        "reactions--stance-mixed",
        "reactions--stance-unclear",
    }

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        self._measured_room: int | None = None  # the open country's room when last measured
        super().__init__(id=id)
        self.briefing = briefing
        self.reactions = briefing.reactions
        # Columns as wide as this file's names and stances, so stances and headlines line up.
        self._name_width = min(max((cells(self.label_of(r)) for r in self.reactions), default=0), NAME_MAX)
        self._stance_width = max((cells(stance_label(r.stance)) for r in self.reactions), default=0)

    @property
    def count(self) -> int:
        return len(self.reactions)

    def item_id(self, index: int) -> str:
        return self.reactions[index].id

    @property
    def selected(self) -> Reaction | None:
        return self.reactions[self.cursor] if self.reactions else None

    # -- one line a country ---------------------------------------------------------

    @staticmethod
    def label_of(reaction: Reaction) -> str:
        return f"{reaction.country} ({reaction.code})" if reaction.code else reaction.country

    def _prefix(self, reaction: Reaction) -> list[Run]:
        """The line's start: country, code and stance, padded to the columns before the headline."""
        name = truncate([(self.label_of(reaction), None)], self._name_width)[0][0]
        country = name[: len(reaction.country)]
        stance = self.component_style(f"reactions--stance-{reaction.stance}")
        runs: list[Run] = [(country, self.style_of("label"))]
        if len(name) > len(country):
            runs.append((name[len(country) :], self.style_of("muted")))
        return [
            *runs,
            (" " * (self._name_width - cells(name) + 2), None),
            (stance_label(reaction.stance).ljust(self._stance_width), stance),
            ("  ", None),
        ]

    def _head_width(self) -> int:
        return self._name_width + 2 + self._stance_width + 2

    def _head_lines(self, reaction: Reaction, width: int, *, whole: bool) -> list[list[Run]]:
        """The country's line, its headline cut with …; ``whole``: the headline wrapped under itself."""
        prefix, start = self._prefix(reaction), self._head_width()
        if not whole or width - start < HEADLINE_MIN:
            return [truncate([*prefix, (reaction.headline, None)], width)]
        headline = reaction.headline
        pieces = [headline[a:b] for a, b in wrap_offsets(headline, width - start)]
        margin: Run = (" " * start, MARGIN)
        return [[*prefix, (pieces[0], None)], *([margin, (piece, None)] for piece in pieces[1:])]

    # -- the open country -----------------------------------------------------------

    def open_paragraphs(self, reaction: Reaction) -> list[Paragraph]:
        """What the open country shows under its headline: statements, actions, its own quotes."""
        paragraphs: list[Paragraph] = []
        for statement in reaction.statements:
            said = f"” — {self.briefing.actor(statement.speaker).name}"
            if statement.date is not None:
                said += f", {statement.date.display}"
            paragraphs.append((INDENT, [("“", MUTED), (statement.quote, None), (said, MUTED)]))
        for action in reaction.actions:
            when = f" ({action.date.display})" if action.date is not None else ""
            paragraphs.append((INDENT, [("▸ ", MUTED), (action.title, None), (when, MUTED)]))
        for evidence in reaction.evidence:
            # (a quote may end on a quotation of its own: no second mark after it)
            end = "" if evidence.quote.endswith(("”", '"')) else "”"
            paragraphs.append((INDENT, [("“", MUTED), (evidence.quote, MUTED), (end, MUTED)]))
        return paragraphs

    def _open_lines(self, reaction: Reaction, width: int) -> list[list[Run]]:
        head = self._head_lines(reaction, width, whole=True)
        # Wrapped lines hang under the text, not under its “ or ▸ mark.
        return head + self.lines_of(self.open_paragraphs(reaction), width, hang=HANG)

    def _room(self) -> int | None:
        """Lines the open country may take so that every country stays on screen (None: no limit)."""
        height = self.scrollable_content_region.height
        if height <= 0:
            return None
        return max(height - (self.count - 1), 1)

    def item_lines(self, index: int, width: int) -> list[list[Run]]:
        reaction = self.reactions[index]
        if index != self.cursor:
            return self._head_lines(reaction, width, whole=False)
        lines = self._open_lines(reaction, width)
        room = self._room()
        if room is not None and len(lines) > room:
            if room < 3:  # no room to open: the one line, as when closed
                return self._head_lines(reaction, width, whole=False)
            # Cut to the room left, saying how much more Enter shows.
            more = len(lines) - (room - 1)
            note = f"… {more} more line{'' if more == 1 else 's'}: Enter shows all"
            lines = [*lines[: room - 1], [(" " * INDENT, MARGIN), (note, self.style_of("muted"))]]
        return lines

    def item_height(self, index: int, width: int) -> int:
        return 1 if index != self.cursor else len(self.item_lines(index, width))

    def _measure(self) -> None:
        self._measured_room = self._room()
        super()._measure()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The open country's lines depend on the pane's height (_room), and a frame can be
        # drawn at a new height before the Resize event is handled (the search's list of
        # results taking rows): measure again first, as Pane does for a new width, or the
        # heights measured before no longer match the lines drawn.
        if self._room() != self._measured_room:
            self._fit()
        return super().render_lines(crop)

    def floor_rows(self) -> int:
        return self.count + 3  # every country, and room to open one (see item_lines)

    def wanted_rows(self, width: int) -> int:
        """Every country, and the selected one open: the layout follows the cursor (main.py).

        Counted from the plain text, as item_lines would wrap it: no styles needed, so the
        layout can be worked out before the pane is mounted.
        """
        if self.count > self.MEASURED_MAX or not self.count:
            return self.count
        width = max(width - GUTTER, 1)
        reaction = self.reactions[self.cursor]
        start = self._head_width()
        opened = len(wrap_offsets(reaction.headline, width - start)) if width - start >= HEADLINE_MIN else 1
        for indent, runs in self.open_paragraphs(reaction):
            plain = "".join(text for text, _name in runs)
            opened += len(wrap_offsets(plain, max(width - indent - HANG, 1)))
        return self.count - 1 + min(opened, OPEN_WANTED)

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content.assemble(("3 ", "bold"), f"Reactions ({len(self.reactions)})")
