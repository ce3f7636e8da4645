"""`briefing draft ARTICLE`: read the article, draft the briefing, check it, write it without overwriting.

The source text goes into the briefing inline (`text: |`), not as a `text_file`:
the draft is then one self-contained file that opens and validates wherever it
is moved, and writing it touches one path only, which `--force` governs. The
body is the article without the page's navigation and sharing lines, so it is
not the input file byte for byte anyway.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli_output import EXIT_OK, UsageError, printable, say

if TYPE_CHECKING:
    import argparse


def published_date(text: str) -> date:
    """--published: a day, YYYY-MM-DD."""
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _schema_line(output: Path) -> str:
    """The schema modeline's path, relative to the draft's folder when it can be."""
    import briefing.format.schema as schema_package

    schema = Path(schema_package.__file__).resolve().parent / "briefing-v1.schema.json"
    try:
        return os.path.relpath(schema, output.resolve().parent)
    except ValueError:  # another drive on Windows
        return schema.as_posix()


def run(args: argparse.Namespace) -> int:
    from briefing.draft.article import ArticleError, parse_article, read_article
    from briefing.draft.build import DraftError, build, slug
    from briefing.user.settings import replaceable, write_atomic

    path: Path = args.article
    try:
        article = parse_article(read_article(path, args.max_size))
    except ArticleError as error:
        raise UsageError(str(error)) from None
    published = args.published or article.published
    if published is None:
        raise UsageError(
            f"{path}: the article states no full publication date; give it with --published YYYY-MM-DD"
        )
    output: Path = args.output or path.with_suffix(".yaml")
    if output.resolve() == path.resolve():
        raise UsageError(f"{output}: is the article itself; name another output with -o")
    try:
        _, existing = replaceable(output)
    except OSError as error:
        raise UsageError(f"{output}: {error.strerror or error}") from None
    if existing is not None and not args.force:
        raise UsageError(f"{output}: already exists; use --force to replace it")
    briefing_id = args.id or slug(path.stem, set())
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", briefing_id):
        raise UsageError(f"--id {briefing_id!r}: use lowercase letters, digits and '-'")
    try:
        text = build(article, published, briefing_id, _schema_line(output))
    except DraftError as error:
        raise UsageError(f"{path}: {error}") from None
    try:
        write_atomic(output, text)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror or error}") from None
    lines = text.count("\n")
    say(f"{printable(output)}: draft written ({lines} lines); check it against the article, then edit")
    return EXIT_OK
