"""`briefing draft ARTICLE`: what a user sees on good and bad input (issue 25).

Bad input is one line naming the file and exit 2; an existing output is never
replaced without --force; the draft always passes `briefing validate`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing import cli
from briefing.format import loader

SAMPLE = Path(__file__).parents[2] / "sample_data" / "article.txt"
ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def test_the_sample_article_drafts_a_briefing_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.yaml"
    assert cli.main(["draft", str(SAMPLE), "--published", "2024-12-07", "-o", str(out)]) == 0
    assert cli.main(["validate", str(out)]) == 0
    briefing = loader.load(out)
    assert briefing.status == "draft"
    assert briefing.as_of.text == "2024-12-07"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Check before use:" in text
    # The countries the sample's own briefing lists as reacting, found without being told.
    assert {r.country for r in briefing.reactions} >= {"Turkey", "Russia", "Iraq", "Israel", "Iran"}
    assert "draft written" in capsys.readouterr().out


def test_without_o_the_draft_is_written_beside_the_article(tmp_path: Path) -> None:
    article = shutil.copy(ARTICLES / "sudan-byline.txt", tmp_path / "story.txt")
    assert cli.main(["draft", str(article)]) == 0  # the byline gives the date: no --published needed
    briefing = loader.load(tmp_path / "story.yaml")
    assert briefing.id == "story"
    assert briefing.as_of.text == "2025-10-14"


def test_an_existing_output_is_kept_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.yaml"
    out.write_text("mine\n", encoding="utf-8")
    args = ["draft", str(SAMPLE), "--published", "2024-12-07", "-o", str(out)]
    assert cli.main(args) == 2
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert "already exists; use --force" in capsys.readouterr().err
    assert cli.main([*args, "--force"]) == 0
    assert loader.load(out).status == "draft"
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]  # no temporary file left behind


def test_no_date_anywhere_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli.main(["draft", str(article)]) == 2
    err = capsys.readouterr().err
    assert str(article) in err and "--published" in err
    assert not (tmp_path / "a.yaml").exists()


def test_an_article_with_no_dates_still_gives_a_valid_draft(tmp_path: Path) -> None:
    article = tmp_path / "calm.txt"
    article.write_text(
        "Officials in the capital met aid groups to discuss the harvest and the roads to the north.\n",
        encoding="utf-8",
    )
    assert cli.main(["draft", str(article), "--published", "2025-01-02"]) == 0
    briefing = loader.load(tmp_path / "calm.yaml")
    assert briefing.events == ()


def test_hostile_text_is_kept_literal_and_the_draft_validates(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text(
        "[bold]Rebels[/bold] of the \x1b[31mNorth Front\x1b[0m said on Monday they took the town of Foo: "
        'a "claim" # not a comment, {braces} and - dashes: all kept verbatim in the text.\n',
        encoding="utf-8",
    )
    assert cli.main(["draft", str(article), "--published", "2025-01-08"]) == 0
    briefing = loader.load(tmp_path / "odd.yaml")
    assert "\x1b" not in briefing.sources[0].text
    assert briefing.sources[0].text.startswith("[bold]Rebels[/bold]")
    assert [e.date.text for e in briefing.events] == ["2025-01-06"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "the article is empty"),
        ("blank.txt", b"  \n\n", "the article is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        ("latin1.txt", "Caf\u00e9 in S\u00e3o Paulo".encode("latin-1"), "not UTF-8"),
        ("folder", "dir", "is a directory"),
    ],
)
def test_bad_input_names_the_file_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)  # type: ignore[arg-type]
    assert cli.main(["draft", str(path), "--published", "2025-01-01"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_dev_null_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["draft", "/dev/null", "--published", "2025-01-01", "-o", str(tmp_path / "x.yaml")]) == 2
    assert "/dev/null" in capsys.readouterr().err


def test_a_bad_published_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["draft", str(SAMPLE), "--published", "7 Dec"])
    assert stop.value.code == 2
    assert "not a date" in capsys.readouterr().err
