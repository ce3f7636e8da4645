"""Every broken or hostile file in the corpus gets its located message and exit 1, never a traceback.

Each tests/data/{invalid,hostile}/NAME.yaml has NAME.expected beside it: exactly
what `briefing validate NAME.yaml` prints on stderr when run in that folder.
"""

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cli

DATA = Path(__file__).resolve().parent.parent / "data"
CASES = sorted((DATA / "invalid").glob("*.yaml")) + sorted((DATA / "hostile").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_validate_prints_the_expected_located_errors(path, monkeypatch, capsys):
    monkeypatch.chdir(path.parent)
    assert cli.main(["validate", path.name]) == 1
    out, err = capsys.readouterr()
    assert err == path.with_suffix(".expected").read_text(encoding="utf-8")
    assert out.startswith(f"{path.name}: invalid: ")
    assert "Traceback" not in err


def test_every_error_line_is_located():
    for expected in DATA.glob("*/*.expected"):
        for line in expected.read_text(encoding="utf-8").splitlines():
            if not line.startswith("  hint:"):
                name, rest = line.split(":", 1)
                assert name == expected.with_suffix(".yaml").name
                assert rest.split(":", 2)[0].strip().isdigit() or rest.startswith(" error:"), line


def _limit_memory() -> None:
    limit = 1024 * 1024 * 1024  # 1 GiB of address space: far more than a bounded refusal needs
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize("name", ["billion-laughs.yaml", "billion-laughs-in-tags.yaml", "deep-nesting.yaml"])
def test_bombs_are_refused_in_bounded_memory(name):
    """Run in a child with its memory capped: an expanding bomb would die of MemoryError (exit 3)."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", str(DATA / "hostile" / name)],
        capture_output=True,
        text=True,
        preexec_fn=_limit_memory,
        timeout=120,  # a hang guard, not a speed check
    )
    assert result.returncode == 1, result.stderr
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_python_tags_are_never_executed(tmp_path, monkeypatch, capsys):
    marker = tmp_path / "pwned"
    briefing = tmp_path / "b.yaml"
    briefing.write_text(
        f'briefing: 1\nid: x\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    assert cli.main(["validate", str(briefing)]) == 1
    assert "is not allowed" in capsys.readouterr().err
    assert not marker.exists()
