"""Module-level regular expressions compiled when first used, not when imported.

Compiling a Python pattern costs start-up (the alternation of every law name: milliseconds);
a one-file run whose memo never reaches a pattern (no article citation, no document title)
should not pay for it. Patterns every memo needs stay plain ``re.compile`` calls.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Deferred:
    """Stands in for a compiled pattern: the first use compiles it, and it is kept."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        return getattr(compiled, name)


def compile_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use; it behaves as ``re.compile(pattern, flags)``."""
    return cast("re.Pattern[str]", _Deferred(pattern, flags))
