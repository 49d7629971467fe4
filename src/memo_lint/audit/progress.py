"""One status line on a terminal while an audit runs: documents done, documents/s, ETA.

Silent for the first seconds (a short run needs no progress) and when the stream is not a
terminal (CI logs, pipes); redrawn at most a few times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

DELAY = 2.0  # seconds before the line appears
INTERVAL = 0.25  # seconds between redraws


class ProgressLine:
    def __init__(
        self,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        force: bool = False,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.enabled = force or stream.isatty()
        self.started = clock()
        self.first_done: int | None = None  # documents already in the store when we started
        self.drawn_at = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.first_done is None:
            self.first_done = done
        now = self.clock()
        elapsed = now - self.started
        final = done >= total
        if not self.enabled or elapsed < DELAY or (now - self.drawn_at < INTERVAL and not final):
            return
        self.drawn_at = now
        self.shown = True
        self.stream.write("\r" + line(done, total, done - self.first_done, elapsed) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def line(done: int, total: int, linted: int, elapsed: float) -> str:
    """``memo-lint audit: 1,200/10,000 documents (12%), 85.3/s, ETA 1:43``."""
    rate = linted / elapsed if elapsed > 0 else 0.0
    share = f" ({done * 100 // total}%)" if total else ""
    text = f"memo-lint audit: {done:,}/{total:,} documents{share}, {rate:,.1f}/s"
    if rate > 0 and done < total:
        left = round((total - done) / rate)
        text += f", ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"
    return text
