"""Numbers in settings files (themes) are ASCII decimals: other spellings float() takes are refused."""

import pytest
import yaml

from briefing.user.yaml_fields import Reporter


def number(value: str) -> tuple[float | None, list]:
    node = yaml.compose(f"x: {value}\n").value[0][1]
    reporter = Reporter("theme.yaml")
    return reporter.number(node, "x", 0.0, 1.0), reporter.diagnostics


@pytest.mark.parametrize(("value", "expected"), [("0.5", 0.5), ("1", 1.0), (".25", 0.25), ("0", 0.0)])
def test_decimals_are_read(value, expected):
    assert number(value) == (expected, [])


@pytest.mark.parametrize(
    "value", ['!!float "٠.٥"', '!!float "０.５"', '!!float "0_1"', '!!float "nan"', "!!int 1:0"]
)
def test_other_spellings_are_located_errors(value):
    found, diagnostics = number(value)
    assert found is None
    (error,) = diagnostics
    assert error.line == 1 and "expected a number from 0 to 1" in error.message


def test_long_keys_are_cut_in_messages():
    key = "k" * 10_000
    root = yaml.compose(f"? {key}\n: 1\n? {key}\n: 2\n")
    reporter = Reporter("config.yaml")
    ((name, key_node, _),) = reporter.entries(root, "")
    reporter.unknown_key(name, key_node, name, "config", ["theme"])
    assert len(reporter.diagnostics) == 2  # the duplicate and the unknown key
    assert all(len(d.format()) < 200 for d in reporter.diagnostics)
