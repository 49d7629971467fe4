"""The store and the local run: rows per document and finding, skipping, resuming."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from memo_lint import recognise
from memo_lint.api import LintOptions, lint_paths
from memo_lint.audit import records, runner, summary
from memo_lint.audit.store import Store, StoreError
from pdf_writer import pdf_from_objects

OPTIONS = runner.AuditOptions(jobs=1, batch_size=3)


def audit(archive: Path, store: Path, options: runner.AuditOptions = OPTIONS) -> runner.AuditRun:
    with Store(store).open_for_writing() as opened:
        return runner.run([archive], opened, options)


def test_one_row_per_document_and_per_finding_as_check_reports_them(archive: Path) -> None:
    result = audit(archive, Path("store"))
    checked = lint_paths([archive], LintOptions(use_cache=False, keep_text=False))
    assert result.linted == len(checked.files) == 9
    documents = Store(Path("store")).documents()
    assert sorted(documents["path"].to_pylist()) == sorted(f.path for f in checked.files)
    found = Store(Path("store")).findings(documents).to_pylist()
    expected = sorted(
        (v.path, v.code, v.span.line, v.span.column)
        for f in checked.files
        if f.memo
        for v in f.violations
    )
    assert sorted((f["path"], f["code"], f["line"], f["column"]) for f in found) == expected
    rows = {row["path"]: row for row in documents.to_pylist()}
    seed = rows[str(archive / "zwolle" / "zwolle-beslisnota-citydeal.txt")]
    assert (seed["errors"], seed["template"], seed["body"]) == (0, "zwolle-beslisnota", "zwolle")
    assert str(rows[str(archive / "zwolle" / "dated.md")]["memo_date"]) == "2024-03-01"
    assert len(seed["sha256"]) == 64 and seed["read_error"] is None
    broken = rows[str(archive / "zwolle" / "ML301-no-publicity.txt")]
    assert broken["errors"] == 2 and broken["kind"] == "collegevoorstel"


def test_a_non_memo_is_a_row_of_its_recognised_kind_without_memo_findings(
    archive: Path,
) -> None:
    audit(archive, Path("store"))
    store = Store(Path("store"))
    documents = store.documents()
    rows = {row["path"]: row for row in documents.to_pylist()}
    motion = rows[str(archive / "denhaag" / "motie.txt")]
    recognised = recognise((archive / "denhaag" / "motie.txt").read_bytes(), "motie.txt")
    assert (recognised.kind, recognised.memo) == ("motie", False)
    assert (motion["kind"], motion["memo"], motion["template"]) == ("motie", False, None)
    assert motion["confidence"] == recognised.confidence
    assert (motion["errors"], motion["warnings"], motion["infos"]) == (0, 0, 0)
    assert (
        str(archive / "denhaag" / "motie.txt") not in store.findings(documents)["path"].to_pylist()
    )
    seed = rows[str(archive / "zwolle" / "zwolle-beslisnota-citydeal.txt")]
    assert (seed["kind"], seed["memo"], seed["template"]) == (
        "collegevoorstel",
        True,
        "zwolle-beslisnota",
    )
    counted = summary.build(store, [str(p) for p in rows])
    assert (counted["memos"], counted["non_memos"], counted["unreadable"]) == (6, 1, 2)
    assert counted["kinds"] == {"collegevoorstel": 6, "motie": 1, "unreadable": 2}
    # rates and findings are the memos': the motion adds a document, not a compliant memo
    ml301 = next(r for r in counted["per_rule"] if r["code"] == "ML301")
    assert ml301["share"] == round(1 / 6, 4)
    denhaag = next(r for r in counted["per_body"] if r["body"] == "denhaag")
    assert (denhaag["documents"], denhaag["memos"], denhaag["errors"]) == (1, 0, 0)
    assert "ML003" not in {r["code"] for r in counted["per_rule"]}
    assert {r["template"] for r in counted["per_template"]} == {
        "collegevoorstel",
        "zwolle-beslisnota",
    }


def test_a_corrupt_or_binary_file_is_a_row_with_its_ml001_reason(archive: Path) -> None:
    audit(archive, Path("store"))
    rows = {row["path"]: row for row in Store(Path("store")).documents().to_pylist()}
    for name in ("corrupt.docx", "binary.txt"):
        row = rows[str(archive / "zwolle" / name)]
        assert row["kind"] == records.UNREADABLE
        assert row["read_error"] and row["errors"] == 1, row


def test_unchanged_documents_are_skipped_and_a_changed_one_is_linted_again(archive: Path) -> None:
    audit(archive, Path("store"))
    again = audit(archive, Path("store"))
    assert (again.linted, again.skipped) == (0, 9)
    memo = archive / "zwolle" / "ML301-no-publicity.txt"
    memo.write_text(memo.read_text("utf-8").replace("Openbaarheid", "Openbaar heid"), "utf-8")
    third = audit(archive, Path("store"))
    assert (third.linted, third.skipped) == (1, 8)
    store = Store(Path("store"))
    documents = store.documents()
    assert documents.num_rows == 9  # the new row replaces the old one
    latest = [f for f in store.findings(documents).to_pylist() if f["path"] == str(memo)]
    assert {f["code"] for f in latest} != {"ML102", "ML301"}


def test_other_options_or_index_metadata_lint_again(archive: Path, tmp_path: Path) -> None:
    audit(archive, Path("store"))
    selected = runner.AuditOptions(
        lint=LintOptions(select=("ML3",), use_cache=False, keep_text=False), jobs=1
    )
    assert audit(archive, Path("store"), selected).linted == 9
    index = tmp_path / "index.csv"
    index.write_text("path,body\narchive/denhaag/motie.txt,Den Haag\n", "utf-8")
    with_index = runner.AuditOptions(lint=selected.lint, index=index, jobs=1)
    assert audit(archive, Path("store"), with_index).linted == 1


def test_a_touched_but_unchanged_file_is_recognised_by_its_hash(archive: Path) -> None:
    audit(archive, Path("store"))
    memo = archive / "zwolle" / "ML301-no-publicity.txt"
    memo.write_bytes(memo.read_bytes())  # new mtime, same content
    assert audit(archive, Path("store")).linted == 0


def test_an_interrupted_audit_keeps_whole_batches_and_resumes(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = runner.audit_batch

    def interrupted(batch: list[records.Task], job: records.Job) -> records.Rows:
        calls.append(len(batch))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(batch, job)

    monkeypatch.setattr(runner, "audit_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        audit(archive, Path("store"))
    store = Store(Path("store"))
    assert len(store.parts()) == 1 and store.documents().num_rows == 3
    # a crash between a batch's two files leaves findings nothing refers to
    (Path("store") / "findings" / "part-99999999999999999999-1-000001.parquet").write_bytes(
        (Path("store") / "findings" / f"part-{store.parts()[0]}.parquet").read_bytes()
    )
    monkeypatch.setattr(runner, "audit_batch", real)
    resumed = audit(archive, Path("store"))
    assert (resumed.linted, resumed.skipped) == (6, 3)
    fresh = Path("fresh")
    audit(archive, fresh)
    paths = resumed.paths
    assert summary.to_json(summary.build(store, paths)) == summary.to_json(
        summary.build(Store(fresh), paths)
    )


def test_partitions_are_plain_parquet_and_no_temp_file_remains(archive: Path) -> None:
    audit(archive, Path("store"))
    table = pq.read_table(Path("store") / "documents")
    assert table.num_rows == 9
    leftovers = [p.name for p in Path("store").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_second_writer_and_a_store_of_another_format_are_refused(archive: Path) -> None:
    with Store(Path("store")).open_for_writing(), pytest.raises(StoreError, match="another"):
        audit(archive, Path("store"))
    Path("other").mkdir()
    (Path("other") / "store.json").write_text('{"format": 99}', "utf-8")
    with pytest.raises(StoreError, match="format 99"):
        audit(archive, Path("other"))


def test_the_process_pool_gives_the_same_rows(archive: Path) -> None:
    audit(archive, Path("one"))
    result = audit(archive, Path("two"), runner.AuditOptions(jobs=2, batch_size=2))
    assert summary.to_json(summary.build(Store(Path("one")), result.paths)) == summary.to_json(
        summary.build(Store(Path("two")), result.paths)
    )


def test_a_new_reference_date_lints_only_the_memos_without_a_date(archive: Path) -> None:
    def on(day: int) -> runner.AuditOptions:
        lint = LintOptions(today=dt.date(2024, 1, day), use_cache=False, keep_text=False)
        return runner.AuditOptions(lint=lint, jobs=1)

    audit(archive, Path("store"), on(1))
    # the dated memo and the two unreadable files (no findings that depend on a date) stay
    assert audit(archive, Path("store"), on(2)).linted == 6


def test_a_new_or_changed_config_lints_the_memos_it_applies_to(archive: Path) -> None:
    audit(archive, Path("store"))
    config = archive / "zwolle" / ".memo-lint.toml"
    config.write_text('ignore = ["ML103"]\n', "utf-8")
    assert audit(archive, Path("store")).linted == 8
    assert audit(archive, Path("store")).linted == 0
    config.write_text('ignore = ["ML104"]\n', "utf-8")
    assert audit(archive, Path("store")).linted == 8


def _pdf(pages: list[list[str]]) -> bytes:
    """A PDF with these lines of text on its pages (Helvetica, top to bottom)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        text = (
            b"BT /F1 11 Tf 72 790 Td 14 TL "
            + b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines)
            + b" ET"
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b">> >> >> >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_from_objects(objects)


