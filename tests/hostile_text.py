"""Hostile text for the terminal gate's tests: escapes, C1 controls, bidi overrides, line separators.

Each hostile string carries a window-title OSC, a clipboard OSC, a screen clear, two C1
controls (CSI and NEL), a bidi override and a line separator; its marker says which path it
took, so a leak names the place it came from.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

from rich.cells import cell_len


def hostile(marker: str) -> str:
    return f"\x1b]0;PWNED-{marker}\x07\x1b]52;c;cHduZWQ=\x07\x1b[2JPWNED\u009b\u0085\u202e\u2028{marker}"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text)


def percent(text: str) -> str:
    """``text`` percent-encoded, as libyaml decodes it inside a tag."""
    return urllib.parse.quote(text, safe="")


BASE = """\
briefing: 1
id: plain
title: "Harbour report"
as_of: "2024-03-09"
sources:
  - id: wire
    title: "Wire"
    text: "Dockers walked out at dawn."
  - id: unused
    title: "Unused"
    text: "Never cited, so the briefing has one warning."
actors:
  - id: union
    name: "Dock union"
    kind: organisation
events:
  - id: walkout
    title: "Walkout"
    date: "2024-03-04"
    actors: [union]
    evidence:
      - source: wire
        quote: "Dockers walked out"
"""
TITLE = 'title: "Harbour report"'
# x- keys are kept as written and listed under "Extensions" in an actor's details.
_EXTENSION = f"{quoted('x-' + hostile('XKEY'))}: {{{quoted('n' + hostile('XNESTED'))}: 1}}"
WITH_EXTENSION = BASE.replace("    kind: organisation\n", f"    kind: organisation\n    {_EXTENSION}\n")
# Invalid briefings whose diagnostics quote raw YAML text: keys, key paths, tagged values, tags.
INVALID = {
    "key": BASE + f"{quoted('k' + hostile('KEY'))}: 1\n",
    "key-path": BASE.replace(
        "    kind: organisation\n", f"    kind: organisation\n    {quoted('k' + hostile('PATH'))}: 2\n"
    ),
    "duplicate": BASE + f"{quoted('d' + hostile('DUP'))}: 1\n{quoted('d' + hostile('DUP'))}: 2\n",
    "bool": BASE.replace(TITLE, f"title: !!bool {quoted(hostile('BOOL'))}"),
    "verbatim-tag": BASE.replace(TITLE, f"title: !<{percent(hostile('VERBATIM'))}> x"),
    "local-tag": BASE.replace(TITLE, f"title: !x{percent(hostile('LOCAL'))} x"),
    "handle-tag": f"%TAG !e! tag:x,2000:{percent(hostile('HANDLE'))}\n---\n"
    + BASE.replace(TITLE, "title: !e!y x"),
}
# Textual writes one OSC of its own: 22, the pointer shape.
TEXTUAL_OSCS = {b"22"}
_PAYLOADS = {
    "OSC 0 (window title)": rb"\x1b\]0;",
    "OSC 52 (clipboard)": rb"\x1b\]52;",
    "CSI 2J (clear screen)": rb"\x1b\[2JPWNED",
    "BEL ending an OSC": rb"PWNED-[A-Z]+\x07",
    "C1 control (U+0080-U+009F)": rb"\xc2[\x80-\x9f]",
    "bidi override U+202E": "\u202e".encode(),
    "line separator U+2028": "\u2028".encode(),
}
_PLAIN_OUTPUT = {"ESC": rb"\x1b", "BEL": rb"\x07"}


def leaks(raw: bytes, *, terminal: bool = False) -> str:
    """What of the hostile strings reached ``raw``, and the bytes around the first; "" if nothing.

    Plain output (a pipe) may hold no ESC or BEL at all; a full-screen app's output
    holds Textual's own sequences, so there only the payloads count.
    """
    patterns = dict(_PAYLOADS) if terminal else {**_PAYLOADS, **_PLAIN_OUTPUT}
    found = {name: re.search(pattern, raw) for name, pattern in patterns.items()}
    names = [name for name, match in found.items() if match is not None]
    if terminal:
        names += [f"OSC {n.decode()}" for n in sorted(set(re.findall(rb"\x1b\](\d*);", raw)) - TEXTUAL_OSCS)]
    if not names:
        return ""
    first = min((m for m in found.values() if m is not None), key=lambda m: m.start(), default=None)
    near = f" near {raw[max(0, first.start() - 40) : first.end() + 20]!r}" if first is not None else ""
    return ", ".join(names) + near


def write_hostile_settings(config: Path, *, tagged: bool = False) -> None:
    """config.yaml with a hostile unknown key, binding id, key name and folder; a hostile theme folder."""
    config.mkdir(parents=True, exist_ok=True)
    if tagged:  # a tag makes the whole file ignored: it needs a file of its own
        text = f"mouse: !<{percent(hostile('CONFIG'))}> true\n"
    else:
        text = (
            f"{quoted('k' + hostile('CONFIG'))}: 1\n"
            f"briefings: {quoted(hostile('FOLDER'))}\n"
            "keys:\n"
            f"  focus-timeline: {quoted(chr(27) + ']0;PWNED-KEYNAME' + chr(7))}\n"
            f"  {quoted('id' + hostile('BINDING'))}: x\n"
        )
    (config / "config.yaml").write_text(text, encoding="utf-8")
    themes = config / "themes"
    themes.mkdir(exist_ok=True)
    (themes / "bad.yaml").write_text(
        f'primary: "#336699"\n{quoted("k" + hostile("THEME"))}: 1\n', encoding="utf-8"
    )
    (themes / f"good{hostile('THEMEFILE')}.yaml").write_text(
        f'name: good\nprimary: "#336699"\ndescription: {quoted(hostile("DESCRIPTION"))}\n', encoding="utf-8"
    )


# What terminals measuring with wcwidth (glibc: tmux, xterm, VTE) draw these in, in cells.
# Rich counts both Hangul fillers as 0, so a row holding them overflows its pane.
TERMINAL_CELLS = {"\u3164": 2, "\uffa0": 1}


def terminal_cells(text: str) -> int:
    """The cells a wcwidth terminal draws ``text`` in (Rich's count, except where they differ)."""
    return sum(TERMINAL_CELLS.get(c, cell_len(c)) for c in text)
