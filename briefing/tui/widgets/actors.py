"""The Actors pane: who is involved, what they are, and how often they appear."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from textual.content import Content

from briefing.model import Actor, Briefing
from briefing.tui.widgets.item_list import ItemList, Paragraph

LABEL, TAG, MUTED = "item-list--label", "item-list--tag", "item-list--muted"


class ActorsView(ItemList):
    """Each actor: name, kind and country, event count; role; aliases."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.actors = briefing.actors
        self.event_counts: Counter[str] = Counter(a for e in briefing.events for a in e.actors)

    @property
    def count(self) -> int:
        return len(self.actors)

    def item_id(self, index: int) -> str:
        return self.actors[index].id

    @property
    def positions(self) -> Mapping[str, int]:
        return self.briefing.actor_positions()  # (the pane lists every actor, in the model's order)

    @property
    def selected(self) -> Actor | None:
        return self.actors[self.cursor] if self.actors else None

    def item_paragraphs(self, index: int) -> list[Paragraph]:
        actor = self.actors[index]
        events = self.event_counts[actor.id]
        kind = actor.kind if actor.country is None else f"{actor.kind}, {actor.country}"
        count = f" · {events} event{'' if events == 1 else 's'}"
        head = [(actor.name, LABEL), ("  ", None), (kind, TAG), (count, MUTED)]
        paragraphs: list[Paragraph] = [(0, head)]
        if actor.role:
            paragraphs.append((2, [(actor.role, MUTED)]))
        if actor.aliases:
            paragraphs.append((2, [("aka ", MUTED), (", ".join(actor.aliases), None)]))
        return paragraphs

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content.assemble(("2 ", "bold"), f"Actors ({len(self.actors)})")
