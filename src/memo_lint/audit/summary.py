"""What an audit found, aggregated from the store: per rule, body, kind, template and month.

The summary depends only on the store's rows for the run's documents, never on how they
got there (local pool or Dask, one run or resumed), and everything in it is sorted, so two
audits of the same documents give byte-identical JSON and CSV.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from memo_lint.audit.store import Store, is_in

SEVERITY_COLUMNS = ("errors", "warnings", "infos")
SEVERITIES = ("error", "warning", "info")  # the same order
UNKNOWN = "(unknown)"
WORST = 20


def build(store: Store, paths: list[str], worst: int = WORST) -> dict[str, Any]:
    """The summary of these documents. Memos and non-memos are counted apart: every finding,
    rate and chart but the kinds one is over the memos only (a motie that fails no memo
    rule is no compliant memo), and unreadable documents (ML001) are counted on their own."""
    documents = is_in(store.documents(), "path", paths)
    month = pc.fill_null(
        pc.utf8_slice_codeunits(pc.cast(documents["memo_date"], pa.string()), 0, 7), UNKNOWN
    )
    documents = documents.append_column("month", month)
    for column in ("body", "kind", "template"):
        index = documents.schema.get_field_index(column)
        documents = documents.set_column(index, column, pc.fill_null(documents[column], UNKNOWN))
    memos = documents.filter(pc.fill_null(documents["memo"], False))
    findings = store.findings(memos)
    context = memos.select(["path", "part", "body", "kind"])
    findings = findings.join(context, ["path", "part"], use_threads=False)
    unreadable = int(pc.sum(pc.is_valid(documents["read_error"])).as_py() or 0)
    per_kind = _per(documents, memos, "kind")
    return {
        "documents": documents.num_rows,
        "memos": memos.num_rows,
        "non_memos": documents.num_rows - memos.num_rows - unreadable,
        "unreadable": unreadable,
        "kinds": {row["kind"]: row["documents"] for row in per_kind},
        "findings": {
            column: int(pc.sum(memos[column]).as_py() or 0) for column in SEVERITY_COLUMNS
        },
        "per_rule": _per_rule(findings, memos.num_rows),
        "per_body": _per(documents, memos, "body"),
        "per_kind": per_kind,
        "per_template": _per(memos, memos, "template"),
        "per_month": _per(memos, memos, "month"),
        "rule_body": _rule_body(findings),
        "worst": _worst(memos, worst),
    }


def _per(documents: pa.Table, memos: pa.Table, key: str) -> list[dict[str, Any]]:
    """Per value of ``key``: its documents, its memos and the memos' findings by severity."""
    counted = documents.group_by(key, use_threads=False).aggregate([([], "count_all")])
    found = memos.group_by(key, use_threads=False).aggregate(
        [([], "count_all"), *((column, "sum") for column in SEVERITY_COLUMNS)]
    )
    sums = {row[key]: row for row in found.to_pylist()}
    rows = []
    for row in counted.to_pylist():
        of_memos = sums.get(row[key], {})
        rows.append(
            {
                key: row[key],
                "documents": row["count_all"],
                "memos": of_memos.get("count_all", 0),
                **{column: of_memos.get(f"{column}_sum") or 0 for column in SEVERITY_COLUMNS},
            }
        )
    return sorted(rows, key=lambda row: row[key])


def _per_rule(findings: pa.Table, memos: int) -> list[dict[str, Any]]:
    """Findings per rule, the memos with one, and their share of all memos audited."""
    grouped = findings.group_by(["code", "rule", "severity"], use_threads=False).aggregate(
        [([], "count_all"), ("path", "count_distinct")]
    )
    rows = [
        {
            "code": row["code"],
            "rule": row["rule"],
            "severity": row["severity"],
            "findings": row["count_all"],
            "documents": row["path_count_distinct"],
            "share": round(row["path_count_distinct"] / memos, 4) if memos else 0.0,
        }
        for row in grouped.to_pylist()
    ]
    return sorted(rows, key=lambda row: (row["code"], row["severity"], row["rule"]))


