"""Every spelling YAML gives a value becomes a located error in its field, never an exception.

YAML 1.1 reads `017` as octal, `1:30` as base 60 and `2024-12-05` as a timestamp, and an
explicit tag (`!!int "abc"`) can sit on any text: the loader must say what is wrong and where.
"""

import pytest

from briefing.format import loader
from briefing.format.dates import DateError, parse_date

HEAD = (
    'briefing: 1\nid: t\ntitle: T\nas_of: "2024-12-07"\n'
    "sources:\n  - id: s\n    title: S\n    text: Hama fell on December 5. Homs is next.\n"
)
EVENT = "events:\n  - id: e\n    title: E\n    date: {date}\n    evidence:\n      - quote: Hama fell\n"


def errors(text: str) -> list:
    briefing, diagnostics = loader.check_text(text, shown="b.yaml")
    assert briefing is None
    found = [d for d in diagnostics if d.is_error]
    assert found and all(d.line > 0 and d.column > 0 for d in found), found
    return found


def occurrence(value: str) -> str:
    return HEAD + EVENT.format(date='"2024-12-05"') + f"        occurrence: {value}\n"


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("017", "must not start with 0: YAML 1.1 reads '017' as an octal number"),
        ("1:30", "YAML 1.1 reads '1:30' as a base-60 number"),
        ("9" * 5000, "is too long a number (5000 characters)"),
        ('!!int "abc"', "must be a whole number, not 'abc'"),
        ('!!int "١٢"', "must be a whole number, not '١٢'"),  # int() would read Arabic-Indic digits
        ('!!int "１２"', "must be a whole number"),
        ("0x10", "must be written in decimal, not '0x10'"),
        ("0b11", "must be written in decimal"),
        ("1_", "must be a whole number, not '1_'"),
        ('!!int ""', "must be a whole number"),
        ("!!int .inf", "must be a finite number"),
    ],
)
def test_occurrence_spellings_are_located_errors(value, says):
    (error,) = errors(occurrence(value))
    assert says in error.message
    assert (error.line, error.key_path) == (15, "events[0].evidence[0].occurrence")


def test_plain_decimal_numbers_still_load():
    briefing, _ = loader.check_text(occurrence("1_0".replace("_0", "")), shown="b.yaml")
    assert briefing is not None and briefing.events[0].evidence[0].occurrence == 1


@pytest.mark.parametrize("value", ["0x1", "1_", "!!int abc", "01", "1:0", "9" * 5000, '!!int "１"'])
def test_version_spellings_are_located_errors(value):
    (error,) = errors(HEAD.replace("briefing: 1", f"briefing: {value}"))
    assert error.message == "the format version must be the integer 1"
    assert (error.line, error.column) == (1, 11)


def place(lat: str) -> str:
    return HEAD + f"places:\n  - id: p\n    name: P\n    lat: {lat}\n    lon: 1\n"


@pytest.mark.parametrize(
    ("lat", "says"),
    [
        ('!!float "abc"', "'lat' must be a number, not 'abc'"),
        ("1:30", "base-60"),
        ("!!float 1e999", "must be a finite number"),
        (".nan", "must be a finite number"),
        ("-.inf", "must be a finite number"),
        ('!!float "٣٥.١"', "must be a number"),
        ("!!float " + "9" * 5000, "too long a number"),
        ('!!binary "AAAA"', "YAML tag '!!binary' is not allowed"),
        ('!!null "x"', "the tag '!!null' does not fit the value 'x'"),
        ('!!seq "x"', "the tag '!!seq' does not fit"),
        ('!!timestamp "x"', "expected a number, found a date 'x'"),
    ],
)
def test_coordinate_spellings_are_located_errors(lat, says):
    (error,) = errors(place(lat))
    assert says in error.message
    assert error.line == 12


@pytest.mark.parametrize(("lat", "value"), [("35.5", 35.5), ("35", 35), ("-1.5e+1", -15.0), ("035.5", 35.5)])
def test_decimal_coordinates_load(lat, value):
    briefing, diagnostics = loader.check_text(place(lat), shown="b.yaml")
    assert briefing is not None, diagnostics
    assert briefing.places[0].lat == value


