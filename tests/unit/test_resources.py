"""The sample and the bundled themes are found both from a source checkout and when installed."""

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.resources import code_digest

REPO = Path(__file__).resolve().parents[2]
PROBE = (
    "from briefing.resources import sample_path, themes_folder; "
    "print(sample_path()); print(sorted(p.name for p in themes_folder().glob('*.yaml')))"
)


def test_found_from_a_source_checkout():
    # Run in the repository, as `python3 -m briefing` from the README's first command is:
    # the checkout's own briefing/ folder is imported, not the installed package. -S keeps
    # site-packages (and the editable install's import hook) out, as after `pip install .`.
    result = subprocess.run(
        [sys.executable, "-S", "-c", PROBE], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    sample, themes = result.stdout.splitlines()
    assert Path(sample).is_file() and Path(sample).name == "hts-offensive-2024-12.yaml"
    assert "briefing-dark.yaml" in themes


def test_the_code_digest_covers_a_whole_package_and_refuses_a_name_that_is_gone():
    """Cache keys name the modules whose code decides what is cached: a package counts every
    module in it, and a name left behind by a split is an error, never a silently smaller key."""
    assert code_digest("format") != code_digest("format.loader") != code_digest("format.dates")
    assert code_digest("format.loader") == code_digest("format.loader")
    with pytest.raises(FileNotFoundError):
        code_digest("format.no_such_module")
