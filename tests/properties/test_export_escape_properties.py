"""The exports' escaping, made lean, writes what the plain escaping wrote, for any text.

Markdown: ``reference`` is the escaping as it was before the export was made
lean, one regex substitution per kind of mark. HTML: esc() gives text with
nothing to escape back as it is, else what html.escape makes of it. The Markdown golden files check whole
documents; this checks the escaping on its own, on text weighted towards the
marks, addresses, list starts and odd digits and spaces.
"""

from __future__ import annotations

import html
import re

from hypothesis import example, given
from hypothesis import strategies as st

from briefing.render.html import esc
from briefing.render.markdown import text

_INLINE = re.compile(r"([\\`*_\[\]<>&#|~$])")
_LIST_BULLET = re.compile(r"^[+=-]")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?i:(?<=\bwww))\.|@")


def reference(value: str) -> str:
    line = _INLINE.sub(r"\\\1", " ".join(value.split()))
    line = _AUTOLINK.sub(r"\\\g<0>", line)
    line = _LIST_BULLET.sub(r"\\\g<0>", line)
    return _LIST_NUMBER.sub(r"\1\\\2", line)


PIECES = st.sampled_from(
    [
        *"\\`*_[]<>&#|~$@:./+=-)( \n\t\u00a0\u2028",
        "http://",
        "https://",
        "://",
        "www.",
        "WwW.",
        "awww.",
        "1.",
        "12)",
        "\u0663.",  # ARABIC-INDIC DIGIT THREE: a decimal digit to \d
        "\u00b2.",  # SUPERSCRIPT TWO: a digit to str.isdigit, not to \d
        "a",
        "é",
        "x@y.example",
    ]
)
TEXT = st.lists(PIECES | st.characters(), max_size=12).map("".join)


@given(TEXT)
@example("- item")
@example(" 3) third")
@example("\u0663\u0664. list")
@example("see www.example.org or mail@example.org or https://x.example")
@example("")
def test_markdown_escaping_matches_the_mark_by_mark_reference(value: str) -> None:
    assert text(value) == reference(value)


HTML_TEXT = st.lists(
    st.sampled_from([*"&<>\"'a \n\x01\x0b\ufffe\uffff\ud800é"]) | st.characters(), max_size=12
).map("".join)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@given(HTML_TEXT)
@example("plain words")
@example("<b>&amp;\"'\x0c")
def test_html_escaping_matches_html_escape(value: str) -> None:
    assert esc(value) == html.escape(_NOT_XML.sub("\ufffd", value), quote=True)
