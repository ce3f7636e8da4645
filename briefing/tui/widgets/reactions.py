"""The Reactions pane: one entry per country in the file, with statements and actions."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Briefing, Reaction
from briefing.tui.widgets.item_list import ItemList, Paragraph

LABEL, MUTED = "item-list--label", "item-list--muted"


class ReactionsView(ItemList):
    """Each country's stance and headline, then its statements and actions."""

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
        super().__init__(id=id)
        self.briefing = briefing
        self.reactions = briefing.reactions

    @property
    def count(self) -> int:
        return len(self.reactions)

    def item_id(self, index: int) -> str:
        return self.reactions[index].id

    @property
    def selected(self) -> Reaction | None:
        return self.reactions[self.cursor] if self.reactions else None

    def item_paragraphs(self, index: int) -> list[Paragraph]:
        reaction = self.reactions[index]
        head = [(reaction.country, LABEL)]
        if reaction.code:
            head.append((f" ({reaction.code})", MUTED))
        head += [("  ", None), (reaction.stance, f"reactions--stance-{reaction.stance}")]
        paragraphs: list[Paragraph] = [(0, head), (2, [(reaction.headline, None)])]
        for statement in reaction.statements:
            said = f"” — {self.briefing.actor(statement.speaker).name}"
            if statement.date is not None:
                said += f", {statement.date.display}"
            paragraphs.append((4, [("“", MUTED), (statement.quote, None), (said, MUTED)]))
        for action in reaction.actions:
            when = f" ({action.date.display})" if action.date is not None else ""
            paragraphs.append((4, [("▸ ", MUTED), (action.title, None), (when, MUTED)]))
        return paragraphs

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content.assemble(("3 ", "bold"), f"Reactions ({len(self.reactions)})")
