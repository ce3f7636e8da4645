"""Keys typed in one burst: a priority key that moves focus waits for the keys before it.

Textual hands each key to the widget focused when the key arrives and goes on
to the next; the widget handles it later, from its own queue. A key that moves
focus (Enter in a field) handled from that queue comes too late for the keys
after it, already handed to the field. So such keys are priority keys, run
when they arrive, holding back the keys after them; they first wait, with
this, for the field to take in the keys before them.
"""

from __future__ import annotations

import asyncio

from textual.message_pump import MessagePump


async def caught_up(pump: MessagePump) -> None:
    """Wait until ``pump`` (a field) has handled the messages already queued for it."""
    done = asyncio.get_running_loop().create_future()
    pump.call_later(done.set_result, None)  # (run after the keys queued before it)
    await done
