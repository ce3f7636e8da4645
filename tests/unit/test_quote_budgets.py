"""Locating quotes costs about what reading the text costs, whatever the text or the quotes.

Each case runs in a child under a memory limit, against a plain baseline measured in
the same child: the bounds are loose enough for a loaded machine and far below
what the unbounded code took (noted per test, on a 2-core machine).
"""

import random

import pytest

from briefing.format import loader, quotes
from briefing.format.quotes import SourceIndex
from tests.unit import budget_child

TEXT_MAKER = """
        import random
        random.seed(7)
        WORDS = ["".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(random.randint(2, 9)))
                 for _ in range(5000)]
        def make_text(size):
            lines, total = [], 0
            while total < size:
                line = " ".join(random.choice(WORDS) for _ in range(12)) + ".\\n"
                lines.append(line)
                total += len(line)
            return "".join(lines)
"""


def test_one_combining_accent_in_a_long_text_costs_little_more_than_none():
    """Before: a Python list entry per character (6 MB: 11 s and 413 MB; 60 MB: 83 s and 3.9 GB)."""
    result = budget_child.run(
        TEXT_MAKER
        + """
        import tracemalloc, time
        from briefing.format.quotes import SourceIndex, normalise
        plain = make_text(3_000_000)
        middle = len(plain) // 2
        accented = plain[:middle] + "e\\u0301" + plain[middle:]
        quote = plain[middle - 40 : middle]
        def peak_building(text):
            tracemalloc.start()
            SourceIndex(text)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            return peak
        result["baseline_peak"] = peak_building(plain)
        result["accented_peak"] = peak_building(accented)
        start = time.perf_counter()
        assert SourceIndex(plain).locate(quote) is not None
        result["baseline"] = time.perf_counter() - start
        """,
        """
        index = SourceIndex(accented)
        span = index.locate(quote + "\\u00e9")  # the composed form finds the decomposed one
        result["found"] = normalise(accented[span[0] : span[1]]) == normalise(quote + "\\u00e9")
        """,
    )
    assert result["found"]
    # The plain text's own copies (the whitespace-collapsed text) set the scale.
    assert result["accented_peak"] < 1.5 * result["baseline_peak"] + 16 * 2**20, result
    assert result["seconds"] < 3 * result["baseline"] + 1.0, result


def test_a_text_file_named_by_twenty_sources_is_read_and_indexed_once():
    """Before: each source read, cleaned and indexed its own copy.

    6 MB x 20: 58 s; 60 MB x 20: 448 s and 3.4 GB.
    """
    result = budget_child.run(
        TEXT_MAKER
        + """
        import pathlib, tempfile, time
        from briefing.format import loader
        folder = pathlib.Path(tempfile.mkdtemp())
        text = make_text(6_000_000)
        (folder / "big.txt").write_text(text, encoding="utf-8")
        quote = text[1000:1100].split("\\n")[0]
        def briefing(sources):
            lines = ["briefing: 1", "id: t", "title: T", 'as_of: "2024-12-07"', "sources:"]
            lines += [f"  - {{id: s{i}, title: S, text_file: big.txt}}" for i in range(sources)]
            lines += ["events:"] + [
                f'  - {{id: e{i}, title: E, date: "2024-12-05", '
                f'evidence: [{{source: s{i}, quote: "{quote}"}}]}}'
                for i in range(sources)
            ]
            path = folder / f"b{sources}.yaml"
            path.write_text("\\n".join(lines) + "\\n", encoding="utf-8")
            return path
        one, twenty = briefing(1), briefing(20)
        start = time.perf_counter()
        assert loader.check(one)[0] is not None
        result["baseline"] = time.perf_counter() - start
        """,
        """
        model, diagnostics = loader.check(twenty)
        result["valid"] = model is not None
        result["shared"] = len({id(source.text) for source in model.sources}) == 1
        """,
    )
    assert result["valid"] and result["shared"], result
    assert result["seconds"] < 3 * result["baseline"] + 1.5, result


