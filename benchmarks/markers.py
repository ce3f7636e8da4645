"""What must be on screen before the reader counts as painted: text from each pane.

    python3 benchmarks/markers.py BRIEFING.yaml     # prints {"markers": [...], "events": N}

The newest event's title (a first open puts the Timeline's cursor there, and
scrolls it into view; the state folder is empty in the benchmark); the name of the
actor the Actors pane shows first, followed by its kind, as its row shows them (the
name alone may also be in the header): the first of the newest event's actors (Actors
scrolls to them, as when the cursor moves onto that event), or with none the first
actor; the first reaction's country and code
(Reactions); and the Source pane's title, "Source · …" (the header says
"Source:"). Prefixes only, so that a pane cutting a long line short still
counts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefing.opening import open_briefing

PREFIX = 16  # characters; the narrowest pane at 120 columns shows more than this


def markers(path: Path) -> list[str]:
    briefing, _diagnostics = open_briefing(path, cache=True)
    if briefing is None:
        raise SystemExit(f"{path} has errors; the benchmark needs a valid briefing")
    found = ["Source · "]
    if briefing.events:
        found.append(briefing.events[-1].title[:PREFIX])
    if briefing.actors:
        linked = set(briefing.events[-1].actors) if briefing.events else set()
        first = next((a for a in briefing.actors if a.id in linked), briefing.actors[0])
        found.append(f"{first.name}  {first.kind}"[-PREFIX:])
    if briefing.reactions:
        first = briefing.reactions[0]  # "Turkey (TR)": a country alone may be an actor's too
        found.append((f"{first.country} ({first.code})" if first.code else first.country)[:PREFIX])
    return found


if __name__ == "__main__":
    path = Path(sys.argv[1])
    found = markers(path)
    briefing, _ = open_briefing(path, cache=True)
    print(json.dumps({"markers": found, "events": len(briefing.events) if briefing else 0}))
