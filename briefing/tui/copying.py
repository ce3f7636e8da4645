"""`y` and `Y`: copy a quote with its citation, or an item as Markdown, to the terminal's clipboard.

The text is composed by briefing.citing; it goes out with Textual's
App.copy_to_clipboard, an OSC 52 escape, so it reaches the clipboard of the
terminal the reader runs in, over SSH too, when the terminal (and tmux or
screen in between) allows it. config.yaml's ``clipboard: false`` turns it off.
"""

from __future__ import annotations

from textual.app import App

from briefing.citing import citation, cite_quote, item_markdown
from briefing.model import Briefing, Evidence, Source, quotes_of


def quote_text(briefing: Briefing, item: object, current: Evidence | None = None) -> str | None:
    """``current`` (the quote Source is at), else the item's first quote, with its citation.

    A source has no quote of its own: its citation alone. None: nothing to copy.
    """
    if current is None and (quotes := quotes_of(item)):
        current = quotes[0]
    if current is not None:
        return cite_quote(briefing, current)
    if isinstance(item, Source):
        return citation(item) + "\n"
    return None


def send(app: App[object], text: str | None) -> None:
    """Copy ``text`` and say how much was copied, or why nothing was."""
    config = getattr(app, "config", None)  # the BriefingApp's settings; an embedder's app has none
    enabled = config is None or config.clipboard
    if text is None:
        app.notify("Nothing to copy: this item has no quote", severity="warning")
    elif not enabled:
        app.notify("Copying is off (clipboard: false in config.yaml)", severity="warning")
    else:
        app.copy_to_clipboard(text)
        app.notify(f"Copied {len(text):,} characters")


def copy_item(
    app: App[object], briefing: Briefing, item: object, *, markdown: bool, current: Evidence | None = None
) -> None:
    """`Y` (markdown): the item as Markdown; `y`: ``current`` or the item's first quote, cited."""
    if item is None:
        send(app, None)
    elif markdown:
        send(app, item_markdown(briefing, item))
    else:
        send(app, quote_text(briefing, item, current))