def _rule_body(findings: pa.Table) -> list[dict[str, Any]]:
    """Findings and documents with a finding, per rule and body (the heat map's cells)."""
    grouped = findings.group_by(["code", "body"], use_threads=False).aggregate(
        [([], "count_all"), ("path", "count_distinct")]
    )
    rows = [
        {
            "code": row["code"],
            "body": row["body"],
            "findings": row["count_all"],
            "documents": row["path_count_distinct"],
        }
        for row in grouped.to_pylist()
    ]
    return sorted(rows, key=lambda row: (row["code"], row["body"]))


def _worst(documents: pa.Table, limit: int) -> list[dict[str, Any]]:
    order = [("errors", "descending"), ("warnings", "descending"), ("infos", "descending")]
    ranked = documents.sort_by([*order, ("path", "ascending")]).slice(0, limit)
    columns = ["path", "body", "kind", "template", "month", *SEVERITY_COLUMNS]
    return [row for row in ranked.select(columns).to_pylist() if row["errors"] or row["warnings"]]


def to_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"


def to_csv(summary: dict[str, Any]) -> str:
    """One long table: ``table,key,code,documents,memos,findings,errors,warnings,infos,share``.

    ``documents`` counts every document, ``memos`` the decision memos among them; findings
    are the memos' only, and ``share`` (rule rows) is the share of memos with the finding.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["table", "key", "code", "documents", "memos", "findings", *SEVERITY_COLUMNS, "share"]
    )
    total = summary["findings"]
    writer.writerow(
        ["total", "", "", summary["documents"], summary["memos"], sum(total.values()),
         *total.values(), ""]
    )  # fmt: skip
    writer.writerow(["non_memos", "", "", summary["non_memos"], 0, "", "", "", "", ""])
    writer.writerow(["unreadable", "", "", summary["unreadable"], 0, "", "", "", "", ""])
    for row in summary["per_rule"]:
        counts = [row["findings"] if row["severity"] == s else "" for s in SEVERITIES]
        writer.writerow(
            ["rule", row["rule"], row["code"], row["documents"], "", row["findings"], *counts,
             f"{row['share']:.4f}"]
        )  # fmt: skip
    for table in ("body", "kind", "template", "month"):
        for row in summary[f"per_{table}"]:
            found = sum(row[c] for c in SEVERITY_COLUMNS)
            writer.writerow(
                [table, row[table], "", row["documents"], row["memos"], found,
                 *(row[c] for c in SEVERITY_COLUMNS), ""]
            )  # fmt: skip
    for row in summary["rule_body"]:
        writer.writerow(
            ["rule_body", row["body"], row["code"], row["documents"], "", row["findings"],
             "", "", "", ""]
        )  # fmt: skip
    return out.getvalue()


def to_text(summary: dict[str, Any], top: int = 10) -> str:
    """A few lines for the terminal: totals, kinds, the most frequent rules, the worst."""
    total = summary["findings"]
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in summary["kinds"].items())
    lines = [
        f"{summary['documents']:,} documents ({kinds})",
        f"{summary['memos']:,} memos, {summary['non_memos']:,} not memos (not checked), "
        f"{summary['unreadable']:,} unreadable",
        f"findings in memos: {total['errors']:,} errors, {total['warnings']:,} warnings, "
        f"{total['infos']:,} infos",
        "",
        "most frequent rules:",
    ]
    ranked = sorted(summary["per_rule"], key=lambda row: (-row["findings"], row["code"]))
    for row in ranked[:top]:
        lines.append(
            f"  {row['code']:<7} {row['findings']:>7,} in {row['documents']:>6,} memos "
            f"({row['share']:>6.1%})  {row['rule']} [{row['severity']}]"
        )
    if summary["worst"]:
        lines += ["", "most errors:"]
        for row in summary["worst"][:top]:
            lines.append(
                f"  {row['errors']:>4} errors {row['warnings']:>4} warnings  {row['path']}"
            )
    return "\n".join(lines) + "\n"
