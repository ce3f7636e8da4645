"""The Actors pane: who is involved, what they are, and how often they appear."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.content import Content

from briefing.model import Actor, Briefing
from briefing.tui.widgets.item_list import ItemList


class ActorsView(ItemList):
    """Each actor: name, kind and country, event count; role; aliases."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane")
        self.briefing = briefing
        self.actors = briefing.actors
        self.event_counts: Counter[str] = Counter(a for e in briefing.events for a in e.actors)

    @property
    def count(self) -> int:
        return len(self.actors)

    def item_id(self, index: int) -> str:
        return self.actors[index].id

    @property
    def selected(self) -> Actor | None:
        return self.actors[self.cursor] if self.actors else None

    def item_lines(self, index: int, width: int) -> list[Text]:
        actor = self.actors[index]
        events = self.event_counts[actor.id]
        kind = actor.kind if actor.country is None else f"{actor.kind}, {actor.country}"
        head = Text.assemble(
            (actor.name, self.style_of("label")),
            "  ",
            (kind, self.style_of("tag")),
            " ",
            (f"· {events} event{'' if events == 1 else 's'}", self.style_of("muted")),
        )
        lines = self.wrap(head, width)
        if actor.role:
            lines += self.wrap(Text(actor.role, self.style_of("muted")), width, indent=2)
        if actor.aliases:
            aliases = Text.assemble(("aka ", self.style_of("muted")), ", ".join(actor.aliases))
            lines += self.wrap(aliases, width, indent=2)
        return lines

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content.assemble(("2 ", "bold"), f"Actors ({len(self.actors)})")
