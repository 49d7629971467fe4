"""``--jobs``: linting many memos in a process pool, in input order, each worker with its own
:class:`~memo_lint.linter.Linter`; a broken pool finishes in-process."""

from __future__ import annotations

import math
import os
import signal
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint.cache import Fingerprint, ResultCache, Store, cache_root
from memo_lint.cache import enabled as cache_enabled
from memo_lint.linter import Linter, LintOptions, Misses, PackRules
from memo_lint.report import FileReport

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


PARALLEL_THRESHOLD = 64  # below this many files a process pool costs more than it saves
# From this many memos, a child reads and hashes them ahead of the cache lookup (stored_many).
# It costs this process ~1.5 ms of CPU (the fork 0.6 ms, loading readahead's mmap and struct
# 0.9 ms) and saves it ~11 us a memo the child reads: from ~150 memos when the child reads
# them all; this many leaves room for a child that starts late (docs/speed.md, session 14).
HITS_THRESHOLD = 500


# Worker side of --jobs: each process builds its own Linter once.
_WORKER: Linter | None = None
_SENT: set[str] = set()  # the packs whose rules this worker has sent back


# Ctrl-C and SIGTERM stop a run; they are blocked while the pool forks its workers (below).
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
STOP_GRACE = 5.0  # seconds a stopped worker gets to die of SIGTERM before SIGKILL


