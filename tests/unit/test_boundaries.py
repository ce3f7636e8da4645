"""The model, loader and `validate` never import Textual: they stay cheap and usable without a terminal."""

import subprocess
import sys

import pytest

CHECK = "import sys; {code}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"


@pytest.mark.parametrize(
    "code",
    [
        "import briefing",
        "import briefing.model, briefing.format.loader, briefing.format.dates, briefing.format.spec",
        "from briefing import cli; cli.main(['validate', '{sample}'])",
    ],
)
def test_no_textual_or_rich_import(code, sample_path):
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(code=code.format(sample=sample_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_reader_opens_a_briefing_again_without_pyyaml(sample_path):
    """Importing PyYAML is a tenth of the reader's start: a second open of an unchanged
    briefing (from the model cache), with unchanged themes, must not need it."""
    code = (
        "import sys; "
        "from pathlib import Path; from briefing.tui.launch import prepare; "
        f"app = prepare(Path({str(sample_path)!r}), theme=None, max_size=None); "
        "print(app.briefing is not None, sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'))"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    first, second = (run.stdout.strip().splitlines()[-1] for run in runs)
    assert first.startswith("True ['yaml'")  # the first open parses the briefing and the themes
    assert second == "True []"
