"""Text from a briefing is data: shown literally everywhere, never run as markup or actions."""

from __future__ import annotations

from briefing.format.diagnostics import Diagnostic
from briefing.format.loader import check_text
from briefing.tui.screens.main import MainScreen


def main(app) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def lines(widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.scrollable_content_region.height))


async def test_markup_like_text_is_shown_literally_in_every_pane(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(160, 50)):
        screen = main(app)
        assert "[bold]Sign[/bold] at the gate" in lines(screen.timeline)
        assert "[@click=app.quit]Harbour Board" in lines(screen.actors)
        assert "aka MDU, [union]" in lines(screen.actors)
        assert "Velmar [mediator]" in lines(screen.reactions)
        # (Lines joined without the ▌ bar beside a quote's lines.)
        source_text = " ".join(line.strip(" ▌") for line in lines(screen.source).splitlines())
        assert "[@click=app.quit]Press here[/] and [bold]not bold[/bold]" in source_text
        header = screen.query_one("BriefingHeader").render().plain
        assert "Dock strike at Port Mirna [draft notes]" in header
        assert "2 sources: Mirna Courier; [Wire]" in header
        assert app.title == "Dock strike at Port Mirna [draft notes]"


async def test_clicking_click_markup_in_the_data_runs_nothing(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = main(app)
        actors = screen.actors
        first_line, _height = actors.item_span(actors.index_of("board"))
        # One cell in from the border, past the two-cell gutter: on the "[@click=...]" text.
        await pilot.click(actors, offset=(4, 1 + first_line))
        await pilot.pause()
        assert app.is_running
        assert actors.cursor_id == "board"
        source = screen.source
        start = source.source.text.index("[@click=app.quit]")
        line = source.line_of(start) - round(source.scroll_y)
        column = 1 + 2 + start - source.lines[source.line_of(start)][0]
        await pilot.click(source, offset=(column, 1 + line))
        await pilot.pause()
        assert app.is_running


async def test_notifications_show_the_file_name_literally(mirna, make_app):
    warning = Diagnostic("x.yaml", 1, 1, "something odd", severity="warning")
    app = make_app(mirna, (warning,), "[b]bold[/b] [@click=app.quit]x.yaml")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        toasts = [toast.render().plain for toast in app.screen.query("Toast")]
        assert toasts == [
            "1 warning: run `briefing validate [b]bold[/b] [@click=app.quit]x.yaml` to see them"
        ]


async def test_control_characters_never_reach_the_screen(tmp_path, make_app):
    yaml = (
        'briefing: 1\nid: evil\ntitle: "evil \\e]2;pwned\\a title"\nas_of: "2024"\n'
        'sources:\n  - id: s\n    title: t\n    text: "A quote \\e[31mred\\e[0m here."\n'
        'actors:\n  - id: a\n    name: "bell \\a actor"\n    kind: person\n'
        'events:\n  - id: e\n    date: "2024"\n    title: "tab\\there, esc \\e[2J"\n'
        "    actors: [a]\n    evidence:\n      - quote: A quote\n"
    )
    briefing, diagnostics = check_text(yaml, shown="evil.yaml")
    assert briefing is not None, [d.format() for d in diagnostics]
    app = make_app(briefing)
    async with app.run_test(size=(120, 40)):
        screen = main(app)
        shown = "\n".join(
            [
                lines(screen.timeline),
                lines(screen.actors),
                lines(screen.source),
                screen.query_one("BriefingHeader").render().plain,
            ]
        )
        assert "\x1b" not in shown and "\x07" not in shown
        assert "evil \ufffd]2;pwned\ufffd title" in shown  # replaced, still readable


async def test_palette_hits_show_names_literally_and_select_safely(mirna, make_app):
    app = make_app(mirna)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        for key in "harbour board":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        # Each prompt is the hit, then its help line.
        options = app.screen.query_one("CommandList").options
        prompts = [option.prompt.plain.split("\n")[0] for option in options]
        assert "Actor: [@click=app.quit]Harbour Board" in prompts
        assert prompts[0] == "Actor: [@click=app.quit]Harbour Board"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        screen = main(app)
        assert app.focused is screen.actors
        assert screen.actors.cursor_id == "board"
