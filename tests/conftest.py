"""Keep the developer's own config, state, cache, theme and colour settings out of every test."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis keeps its files in .hypothesis/ of the current directory by default;
# tests never write into the repository, so it works in a temporary folder instead.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="briefing-hypothesis-"))

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
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return home


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
