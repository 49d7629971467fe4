"""Fixture for the reader tests: hostile input must end fast and small."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest

from memo_lint.errors import UnreadableFile

MAX_SECONDS = 2.0
MAX_PEAK_BYTES = 64 * 1024 * 1024


@pytest.fixture
def assert_unreadable_fast() -> Callable[..., UnreadableFile]:
    """Run a read that must fail with UnreadableFile, within 2 s and a bounded peak memory."""

    def check(read: Callable[[], object], *fragments: str) -> UnreadableFile:
        tracemalloc.start()
        started = time.perf_counter()
        try:
            with pytest.raises(UnreadableFile) as caught:
                read()
            elapsed = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert elapsed < MAX_SECONDS, f"took {elapsed:.2f} s"
        assert peak < MAX_PEAK_BYTES, f"peak Python memory {peak:,} bytes"
        for fragment in fragments:
            assert fragment in caught.value.reason
        return caught.value

    return check