def test_hundreds_of_missing_quotes_in_a_long_text_cost_a_few_scans_at_most():
    """Before: each missing quote translated the whole text and probed it ~10 times.

    2 MB: 6.7 s; 8 MB: 94 s.
    """
    result = budget_child.run(
        TEXT_MAKER
        + """
        import time
        from briefing.format import loader
        text = make_text(2_000_000)
        def briefing(suffix):
            quotes = [text[i * 3989 : i * 3989 + 60].strip().split("\\n")[0] + suffix(i) for i in range(499)]
            lines = ["briefing: 1", "id: t", "title: T", 'as_of: "2024-12-07"', "sources:",
                     "  - id: s", "    title: S", "    text: |"]
            lines += ["      " + line for line in text.splitlines()]
            lines += ["events:"] + [
                f'  - {{id: e{i}, title: E, date: "2024-12-05", evidence: [{{quote: "{q}"}}]}}'
                for i, q in enumerate(quotes)
            ]
            return "\\n".join(lines) + "\\n"
        found, missing = briefing(lambda i: ""), briefing(lambda i: f" zzqx {i}")
        start = time.perf_counter()
        assert loader.check_text(found)[0] is not None
        result["baseline"] = time.perf_counter() - start
        """,
        """
        model, diagnostics = loader.check_text(missing)
        result["errors"] = sum(d.is_error for d in diagnostics)
        result["pointed"] = sum("the source matches up to" in (d.hint or "") for d in diagnostics)
        """,
    )
    assert result["errors"] == 499
    assert result["pointed"] >= 400, result  # most still say where the quote stops matching
    assert result["seconds"] < 3 * result["baseline"] + 2.0, result


def test_the_missing_quote_hint_still_points_at_the_typo():
    text = " ".join(f"word{i} filler" for i in range(20_000)) + " Hama fell on December 5 to the rebels."
    index = SourceIndex(text)
    assert index.longest_prefix("Hama fell on Dezember 5") == len("Hama fell on De")
    assert index.longest_prefix("filler word3 filler wordX") == len("filler word3 filler word")
    assert index.longest_prefix("nothing like it") == 0


def test_typographic_quote_hint_without_rescanning(tmp_path):
    text = "He said: “we hope it goes smoothly,” and left. " * 2000
    path = tmp_path / "b.yaml"
    body = "\n".join(
        [
            "briefing: 1",
            "id: t",
            "title: T",
            'as_of: "2024-12-07"',
            "sources:",
            "  - id: s",
            "    title: S",
            f"    text: '{text}'",
            "events:",
            '  - {id: e, title: E, date: "2024-12-05",',
            "     evidence: [{quote: '\"we hope it goes smoothly,\" and'}]}",
        ]
    )
    path.write_text(body + "\n", encoding="utf-8")
    _, diagnostics = loader.check(path)
    (error,) = [d for d in diagnostics if d.is_error]
    assert "different quotation marks" in (error.hint or "")


def test_random_quotes_in_a_mixed_text_are_found_where_a_scan_finds_them():
    random.seed(3)
    words = [
        "Hama",
        "fell",
        "Erdog\u0306an",
        "ﬁne",
        "x\u0323\u0307",
        "한국",
        "\u1100\u1161\u11a8",
        "Å",
        "“q”",
    ]
    text = " ".join(random.choice(words) for _ in range(20_000))
    index = SourceIndex(text)
    for _ in range(50):
        start = random.randrange(0, len(index.normal) - 30)
        quote = index.normal[start : start + 25]
        span = index.locate(quote)
        assert span is not None
        assert quote.strip() in SourceIndex(text[span[0] : span[1]]).normal


def test_a_text_of_random_tokens_does_not_grow_a_word_index_many_times_its_size():
    """Before: 1M distinct words in 6 MB made a 170 MiB index (28 times the text); 60 MB, 1.7 GB."""
    result = budget_child.run(
        """
        import random, tracemalloc
        from briefing.format.quotes import SourceIndex
        random.seed(1)
        letters = "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=5_000_000))
        text = " ".join(letters[i : i + 5] for i in range(0, len(letters), 5))
        index = SourceIndex(text)
        quote = text[3_000_000:3_000_030].split(" ", 1)[1].strip()
        tracemalloc.start()
        """,
        """
        span = index.locate(quote)
        result["found"] = span is not None and index.normal[span[0] : span[1]] == quote
        result["peak_bytes"] = tracemalloc.get_traced_memory()[1]
        result["text_bytes"] = len(text)
        """,
    )
    assert result["found"]
    assert result["peak_bytes"] < 12 * result["text_bytes"], result


