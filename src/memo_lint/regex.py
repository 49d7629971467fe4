"""Module-level regular expressions compiled when first used, not when imported.

Compiling a Python pattern costs start-up (the alternation of every law name: milliseconds);
a one-file run whose memo never reaches a pattern (no article citation, no document title)
should not pay for it. Patterns every memo needs stay plain ``re.compile`` calls.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Deferred:
    """Stands in for a compiled pattern: each use asks ``re`` (whose cache keeps it)."""

    __slots__ = ("_flags", "_pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        return getattr(re.compile(self._pattern, self._flags), name)


def compile_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use; it behaves as ``re.compile(pattern, flags)``."""
    return cast("re.Pattern[str]", _Deferred(pattern, flags))
