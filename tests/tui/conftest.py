"""Building the reader for tests: the same factory as the CLI, a pinned theme, known files."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.format.loader import load
from briefing.model import Briefing
from briefing.tui.app import BriefingApp

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
MIRNA = DATA / "port-mirna.yaml"  # small, two sources, markup-like text everywhere
HARBOUR = REPO / "tests" / "data" / "valid" / "harbour-strike.yaml"  # three sources, every date form
THEME = "textual-dark"  # pinned: a snapshot must not depend on the default theme

MakeApp = Callable[..., BriefingApp]


@pytest.fixture(autouse=True)
def _collector_unfrozen():
    # The reader freezes what it has built (its search index, what start-up made) out of
    # the collector's reach; in a test process that would keep each test's apps for good.
    yield
    gc.unfreeze()


@pytest.fixture
def briefings_made(monkeypatch: pytest.MonkeyPatch) -> list[weakref.ref[Briefing]]:
    """A weak reference to every Briefing made from here on, to count those still alive."""
    made: list[weakref.ref[Briefing]] = []
    post_init = Briefing.__post_init__

    def counted(self: Briefing) -> None:
        post_init(self)
        made.append(weakref.ref(self))

    monkeypatch.setattr(Briefing, "__post_init__", counted)
    return made


@pytest.fixture
def mirna() -> Briefing:
    return load(MIRNA)


@pytest.fixture
def sample(sample_path: Path) -> Briefing:
    return load(sample_path)


@pytest.fixture
def harbour() -> Briefing:
    return load(HARBOUR)


@pytest.fixture
def make_app() -> MakeApp:
    def make(briefing: Briefing | None, diagnostics=(), path: str = "", **options: object) -> BriefingApp:
        options.setdefault("theme", THEME)
        return BriefingApp(briefing, diagnostics, path or "briefing.yaml", **options)

    return make
