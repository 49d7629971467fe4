"""Which pack checks a memo: the memo's own declaration (front matter ``type:``).

The whole order (``--pack``; front matter; config; recognition of the memo's kind and
template) is :meth:`memo_lint.linter.Linter.choose`; recognition is :mod:`memo_lint.recognition`.
"""

from __future__ import annotations

from memo_lint.model import Source


def front_matter_type(source: Source) -> str | None:
    value = source.front_matter.get("type")
    return str(value).strip() if value else None
