"""New since you last read: a new revision of a briefing opens with its new and changed items marked."""

from __future__ import annotations

import os
from typing import Any

from briefing.tui.launch import prepare
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.news_screen import NewsScreen
from briefing.user.last_read import load_last_read
from tests.unit.revisions import item, revision, write
from tests.unit.test_diff import every_kind_changed

from .test_live_reload import saved
from .test_themes import settle


def header_text(screen: MainScreen) -> str:
    return str(screen._header.render())


async def open_once(path) -> None:
    """Open the briefing and quit: the reader remembers what it showed."""
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "new" not in header_text(app.screen)  # read for the first time: nothing is news
    assert load_last_read("bridge-2025") is not None


def marks(screen: MainScreen) -> dict[str, dict[str, str]]:
    found = {name: dict(screen.pane(name).fresh) for name in ("timeline", "actors", "reactions")}
    found["source"] = dict(screen.source.fresh)
    return {name: m for name, m in found.items() if m}


async def test_a_new_revision_opens_with_its_news_marked_and_stepping_reads_them(tmp_path):
    path = write(tmp_path / "bridge.yaml", revision())
    await open_once(path)
    write(path, revision(every_kind_changed))
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # new: memo, minister, square, rain, southria, rain-stops;
        # changed: wire, mayor, bridge, protest, ostland, stays-shut
        assert "6 new · 6 changed since 21 Mar 2025" in header_text(screen)
        assert marks(screen) == {
            "timeline": {"protest": "changed", "rain": "new"},
            "actors": {"mayor": "changed", "minister": "new"},
            "reactions": {"ostland": "changed", "southria": "new"},
            "source": {"wire": "changed", "memo": "new"},
        }
        visited = []
        for _ in range(8):
            await pilot.press("c")
            await pilot.pause()
            pane = screen.current_pane
            visited.append(screen.source.source.id if pane == "source" else screen.pane(pane).cursor_id)
        assert visited == ["protest", "rain", "mayor", "minister", "ostland", "southria", "wire", "memo"]
        assert marks(screen) == {}
        assert not app.news.any_unread
        await pilot.press("C")  # every mark read: the header's line goes too
        await pilot.pause()
        assert "new" not in header_text(screen)


async def test_moving_onto_an_item_reads_it_and_the_palette_shows_the_news(tmp_path):
    path = write(tmp_path / "bridge.yaml", revision())
    await open_once(path)

    def stance(data: dict[str, Any]) -> None:
        item(data, "reactions", "ostland")["stance"] = "opposed"
        data["actors"].append({"id": "minister", "name": "The minister", "kind": "person"})

    write(path, revision(stance))
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert "1 new · 1 changed since 21 Mar 2025" in header_text(screen)
        await pilot.press("2", "G")  # Actors, the last one: the minister
        assert marks(screen) == {"reactions": {"ostland": "changed"}}
        app.action_show_news()
        await settle(app, pilot)
        assert isinstance(app.screen, NewsScreen)
        shown = [str(s.render()) for s in app.screen.query("Static")]
        assert "Reactions: 1 changed" in shown and "  ~ Ostland" in shown
        assert "  + The minister" in shown


async def test_a_live_reload_marks_what_the_new_version_changed(tmp_path):
    path = write(tmp_path / "bridge.yaml", revision())
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        write(path, revision(lambda data: item(data, "events", "protest").update(date="2025-03-20~")))
        info = path.stat()  # on any clock, the change shows
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        await saved(app, pilot)
        await settle(app, pilot)
        screen = app.screen
        assert "0 new · 1 changed since 21 Mar 2025" in header_text(screen)
        assert marks(screen) == {"timeline": {"protest": "changed"}}


async def test_two_reloads_count_together_since_the_version_first_read(tmp_path):
    path = write(tmp_path / "bridge.yaml", revision())
    app = prepare(path, theme=None, max_size=None)

    def rain(data: dict[str, Any]) -> None:
        data["events"].append(
            {
                "id": "rain",
                "date": "2025-03-21",
                "title": "Rain",
                "evidence": [{"source": "wire", "quote": "Rain fell on the square"}],
            }
        )

    def and_stance(data: dict[str, Any]) -> None:
        rain(data)
        item(data, "reactions", "ostland")["stance"] = "opposed"

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for change in (rain, and_stance):
            write(path, revision(change))
            info = path.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
            await saved(app, pilot)
            await settle(app, pilot)
        assert "1 new · 1 changed since 21 Mar 2025" in header_text(app.screen)
        assert marks(app.screen) == {"timeline": {"rain": "new"}, "reactions": {"ostland": "changed"}}


async def test_an_older_revision_opened_after_the_newer_one_is_no_news(tmp_path):
    """Read 22 Mar, then open the 21 Mar file (from the library, say): nothing in it is new since.

    Its header has no "N new" line and no marks, and the newer revision stays what was read, so
    reopening it is not news either.
    """

    def later(data: dict[str, Any]) -> None:
        every_kind_changed(data)
        data["as_of"] = "2025-03-22"

    newer = write(tmp_path / "bridge-22.yaml", revision(later))
    older = write(tmp_path / "bridge-21.yaml", revision())  # as of 21 Mar 2025
    await open_once(newer)
    app = prepare(older, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "new" not in header_text(app.screen)
        assert marks(app.screen) == {}
    await open_once(newer)


async def test_news_not_read_yet_is_news_again_after_quitting(tmp_path):
    """Quit with marks left: the next time, the items not read are marked again, since the same day.

    Of twelve, two are read with `c` (protest, rain) and four have no marks (a place and an
    assessment new, one of each changed: told once): six remain. After `C`, nothing is news.
    """
    path = write(tmp_path / "bridge.yaml", revision())
    await open_once(path)
    write(path, revision(every_kind_changed))
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "6 new · 6 changed since 21 Mar 2025" in header_text(app.screen)
        await pilot.press("c", "c")
        await settle(app, pilot)
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "3 new · 3 changed since 21 Mar 2025" in header_text(app.screen)
        assert marks(app.screen) == {
            "actors": {"mayor": "changed", "minister": "new"},
            "reactions": {"ostland": "changed", "southria": "new"},
            "source": {"wire": "changed", "memo": "new"},
        }
        await pilot.press("C")
        await settle(app, pilot)
    await open_once(path)


async def test_news_no_pane_marks_is_shown_once(tmp_path):
    """A changed assessment has no mark to read: the header tells it once, not at every opening."""
    path = write(tmp_path / "bridge.yaml", revision())
    await open_once(path)
    write(path, revision(lambda data: item(data, "assessments", "talks").update(likelihood="likely")))
    app = prepare(path, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "0 new · 1 changed since 21 Mar 2025" in header_text(app.screen)
    await open_once(path)


async def test_an_older_revision_is_no_news_even_with_marks_of_the_newer_left(tmp_path):
    """Read 21 Mar, open 22 Mar and quit unread, open 21 Mar again: nothing in it is news."""

    def later(data: dict[str, Any]) -> None:
        every_kind_changed(data)
        data["as_of"] = "2025-03-22"

    older = write(tmp_path / "bridge-21.yaml", revision())
    newer = write(tmp_path / "bridge-22.yaml", revision(later))
    await open_once(older)
    app = prepare(newer, theme=None, max_size=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "6 new · 6 changed since 21 Mar 2025" in header_text(app.screen)
    await open_once(older)
