"""Runs an audit: decide what needs linting, send batches to workers, store what comes back.

A document is skipped when the store already has a row for its path with the same run key
(memo-lint's version, the options, the installed packs), the same index metadata, the same
config file found for it with the same digest, pack files with the digests they had, the same
reference date if the memo states none, and the same content (same size and mtime, or
failing that the same SHA-256: the one the worker computed from the bytes it linted).
Everything else is linted in batches; each batch is written to the store as one partition as
soon as it comes back, so an interrupted audit resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint import __version__
from memo_lint.api import Linter, LintOptions, run_key
from memo_lint.audit import index as index_file
from memo_lint.audit.records import Job, Rows, Task, audit_batch, config_of
from memo_lint.audit.store import COMPACT_PARTS, Store
from memo_lint.cache import read_bounded
from memo_lint.packs import MAX_YAML_BYTES, file_digest
from memo_lint.reporters import shown_path

if TYPE_CHECKING:
    from concurrent.futures import Future

Progress = Callable[[int, int], None]  # (documents done, documents in the run)
Executor = Callable[[Iterable[list[Task]], Job], Iterator[Rows]]


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
    # Compact the store after the run: True always, None when it holds more than
    # store.COMPACT_PARTS partitions (every batch writes one), False never.
    compact: bool | None = None


@dataclass(slots=True)
class AuditRun:
    paths: list[str]  # the documents of this run, as the store names them
    linted: int
    skipped: int
    seconds: float
    compacted: int = 0  # partitions rewritten by compaction (0: none)


def run(
    paths: Sequence[str | Path],
    store: Store,
    options: AuditOptions,
    progress: Progress | None = None,
) -> AuditRun:
    """Audit the documents under ``paths`` into ``store`` (opened for writing)."""
    started = time.perf_counter()
    # One reference date for the run and its workers, as for check.
    lint = options.lint.replace(today=options.lint.today or dt.date.today())
    with _executor(options) as execute:  # a cluster starts while the documents are listed
        linter = Linter(lint)
        files = list(linter.discovery().files(paths))
        index = index_file.load(options.index) if options.index else {}
        key = hashlib.sha256(run_key(lint).encode()).hexdigest()[:32]
        if lint.pack:  # a pack error stops the audit here, before any batch is sent
            linter.pack(lint.pack)
        tasks = list(_pending(files, index, key, store, linter))
        total, skipped = len(files), len(files) - len(tasks)
        done = skipped
        if progress:
            progress(done, total)
        job = Job(lint, uuid.uuid4().hex)
        for rows in execute(_batches(tasks, options, linter), job):
            store.write(rows, {"run_key": key, "version": __version__})
            done += len(rows.documents)
            if progress:
                progress(done, total)
    compacted = 0
    if options.compact or (options.compact is None and len(store.parts()) > COMPACT_PARTS):
        compacted = store.compact()
    return AuditRun(
        [shown_path(str(f)) for f in files],
        len(tasks),
        skipped,
        time.perf_counter() - started,
        compacted,
    )


def _pending(
    files: list[Path],
    index: dict[Path, dict[str, str | None]],
    key: str,
    store: Store,
    linter: Linter,
) -> Iterator[Task]:
    """A task for each document whose stored row no longer holds (or that has none)."""
    today = linter.today.isoformat()
    digests: dict[str, str] = {}

    def digest(path: Path, limit: int) -> str:  # a memo's, as its row's sha256 column
        if str(path) not in digests:
            found = read_bounded(path, limit, follow=True)
            digests[str(path)] = hashlib.sha256(found[0]).hexdigest() if found else ""
        return digests[str(path)]

    packs_read: dict[str, str] = {}

    def pack_digest(path: Path) -> str:
        """A pack file's digest as a stored row's deps name it (``packs.file_digest``)."""
        if str(path) not in packs_read:
            found = read_bounded(path, MAX_YAML_BYTES, follow=True)
            packs_read[str(path)] = file_digest(found[0]) if found else ""
        return packs_read[str(path)]

    previous = stored(store, [shown_path(str(memo)) for memo in files], key, today, pack_digest)

    def holds(old: Stored, meta: dict[str, object], memo: Path) -> bool:
        sha, size, mtime_ns, meta_key, config = old
        return (
            meta_key == meta["meta_key"]
            and config == config_of(linter, memo) != "?"  # as the worker saw it
            and (
                (size, mtime_ns) == (meta.get("size"), meta.get("mtime_ns"))
                or (
                    bool(sha)  # "": unreadable, and skipped only while untouched
                    and digest(memo, linter.limits_for(linter.config_for(memo)).max_file_bytes)
                    == sha
                )
            )
        )

    for memo in files:
        name = shown_path(str(memo))  # the store's strings are UTF-8: a name that is not is escaped
        meta: dict[str, object] = {"path": name, "body": shown_path(memo.parent.name) or None}
        try:
            info = memo.stat()
            meta |= {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
            resolved = memo.resolve()
        except (OSError, RuntimeError):  # broken path: linted, so it gets its ML001 row
            resolved = memo
        meta |= index.get(resolved, {})
        described = {k: meta.get(k) for k in ("body", "doc_type", "source_url", "index_date")}
        meta["meta_key"] = hashlib.sha256(json.dumps(described).encode()).hexdigest()[:16]
        old = previous.get(name)
        if old is None or not holds(old, meta, memo.absolute()):
            yield Task(name, str(memo.absolute()), None, meta)


Stored = tuple[str, int | None, int | None, str, str | None]  # sha256, size, mtime, meta, config
SKIP_COLUMNS = ["path", "sha256", "size", "mtime_ns", "meta_key", "config"]


def stored(
    store: Store, paths: list[str], key: str, today: str, digest: Callable[[Path], str]
) -> dict[str, Stored]:
    """The stored rows of these paths that may still hold, by path: what the per-file check
    needs of them, nothing more.

    Only the columns the check reads are read, only the rows of these paths are kept as the
    files are scanned, and what most rows share (the run key, the reference date, the pack
    files and their digests) is compared column-wise: the pack files once per distinct list,
    not once per row. A path absent from the answer is linted.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    table = store.documents([*SKIP_COLUMNS, "run_key", "today", "deps"], paths)
    deps = pc.unique(table["deps"]).to_pylist()
    unchanged = [
        d
        for d in deps
        if d is not None
        and all(
            digest(Path(path)) == sha
            for path, _, sha in (line.partition("\t") for line in d.splitlines())
        )
    ]
    holds = pc.and_(
        pc.and_(
            pc.fill_null(pc.equal(table["run_key"], key), False),
            pc.is_in(table["deps"], value_set=pa.array(unchanged, pa.string())),
        ),
        pc.or_kleene(pc.is_null(table["today"]), pc.equal(table["today"], today)),
    )
    columns = [table.filter(holds)[name].to_pylist() for name in SKIP_COLUMNS]
    return {row[0]: row[1:] for row in zip(*columns, strict=True)}


