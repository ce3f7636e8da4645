"""The model, loader and `validate` never import Textual: they stay cheap and usable without a terminal."""

import subprocess
import sys

import pytest

CHECK = "import sys; {code}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"


@pytest.mark.parametrize(
    "code",
    [
        "import briefing",
        "import briefing.model, briefing.loader, briefing.dates, briefing.spec",
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
