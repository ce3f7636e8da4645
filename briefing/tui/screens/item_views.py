"""What the reader opens from the panes: an item's detail, the overview, a day's prompt, the editor.

A part of the main screen (screens/main.py, which keeps the panes and the links
between them): these actions open a view of the item the reader is on, or act on
it (copy, edit), and bring the reader back to the panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import Event

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen


class ItemViews:
    """The main screen's actions beyond its panes (a mixin of MainScreen)."""

    @property
    def current_item(self: MainScreen) -> object:
        """The item the reader is on: the selected one; in Source, the source shown."""
        return self.source.source if self.current_pane == "source" else self.pane(self.current_pane).selected

    def action_details(self: MainScreen) -> None:
        from briefing.tui.screens.detail import DetailScreen

        if self.current_item is not None:
            self.app.push_screen(DetailScreen(self.briefing, self.current_item), self._after_details)

    async def action_go_to_day(self: MainScreen) -> None:
        if not await self.searching.key_in_field("d"):  # (a priority key, as `/` is: tui/keys.py)
            from briefing.tui.screens.day_prompt import DayPrompt

            await DayPrompt.ask(self.timeline, self.briefing.as_of.latest, self._went_to_day)

    def _went_to_day(self: MainScreen, filtered: bool | None) -> None:
        if filtered:  # the Timeline shows the day's events, or all again: size, count again
            self._filter_timeline(self.timeline.filters)
        self.action_focus_pane("timeline")

    def action_overview(self: MainScreen) -> None:
        from briefing.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.briefing), self._after_details)

    def action_copy(self: MainScreen, markdown: bool) -> None:
        from briefing.tui.copying import copy_item  # with Markdown's escaping: on the first y

        current = self.source.current if self.current_pane == "source" else None
        copy_item(
            self.app, self.briefing, self.pane(self.active_pane).selected, markdown=markdown, current=current
        )

    async def action_edit(self: MainScreen) -> None:
        from briefing.tui.editing import edit_at

        await edit_at(self.app, getattr(self.current_item, "id", ""))

    def _after_details(self: MainScreen, result: str | Event | None) -> None:
        if isinstance(result, Event):  # the overview's: an event opened there asked for its quotes
            self.jump_to("timeline", result.id)
        if result is not None:  # "evidence": the detail's s
            self.action_show_evidence()
