"""`y` / `Y` from each pane and the detail view, and the editor's command line for `e`."""

from __future__ import annotations

import pytest

from briefing.citing import cite_quote, item_markdown
from briefing.tui.editing import editor_command
from briefing.tui.place import ViewState


async def test_y_in_source_copies_the_quote_shown_there(sample, make_app):
    app = make_app(sample, state=ViewState(event="homs-focus"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("y")
        first, second = sample.event("homs-focus").evidence[:2]
        assert app.clipboard == cite_quote(sample, first)
        await pilot.press("4", "s")  # Source, at the event's second quote
        assert "quote 2 of 3" in str(app.screen.source.border_subtitle)
        await pilot.press("y")
        assert app.clipboard == cite_quote(sample, second)
        await pilot.press("Y")  # the item, not the quote: the event the quotes are behind
        assert app.clipboard == item_markdown(sample, sample.event("homs-focus"))


def notices(app) -> list[str]:
    """Record what the app tells the reader in notices from now on."""
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **options: (said.append(str(message)), notify(message, **options))[1]
    return said


async def test_y_and_Y_in_the_detail_view_and_on_a_reaction(sample, make_app):
    app = make_app(sample)
    said = notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "enter", "Y")
        turkey = sample.reactions[0]
        assert app.clipboard == item_markdown(sample, turkey)
        assert app.clipboard.startswith("### Turkey: ")
        await pilot.press("y")  # a reaction's first quote: its first statement's
        assert app.clipboard == cite_quote(sample, turkey.statements[0].evidence)
        assert said[-1] == f"Copied {len(app.clipboard)} characters"


async def test_an_actor_without_a_quote_copies_nothing_and_says_so(mirna, make_app):
    app = make_app(mirna, state=ViewState(pane="actors", actor="velic"))
    said = notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not mirna.actor("velic").evidence
        await pilot.press("y")
        assert app.clipboard == ""
        assert said == ["Nothing to copy: this item has no quote"]


@pytest.mark.parametrize(
    ("editor", "command"),
    [
        ("vi", ["vi", "+12", "b.yaml"]),
        ("/usr/bin/nvim", ["/usr/bin/nvim", "+12", "b.yaml"]),
        ("emacs -nw", ["emacs", "-nw", "+12", "b.yaml"]),
        ("nano", ["nano", "+12", "b.yaml"]),
        ("micro", ["micro", "+12", "b.yaml"]),
        ("kak", ["kak", "+12", "b.yaml"]),
        ("code", ["code", "--wait", "--goto", "b.yaml:12"]),
        ("code --wait", ["code", "--wait", "--goto", "b.yaml:12"]),
    ],
)
def test_the_editor_is_told_the_line_in_its_own_form(editor: str, command: list[str]) -> None:
    assert editor_command(editor, "b.yaml", 12) == command


async def test_e_in_the_detail_view_opens_the_item_s_line_and_shows_the_panes_after(
    sample_path, make_app, tmp_path, monkeypatch
):
    from briefing.format.loader import load

    briefing = tmp_path / "b.yaml"
    briefing.write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "article.txt").write_text(
        (sample_path.parent / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    record = tmp_path / "argv.txt"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    loaded = load(briefing)
    app = make_app(loaded, file=briefing, state=ViewState(event="homs-focus"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        line = briefing.read_text(encoding="utf-8").splitlines().index("  - id: homs-focus") + 1
        assert record.read_text().splitlines() == [f"+{line}", str(briefing)]
        assert type(app.screen).__name__ == "MainScreen"
