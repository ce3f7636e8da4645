"""Pictures of the main screen at each colour depth, as a terminal of that depth shows it.

The reader is made in a terminal of the depth (COLORTERM and TERM set first),
so it picks its theme as it would there; the picture is drawn the way Textual
writes to that terminal: each colour the nearest of the terminal's palette (Rich's
Color.downgrade, as textual.strip does). At 16 colours the theme keeps to the
terminal's own palette, so that picture is drawn twice: in the Linux console's
colours (light on black) and in xterm's own (dark on white).

The scene, as in test_theme_snapshots: the sample at 120x40 after g (the reader
opens on the newest event; g shows the first, and the "?" claimed marks near the top),
the first event selected in Timeline (focused), its quote highlighted in Source; the
header shows the summary's first two lines and "6 assessments · i".
Regenerate with: pytest tests/tui/test_colour_snapshots.py --snapshot-update
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.console import Console
from rich.segment import Segment, Segments
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual import constants

from briefing.format.loader import load
from briefing.tui.app import BriefingApp
from briefing.tui.styling import separate_margins

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "hts-offensive-2024-12.yaml"
SYSTEMS = {"truecolor": ColorSystem.TRUECOLOR, "256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD}

# Two real palettes of 16 colours, at their hardest for a theme: the Linux console (VGA: dark
# blue on black) and xterm's defaults (yellow on white). Background, text, then the 16 colours.


def palette(colours: str) -> TerminalTheme:
    rgb = [tuple(bytes.fromhex(c)) for c in colours.split()]
    return TerminalTheme(rgb[0], rgb[1], rgb[2:10], rgb[10:18])  # type: ignore[arg-type]


LINUX_CONSOLE = palette(
    "000000 aaaaaa  000000 aa0000 00aa00 aa5500 0000aa aa00aa 00aaaa aaaaaa"
    "  555555 ff5555 55ff55 ffff55 5555ff ff55ff 55ffff ffffff"
)
XTERM_ON_WHITE = palette(
    "ffffff 000000  000000 cd0000 00cd00 cdcd00 0000ee cd00cd 00cdcd e5e5e5"
    "  7f7f7f ff0000 00ff00 ffff00 5c5cff ff00ff 00ffff ffffff"
)


class AtDepth(BriefingApp):
    """The reader, pictured in the colours its console draws with (and, for 16, ``palette``'s)."""

    palette: TerminalTheme | None = None

    def export_screenshot(self, *, title: str | None = None, simplify: bool = False) -> str:
        system = SYSTEMS[self.console.color_system or "truecolor"]
        width, height = self.size
        console = Console(
            width=width,
            height=height,
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            record=True,
            legacy_windows=False,
            safe_box=False,
        )
        update = self.screen._compositor.render_update(full=True, simplify=simplify)
        console.print(Segments(apart(downgraded(s, system) for s in console.render(update))))
        return console.export_svg(title=title or self.title, theme=self.palette)


def downgraded(segment: Segment, system: ColorSystem) -> Segment:
    text, style, control = segment
    if style is None:
        return segment

    def nearest(colour: Color | None) -> Color | None:
        return None if colour is None else colour.downgrade(system)

    # Only what shows: a style that sets an attribute off (bold=False) or carries Textual's meta
    # (mouse offsets) would split a run of one look in two, or not, depending on what earlier
    # tests left in the style caches.
    shown = {name: True for name in ATTRIBUTES if getattr(style, name)}
    return Segment(text, Style(color=nearest(style.color), bgcolor=nearest(style.bgcolor), **shown), control)


def apart(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Leading spaces split off each run, as the panes do (styling.separate_margins): where runs
    look alike (NO_COLOR), some SVG-to-PNG renderers drop a run's leading spaces."""
    text: list[Segment] = []
    for segment in segments:
        if segment.control:
            yield from separate_margins(text)
            text = []
            yield segment
        else:
            text.append(segment)
    yield from separate_margins(text)


ATTRIBUTES = ("bold", "dim", "italic", "underline", "blink", "reverse", "conceal", "strike", "overline")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch):
    """terminal(TERM, COLORTERM) sets the terminal the reader is made in."""
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "auto")  # not a developer's TEXTUAL_COLOR_SYSTEM

    def set_terminal(term: str, colorterm: str | None = None) -> None:
        monkeypatch.setenv("TERM", term)
        if colorterm is None:
            monkeypatch.delenv("COLORTERM", raising=False)
        else:
            monkeypatch.setenv("COLORTERM", colorterm)

    return set_terminal


def reader(palette: TerminalTheme | None = None) -> AtDepth:
    app = AtDepth(load(SAMPLE), (), "hts-offensive-2024-12.yaml")  # no theme chosen
    app.palette = palette
    return app


def test_true_colour(snap_compare, terminal):
    """briefing-dark in true colour: blue-black panes, the focused Timeline framed heavy in
    blue with its title reversed, the others framed thin in a quiet grey that still shows; the
    selected event a dark blue bar with white text, the selection in Actors and Reactions a
    grey bar; the quote in Source white on amber with an amber ▌ bar."""
    terminal("xterm-256color", "truecolor")
    assert snap_compare(reader(), press=["g"], terminal_size=(120, 40))


def test_256_colours(snap_compare, terminal):
    """briefing-dark as a 256-colour terminal shows it (ssh: TERM=xterm-256color, no
    COLORTERM): the same picture in the palette's colours. Panes dark grey, the focused one a
    shade lighter, thin grey frames visible around the others, the heavy frame blue; the
    selected event a blue bar (not teal), the selection in other panes a lighter grey; the
    quote in Source on dark amber."""
    terminal("xterm-256color")
    assert snap_compare(reader(), press=["g"], terminal_size=(120, 40))


def test_16_colours_linux_console(snap_compare, terminal):
    """TERM=linux: briefing-terminal in the Linux console's 16 colours, light grey text on
    black. Frames of the panes without focus dark grey; the focused one heavy, in magenta; the
    selected event a reversed bold bar; the quote in Source black on cyan with a brown ▌
    bar; "claimed" brown-yellow, "denied" red, "supportive" green. Nothing black on black."""
    terminal("linux")
    assert snap_compare(reader(LINUX_CONSOLE), press=["g"], terminal_size=(120, 40))


def test_16_colours_xterm_on_white(snap_compare, terminal):
    """TERM=xterm with xterm's own colours on a white background: the same theme, black text on
    white. Frames grey, the focused one heavy magenta; the selected event a reversed bold bar
    (white on black here, black on white on a dark scheme); the quote in Source black on
    cyan; no black bars (scrollbar tracks take the background). The yellow and cyan words
    ("concerned", actor kinds) are faint here, as in any program using xterm's yellow on white."""
    terminal("xterm")
    assert snap_compare(reader(XTERM_ON_WHITE), press=["g"], terminal_size=(120, 40))


def test_16_colours_no_color(snap_compare, terminal, monkeypatch):
    """TERM=linux and NO_COLOR: briefing-terminal with no colour at all, light grey text on
    black (not black on black). The focused Timeline framed heavy with its title reversed; the
    selected event marked ▶, bold and reversed; the quote in Source bold and underlined, its ▌ bar still
    there; scrollbar thumbs reversed."""
    terminal("linux")
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(reader(LINUX_CONSOLE), press=["g"], terminal_size=(120, 40))
