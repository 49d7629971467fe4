"""Runs an audit: decide what needs linting, send batches to workers, store what comes back.

A document is skipped when the store already has a row for its path with the same run key
(memo-lint's version and the options), the same index metadata, pack and config files that
still have the digests they had, and the same content (same size and mtime, or failing that
the same SHA-256). Everything else is linted in batches; each batch is written to the store
as one partition as soon as it comes back, so an interrupted audit resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint import __version__
from memo_lint.api import Linter, LintOptions, iter_memo_files, run_key
from memo_lint.audit import index as index_file
from memo_lint.audit.records import Rows, Task, audit_batch
from memo_lint.audit.store import Store
from memo_lint.cache import ResultCache

if TYPE_CHECKING:
    from concurrent.futures import Future

Progress = Callable[[int, int], None]  # (documents done, documents in the run)
Executor = Callable[[Iterable[list[Task]], LintOptions], Iterator[Rows]]


@dataclass(frozen=True, slots=True)
class AuditOptions:
    # Audits lint thousands of documents once: no per-memo text, no .memo-lint-cache results
    # (the store is the audit's cache).
    lint: LintOptions = field(default_factory=lambda: LintOptions(use_cache=False, keep_text=False))
    index: Path | None = None
    jobs: int | None = None  # local processes; None: the CPU count
    scheduler: str | None = None  # a Dask scheduler address, or local:N
    send_bytes: bool = False  # workers get the bytes instead of reading the path
    batch_size: int = 100


@dataclass(slots=True)
class AuditRun:
    paths: list[str]  # the documents of this run, as the store names them
    linted: int
    skipped: int
    seconds: float


def run(
    paths: Sequence[str | Path],
    store: Store,
    options: AuditOptions,
    progress: Progress | None = None,
) -> AuditRun:
    """Audit the documents under ``paths`` into ``store`` (opened for writing)."""
    started = time.perf_counter()
    files = list(iter_memo_files(paths, options.lint))
    index = index_file.load(options.index) if options.index else {}
    key = hashlib.sha256(run_key(options.lint).encode()).hexdigest()[:32]
    if files:  # pack and config errors stop the audit here, before any worker starts
        linter = Linter(options.lint)
        linter.config_for(files[0])
        if options.lint.pack:
            linter.pack(options.lint.pack)
    tasks = list(_pending(files, index, key, store))
    total, skipped = len(files), len(files) - len(tasks)
    done = skipped
    if progress:
        progress(done, total)
    batches = _batches(tasks, options)
    executor = _executor(options)
    for rows in executor(batches, options.lint):
        store.write(rows, {"run_key": key, "version": __version__})
        done += len(rows.documents)
        if progress:
            progress(done, total)
    return AuditRun([str(f) for f in files], len(tasks), skipped, time.perf_counter() - started)


def _pending(
    files: list[Path], index: dict[Path, dict[str, str | None]], key: str, store: Store
) -> Iterator[Task]:
    columns = ["path", "sha256", "size", "mtime_ns", "run_key", "meta_key", "deps"]
    previous = {row["path"]: row for row in store.documents(columns).to_pylist()}
    digests: dict[str, str] = {}

    def unchanged(deps: str) -> bool:
        for line in deps.splitlines():
            path, _, digest = line.partition("\t")
            if path not in digests:
                digests[path] = ResultCache.digest_file(Path(path))
            if digests[path] != digest:
                return False
        return True

    for memo in files:
        meta: dict[str, object] = {"path": str(memo), "body": memo.parent.name or None}
        try:
            info = memo.stat()
            meta |= {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
            resolved = memo.resolve()
        except (OSError, RuntimeError):  # broken path: linted, so it gets its ML001 row
            resolved = memo
        meta |= index.get(resolved, {})
        meta["meta_key"] = hashlib.sha256(
            json.dumps(
                {k: meta.get(k) for k in ("body", "doc_type", "source_url", "index_date")}
            ).encode()
        ).hexdigest()[:16]
        old = previous.get(str(memo))
        if (
            old is not None
            and old["run_key"] == key
            and old["meta_key"] == meta["meta_key"]
            and "size" in meta
            and unchanged(old["deps"] or "")
            and (
                (old["size"], old["mtime_ns"]) == (meta["size"], meta["mtime_ns"])
                or (old["sha256"] and ResultCache.digest_file(memo) == old["sha256"])
            )
        ):
            continue
        yield Task(str(memo), str(memo.absolute()), None, meta)


def _batches(tasks: list[Task], options: AuditOptions) -> Iterator[list[Task]]:
    """Batches of tasks; with ``send_bytes`` each document's bytes are read just before."""
    for start in range(0, len(tasks), options.batch_size):
        batch = tasks[start : start + options.batch_size]
        if options.send_bytes:
            batch = [
                Task(t.path, t.location, _read_or_none(t.location, options.lint), t.meta)
                for t in batch
            ]
        yield batch


def _read_or_none(path: str, lint: LintOptions) -> bytes | None:
    from memo_lint.errors import UnreadableFile

    try:
        return Linter(lint).read(Path(path))
    except UnreadableFile:
        return None  # the worker tries the path and reports why it cannot be read


def _executor(options: AuditOptions) -> Executor:
    if options.scheduler:
        from memo_lint.audit.distributed import dask_executor

        return dask_executor(options.scheduler)
    jobs = options.jobs or os.cpu_count() or 1
    return lambda batches, lint: _local(batches, lint, jobs)


def _local(batches: Iterable[list[Task]], lint: LintOptions, jobs: int) -> Iterator[Rows]:
    """Batches in a process pool, a few in flight per process, results as they finish."""
    if jobs <= 1:
        for batch in batches:
            yield audit_batch(batch, lint)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    source = iter(batches)
    pending: dict[Future[Rows], list[Task]] = {}
    try:
        with ProcessPoolExecutor(jobs) as pool:
            for batch in source:
                pending[pool.submit(audit_batch, batch, lint)] = batch
                while len(pending) >= jobs * 2:
                    yield from _finished(pending, wait(pending, return_when=FIRST_COMPLETED).done)
            while pending:
                yield from _finished(pending, wait(pending, return_when=FIRST_COMPLETED).done)
    except BrokenProcessPool:
        # A worker died (a crash in a native library): finish here, one batch at a time.
        for batch in [*pending.values(), *source]:
            yield audit_batch(batch, lint)


def _finished(pending: dict[Future[Rows], list[Task]], done: set[Future[Rows]]) -> Iterator[Rows]:
    for future in done:
        rows = future.result()
        del pending[future]
        yield rows
