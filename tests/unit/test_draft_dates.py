"""The date phrases of issue 25, each resolved by hand against a publication date.

Weekdays were checked on a calendar: 7 Dec 2024 was a Saturday, 13 Mar 2025 a
Thursday, 27 Aug 2025 a Wednesday, 14 Oct 2025 a Tuesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing.draft.date_phrases import find_dates, render

SAT_7_DEC_2024 = date(2024, 12, 7)
THU_13_MAR_2025 = date(2025, 3, 13)
WED_27_AUG_2025 = date(2025, 8, 27)
TUE_14_OCT_2025 = date(2025, 10, 14)


def dates(sentence: str, published: date) -> list[str]:
    return [render(f.lo, f.hi) for f in find_dates(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The offensive began on November 27.", SAT_7_DEC_2024, ["2024-11-27"]),
        ("The WFP said on Friday, October 10, that trucks were blocked.", TUE_14_OCT_2025, ["2025-10-10"]),
        ("The talks began on March 7.", THU_13_MAR_2025, ["2025-03-07"]),
        ("The war began in April 2023.", TUE_14_OCT_2025, ["2023-04"]),
        ("They received amnesty in 2018.", SAT_7_DEC_2024, ["2018"]),
        ("Fighting has gone on since October.", SAT_7_DEC_2024, ["2024-10-01/2024-12-07"]),
        ("Erdoğan said on Friday that the march continues.", SAT_7_DEC_2024, ["2024-12-06"]),
        ("The ministers are expected to meet on Thursday.", SAT_7_DEC_2024, ["2024-12-12"]),
        ("Troops moved into Palma last week.", THU_13_MAR_2025, ["2025-03-03/2025-03-09"]),
        ("Meteorologists expect more rain later this week.", WED_27_AUG_2025, ["2025-08-28/2025-08-31"]),
        ("Saudi Arabia is expected to host talks this weekend.", TUE_14_OCT_2025, ["2025-10-18/2025-10-19"]),
        ("Prices have tripled in the past ten days.", TUE_14_OCT_2025, ["2025-10-04/2025-10-14"]),
        ("People were moved since the start of the month.", WED_27_AUG_2025, ["2025-08-01/2025-08-27"]),
        (
            "By the end of the week, their focus had shifted to Homs.",
            SAT_7_DEC_2024,
            ["2024-12-05/2024-12-07"],
        ),
        ("Output fell in late 2023.", SAT_7_DEC_2024, ["2023-09/2023-12"]),
        ("HTS grew stronger over the past few years.", SAT_7_DEC_2024, ["2019-01-01/2024-12-07"]),
        ("Insurgents attacked the town late on Tuesday.", THU_13_MAR_2025, ["2025-03-11"]),
        ("Chapo visited Pemba on Wednesday afternoon.", THU_13_MAR_2025, ["2025-03-12"]),
        ("Ships clashed over the past two years.", date(2025, 12, 30), ["2023-12-30/2025-12-30"]),
        ("The floods are the worst since 2022, when many died.", WED_27_AUG_2025, ["2022"]),
        ("It hoped to restart construction by mid-2025.", THU_13_MAR_2025, ["2025-03-13/2025-08-31"]),
    ],
)
def test_each_phrase_resolves_no_more_precisely_than_its_words(
    sentence: str, published: date, expected: list[str]
) -> None:
    assert dates(sentence, published) == expected


def test_a_day_after_counts_back_from_the_other_date_in_the_sentence() -> None:
    sentence = (
        "The interview, published by CNN on December 6, came just a day after the coalition entered Hama."
    )
    assert dates(sentence, SAT_7_DEC_2024) == ["2024-12-06", "2024-12-05"]


def test_each_date_takes_the_tense_of_its_own_verb() -> None:
    # Thursday is when it was said (the day of publication); the troops come later.
    sentence = "Rwanda's defence ministry said on Thursday that it would send 500 soldiers later this month."
    assert dates(sentence, THU_13_MAR_2025) == ["2025-03-13", "2025-03-14/2025-03-31"]


def test_words_that_look_like_dates_are_not_dates() -> None:
    assert dates("Officials may meet the March organisers.", SAT_7_DEC_2024) == []
    assert dates("It has 2018 fighters and 500 trucks.", SAT_7_DEC_2024) == []
