"""The date grammar: what each written form means, how it sorts and how readers see it."""

from datetime import date

import pytest

from briefing.format.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "display"),
    [
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("2024-12", "month", date(2024, 12, 1), date(2024, 12, 31), "Dec 2024"),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),  # leap year
        ("2024-12-05", "day", date(2024, 12, 5), date(2024, 12, 5), "5 Dec 2024"),
        ("2024-12-05T14:00Z", "minute", date(2024, 12, 5), date(2024, 12, 5), "5 Dec 2024 14:00 UTC"),
        ("2024-12-05T14:00+03:00", "minute", date(2024, 12, 5), date(2024, 12, 5), "5 Dec 2024 14:00 +03:00"),
        ("2024-12-07~", "day", date(2024, 12, 7), date(2024, 12, 7), "c. 7 Dec 2024"),
        ("2024-12-06?", "day", date(2024, 12, 6), date(2024, 12, 6), "6 Dec 2024?"),
        ("2024-12-02/2024-12-07", "day", date(2024, 12, 2), date(2024, 12, 7), "2–7 Dec 2024"),
        ("2024-11-28/2024-12-07", "day", date(2024, 11, 28), date(2024, 12, 7), "28 Nov – 7 Dec 2024"),
        ("2024-12-30/2025-01-02", "day", date(2024, 12, 30), date(2025, 1, 2), "30 Dec 2024 – 2 Jan 2025"),
        ("2024-11/2024-12", "month", date(2024, 11, 1), date(2024, 12, 31), "Nov–Dec 2024"),
        ("2023/2024", "year", date(2023, 1, 1), date(2024, 12, 31), "2023–2024"),
        ("2024-02/2024-03-04~", "month", date(2024, 2, 1), date(2024, 3, 4), "Feb 2024 – c. 4 Mar 2024"),
        ("2024-12-02~/2024-12-07", "day", date(2024, 12, 2), date(2024, 12, 7), "c. 2 Dec 2024 – 7 Dec 2024"),
    ],
)
def test_each_form_has_its_bounds_and_display(text, precision, earliest, latest, display):
    spec = parse_date(text)
    got = (spec.precision, spec.earliest, spec.latest, spec.display)
    assert got == (precision, earliest, latest, display)
    assert spec.text == text


def test_marks_are_kept_on_the_point():
    approx, unsure = parse_date("2024-12-07~"), parse_date("2024-12-06?")
    assert approx.start.approximate and not approx.start.uncertain
    assert unsure.start.uncertain and not unsure.start.approximate
    assert not approx.is_range and parse_date("2024/2025").is_range


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "Feb 2024 has no day 30"),
        ("2023-02-29", "Feb 2023 has no day 29"),
        ("2024-13", "month 13 does not exist"),
        ("2024-00", "month 0 does not exist"),
        ("2024-12-05T24:00Z", "24:00 is not a time of day"),
        ("December 2024", "is not a date"),
        ("5 Dec 2024", "is not a date"),
        ("2024-12-5", "is not a date"),
        ("2024-12-07/2024-12-01", "ends before it starts"),
        ("2024/2025/2026", "more than one '/'"),
        ("", "empty date"),
        ("0000", "there is no year 0"),
    ],
)
def test_impossible_and_malformed_dates_are_refused(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_a_range_may_end_inside_a_coarser_start():
    # "some time in December, by the 7th at the latest" is honest, not reversed
    spec = parse_date("2024-12/2024-12-07")
    assert (spec.earliest, spec.latest) == (date(2024, 12, 1), date(2024, 12, 7))


def test_sorting_puts_the_earliest_possible_day_first():
    texts = ["2024-12-05", "2024-12", "2024-11-27/2024-12-05", "2024", "2024-12-04?"]
    ordered = sorted(texts, key=lambda t: parse_date(t).earliest)
    assert ordered == ["2024", "2024-11-27/2024-12-05", "2024-12", "2024-12-04?", "2024-12-05"]
