"""The HTML export: one well-formed, self-contained page; data never becomes markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from briefing.render import export


def parse(page: str) -> ET.Element:
    """Parse the page as XML: this fails on any tag that is not closed or nested right."""
    return ET.fromstring(page.removeprefix("<!DOCTYPE html>\n"))


def all_text(root: ET.Element) -> str:
    return "".join(root.itertext())


def test_sample_page_is_well_formed_and_self_contained(sample):
    page = export(sample, "html")
    assert page.startswith("<!DOCTYPE html>\n<html")
    root = parse(page)
    tags = {element.tag for element in root.iter()}
    assert not tags & {"script", "img", "iframe", "link", "object", "embed", "form", "base", "svg"}
    for element in root.iter():
        assert not [name for name in element.attrib if name.startswith("on")]
        assert "url(" not in element.attrib.get("style", "")
    style = "".join(e.text or "" for e in root.iter("style"))
    assert "@media print" in style and "url(" not in style and "@import" not in style
    csp = [m.attrib["content"] for m in root.iter("meta") if m.attrib.get("http-equiv")]
    assert csp and csp[0].startswith("default-src 'none'")
    # The sample's source has no URL, so every link is a citation inside the page.
    hrefs = [a.attrib["href"] for a in root.iter("a")]
    assert hrefs and all(h.startswith("#ev-") for h in hrefs)
    targets = {e.attrib["id"] for e in root.iter() if "id" in e.attrib}
    assert {h[1:] for h in hrefs} <= targets


def test_page_is_complete(each_briefing, evidence_of):
    sample = each_briefing
    root = parse(export(sample, "html"))
    seen = all_text(root)
    rows = root.findall(".//section[@id='timeline']/table/tbody/tr")
    assert len(rows) == len(sample.events) > 10
    for row, event in zip(rows, sample.events, strict=True):
        cells = ["".join(td.itertext()) for td in row.findall("td")]
        assert cells[0] == event.date.display and cells[2] == event.status
        assert cells[1].startswith(event.title)
    for actor in sample.actors:
        assert actor.name in seen
    articles = root.findall(".//section[@id='reactions']/article")
    countries = [a.find("h3").text.split(" —")[0].strip() for a in articles]
    assert countries == [r.country for r in sample.reactions]
    quotes = ["".join(q.find("p").itertext()) for q in root.iter("blockquote")]
    assert quotes == [f"“{s.quote}”" for r in sample.reactions for s in r.statements]
    passages = {(e.source, e.start, e.end): e.quote for e in evidence_of(sample)}
    cited = root.findall(".//ol[@class='evidence']/li")
    assert len(cited) == len(passages) > 50
    assert {"".join(li.itertext()).split("” — ")[0].removeprefix("“") for li in cited} == set(
        passages.values()
    )


def test_hostile_text_stays_text(hostile, hostile_literals):
    page = export(hostile, "html")
    root = parse(page)
    assert not list(root.iter("script")) and not list(root.iter("img")) and not list(root.iter("div"))
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    # Only the http(s) source address is a link out; the javascript: one is text.
    outside = [a.attrib for a in root.iter("a") if not a.attrib["href"].startswith("#")]
    assert outside == [
        {
            "href": "https://example.org/a_(b)?q=1&r=2",
            "rel": "noopener noreferrer nofollow",
        }
    ]
    seen = all_text(root)
    for literal in hostile_literals:
        assert literal in seen, literal
    assert root.find("head/title").text == hostile.title
    assert "\x1b" not in page and "\x07" not in page


def test_characters_xml_forbids_are_replaced(hostile):
    odd = replace(hostile, title="not a character: \uffff")
    root = parse(export(odd, "html"))
    assert root.find("body/header/h1").text == "not a character: \ufffd"
