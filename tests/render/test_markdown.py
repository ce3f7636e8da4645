"""The Markdown export: complete, structured as a reader expects, and inert data."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from briefing.render import export
from briefing.render.markdown import text

# CommonMark with the GitHub extensions that could turn data into markup,
# bare-address links included.
MD = (
    MarkdownIt("commonmark", {"linkify": True})
    .enable(["table", "strikethrough", "linkify"])
    .use(footnote_plugin)
    .use(dollarmath_plugin)
)


def tokens(markdown: str) -> list[Token]:
    """Every token, inline children included, in document order."""
    out: list[Token] = []
    for token in MD.parse(markdown):
        out.append(token)
        out.extend(token.children or [])
    return out


def plain_text(markdown: str) -> str:
    """What a reader sees: the text of the rendered document, one token per line."""
    return "\n".join(t.content for t in tokens(markdown) if t.type in ("text", "code_inline"))


def count(markdown: str, kind: str, tag: str | None = None) -> int:
    return sum(1 for t in tokens(markdown) if t.type == kind and (tag is None or t.tag == tag))


def test_escaped_text_renders_to_exactly_the_same_characters(hostile_literals):
    others = ("3) third", "+ plus", "a\\b", "&copy; &#60;", "~~x~~", "$1 and $2", "see https://x.example")
    for value in (*hostile_literals, *others):
        rendered = tokens(text(value))
        assert [t.type for t in rendered] == ["paragraph_open", "inline", "text", "paragraph_close"], value
        assert rendered[2].content == value


def test_sample_has_a_heading_per_section_and_the_timeline_as_a_table(sample):
    markdown = export(sample, "markdown")
    blocks = MD.parse(markdown)
    h2 = [blocks[i + 1].content for i, t in enumerate(blocks) if t.type == "heading_open" and t.tag == "h2"]
    assert h2 == [
        "Summary",
        "Assessments",
        "Timeline",
        "Reactions",
        "Actors",
        "Places",
        "Sources",
        "Evidence",
    ]
    assert count(markdown, "heading_open", "h1") == 1
    assert count(markdown, "heading_open", "h3") == len(sample.reactions) == 6
    assert count(markdown, "table_open") == 1
    # A header row plus one row per event, four cells each.
    assert count(markdown, "tr_open") == len(sample.events) + 1 == 23
    assert count(markdown, "td_open") == 4 * len(sample.events)
    statements = sum(len(r.statements) for r in sample.reactions)
    assert count(markdown, "blockquote_open") == statements == 3


def test_export_is_complete(each_briefing, evidence_of):
    sample = each_briefing
    markdown = export(sample, "markdown")
    seen = plain_text(markdown)
    for event in sample.events:
        assert event.title in seen and event.date.display in seen
    for actor in sample.actors:
        assert actor.name in seen
    for reaction in sample.reactions:
        assert reaction.country in seen and reaction.headline in seen
        for statement in reaction.statements:
            assert statement.quote in seen
    every_quote = {e.quote for e in evidence_of(sample)}
    for quote in every_quote:
        assert quote in seen, quote
    # One footnote per distinct cited passage, each referenced at least once.
    passages = {(e.source, e.start, e.end) for e in evidence_of(sample)}
    assert count(markdown, "footnote_open") == len(passages)
    assert count(markdown, "footnote_ref") >= len(passages)


def test_footnotes_tie_each_quote_to_its_source(sample):
    markdown = export(sample, "markdown")
    line = next(x for x in markdown.splitlines() if x.startswith("[^1]: "))
    first = sample.events[0].evidence[0]
    assert line == f"[^1]: “{first.quote}” — Elrisala"


def test_hostile_text_stays_text(hostile, hostile_literals):
    markdown = export(hostile, "markdown")
    kinds = {t.type for t in tokens(markdown)}
    # No raw HTML, image, code, maths or strikethrough came from the data.
    assert not kinds & {"html_inline", "html_block", "image", "code_inline", "code_block", "fence"}
    assert not kinds & {"math_inline", "math_block", "s_open", "hr"}
    # Emphasis and bold only where the export puts its own labels.
    inline = tokens(markdown)
    emphasised = {inline[i + 1].content for i, t in enumerate(inline) if t.type in ("em_open", "strong_open")}
    assert emphasised <= {
        "As of:",
        "Status:",
        "Briefing id:",
        "Tags:",
        "Stance:",
        "For it:",
        "Likely",
        "By",
    } | {
        hostile.title,
        hostile.events[0].title,
        hostile.actors[0].name,
        hostile.sources[0].title,
        hostile.sources[1].title,
    }
    # The only link is the http source address; javascript: never became one.
    links = [t.attrGet("href") for t in tokens(markdown) if t.type == "link_open"]
    assert links == ["https://example.org/a_%28b%29?q=1&r=2"]
    # Block structure is ours: one h1, one table row per event, no stray lists.
    assert count(markdown, "heading_open", "h1") == 1
    assert count(markdown, "tr_open") == 2 and count(markdown, "td_open") == 4
    assert count(markdown, "ordered_list_open") == 0
    html = MD.render(markdown)
    assert "<script" not in html and "<img" not in html and 'javascript:alert(1)"' not in html
    seen = plain_text(markdown)
    for literal in hostile_literals:
        assert literal in seen, literal
    assert "\x1b" not in markdown and "\x07" not in markdown
