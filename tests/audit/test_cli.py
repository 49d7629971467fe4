"""`memo-lint audit` on the command line: formats, exit codes, messages for bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from memo_lint.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_summary_counts_documents_kinds_and_rules(archive: Path) -> None:
    result = run("audit", str(archive), "--store", "store", "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 9 and summary["unreadable"] == 2
    assert (summary["memos"], summary["non_memos"]) == (6, 1)
    assert summary["kinds"]["unreadable"] == 2 and summary["kinds"]["motie"] == 1
    assert {r["body"] for r in summary["per_body"]} == {"zwolle", "denhaag"}
    ml301 = next(r for r in summary["per_rule"] if r["code"] == "ML301")
    assert (ml301["findings"], ml301["documents"], ml301["severity"]) == (1, 1, "error")
    assert "9 linted, 0 unchanged" in result.stderr
    again = run("audit", str(archive), "--store", "store", "--format", "json")
    assert "0 linted, 9 unchanged" in again.stderr
    assert again.stdout == result.stdout


def test_file_and_folder_names_that_are_not_utf8_are_stored_escaped(archive: Path) -> None:
    """The store's strings are UTF-8: a name that is not (bytes kept as lone surrogates) is
    stored with ``\\xff`` escapes, as check's reports show it, and still skipped when unchanged."""
    folder = archive / os.fsdecode(b"b\xfe")
    folder.mkdir()
    shutil.copy(EXAMPLES / "zwolle-beslisnota-citydeal.txt", folder / os.fsdecode(b"m\xff.txt"))
    result = run("audit", str(archive), "--store", "store", "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 10
    assert "b\\xfe" in {r["body"] for r in summary["per_body"]}
    again = run("audit", str(archive), "--store", "store", "--format", "json", "-j", "1")
    assert "0 linted, 10 unchanged" in again.stderr
    assert again.stdout == result.stdout


def test_csv_summary_is_one_long_table(archive: Path) -> None:
    result = run("audit", str(archive), "--store", "store", "--format", "csv", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["table"] == "total" and (rows[0]["documents"], rows[0]["memos"]) == ("9", "6")
    assert [(r["table"], r["documents"]) for r in rows[1:3]] == [
        ("non_memos", "1"),
        ("unreadable", "2"),
    ]
    motion = next(r for r in rows if r["table"] == "kind" and r["key"] == "motie")
    assert (motion["documents"], motion["memos"], motion["findings"]) == ("1", "0", "0")
    ml301 = next(r for r in rows if r["table"] == "rule" and r["code"] == "ML301")
    assert ml301["share"] == f"{1 / 6:.4f}"
    tables = {row["table"] for row in rows}
    assert {"kind", "rule", "body", "template", "month", "rule_body"} <= tables
    ml301 = [r for r in rows if r["table"] == "rule_body" and r["code"] == "ML301"]
    assert [(r["key"], r["findings"]) for r in ml301] == [("zwolle", "1")]


def test_index_gives_body_date_type_and_url(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.jsonl"
    index.write_text(
        json.dumps(
            {
                "path": "archive/denhaag/motie.txt",
                "body": "Den Haag",
                "date": "2025-03-14",
                "type": "motie",
                "url": "https://example.org/motie",
            }
        )
        + "\n",
        "utf-8",
    )
    result = run("audit", "archive", "--store", "store", "--index", str(index), "--format", "json")
    summary = json.loads(result.stdout)
    assert {r["body"] for r in summary["per_body"]} == {"zwolle", "Den Haag"}
    # the motion is no memo: counted under its kind, not in the memos' months
    assert "2025-03" not in {r["month"] for r in summary["per_month"]}
    assert next(r for r in summary["per_kind"] if r["kind"] == "motie")["memos"] == 0
    import pyarrow.parquet as pq

    rows = pq.read_table(Path("store") / "documents").to_pylist()
    motion = next(r for r in rows if r["path"].endswith("motie.txt"))
    assert (motion["doc_type"], motion["source_url"]) == ("motie", "https://example.org/motie")
    assert str(motion["memo_date"]) == "2025-03-14"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "html"], "needs --output-file"),
        (["--pack", "no-such-pack"], "unknown rule pack 'no-such-pack'"),
        (["--today", "2024-13-01"], "not a date"),
        (["--scheduler", "local:0"], "local:N"),
        (["--select", "12"], "'12' names no rule"),
    ],
)
def test_bad_input_is_exit_2_with_a_message(archive: Path, args: list[str], message: str) -> None:
    result = run("audit", str(archive), "--store", "store", "--lang", "en", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_bad_index_names_file_and_line(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "index.jsonl"
    index.write_text('{"path": "a.txt"}\n[1, 2]\n', "utf-8")
    result = run("audit", str(archive), "--store", "store", "--index", str(index))
    assert result.exit_code == 2
    assert f"{index}:2: geen JSON-object" in result.output  # Dutch unless --lang en
    other = tmp_path / "index.csv"
    other.write_text("body\nDen Haag\n", "utf-8")
    result = run("audit", str(archive), "--store", "store", "--index", str(other), "--lang", "en")
    assert f"{other}:2: no 'path'; give every document its path" in result.output


def test_a_missing_extra_says_how_to_install_it(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: object, **kwargs: object) -> object:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    monkeypatch.setattr("importlib.import_module", lambda name: no_pyarrow(name))
    result = run("audit", str(archive), "--store", "store")
    assert result.exit_code == 2
    assert "pip install 'memo-lint[audit]'" in result.output


def test_check_does_not_import_the_audit_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from memo_lint.cli import main\n"
        "heavy = [m for m in ('pyarrow', 'matplotlib', 'distributed') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
