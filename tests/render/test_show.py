"""`briefing show`: readable at any width, plain in a pipe, coloured only in a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from rich.cells import cell_len

from briefing import cli
from briefing.render.terminal import render_show

SGR = re.compile(r"\x1b\[[0-9;]*m")  # colour and style codes, the only escapes show may write
# The bottom line first: summary and assessments, then what happened and who reacted.
HEADINGS = (
    "Summary",
    "Assessments (6)",
    "Timeline (22)",
    "Reactions (6)",
    "Actors (26)",
    "Places (14)",
    "Sources (1)",
    "Evidence (76)",
)


def headings(text: str) -> list[str]:
    return [line.split(" ─")[0] for line in text.splitlines() if line.endswith("──")]


def test_at_120_columns(sample):
    text = render_show(sample, width=120, sections=None, color=False)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 120
    assert lines[0] == "HTS advances toward Damascus after capturing Hama (Syria, 27 Nov – 7 Dec 2024)"
    assert lines[1] == "As of 7 Dec 2024 · current · 22 events · 26 actors · 6 reactions · 1 source"
    assert headings(text) == list(HEADINGS)
    # The widest date, "27 Nov – 7 Dec 2024", sets the date column at 19 cells.
    assert "  5 Dec 2024" + " " * 11 + "Militants take Hama [18][19][20]" in lines
    assert (
        "  27 Nov – 7 Dec 2024  Direct Turkish involvement in the escalation (denied by Turkey) [17]" in lines
    )
    assert "                       denied · Government of Turkey" in lines
    assert "  Turkey (TR) — supportive" in lines
    assert "    “This march of the opposition continues, and we hope it goes smoothly”" in lines
    assert "    — Recep Tayyip Erdoğan, 6 Dec 2024 [31]" in lines
    # Numbered in the order cited: the governor's quote in Syria's reaction, then the Actors
    # section, which now comes after Reactions, cites last.
    assert "    5–8 Dec 2024  Homs governor urges residents not to panic [56]" in lines
    assert "  [56] urged the population not to panic" in lines
    assert "  [76] the military portal Defense One has assessed" in lines
    assert not any(line != line.rstrip() for line in lines)


def test_at_60_columns_everything_wraps_inside_the_width(sample):
    text = render_show(sample, width=60, sections=None, color=False)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 60
    assert lines[:3] == [
        "HTS advances toward Damascus after capturing Hama (Syria, 27",
        "Nov – 7 Dec 2024)",
        "As of 7 Dec 2024 · current · 22 events · 26 actors",
    ]
    assert lines[3] == "6 reactions · 1 source"  # a new line rather than a dangling "·"
    assert headings(text) == list(HEADINGS)
    # Dates get at most 17 cells at this width, so the column is narrower.
    assert "  5 Dec 2024" + " " * 9 + "Militants take Hama [18][19][20]" in lines
    assert "  27 Nov – 7 Dec     Direct Turkish involvement in the" in lines
    assert "  2024               escalation (denied by Turkey) [17]" in lines
    # Every quote is still there, word for word, once the wrapping is undone.
    flat = " ".join(text.split())
    for reaction in sample.reactions:
        for statement in reaction.statements:
            assert f"“{statement.quote}”" in flat


def test_only_some_sections_with_their_own_numbering(sample):
    text = render_show(sample, width=100, sections=("reactions", "timeline"), color=False)
    assert headings(text) == ["Timeline (22)", "Reactions (6)", "Evidence (57)"]
    assert "Summary" not in text and "Places" not in text
    assert text.splitlines()[0].startswith("HTS advances")  # the header stays
    alone = render_show(sample, width=100, sections=("reactions",), color=False)
    assert "opposition’s final target [1]" in alone and "  [1] underscoring Turkey’s ongoing support" in alone


def test_colour_is_styles_only_and_data_brackets_stay_literal(hostile):
    text = render_show(hostile, width=80, sections=None, color=True)
    assert SGR.search(text)
    plain = SGR.sub("", text)
    assert "\x1b" not in plain  # nothing but our own style codes
    assert plain.splitlines()[0] == "[bold]Bold[/bold] <script>alert(1)</script> # not a heading"
    assert "[@click=app.quit]Clicker" in plain
    assert "Click [here](javascript:alert(1))" in plain
    assert "\ufffd[31mred\ufffd]0;title\ufffd" in plain  # the loader replaced ESC and BEL


def test_plain_output_of_hostile_text_has_no_escapes(hostile):
    text = render_show(hostile, width=80, sections=None, color=False)
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold]Bold[/bold]" in text


def test_through_a_pipe_the_output_is_plain_and_80_columns(sample, sample_path):
    expected = render_show(sample, width=80, sections=None, color=False)
    for command in ("show", ""):  # `briefing PATH` prints the same when not in a terminal
        result = subprocess.run(
            f"{sys.executable} -m briefing {command} {sample_path} | cat",
            shell=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        assert result.returncode == 0 and result.stderr == ""
        assert "\x1b" not in result.stdout
        assert result.stdout == expected
        assert max(cell_len(line) for line in result.stdout.splitlines()) == 80


def run_in_terminal(args: list[str], columns: int, env: dict[str, str]) -> str:
    """Run the CLI with stdout on a pseudo-terminal of ``columns``; return what it wrote."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    attrs = termios.tcgetattr(child)
    attrs[1] &= ~termios.ONLCR  # keep "\n" as written
    termios.tcsetattr(child, termios.TCSANOW, attrs)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args], stdout=child, stderr=subprocess.PIPE, env=env
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8")


def test_in_a_terminal_it_follows_the_width_and_colours(sample_path):
    env = dict(os.environ, TERM="xterm-256color")
    text = run_in_terminal(["show", str(sample_path), "--only", "reactions"], 100, env)
    assert SGR.search(text)
    plain = SGR.sub("", text)
    assert "\x1b" not in plain
    assert max(cell_len(line) for line in plain.splitlines()) == 100
    no_color = run_in_terminal(
        ["show", str(sample_path), "--only", "reactions"], 100, {**env, "NO_COLOR": "1"}
    )
    assert "\x1b" not in no_color
    assert no_color.splitlines() == [line.rstrip() for line in plain.splitlines()]


def test_width_option_and_unknown_section(sample_path, capsys):
    assert cli.main(["show", str(sample_path), "--width", "60", "--only", "timeline"]) == 0
    out = capsys.readouterr().out
    assert max(cell_len(line) for line in out.splitlines()) <= 60 and "Timeline (22)" in out
    assert cli.main(["show", str(sample_path), "--only", "timeline,quotes"]) == 2
    assert "unknown section 'quotes'" in capsys.readouterr().err


def test_a_tiny_width_is_raised_to_the_minimum(sample):
    text = render_show(sample, width=10, sections=("actors",), color=False)
    assert max(cell_len(line) for line in text.splitlines()) == 40


def test_exports_and_the_render_package_do_not_import_rich(sample_path):
    """Rich costs import time: only `show` needs it."""
    code = (
        "import sys; from briefing.format.loader import load; from briefing.render import export; "
        f"b = load({str(sample_path)!r}); "
        "[export(b, f) for f in ('markdown', 'json', 'html')]; print('rich' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout == "False\n", result.stderr
