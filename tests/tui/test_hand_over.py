"""Why the reader's driver sleeps a moment after each frame (screen_diff.hand_over).

Textual writes each frame from a thread of its own. That thread needs the
interpreter to write, and while the main thread works on it gets it only after
the switch interval.
"""

import queue
import statistics
import sys
import threading
import time

from briefing.tui.screen_diff import hand_over


def _wait_for_the_writer(*, hand: bool) -> float:
    """Seconds from a frame queued until a writer thread has it, the main thread busy meanwhile."""
    frames: queue.Queue[str] = queue.Queue()
    taken: list[float] = []

    def writer() -> None:
        frames.get()
        taken.append(time.perf_counter())

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.005)  # the writer waits for a frame, as Textual's does
    queued = time.perf_counter()
    frames.put("frame")
    if hand:
        hand_over()
    while time.perf_counter() < queued + 0.02:  # the main thread works on (the next frame...)
        pass
    thread.join()
    return taken[0] - queued


def test_a_frame_goes_to_the_writer_at_once_while_the_reader_works_on():
    without = statistics.median(_wait_for_the_writer(hand=False) for _ in range(7))
    handed = statistics.median(_wait_for_the_writer(hand=True) for _ in range(7))
    assert without >= 0.8 * sys.getswitchinterval()  # what the hand-over is for: 5 ms a frame
    assert handed < sys.getswitchinterval() / 2