def _batches(tasks: list[Task], options: AuditOptions, linter: Linter) -> Iterator[list[Task]]:
    """Batches of tasks; with ``send_bytes`` each document's bytes are read just before
    (within the size limit; a file that cannot be read is left to the worker, which reports
    it as ML001)."""
    for start in range(0, len(tasks), options.batch_size):
        batch = tasks[start : start + options.batch_size]
        if options.send_bytes:
            batch = [replace(task, data=_bytes(task, linter)) for task in batch]
        yield batch


def _bytes(task: Task, linter: Linter) -> bytes | None:
    memo = Path(task.location)
    try:
        limit = linter.limits_for(linter.config_for(memo)).max_file_bytes
    except OSError:  # a broken path: the worker reports it
        return None
    found = read_bounded(memo, limit, follow=True)
    return found[0] if found else None


def _executor(options: AuditOptions) -> AbstractContextManager[Executor]:
    """Where batches run, as a context (a Dask cluster is started on entry, closed on exit)."""
    if options.scheduler:
        from memo_lint.audit.distributed import DaskExecutor

        return DaskExecutor(options.scheduler)
    jobs = options.jobs or os.cpu_count() or 1
    return nullcontext(lambda batches, job: _local(batches, job, jobs))


def _local(batches: Iterable[list[Task]], job: Job, jobs: int) -> Iterator[Rows]:
    """Batches in a process pool, a few in flight per process, results as they finish."""
    if jobs <= 1:
        for batch in batches:
            yield audit_batch(batch, job)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    source = iter(batches)
    pending: dict[Future[Rows], list[Task]] = {}
    try:
        with ProcessPoolExecutor(jobs) as pool:
            for batch in source:
                pending[pool.submit(audit_batch, batch, job)] = batch
                while len(pending) >= jobs * 2:
                    yield from _finished(pending, wait(pending, return_when=FIRST_COMPLETED).done)
            while pending:
                yield from _finished(pending, wait(pending, return_when=FIRST_COMPLETED).done)
    except BrokenProcessPool:
        # A worker died (a crash in a native library): finish here, one batch at a time.
        for batch in [*pending.values(), *source]:
            yield audit_batch(batch, job)


def _finished(pending: dict[Future[Rows], list[Task]], done: set[Future[Rows]]) -> Iterator[Rows]:
    for future in done:
        rows = future.result()
        del pending[future]
        yield rows
