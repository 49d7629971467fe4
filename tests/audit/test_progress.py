"""The progress line: silent at first and off a terminal; documents/s and ETA after."""

from __future__ import annotations

import io

from memo_lint.audit.progress import ProgressLine, line


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_shows_done_rate_and_eta() -> None:
    assert line(1200, 10000, 1200, 12.0) == (
        "memo-lint audit: 1,200/10,000 documents (12%), 100.0/s, ETA 0:01:28"
    )
    assert line(10000, 10000, 10000, 50.0).endswith("200.0/s")


def test_silent_for_a_short_run_then_redrawn_then_closed() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ProgressLine(stream, clock, force=True)
    progress(0, 100)
    clock.now += 1
    progress(10, 100)
    assert stream.getvalue() == ""
    clock.now += 2
    progress(30, 100)
    assert "30/100 documents (30%), 10.0/s, ETA 0:00:07" in stream.getvalue()
    clock.now += 0.1
    progress(31, 100)  # too soon to redraw
    assert "31/100" not in stream.getvalue()
    progress(100, 100)  # the last one always
    progress.close()
    assert stream.getvalue().endswith("100/100 documents (100%), 32.3/s\x1b[K\n")


def test_skipped_documents_do_not_count_in_the_rate() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ProgressLine(stream, clock, force=True)
    progress(900, 1000)  # already in the store
    clock.now += 10
    progress(950, 1000)
    assert "950/1,000 documents (95%), 5.0/s, ETA 0:00:10" in stream.getvalue()


def test_nothing_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ProgressLine(stream, clock)
    clock.now += 10
    progress(5, 10)
    progress.close()
    assert stream.getvalue() == ""
