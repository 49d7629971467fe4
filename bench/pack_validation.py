"""Time `pack validate` on a generated pack of N pattern rules (default 2,000 and 10,000).

    python bench/pack_validation.py [N ...]

Prints the best of three runs of validate_file (jsonschema + pydantic + the semantic checks:
references, RE2 patterns, message templates) per size, in the current process (imports paid
once, before timing).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEAD = """extends: collegevoorstel
name: bench
title: {nl: Bench, en: Bench}
rules:
"""


def _code(n: int) -> str:
    return f"B{chr(65 + n // 1000 % 26)}{n % 1000:03d}"


def _rule(n: int) -> str:
    return (
        f"  - {{code: {_code(n)}, name: r-{n}, kind: pattern, severity: warning, "
        f'options: {{forbid: [{{pattern: "(?i)\\\\bwoord{n}\\\\b", scope: kader}}]}}, '
        'message: {nl: "{match}", en: "{match}"}, rationale: {nl: T, en: T}}\n'
    )


def main(sizes: list[int]) -> None:
    from memo_lint.pack_validation import validate_file

    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"bench-{size}.yaml"
            path.write_text(HEAD + "".join(_rule(n) for n in range(size)), "utf-8")
            validate_file(path)  # warm: schema validators built once per process
            best = min(_timed(validate_file, path) for _ in range(3))
            print(f"{size:>6} rules: {best:6.2f} s")


def _timed(function: Callable[[Path], tuple[list[str], list[str]]], path: Path) -> float:
    start = time.perf_counter()
    problems, _ = function(path)
    elapsed = time.perf_counter() - start
    assert problems == [], problems[:3]
    return elapsed


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000, 10000])
