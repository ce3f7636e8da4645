"""`briefing diff` as text for a terminal or a pipe, and as Markdown.

Both walk the plain result of briefing.diff: the briefing's own fields first,
then each kind with something added, removed or changed; unchanged items are
not listed. Every string from a briefing goes into a ``rich.text.Text`` (or
through the Markdown escape) as data, never as markup. Without colour the text
has no escape codes, as `show` has none in a pipe.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

from rich.padding import Padding
from rich.text import Text

from briefing.diff import BriefingDiff, FieldChange, KindDiff, Side
from briefing.format.text import one_line
from briefing.render import markdown
from briefing.render.terminal import show_width, text_console

LONG = 1000  # characters: a longer value (a source's text) is shown by its length
LABEL = 70  # characters of an item's label shown after its id
ARROW = " → "
MARKS = {"added": "+", "removed": "-", "changed": "~"}
STYLES = {"added": "green", "removed": "red", "changed": "yellow", "heading": "bold", "quiet": "dim"}


def count_line(found: KindDiff) -> str:
    """'1 added · 2 changed'."""
    parts = [(len(found.added), "added"), (len(found.removed), "removed"), (len(found.changed), "changed")]
    return " · ".join(f"{n} {word}" for n, word in parts if n)


def heading(kind: str) -> str:
    return kind.capitalize()


def field_name(name: str) -> str:
    """A key as a label: 'as_of' -> 'as of'; x- keys stay as written."""
    return name if name.startswith("x-") else name.replace("_", " ")


def value_text(value: Any) -> str:
    """A plain value on one line, for readers: lists joined, records as their values."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value_text(v) for v in value) if value else "(none)"
    if isinstance(value, dict):
        shown = [_quoted(k, value_text(v)) for k, v in value.items() if v not in (None, [], {})]
        return " · ".join(shown)
    text = " ".join(str(value).split())
    if len(text) > LONG:
        return f"({len(text):,} characters)"
    return text


def _quoted(key: str, text: str) -> str:
    """A quote's words in quotation marks, so they read apart from who said them and when."""
    return f"“{text}”" if key in ("quote", "text") else text


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL else text[: LABEL - 1] + "…"


def side_text(side: Side) -> str:
    where = one_line(side.path) if side.path else side.id
    return f"{where} (as of {side.as_of})"


def change_lines(name: str, change: FieldChange) -> Iterator[tuple[str, str]]:
    """(text, style) lines for one field's change, indented under its item."""
    label = field_name(name)
    if change.added is None:
        yield f"{label}: {value_text(change.old)}{ARROW}{value_text(change.new)}", ""
        return
    yield f"{label}:", ""
    for value in change.added:
        yield f"  + {value_text(value)}", "added"
    for value in change.removed or ():
        yield f"  - {value_text(value)}", "removed"


def text_lines(diff: BriefingDiff) -> Iterator[tuple[int, str, str]]:
    """(indent, text, style) lines of the text form."""
    yield 0, f"old: {side_text(diff.old)}", "removed"
    yield 0, f"new: {side_text(diff.new)}", "added"
    if diff.same:
        yield 0, "No changes.", "quiet"
        return
    if diff.briefing:
        yield 0, "", ""
        yield 0, "Briefing", "heading"
        for name, change in diff.briefing.items():
            for line, style in change_lines(name, change):
                yield 2, line, style
    for kind, found in diff.changes.items():
        if found.empty:
            continue
        yield 0, "", ""
        yield 0, f"{heading(kind)}: {count_line(found)}", "heading"
        for item in found.added:
            yield 2, f"+ {item.id}  {short(item.label)}", "added"
        for item in found.removed:
            yield 2, f"- {item.id}  {short(item.label)}", "removed"
        for changed in found.changed:
            yield 2, f"~ {changed.item.id}  {short(changed.item.label)}", "changed"
            for name, change in changed.fields.items():
                for line, style in change_lines(name, change):
                    yield 6, line, style


def render_text(diff: BriefingDiff, *, color: bool, width: int | None = None) -> str:
    buffer = StringIO()
    console = text_console(buffer, show_width(width), color=color)
    for number, (indent, line, style) in enumerate(text_lines(diff)):
        text = Text(line, style=STYLES.get(style, ""))
        if number < 2:  # the two files: a path is not cut in two
            console.print(text, soft_wrap=True)
        elif style in MARKS and not line.startswith(" "):  # an item: its label is cut, not wrapped
            console.print(
                Padding(Text(line, STYLES[style], no_wrap=True, overflow="ellipsis"), (0, 0, 0, indent))
            )
        else:  # wrapped lines keep the indent, so a long value still reads as part of its item
            console.print(Padding(text, (0, 0, 0, indent)))
    output = buffer.getvalue()
    if not color:
        output = "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
    return output


def render_markdown(diff: BriefingDiff) -> str:
    md = markdown.text
    lines = [
        "# Changes",
        "",
        f"From {md(side_text(diff.old))} to {md(side_text(diff.new))}.",
    ]
    if diff.same:
        lines += ["", "No changes."]
    if diff.briefing:
        lines += ["", "## Briefing", ""]
        lines += [_md_change(name, change, "") for name, change in diff.briefing.items()]
    for kind, found in diff.changes.items():
        if found.empty:
            continue
        lines += ["", f"## {heading(kind)}", "", md(count_line(found)), ""]
        lines += [f"- Added: **{md(i.id)}** {md(short(i.label))}" for i in found.added]
        lines += [f"- Removed: **{md(i.id)}** {md(short(i.label))}" for i in found.removed]
        for changed in found.changed:
            lines.append(f"- Changed: **{md(changed.item.id)}** {md(short(changed.item.label))}")
            lines += [_md_change(name, change, "  ") for name, change in changed.fields.items()]
    return "\n".join(lines) + "\n"


def _md_change(name: str, change: FieldChange, indent: str) -> str:
    md = markdown.text
    label = f"{indent}- {md(field_name(name))}:"
    if change.added is None:
        return f"{label} {md(value_text(change.old))}{ARROW}{md(value_text(change.new))}"
    parts = [f"{indent}  - added: {md(value_text(v))}" for v in change.added]
    parts += [f"{indent}  - removed: {md(value_text(v))}" for v in change.removed or ()]
    return "\n".join([label, *parts])
