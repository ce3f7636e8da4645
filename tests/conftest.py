"""Keep the developer's own config, state, cache, theme and colour settings out of every test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis keeps its files in .hypothesis/ of the current directory by default;
# tests never write into the repository, so it works in a temporary folder instead.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="briefing-hypothesis-"))
# "ci" draws the same examples every run, so whether a change lands is not left to a draw (a
# property test once failed there on an example no earlier run had drawn); "deep" draws many
# more, to look for what the quick runs miss: HYPOTHESIS_PROFILE=deep python3 -m pytest -k prop
settings.register_profile("ci", derandomize=True)
settings.register_profile("deep", max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data" / "hts-offensive-2024-12.yaml"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    for var in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR", "TEXTUAL", "COLUMNS", "LINES"):
        monkeypatch.delenv(var, raising=False)
    # The reader picks its theme by the terminal's colours when none is chosen: the same
    # terminal for every test, whatever the developer's (tests of other depths set their own).
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return home


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