def block_stop_signals() -> set[int | signal.Signals] | None:
    """Block Ctrl-C and SIGTERM; the previous mask, or None where there are no masks."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


def _init_worker(options: LintOptions, parent: int) -> None:
    """Build the worker's Linter; Ctrl-C is the parent's to handle (it stops the workers),
    SIGTERM (the parent stopping it) ends it silently, and a worker whose parent died
    (SIGKILL) exits instead of waiting for work forever."""
    import threading

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited
    if hasattr(signal, "pthread_sigmask"):  # blocked since the fork: now ignored or fatal
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    _WORKER = Linter(options, Store(cache_root()) if cache_enabled(options.use_cache) else None)


def _exit_when_orphaned(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _lint_in_worker(
    paths: list[str],
) -> list[tuple[FileReport, Fingerprint | None, PackRules | None]]:
    """A slice of memos' reports, each with its pack's rules the first time this worker used
    that pack (the parent's report needs them and should not load the pack again)."""
    assert _WORKER is not None
    linted = []
    for path in paths:
        report, seen = _WORKER.lint_checked(Path(path))
        reference = report.pack_ref or report.pack
        rules = None
        if reference not in _SENT:
            _SENT.add(reference)
            rules = _WORKER.pack_rules(reference)
        linted.append((report, seen, rules))
    return linted


def default_jobs() -> int:
    """Worker processes when ``--jobs`` is not given: one per CPU that is idle.

    Like ``make -l``: on a machine whose cores are already busy (the 1-minute load average), a
    pool only adds the cost of passing results between processes (bench/tiny.py: 9 % slower
    at a load of 18 on 2 cores), so the run stays in one process.
    """
    cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average on this platform
        busy = 0.0
    # A CPU only partly busy still helps: on 2 idle-ish cores (load 0.9) --jobs 2 linted
    # 50,000 tiny memos in 35 s against 59 s for one process.
    return max(1, min(cpus, math.ceil(cpus - busy)))


def lint_many(
    linter: Linter,
    memos: list[Path],
    progress: Callable[[int], None] | None,
    known: Misses | None = None,
) -> Generator[tuple[FileReport, Fingerprint | None], None, None]:
    """Each memo's report and what it depended on, in input order: in this process, or in a
    pool of ``--jobs`` workers (default: one per idle CPU) when there are many memos.
    ``known``: memos the cache lookup read here (:meth:`Linter.stored`), linted in this
    process from those bytes."""
    jobs = linter.options.jobs or (default_jobs() if len(memos) >= PARALLEL_THRESHOLD else 1)
    if jobs <= 1 or len(memos) < 2:
        for memo in memos:
            yield linter.lint_checked(memo, *(known or {}).pop(memo, (None, None)))
            if progress:
                progress(1)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Packs and configs are validated once here, so workers only read the cache.
    for memo in memos[:1]:
        linter.settings_for(memo, linter.config_for(memo))
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    pool = ProcessPoolExecutor(
        jobs, initializer=_init_worker, initargs=(linter.options, os.getpid())
    )
    try:
        chunk = max(1, min(64, len(memos) // (jobs * 8) or 1))
        # The first submit forks the workers. A signal in between would leave a worker the
        # pool does not know yet (_stop cannot end it, and the exit waits for it forever) or
        # run our handler in a child that is not set up: hold Ctrl-C and SIGTERM until the
        # pool has them all (a worker unblocks them once it ignores or dies of them).
        previous = block_stop_signals()
        # Slices submitted one by one, not through pool.map: map's iterator cancels the
        # futures left when it is interrupted, in this thread, while the pool's own thread
        # may be failing them because _stop ended the workers; the loser raised
        # InvalidStateError there (CPython gh-107219, unfixed in 3.11): a traceback, and
        # now and then a run that never ended. shutdown(cancel_futures=True) cancels them
        # in the pool's thread, one after the other.
        try:
            futures = [
                pool.submit(_lint_in_worker, [str(m) for m in memos[start : start + chunk]])
                for start in range(0, len(memos), chunk)
            ]
        finally:
            if previous is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        for future in futures:
            for report, seen, rules in future.result():
                done += 1
                linter.adopt(rules, report.pack_ref or report.pack)
                yield report, seen
                if progress:
                    progress(1)
    except BrokenProcessPool:
        # A worker died (a crash in a native library): finish here, one file at a time.
        for memo in memos[done:]:
            yield linter.lint_checked(memo)
            if progress:
                progress(1)
    finally:
        _stop(pool, finished=done == len(memos))


def stored_many(
    linter: Linter, results: ResultCache, memos: list[Path], misses: Misses | None = None
) -> Generator[FileReport | None, None, None]:
    """Each memo's stored report (:meth:`Linter.stored`; None: a miss), in input order; the
    misses read in this process go into ``misses`` (when given) with their bytes.

    For many memos and ``--jobs`` > 1 (default: one per idle CPU), a forked child reads and
    hashes the memos ahead of this process (:class:`memo_lint.readahead.Reader`), which looks
    each up from the child's digest, or reads it itself where the child is not yet there.
    Reading and hashing is most of what a hit costs; the entries, the folder entries and the
    reports stay here, where every report is built anyway. (Workers of a pool that looked
    memos up themselves decoded each folder entry again and sent every report back pickled:
    ``--jobs 2`` cost more CPU than ``--jobs 1``, and the pool's import alone ~20 ms.)
    """
    options = linter.options
    # Every report that keeps all text needs its memo's bytes here: nothing for a child.
    every_text = options.keep_text and options.keep_clean_text
    few = len(memos) < HITS_THRESHOLD  # (asked first: default_jobs reads the load average)
    if few or every_text or (options.jobs or default_jobs()) <= 1 or not _can_fork():
        for memo in memos:
            yield linter.stored(results, memo, misses)
        return
    from memo_lint.readahead import Reader

    previous = block_stop_signals()  # until the child has its own signal handling
    try:
        child = Reader(linter, memos, STOP_SIGNALS)
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    with child:
        for index, memo in enumerate(memos):
            yield linter.stored(results, memo, misses, child.take(index))


def _can_fork() -> bool:
    """A plain ``fork`` is safe: the system has it and no other thread runs here (a thread
    holding a lock at the fork would leave it held in the child for good)."""
    threading = sys.modules.get("threading")
    return hasattr(os, "fork") and (threading is None or threading.active_count() == 1)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down; when the run was interrupted (Ctrl-C, SIGTERM, an error), end the
    workers first: a plain shutdown would wait for every file still queued. The pool's own
    thread is waited for either way (it ends once its workers have): one left running races
    the interpreter's exit hook for the pool (EBADF tracebacks on Python 3.11)."""
    if not finished:
        # The executor has no public way to end its workers; its _processes is the only one.
        workers = list((getattr(pool, "_processes", None) or {}).values())
        for process in workers:
            process.terminate()
        for process in workers:
            process.join(STOP_GRACE)
            if process.is_alive():
                process.kill()
                process.join()
        # A worker ended while it wrote a result leaves part of it in the result pipe, and the
        # pool's thread waited for the rest forever (so shutdown and the interpreter's exit
        # did too). With every worker gone, closing this process's end of the pipe gives that
        # thread end-of-file instead: it then fails what is left and ends.
        writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
    pool.shutdown(wait=True, cancel_futures=True)
