"""The Source pane: the full source text, wrapped, with evidence and search matches highlighted."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.style import Style
from textual import work
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from briefing.model import Briefing, Evidence, Source
from briefing.tui import keys
from briefing.tui.styling import FRESH_MARKS, MARGIN, Layer, layered, line_segments
from briefing.tui.widgets.pane import Pane
from briefing.tui.wrapping import line_of, wrap_offsets

Span = tuple[int, int]
GUTTER = 2  # a bar beside lines that hold evidence, visible without colour
SYNC_WRAP_LIMIT = 1_000_000  # characters: a longer source is wrapped in a thread...
NEAR = 20_000  # ...showing the text this close to the quote meanwhile


class SourceView(Pane):
    """One source at a time; the evidence of the active item is highlighted in place."""

    DEFAULT_CSS = """
    SourceView {
        & > .source--evidence {
            background: $evidence-background;
            color: $evidence-foreground;
        }
        & > .source--evidence-current {
            background: $evidence-current-background;
            color: $evidence-current-foreground;
            text-style: bold underline;
        }
        & > .source--match {
            background: $match-background;
            color: $match-foreground;
            text-style: underline;
        }
        & > .source--match-current {
            background: $match-current-background;
            color: $match-current-foreground;
            text-style: bold;
        }
        & > .source--bar {
            color: $evidence-bar;
        }
    }
    """

    COMPONENT_CLASSES = {
        "source--evidence",  # quotes behind the active item
        "source--evidence-current",  # the quote the reader jumped to
        "source--match",  # search matches
        "source--match-current",  # the match the reader jumped to
        "source--bar",  # the gutter bar beside evidence lines
    }

    BINDINGS: list[BindingType] = keys.bindings_for("source")

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.source: Source = briefing.sources[0]
        self.evidence: tuple[Evidence, ...] = ()  # every quote behind the active item
        self.current: Evidence | None = None  # the quote last jumped to
        self.search_query = ""  # not `query`: that is a DOM method
        self.match_spans: dict[str, Sequence[Span]] = {}  # by source id
        self.capped: frozenset[str] = frozenset()  # sources with more matches than are listed
        self.current_match: tuple[str, Span] | None = None
        self.note = ""  # why nothing is highlighted, e.g. "no evidence for this actor"
        self.fresh: Mapping[str, str] = {}  # source id -> "new" or "changed" since last read
        self._titles_shown: tuple[str | None, str | None] = (None, None)  # see _update_titles
        self._lines: list[Span] = []
        self._starts: list[int] = []
        # Wrapped lines by (source id, width): switching panes or sources re-wraps nothing.
        self._wrapped: LRUCache[tuple[str, int], list[Span]] = LRUCache(8)

    # -- what is shown ------------------------------------------------------------

    def show_evidence(self, evidence: tuple[Evidence, ...], *, note: str = "") -> None:
        """Highlight ``evidence`` and bring the first quote into view, in its source."""
        before = self._lines_showing(self.evidence_here)
        source, offset = self.source, self.scroll_offset
        self.evidence = evidence
        self.current = evidence[0] if evidence else None
        self.current_match = None
        self.note = note if not evidence else ""
        if self.current is not None:
            self._show_source(self.briefing.source(self.current.source))
            self.scroll_to_span((self.current.start, self.current.end))
        self._update_titles()
        if self.source is source and self.scroll_offset == offset:
            # Only the lines with a quote, before or now, look different (this runs on
            # every move in a list pane): repaint those, not the pane.
            for line in sorted(before | self._lines_showing(self.evidence_here)):
                self.refresh_line(line)
        else:
            self.refresh_lines_shown()

    def next_evidence(self, step: int = 1) -> Evidence | None:
        """Move to the next (or previous) quote of the active item, across sources."""
        if not self.evidence:
            return None
        position = self.evidence.index(self.current) if self.current in self.evidence else -step
        self.current = self.evidence[(position + step) % len(self.evidence)]
        self.current_match = None
        self._show_source(self.briefing.source(self.current.source))
        self.scroll_to_span((self.current.start, self.current.end))
        self._update_titles()
        self.refresh_lines_shown()
        return self.current

    def set_search(
        self, query: str, spans: dict[str, Sequence[Span]], capped: frozenset[str] = frozenset()
    ) -> None:
        """Highlight ``spans`` of ``query``; in a ``capped`` source, the matches after them too."""
        before = self._lines_with_matches()
        self.search_query, self.match_spans, self.capped = query, spans, capped
        self.current_match = None
        # Only the lines with matches, before or now, look different: repaint just those
        # (a search is run, and every pane told, on every key typed into the search field).
        for line in sorted(before | self._lines_with_matches()):
            self.refresh_line(line)

    def _lines_with_matches(self) -> set[int]:
        """The lines on screen that show a search match."""
        return self._lines_on_screen(lambda start, end: bool(self._matches_on(start, end)))

    def _lines_showing(self, spans: list[Span]) -> set[int]:
        """The lines on screen that show part of one of ``spans`` (as render_line marks them)."""
        return self._lines_on_screen(lambda start, end: any(_on_line(span, start, end) for span in spans))

    def _lines_on_screen(self, where: Callable[[int, int], bool]) -> set[int]:
        """The numbers of the lines on screen whose (start, end) span of the text ``where`` is true of."""
        top = round(self.scroll_y)
        shown = self._lines[top : top + self.scrollable_content_region.height]
        return {top + number for number, (start, end) in enumerate(shown) if where(start, end)}

    def show_match(self, source_id: str, span: Span) -> None:
        self.current_match = (source_id, span)
        self._show_source(self.briefing.source(source_id))
        self.scroll_to_span(span)
        self._update_titles()
        self.refresh_lines_shown()

    def show_source(self, source_id: str) -> None:
        self._show_source(self.briefing.source(source_id))
        self._update_titles()
        self.refresh_lines_shown()

    def _show_source(self, source: Source) -> None:
        if source is not self.source:
            self.source = source
            self._wrap()
            self.scroll_to(y=0, animate=False, force=True)

    def set_fresh(self, marks: Mapping[str, str]) -> None:
        """Mark, in the title, a source new or changed since the reader last read the briefing."""
        self.fresh = dict(marks)
        self._update_titles()

    class Turned(Message):
        """The reader turned to another source ([ or ])."""

        def __init__(self, source_id: str) -> None:
            super().__init__()
            self.source_id = source_id

    def action_cycle_source(self, step: int) -> None:
        sources = self.briefing.sources
        position = sources.index(self.source)
        self.show_source(sources[(position + step) % len(sources)].id)
        self.post_message(self.Turned(self.source.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_source":
            return len(self.briefing.sources) > 1
        return True

    @property
    def evidence_here(self) -> list[Span]:
        """Spans of the active item's quotes in the source on screen, in text order."""
        return sorted((e.start, e.end) for e in self.evidence if e.source == self.source.id)

    def _update_titles(self) -> None:
        sources = self.briefing.sources
        position = f" {sources.index(self.source) + 1}/{len(sources)}" if len(sources) > 1 else ""
        name = self.source.publisher or self.source.id
        fresh = self.fresh.get(self.source.id)
        title = Content.assemble(
            ("4 ", "bold"),
            (f"{FRESH_MARKS[fresh]} {fresh} " if fresh else "", "bold"),
            f"Source{position} · ",
            (name + " ", "bold"),
            "— ",
            self.source.title,
        )
        quotes = len(self.evidence)
        if self.note:
            subtitle: Content | None = Content(self.note)
        elif quotes and self.current is not None:
            here = self.evidence.index(self.current) + 1
            subtitle = Content(f"quote {here} of {quotes}" + (" · s: next" if quotes > 1 else ""))
        else:
            subtitle = None
        # Setting a border title repaints the whole pane, even to the same title. (Their
        # styles follow from their text, so the text says whether they changed.)
        shown = (title.plain, subtitle and subtitle.plain)
        if shown[0] != self._titles_shown[0]:
            self.border_title = title
        if shown[1] != self._titles_shown[1]:
            self.border_subtitle = subtitle
        self._titles_shown = shown

    # -- geometry -----------------------------------------------------------------

    def _wrap(self) -> None:
        """Wrap the source to the pane's width: at once if short or seen before, else in a thread."""
        width = self.line_width
        if width <= GUTTER:
            return  # hidden, or not laid out yet: keep what there is
        text_width = width - GUTTER
        key = (self.source.id, text_width)
        lines = self._wrapped.get(key)
        if lines is None and len(self.source.text) <= SYNC_WRAP_LIMIT:
            lines = self._wrapped[key] = wrap_offsets(self.source.text, text_width)
        if lines is None:
            lines = self._wrap_near(self._anchor_offset(), text_width)
            # After the frame: a thread wrapping meanwhile would hold the interpreter's lock.
            self.call_after_refresh(self._wrap_in_background, self.source, text_width)
        self._set_lines(lines, width)

    def _set_lines(self, lines: list[Span], width: int) -> None:
        self._lines = lines
        self._starts = [start for start, _end in lines]
        self.fitted_width = width
        self.virtual_size = Size(width, len(lines))

    def _wrap_near(self, offset: int, width: int) -> list[Span]:
        """A stand-in while a long text wraps: only the paragraphs around ``offset``."""
        text = self.source.text
        start = text.rfind("\n", 0, max(offset - NEAR, 0)) + 1
        end = text.find("\n", min(offset + NEAR, len(text)))
        end = len(text) if end < 0 else end
        return [(a + start, b + start) for a, b in wrap_offsets(text[start:end], width)]

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_in_background(self, source: Source, width: int) -> None:
        lines = wrap_offsets(source.text, width)
        self.app.call_from_thread(self._wrap_done, source, width, lines)

    def _wrap_done(self, source: Source, width: int, lines: list[Span]) -> None:
        self._wrapped[(source.id, width)] = lines
        if source is self.source and self.line_width - GUTTER == width:
            self._set_lines(lines, self.line_width)
            self._scroll_to_anchor()
            self.refresh_lines_shown()

    def _anchor_offset(self) -> int:
        anchor = self._anchor()
        return anchor[0] if anchor is not None else 0

    def _anchor(self) -> Span | None:
        """What the reader was shown last in this source: a search match or a quote."""
        if self.current_match is not None and self.current_match[0] == self.source.id:
            return self.current_match[1]
        if self.current is not None and self.current.source == self.source.id:
            return (self.current.start, self.current.end)
        return None

    def _scroll_to_anchor(self) -> None:
        anchor = self._anchor()
        if anchor is not None:
            self.scroll_to_span(anchor)

    @property
    def lines(self) -> list[Span]:
        """The wrapped lines on screen and off, each as a span of the source text."""
        return self._lines

    @property
    def top_offset(self) -> int:
        """The text offset of the first line on screen."""
        top = round(self.scroll_y)
        return self._lines[top][0] if top < len(self._lines) else 0

    def line_of(self, offset: int) -> int:
        return line_of(self._starts, offset)

    def scroll_to_span(self, span: Span) -> None:
        """Scroll so the span is in view, a little below the top when that is possible."""
        if not self._lines:
            return
        first, last = self.line_of(span[0]), self.line_of(max(span[1] - 1, span[0]))
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if height <= 0:
            return  # not laid out yet: on_resize scrolls to the current quote
        if first < top or last >= top + height:
            margin = max(min(height // 4, height - (last - first) - 1), 0)
            self.scroll_to(y=max(first - margin, 0), animate=False, force=True)

    def _fit(self) -> None:
        self._wrap()
        self._scroll_to_anchor()

    def on_mount(self) -> None:
        self._wrap()
        self._update_titles()

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.drawn_width
        base = self.base_style
        number = round(self.scroll_y) + y
        if number >= len(self._lines):
            return self.blank_line(y)
        start, end = self._lines[number]
        line = self.source.text[start:end].replace("\t", " ")
        evidence = self.evidence_here
        current = self.current
        in_evidence = False
        layers: list[Layer] = []
        for span_start, span_end in evidence:
            if _on_line((span_start, span_end), start, end):
                in_evidence = True
                is_current = (
                    current is not None
                    and current.source == self.source.id
                    and (current.start, current.end) == (span_start, span_end)
                )
                name = "evidence-current" if is_current else "evidence"
                layers.append((span_start - start, span_end - start, self._style(name)))
        for span_start, span_end in self._matches_on(start, end):
            is_current = self.current_match == (self.source.id, (span_start, span_end))
            name = "match-current" if is_current else "match"
            layers.append((span_start - start, span_end - start, self._style(name)))
        bar = ("▌", self._style("bar")) if in_evidence else (" ", MARGIN)
        runs = [bar, (" ", MARGIN), *(layered(line, layers) if layers else [(line, None)])]
        return self.line(line_segments(runs, width, base), y)

    def _style(self, name: str) -> Style:
        return self.component_style(f"source--{name}")

    def _matches_on(self, start: int, end: int) -> list[Span]:
        spans = self.match_spans.get(self.source.id) if self.search_query else None
        if not spans:
            return []
        found: list[Span] = []
        for at in range(_first_ending_after(spans, start), len(spans)):  # (no copy of the rest)
            span = spans[at]
            if span[0] >= end:
                return found
            found.append(span)
        if self.source.id in self.capped:  # the listing stopped before this line: look here
            from briefing.search import find_spans, fold  # (imported with the search)

            # A match may begin on the line before. Folding changes lengths ("…" is "..."):
            # allow for an accent, folded to nothing, after each character matched.
            reach = 2 * len(fold(self.search_query))
            since = max(start - reach, spans[-1][1])
            window = self.source.text[since : end + reach]
            spans_here = find_spans(window, self.search_query)
            found += [(since + a, since + b) for a, b in spans_here if since + a < end and since + b > start]
        return found

    # -- keys -----------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, force=True)

    def action_page(self, direction: int) -> None:
        page = self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_y + direction * page, animate=False, force=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, force=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True)


def _first_ending_after(spans: Sequence[Span], offset: int) -> int:
    """Binary search: index of the first span whose end is after ``offset``.

    Matches never overlap, so sorted by start they are sorted by end too.
    """
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][1] <= offset:
            low = middle + 1
        else:
            high = middle
    return low


def _on_line(span: Span, start: int, end: int) -> bool:
    """Whether a quote's span shows on the line of text from ``start`` to ``end``.

    An empty span counts where it starts: it is still marked in the bar.
    """
    span_start, span_end = span
    return (span_start < end and span_end > start) or span_start == span_end == start
