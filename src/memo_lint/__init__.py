"""memo-lint: a linter for Dutch municipal decision memos.

The library API is ``lint_paths``, ``lint_text`` and ``recognise`` (what a document is: kind,
template, confidence, reason); the CLI is a thin shell over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from memo_lint.regex import prime

__version__ = "0.3.0"

prime()  # the regular expressions memo-lint compiles, compiled ahead of time (memo_lint.regex)

if TYPE_CHECKING:
    from memo_lint.api import lint_paths, lint_text, recognise

__all__ = ["__version__", "lint_paths", "lint_text", "recognise"]


def __getattr__(name: str) -> Any:
    # Lazy: `import memo_lint` must stay cheap for the pre-commit hook's start-up.
    if name in ("lint_paths", "lint_text", "recognise"):
        from memo_lint import api

        return getattr(api, name)
    raise AttributeError(name)
