"""Python ``re`` patterns: compiled ahead of time, and compiled when first used.

Python compiles a pattern in Python code (``re._parser``, ``re._compiler``): the ~80 patterns
a one-memo run uses cost ~110 M instructions, an eighth of the run. :func:`write_table` keeps
what the compiler makes of each pattern memo-lint compiles (the ``_sre`` code words) in the
generated module :mod:`memo_lint.regex_code`, for the interpreter it ran on; at start-up
:func:`prime` hands ``re`` those patterns ready made (``_sre.compile`` of the stored code, as
``re._compiler.compile`` ends), in ``re``'s own cache, so every ``re.compile``/``re.search``
of them anywhere finds its pattern compiled: ~4 M instructions for all of them. On another
interpreter or release (even a bug-fix release) nothing is primed and ``re`` compiles as
usual. A pattern that is not in the table, or changed since, is compiled as usual too.

:func:`compile_later` defers a module-level pattern a one-file run may never reach.
"""

from __future__ import annotations

import re
import sys
from array import array
from pathlib import Path
from typing import Any, cast

TABLE = Path(__file__).parent / "regex_code.py"


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


def _interpreter() -> tuple[str, int, int, int, int, int]:
    """What the stored code words depend on: the interpreter, its exact release (a bug-fix
    release may change what ``re``'s compiler emits without a new ``_sre.MAGIC``, and a
    primed pattern that differed would match wrongly without a word) and ``_sre``'s format."""
    from re import _compiler  # type: ignore[attr-defined]

    sre = _compiler._sre
    return (sys.implementation.name, *sys.version_info[:3], sre.MAGIC, sre.CODESIZE)


def _code(words: str) -> list[int]:
    """Code words stored as little-endian hex (4 bytes each), back as ``_sre`` takes them."""
    found = array("I", bytes.fromhex(words))
    if sys.byteorder != "little":
        found.byteswap()
    return found.tolist()


def prime() -> int:
    """Put the table's patterns into ``re``'s cache, compiled; how many (0: other Python)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or array("I").itemsize != 4:
        return 0
    try:
        from memo_lint import regex_code
    except ImportError:
        return 0
    if tuple(regex_code.INTERPRETER) != _interpreter():
        return 0
    from re import _compiler  # type: ignore[attr-defined]

    make = _compiler._sre.compile
    for pattern, flags, state_flags, words, groups, names in regex_code.PATTERNS:
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in names.items():
            indexgroup[index] = name
        compiled = make(pattern, state_flags, _code(words), groups, names, tuple(indexgroup))
        cache.setdefault((str, pattern, flags), compiled)
    return len(regex_code.PATTERNS)


def compiled_ahead(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """A table row: what ``re._compiler.compile`` makes of the pattern (None when compiling it
    warns: a pattern primed would not warn where Python would)."""
    import warnings
    from re import _compiler, _parser  # type: ignore[attr-defined]

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
        except (Warning, re.error):
            return None
    words = array("I", code)
    if sys.byteorder != "little":
        words.byteswap()
    return (
        pattern,
        flags,
        flags | parsed.state.flags,
        words.tobytes().hex(),
        parsed.state.groups - 1,
        dict(parsed.state.groupdict),
    )


_WORKLOAD = """
import importlib, pkgutil, re, sys
from pathlib import Path
import memo_lint
package = Path(memo_lint.__file__).parent
seen = set()
original = re._compile

def recording(pattern, flags):
    caller = sys._getframe(1)
    while caller is not None and caller.f_code.co_filename.startswith(RE_DIR):
        caller = caller.f_back
    if caller is not None and caller.f_code.co_filename.startswith(str(package)):
        if isinstance(pattern, str) and isinstance(flags, (int, re.RegexFlag)):
            seen.add((pattern, int(flags)))
    return original(pattern, flags)

RE_DIR = str(Path(re.__file__).parent)
re._compile = recording
for module in sorted(m.name for m in pkgutil.walk_packages([str(package)], "memo_lint.")):
    if module == "memo_lint.__main__":  # runs the command line
        continue
    try:
        importlib.import_module(module)
    except Exception:
        pass
from memo_lint.api import LintOptions, lint_paths
import datetime
lint_paths(sys.argv[1:], LintOptions(use_cache=False, jobs=1, today=datetime.date(2026, 11, 29)))
for pattern, flags in sorted(seen):
    print(repr((pattern, flags)))
"""


def table_text(examples: list[Path] | None = None) -> str:
    """The text of :mod:`memo_lint.regex_code`: every pattern memo-lint's own code compiles when
    all its modules are imported and the repository's examples are linted (in a fresh
    interpreter, so that module-level patterns are compiled again), compiled for this one."""
    import ast
    import subprocess

    if examples is None:
        root = Path(__file__).resolve().parents[2] / "examples"
        examples = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
    found = subprocess.run(
        [sys.executable, "-c", _WORKLOAD, *map(str, examples)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [
        row
        for line in found.stdout.splitlines()
        if line.startswith("(") and (row := compiled_ahead(*ast.literal_eval(line))) is not None
    ]
    body = "".join(f"    {row!r},\n" for row in rows)
    return (
        '"""What Python\'s ``re`` compiler makes of the patterns memo-lint compiles, for one\n'
        "interpreter (see memo_lint.regex). Generated by memo_lint.regex.write_table(); do not"
        ' edit."""\n\n'
        f"INTERPRETER = {_interpreter()!r}\n"
        "# (pattern, flags, flags as compiled, code words as little-endian hex, groups, names)\n"
        f"PATTERNS: tuple[tuple[str, int, int, str, int, dict[str, int]], ...] = (\n{body})\n"
    )


def write_table() -> Path:
    """Regenerate :mod:`memo_lint.regex_code` (:func:`table_text`)."""
    TABLE.write_text(table_text(), "utf-8")
    return TABLE