def test_reader_warnings_are_stored_per_document(archive: Path) -> None:
    seed = (archive / "zwolle" / "zwolle-beslisnota-citydeal.txt").read_bytes()
    # a stray Windows-1252 byte on line 3 (ML005)
    lines = seed.split(b"\n")
    lines[2] += b" caf\xe9"
    (archive / "zwolle" / "stray-byte.txt").write_bytes(b"\n".join(lines))
    words = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]
    pages = [
        [
            "Gemeente Voorbeeld - Raadsvoorstel",
            *(f"De {w} van pagina {words[page]} gaat over het besluit." for w in words[:8]),
            f"Pagina {page} van 4",
        ]
        for page in range(1, 5)
    ]
    (archive / "zwolle" / "running.pdf").write_bytes(_pdf(pages))
    audit(archive, Path("store"))
    rows = {row["path"]: row for row in Store(Path("store")).documents().to_pylist()}
    stray = rows[str(archive / "zwolle" / "stray-byte.txt")]["reader_warnings"]
    assert stray == ["ML005 bytes that are not UTF-8 read as Windows-1252: lines 3"]
    running = rows[str(archive / "zwolle" / "running.pdf")]
    assert running["read_error"] is None
    assert running["reader_warnings"] == [
        "running headers/footers left out: 8 lines repeated on most pages"
    ]
    assert rows[str(archive / "zwolle" / "zwolle-beslisnota-citydeal.txt")]["reader_warnings"] == []


