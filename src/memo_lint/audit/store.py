"""The results store: Parquet partitions, one per batch, written atomically as batches finish.

Layout of a store folder::

    store.json                       format version (a store of another format is refused)
    documents/part-<id>.parquet      one row per document
    findings/part-<id>.parquet       one row per finding

A batch's findings file is written first and its documents file last, each through a temp
file (a leading ``.``, which Arrow's dataset discovery skips) and a rename: a partition
exists once its documents file does, so an interrupted run leaves only whole partitions
and findings files that nothing refers to. Part ids sort in the order they were written; a
path audited again gets a new row in a later part and the latest row wins. Any Parquet
reader (pandas, DuckDB, Polars, Spark) reads the two folders as tables.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from memo_lint.errors import MemoLintError, Phrase
from memo_lint.writes import replace_atomically

if TYPE_CHECKING:
    from memo_lint.audit.records import Rows

COMPACT_PARTS = 200  # an audit that leaves more partitions than this compacts the store
COMPACT_ROWS = 500_000  # documents per compacted partition
FORMAT = 2  # 2: recognition (memo, confidence, pack), reader warnings

DOCUMENTS = pa.schema(
    [
        ("part", pa.string()),
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("run_key", pa.string()),
        ("meta_key", pa.string()),
        ("deps", pa.string()),
        ("config", pa.string()),
        ("today", pa.string()),
        ("version", pa.string()),
        ("body", pa.string()),
        ("doc_type", pa.string()),
        ("source_url", pa.string()),
        ("kind", pa.string()),
        ("memo", pa.bool_()),
        ("template", pa.string()),
        ("confidence", pa.float64()),
        ("pack", pa.string()),
        ("pack_reason", pa.string()),
        ("memo_date", pa.date32()),
        ("errors", pa.int32()),
        ("warnings", pa.int32()),
        ("infos", pa.int32()),
        ("read_error", pa.string()),
        ("reader_warnings", pa.list_(pa.string())),
    ]
)

FINDINGS = pa.schema(
    [
        ("part", pa.string()),
        ("path", pa.string()),
        ("code", pa.string()),
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("end_line", pa.int32()),
        ("end_column", pa.int32()),
        ("page", pa.int32()),
        ("message", pa.string()),
    ]
)


class StoreError(MemoLintError):
    """The store folder cannot be used (another format, another audit writing it)."""


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._sequence = 0
        self._run = f"{time.time_ns():020d}-{os.getpid()}"

    @contextmanager
    def open_for_writing(self) -> Iterator[Store]:
        """Create or check the folder and hold its lock: one writer per store."""
        import fcntl

        try:
            self.root.mkdir(parents=True, exist_ok=True)
            marker = self.root / "store.json"
            if marker.exists():
                found = json.loads(marker.read_text("utf-8")).get("format")
                if found != FORMAT:
                    raise StoreError(
                        Phrase("audit.store-format", root=self.root, found=found, format=FORMAT)
                    )
            else:
                replace_atomically(marker, json.dumps({"format": FORMAT}).encode(), None)
            for folder in ("documents", "findings"):
                (self.root / folder).mkdir(exist_ok=True)
            lock = (self.root / ".lock").open("w")
        except (OSError, ValueError) as error:
            raise StoreError(Phrase("audit.store-unusable", root=self.root, error=error)) from None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            raise StoreError(Phrase("audit.store-busy", root=self.root)) from None
        try:
            yield self
        finally:
            lock.close()

    def parts(self) -> list[str]:
        """Ids of the whole partitions, oldest first."""
        folder = self.root / "documents"
        if not folder.is_dir():
            return []
        return sorted(p.name[5:-8] for p in folder.glob("part-*.parquet"))

    def write(self, rows: Rows, constants: dict[str, str]) -> str:
        """Write one batch as a new partition; returns its id."""
        self._sequence += 1
        part = f"{self._run}-{self._sequence:06d}"
        findings = [row | {"part": part} for row in rows.findings]
        documents = [row | constants | {"part": part} for row in rows.documents]
        for row in documents:
            date = row.get("memo_date")
            row["memo_date"] = _date(date) if isinstance(date, str) else None
        self._write_table(pa.Table.from_pylist(findings, FINDINGS), "findings", part)
        self._write_table(pa.Table.from_pylist(documents, DOCUMENTS), "documents", part)
        return part

    def _write_table(self, table: pa.Table, folder: str, part: str) -> None:
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        replace_atomically(
            self.root / folder / f"part-{part}.parquet", sink.getvalue().to_pybytes(), None
        )

    def documents(
        self, columns: Sequence[str] | None = None, paths: Sequence[str] | None = None
    ) -> pa.Table:
        """The latest row of every path in the store (of ``paths`` only, when given).

        Only ``columns`` (and ``path`` and ``part``) are read from the files, and with
        ``paths`` only the rows of those paths are kept as the files are read (a filter
        pushed into the Parquet scan), so the skip check of a large store never holds the
        whole table in memory.
        """
        parts = self.parts()
        if not parts:
            return DOCUMENTS.empty_table() if columns is None else _select(DOCUMENTS, columns)
        wanted = None if columns is None else sorted({*columns, "path", "part"})
        table = pq.read_table(
            [self.root / "documents" / f"part-{p}.parquet" for p in parts],
            columns=wanted,
            schema=DOCUMENTS,
            filters=None if paths is None else pc.field("path").isin(list(paths)),
        )
        current = _latest(table)
        return current if columns is None else current.select(list(columns))

    def compact(self, rows_per_part: int = COMPACT_ROWS) -> int:
        """Rewrite the store as few partitions: the current row of each path and its findings,
        ``rows_per_part`` documents a partition, paths in order. Returns the partitions
        removed.

        Every query answers as before (the summary, each path's current row and findings;
        only ``part`` names differ). Old rows a later audit replaced, and findings files a
        crashed run left without their documents file, are dropped. Safe to interrupt: the
        new partitions are written before any old one is removed and sort after them, and
        their rows equal the rows they replace.
        """
        old = self.parts()
        stray = {p.name[5:-8] for p in (self.root / "findings").glob("part-*.parquet")}
        if len(old) <= 1 and stray <= set(old):
            return 0
        current = self.documents()
        findings = self.findings(current)
        self._run = f"{time.time_ns():020d}-{os.getpid()}"  # after every part read above
        for start in range(0, current.num_rows, rows_per_part):
            chunk = current.slice(start, rows_per_part)
            self._sequence += 1
            part = f"{self._run}-{self._sequence:06d}"
            found = is_in(findings, "path", chunk["path"].to_pylist())
            for table, folder, schema in (
                (found, "findings", FINDINGS),
                (chunk, "documents", DOCUMENTS),
            ):
                named = table.set_column(
                    table.schema.get_field_index("part"),
                    "part",
                    pa.array([part] * len(table), pa.string()),
                )
                self._write_table(named.select(schema.names).cast(schema), folder, part)
        self._run = f"{time.time_ns():020d}-{os.getpid()}"  # later writes sort after these
        for part in old:  # a partition is gone once its documents file is
            (self.root / "documents" / f"part-{part}.parquet").unlink()
        for part in stray | set(old):
            (self.root / "findings" / f"part-{part}.parquet").unlink(missing_ok=True)
        return len(old)

    def findings(self, documents: pa.Table) -> pa.Table:
        """The findings of these document rows (by their part and path)."""
        parts = sorted(set(documents.column("part").to_pylist()))
        if not parts:
            return FINDINGS.empty_table()
        table = pq.read_table(
            [self.root / "findings" / f"part-{p}.parquet" for p in parts], schema=FINDINGS
        )
        keys = documents.select(["path", "part"])
        return table.join(keys, ["path", "part"], join_type="inner", use_threads=False)


def _latest(table: pa.Table) -> pa.Table:
    """The row of the newest part for each path (rows sorted by path)."""
    table = table.sort_by([("path", "ascending"), ("part", "ascending")])
    if table.num_rows < 2:
        return table
    paths = table.column("path").combine_chunks()
    last = pc.not_equal(paths.slice(0, len(paths) - 1), paths.slice(1))
    return table.filter(pa.concat_arrays([last, pa.array([True])]))


def _select(schema: pa.Schema, columns: Sequence[str]) -> pa.Table:
    return pa.schema([schema.field(c) for c in columns]).empty_table()


def _date(value: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_in(table: pa.Table, column: str, values: Sequence[str]) -> pa.Table:
    """Rows whose ``column`` is one of ``values``."""
    return table.filter(pc.is_in(table.column(column), value_set=pa.array(values, pa.string())))
