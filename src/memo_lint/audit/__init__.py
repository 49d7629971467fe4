"""``memo-lint audit``: lint a whole archive into a columnar results store and report on it.

Needs the ``audit`` extra (pyarrow; matplotlib for the HTML report); ``dask`` adds the Dask
scheduler. Modules: :mod:`~memo_lint.audit.records` (worker side, no pyarrow),
:mod:`~memo_lint.audit.store` (Parquet partitions), :mod:`~memo_lint.audit.runner` (what to
lint, where), :mod:`~memo_lint.audit.summary` and :mod:`~memo_lint.audit.page` (reports).
"""

from __future__ import annotations

from memo_lint.errors import MemoLintError, Phrase


class MissingExtra(MemoLintError):
    """An optional dependency of the audit is not installed: exit 2 with the install line."""


def require(module: str, extra: str) -> None:
    """Import ``module`` now, or say which extra brings it."""
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            Phrase("audit.missing-extra", module=module.split(".")[0], extra=extra)
        ) from None
