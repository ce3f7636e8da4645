"""The Reactions pane: one entry per country in the file, with statements and actions."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from briefing.model import Briefing, Reaction
from briefing.tui.styling import layer_style
from briefing.tui.widgets.item_list import ItemList


class ReactionsView(ItemList):
    """Each country's stance and headline, then its statements and actions."""

    COMPONENT_CLASSES = ItemList.COMPONENT_CLASSES | {
        "reactions--stance-supportive",
        "reactions--stance-opposed",
        "reactions--stance-concerned",
        "reactions--stance-neutral",
        "reactions--stance-mixed",
        "reactions--stance-unclear",
    }

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane")
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

    def item_lines(self, index: int, width: int) -> list[Text]:
        reaction = self.reactions[index]
        muted = self.style_of("muted")
        stance = layer_style(self, f"reactions--stance-{reaction.stance}")
        head = Text.assemble((reaction.country, self.style_of("label")))
        if reaction.code:
            head.append(" ")
            head.append(f"({reaction.code})", muted)
        head.append("  ")
        head.append(reaction.stance, stance)
        lines = self.wrap(head, width)
        lines += self.wrap(Text(reaction.headline), width, indent=2)
        for statement in reaction.statements:
            speaker = self.briefing.actor(statement.speaker).name
            said = Text.assemble(("“", muted), statement.quote, ("”", muted), (f" — {speaker}", muted))
            if statement.date is not None:
                said.append(f", {statement.date.display}", muted)
            lines += self.wrap(said, width, indent=4)
        for action in reaction.actions:
            did = Text.assemble(("▸ ", muted), action.title)
            if action.date is not None:
                did.append(" ")
                did.append(f"({action.date.display})", muted)
            lines += self.wrap(did, width, indent=4)
        return lines

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content.assemble(("3 ", "bold"), f"Reactions ({len(self.reactions)})")