def test_the_skip_check_reads_only_its_columns_and_the_run_s_paths(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit(archive, Path("store"))
    audit(Path("archive/denhaag"), Path("store"))  # the motion again: a second part for it
    reads: list[dict[str, object]] = []
    real = pq.read_table

    def spy(*args: object, **kwargs: object) -> object:
        reads.append(kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pq, "read_table", spy)
    motion = str(archive / "denhaag" / "motie.txt")
    row = Store(Path("store")).documents(["run_key", "today"], [motion]).to_pylist()[0]
    key, today = row["run_key"], row["today"]
    found = runner.stored(Store(Path("store")), [motion], key, today, lambda p: "?")
    assert set(reads[-1]["columns"]) == {*runner.SKIP_COLUMNS, "run_key", "today", "deps", "part"}
    assert reads[-1]["filters"] is not None
    assert found == {}  # its pack files' digests ("?") changed: linted again
    same = runner.stored(Store(Path("store")), [motion], key, today, _pack_digest)
    assert list(same) == [motion] and same[motion][0] == _digest(Path(motion))
    assert runner.stored(Store(Path("store")), [motion], "other key", today, _pack_digest) == {}
    assert runner.stored(Store(Path("store")), [motion], key, "1999-01-01", _pack_digest) == {}


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pack_digest(path: Path) -> str:
    """A pack file's digest as a row's deps name it."""
    from memo_lint.packs import file_digest

    return file_digest(path.read_bytes())
