"""The library API the CLI is a shell over: ``lint_paths`` and ``lint_text``.

from memo_lint import lint_paths
report = lint_paths(["memos/"])
for violation in report.violations: ...

The linter itself is :mod:`memo_lint.linter`, the process pool :mod:`memo_lint.parallel`,
baselines :mod:`memo_lint.baseline`; their public names are importable from here too.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint import __version__, packs
from memo_lint.baseline import MARKDOWN_SUFFIXES, Baseline, add_suppressions
from memo_lint.cache import ResultCache, Store, cache_root
from memo_lint.cache import enabled as cache_enabled
from memo_lint.errors import PackError
from memo_lint.linter import Linter, LintOptions, Misses, extend_selection, rule_info
from memo_lint.model import Violation
from memo_lint.parallel import PARALLEL_THRESHOLD, default_jobs, lint_many, stored_many
from memo_lint.readers import read_source
from memo_lint.report import FileReport, LintReport
from memo_lint.spool import Spool

if TYPE_CHECKING:
    from memo_lint.recognition import Recognition

__all__ = [
    "MARKDOWN_SUFFIXES",
    "PARALLEL_THRESHOLD",
    "Baseline",
    "LintOptions",
    "Linter",
    "add_suppressions",
    "default_jobs",
    "extend_selection",
    "iter_memo_files",
    "lint_paths",
    "lint_text",
    "recognise",
    "rule_info",
    "run_key",
]


def iter_memo_files(
    paths: Sequence[str | Path], options: LintOptions | None = None
) -> Iterator[Path]:
    """The files a run over ``paths`` checks (see :mod:`memo_lint.discovery`)."""
    linter = Linter(options or LintOptions())
    yield from linter.discovery().files(paths)


def run_key(options: LintOptions, chains: packs.Chains | None = None) -> str:
    """Everything of a run that a result depends on besides the memo, config, packs and date;
    ``chains``: the built-in packs as the run read them (:meth:`Linter.builtin_chains`)."""
    return "\0".join(
        [
            __version__,
            str(options.pack),
            ",".join(options.select),
            ",".join(options.ignore),
            ",".join(options.extend_select),
            ",".join(options.extend_ignore),
            str(options.lang),
            str(options.config.resolve() if options.config else None),
            repr(options.limits),
            packs.builtin_signature(packs.builtin_chains() if chains is None else chains),
        ]
    )


def lint_paths(
    paths: Sequence[str | Path],
    options: LintOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> LintReport:
    """Lint files and folders; a file that cannot be read becomes ML001, never an exception.

    Results come from the per-user cache (:mod:`memo_lint.cache`) when a fresh run would give
    the same; with many files the misses are linted in a process pool, in input order.
    """
    options = options or LintOptions()
    # One reference date for the run and its workers, whatever the clock does meanwhile.
    options = options.replace(today=options.today or dt.date.today())
    store = Store(cache_root()) if cache_enabled(options.use_cache) else None
    linter = Linter(options, store)
    memos = list(linter.discovery().files(paths))
    results = _results(store, options, linter) if store else None
    reports: list[FileReport | None] = [None] * len(memos)
    misses: list[int] = []
    # A few memos: each miss is linted from the bytes its lookup read and hashed. Many: their
    # bytes would all be held until the lint (and workers read their own).
    read: Misses | None = {} if len(memos) < PARALLEL_THRESHOLD else None
    keep = _Keeper()
    if results:
        results.batch(memos)
    with closing(stored_many(linter, results, memos, read) if results else _none(memos)) as found:
        # Reports from the cache live until the end of the run and hold no cycles: the
        # collector's passes over them (~10 % of a re-run of 10,000 memos) find nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for index, hit in enumerate(found):
                if hit is not None:
                    reports[index] = keep(hit)
                    if progress:
                        progress(1)
                else:
                    misses.append(index)
        finally:
            if collecting:
                gc.enable()
    # closing(): an interruption (Ctrl-C, SIGTERM) stops the worker processes at once.
    with closing(lint_many(linter, [memos[i] for i in misses], progress, read)) as linted:
        for index, (report, seen) in zip(misses, linted, strict=True):
            if results and seen is not None:
                results.put(memos[index], str(memos[index]), report.to_dict(), seen)
            reports[index] = keep(report)
    if results:
        results.write_folders(memos)
    if store and misses:
        store.prune()
    done = [r for r in reports if r is not None]
    return linter.report(done)


def _results(store: Store, options: LintOptions, linter: Linter) -> ResultCache | None:
    """The run's result cache, keyed by the built-in packs as the run reads them; None when
    one of them cannot be read (a damaged installation): the run goes on as with
    ``--no-cache``, and says so only where it uses that pack, as a fresh run does."""
    try:
        chains = linter.builtin_chains()
    except PackError:
        return None
    return ResultCache(store, run_key(options, chains))


def _none(memos: list[Path]) -> Generator[FileReport | None, None, None]:
    """No stored result for any memo (the cache is off)."""
    for _ in memos:
        yield None


class _Keeper:
    """What the run keeps of each memo's report until the reporters run, made small (issue 15):
    the text goes to a :class:`~memo_lint.spool.Spool` on disk, and the list of rules checked,
    the same for most memos (but a new copy from every worker), is kept once."""

    def __init__(self) -> None:
        self.spool = Spool()
        self.checked: dict[tuple[str, ...], list[str]] = {}
        # The lists kept, by id (each stays alive in ``checked``, so its id is its own): the
        # hits of a folder entry's shape share one, told without a tuple of ~40 codes each.
        self.kept: dict[int, list[str]] = {}

    def __call__(self, report: FileReport) -> FileReport:
        report.lines = self.spool.keep(report.lines)
        checked = report.rules_checked
        if self.kept.get(id(checked)) is not checked:
            checked = self.checked.setdefault(tuple(checked), checked)
            self.kept[id(checked)] = checked
            report.rules_checked = checked
        return report


def recognise(
    text: str | bytes, path: str = "memo.txt", options: LintOptions | None = None
) -> Recognition:
    """What a document is: its kind, template, confidence and the reason (no rules run).

    ``path`` picks the reader by suffix (give bytes for .docx/.pdf); ``options.pack``
    forces a pack, as in ``check``. Raises :class:`UnreadableFile` when it cannot be read.
    """
    linter = Linter(options or LintOptions())
    data = text.encode("utf-8") if isinstance(text, str) else text
    memo = Path(path)
    source = read_source(path, data, linter.limits_for(linter.config_for(memo)))
    return linter.plan(memo, source).recognition


def lint_text(
    text: str, path: str = "memo.md", options: LintOptions | None = None
) -> list[Violation]:
    """Lint a memo given as text; ``path`` only picks the reader (by suffix) and the config."""
    linter = Linter(options or LintOptions())
    return linter.lint_bytes(path, text.encode("utf-8"), Path(path)).violations
