"""Compaction: the store rewritten as few partitions answers every query as before."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memo_lint.audit import runner, summary
from memo_lint.audit.records import Rows
from memo_lint.audit.store import Store
from memo_lint.cli import main

PATHS = [f"archief/{body}/{n}.txt" for body in ("almere", "zwolle") for n in range(4)]
CODES = ["ML101", "ML201", "ML301", "ML601"]

finding = st.tuples(st.sampled_from(CODES), st.integers(1, 40))
document = st.tuples(
    st.sampled_from(PATHS),
    st.booleans(),  # a memo, else a motie (no findings)
    st.lists(finding, max_size=3),
    st.sampled_from([None, "2024-03-01", "2025-11-30"]),
)
batches = st.lists(
    st.lists(document, min_size=1, max_size=4, unique_by=lambda d: d[0]), min_size=1, max_size=6
)


def write(store: Store, batch: list[tuple[str, bool, list[tuple[str, int]], str | None]]) -> None:
    rows = Rows()
    for path, memo, found, day in batch:
        found = found if memo else []
        rows.documents.append(
            {
                "path": path,
                "sha256": f"{hash((path, tuple(found))) & 0xFFFF:064x}",
                "body": path.split("/")[1],
                "kind": "raadsvoorstel" if memo else "motie",
                "memo": memo,
                "memo_date": day,
                "errors": len(found),
                "warnings": 0,
                "infos": 0,
                "reader_warnings": [],
            }
        )
        rows.findings += [
            {"path": path, "code": code, "rule": code.lower(), "severity": "error", "line": line}
            for code, line in found
        ]
    store.write(rows, {"run_key": "k", "version": "0"})


def answers(store: Store) -> tuple[pa.Table, list[tuple[object, ...]], str]:
    """Each path's current row, its findings, and the summary: all but the part names."""
    documents = store.documents()
    findings = store.findings(documents).drop_columns(["part"]).to_pylist()
    return (
        documents.drop_columns(["part"]),
        sorted(tuple(sorted(f.items(), key=str)) for f in findings),
        summary.to_json(summary.build(store, PATHS)),
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches, st.integers(1, 5))
def test_a_compacted_store_answers_the_same_queries(
    runs: list[list[tuple[str, bool, list[tuple[str, int]], str | None]]], rows_per_part: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        with store.open_for_writing():
            for batch in runs:
                write(store, batch)
            before, parts = answers(store), len(store.parts())
            store.compact(rows_per_part)
            assert answers(store) == before
            current = before[0].num_rows
            # one partition is left as it is; else ceil(current rows / rows_per_part)
            assert len(store.parts()) == (1 if parts == 1 else -(-current // rows_per_part))
            # later writes still win over the compacted rows
            write(store, [(PATHS[0], True, [("ML999", 1)], None)])
            rows = store.documents().to_pylist()
            assert next(r for r in rows if r["path"] == PATHS[0])["errors"] == 1
            store.compact()
            assert len(store.parts()) == 1
            codes = store.findings(store.documents(paths=[PATHS[0]]))["code"].to_pylist()
            assert codes == ["ML999"]


def test_compaction_drops_findings_no_partition_refers_to(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.open_for_writing():
        write(store, [(PATHS[0], True, [("ML101", 3)], None)])
        write(store, [(PATHS[1], True, [], None)])
        (tmp_path / "findings" / "part-0-crashed.parquet").write_bytes(
            (tmp_path / "findings" / f"part-{store.parts()[0]}.parquet").read_bytes()
        )
        assert store.compact() == 2
    assert [p.name for p in (tmp_path / "findings").iterdir()] == [
        f"part-{store.parts()[0]}.parquet"
    ]
    assert store.compact() == 0  # one partition, nothing stray: left as it is


def test_audit_compacts_past_the_threshold_or_when_asked(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = runner.AuditOptions(jobs=1, batch_size=2)
    with Store(Path("store")).open_for_writing() as store:
        first = runner.run([archive], store, options)
    assert first.compacted == 0 and len(Store(Path("store")).parts()) == 5
    before = summary.to_json(summary.build(Store(Path("store")), first.paths))
    monkeypatch.setattr(runner, "COMPACT_PARTS", 4)
    with Store(Path("store")).open_for_writing() as store:
        again = runner.run([archive], store, options)
    assert again.compacted == 5 and len(Store(Path("store")).parts()) == 1
    assert summary.to_json(summary.build(Store(Path("store")), again.paths)) == before
    memo = archive / "zwolle" / "ML301-no-publicity.txt"
    memo.write_text(memo.read_text("utf-8") + "\n", "utf-8")  # one more partition
    result = CliRunner().invoke(
        main, ["audit", str(archive), "--store", "store", "-j", "1", "--compact"]
    )
    assert result.exit_code == 0, result.output
    assert "1 linted" in result.stderr and "compacted: 2 partitions rewritten" in result.stderr
    assert len(Store(Path("store")).parts()) == 1