@pytest.mark.parametrize(
    ("date", "says"),
    [
        ('"0000-01"', "there is no year 0"),
        ('"0000-06-01"', "there is no year 0"),
        ('"0000-06-01T10:00Z"', "there is no year 0"),
        ('"2024-12-05T10:00/2024-12-05T11:00Z"', "gives a time zone at one end only"),
        ('"2024-12-05T10:00+03:00/2024-12-06T11:00"', "gives a time zone at one end only"),
        ('"２０２４-12-05"', "uses digits other than 0-9"),
        ('"٢٠٢٤-١٢-٠٥"', "uses digits other than 0-9"),
        ('"2024-１２"', "uses digits other than 0-9"),
        ('!!timestamp "1:30"', "is not a date"),
        ('!!str "' + "2" * 5000 + '"', "is not a date"),
    ],
)
def test_date_spellings_are_located_errors(date, says):
    (error,) = errors(HEAD + EVENT.format(date=date))
    assert says in error.message
    assert (error.line, error.key_path) == (12, "events[0].date")
    assert len(error.message) < 200  # a long bad value is cut, not repeated in full


def test_as_of_in_year_zero_is_a_located_error():
    (error,) = errors(HEAD.replace('"2024-12-07"', '"0000-01"'))
    assert (error.line, error.key_path) == (4, "as_of")


@pytest.mark.parametrize(
    "text", ["2024-12-05T10:00Z/2024-12-05T11:00+01:00", "2024-12-05T10:00/2024-12-05T11:00"]
)
def test_ranges_with_zones_on_both_ends_or_neither_still_parse(text):
    assert parse_date(text).end is not None


def test_non_ascii_digits_are_refused_by_the_date_grammar_itself():
    with pytest.raises(DateError, match="digits other than 0-9"):
        parse_date("٢٠٢٤")


@pytest.mark.parametrize(
    "tagged",
    [
        '!!str "x"',
        '!!int "x"',
        '!!float "x"',
        '!!bool "x"',
        '!!null "x"',
        '!!timestamp "x"',
        '!!seq "x"',
        '!!map "x"',
    ],
)
@pytest.mark.parametrize("field", ["title", "as_of", "id"])
def test_every_plain_tag_in_top_fields_gives_a_model_or_located_errors(tagged, field):
    text = HEAD.replace(f"\n{field}: ", f"\n{field}: {tagged} #", 1)
    briefing, diagnostics = loader.check_text(text, shown="b.yaml")
    if briefing is None:
        assert all(d.line > 0 for d in diagnostics if d.is_error)


def test_a_long_value_with_the_wrong_type_is_quoted_cut_short():
    (error,) = errors(HEAD.replace("title: T", "title: !!bool " + "y" * 5000))
    assert len(error.message) < 200 and error.hint is not None and len(error.hint) < 100


LONG = 100_000
EVENT_WITH_ACTOR = (
    'events:\n  - {{id: e, title: E, date: "2024-12-05", actors: [{}], evidence: [{{quote: Hama}}]}}\n'
)


@pytest.mark.parametrize(
    "edit",
    [
        lambda head: head + "? " + "x" * LONG + "\n: x\n",  # an unknown key (explicit: past YAML's 1024)
        lambda head: head.replace("id: t", "id: " + "T" * LONG),  # an invalid id
        lambda head: (
            head.replace("id: t", "id: " + "t" * LONG) + "places:\n  - {id: " + "t" * LONG + ", name: P}\n"
        ),
        lambda head: head + EVENT_WITH_ACTOR.format("a" * LONG),  # an unknown reference
    ],
    ids=["unknown-key", "invalid-id", "duplicate-id", "unknown-ref"],
)
def test_long_keys_and_ids_are_cut_in_messages(edit):
    diagnostics = errors(edit(HEAD))
    assert all(len(d.format()) < 400 for d in diagnostics), [d.format()[:100] for d in diagnostics]