def test_past_the_distinct_word_limit_quotes_are_found_by_scanning(monkeypatch):
    monkeypatch.setattr(quotes, "MAX_INDEXED_WORDS", 100)
    text = " ".join(f"word{i} and{i % 7}" for i in range(10_000))
    index = SourceIndex(text)
    span = index.locate("word500 and3 word501 and4", 1)
    assert span is not None and text[span[0] : span[1]] == "word500 and3 word501 and4"
    assert index.count("and1 word") == text.count("and1 word")
    assert index.longest_prefix("word9999 and3 nothing") == len("word9999 and3")


def test_huge_occurrences_of_a_common_quote_are_refused_not_walked():
    """Before: each entry walked every match of "a a a" (200 entries x 200k matches: ~20 s)."""
    result = budget_child.run(
        """
        import time
        from briefing.format import loader
        def briefing(occurrence):
            lines = ["briefing: 1", "id: t", "title: T", 'as_of: "2024-12-07"', "sources:",
                     "  - id: s", "    title: S", "    text: " + "a " * 200_000 + "end"]
            lines += ["events:"] + [
                f'  - {{id: e{i}, title: E, date: "2024-12-05", '
                f'evidence: [{{quote: "a a a", occurrence: {occurrence(i)}}}]}}'
                for i in range(200)
            ]
            return "\\n".join(lines) + "\\n"
        start = time.perf_counter()
        assert loader.check_text(briefing(lambda i: i + 1))[0] is not None
        result["baseline"] = time.perf_counter() - start
        """,
        """
        model, diagnostics = loader.check_text(briefing(lambda i: 99_999_999 - i))
        result["messages"] = [d.message for d in diagnostics if d.is_error]
        result["located"] = all(d.line > 0 for d in diagnostics)
        """,
    )
    timing = {k: v for k, v in result.items() if k != "messages"}
    assert result["seconds"] < 3 * result["baseline"] + 1.0, timing
    assert len(result["messages"]) == 200
    assert all("must be at most 10000" in m for m in result["messages"])
    assert result["located"]


MARKS_SETUP = """
        from briefing.format import loader
        marks = "\\u0301\\u0323" * 40_000
        text = ("a" + marks if WHERE == "text" else "") + " Hama fell."
        quote = "Hama" + (marks if WHERE == "quote" else "")
        document = "\\n".join([
            "briefing: 1", "id: t", "title: T", "as_of: '2024-12-07'", "sources:",
            "  - {id: s, title: S, text: '" + text + "'}", "events:",
            "  - {id: e, title: E, date: '2024-12-05', evidence: [{quote: '" + quote + "'}]}",
        ])
"""


@pytest.mark.parametrize("where", ["text", "quote"])
def test_a_long_run_of_combining_marks_is_refused_not_sorted(where):
    """Before: NFC sorted the run by insertion, 80,000 marks took 7.5 s (a million, about an hour)."""
    result = budget_child.run(
        MARKS_SETUP.replace("WHERE", repr(where)),
        """
        model, diagnostics = loader.check_text(document)
        result["errors"] = [d.format() for d in diagnostics if d.is_error]
        """,
    )
    assert result["seconds"] < 2.0, result["seconds"]
    (error,) = result["errors"]
    assert "a run of 80000 combining marks" in error
    assert ("(at sources[0].text)" if where == "text" else "(at events[0].evidence[0].quote)") in error


def test_marks_as_real_scripts_use_them_still_match():
    vietnamese = "Vie\u0323\u0302t Nam"  # two marks on one letter, in non-canonical order
    index = SourceIndex("He went to " + vietnamese + " in May.")
    span = index.locate("Việt Nam")
    assert span is not None and index.text[span[0] : span[1]] == vietnamese
