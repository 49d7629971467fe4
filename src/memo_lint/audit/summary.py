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
    documents = is_in(store.documents(), "path", paths)
    findings = store.findings(documents)
    month = pc.fill_null(
        pc.utf8_slice_codeunits(pc.cast(documents["memo_date"], pa.string()), 0, 7), UNKNOWN
    )
    documents = documents.append_column("month", month)
    for column in ("body", "kind", "template"):
        index = documents.schema.get_field_index(column)
        documents = documents.set_column(index, column, pc.fill_null(documents[column], UNKNOWN))
    context = documents.select(["path", "part", "body", "kind"])
    findings = findings.join(context, ["path", "part"], use_threads=False)
    per_kind = _per(documents, "kind")
    return {
        "documents": documents.num_rows,
        "unreadable": int(pc.sum(pc.is_valid(documents["read_error"])).as_py() or 0),
        "kinds": {row["kind"]: row["documents"] for row in per_kind},
        "findings": {
            column: int(pc.sum(documents[column]).as_py() or 0) for column in SEVERITY_COLUMNS
        },
        "per_rule": _per_rule(findings),
        "per_body": _per(documents, "body"),
        "per_kind": per_kind,
        "per_template": _per(documents, "template"),
        "per_month": _per(documents, "month"),
        "rule_body": _rule_body(findings),
        "worst": _worst(documents, worst),
    }


def _per(documents: pa.Table, key: str) -> list[dict[str, Any]]:
    grouped = documents.group_by(key, use_threads=False).aggregate(
        [([], "count_all"), *((column, "sum") for column in SEVERITY_COLUMNS)]
    )
    rows = [
        {
            key: row[key],
            "documents": row["count_all"],
            **{column: row[f"{column}_sum"] or 0 for column in SEVERITY_COLUMNS},
        }
        for row in grouped.to_pylist()
    ]
    return sorted(rows, key=lambda row: row[key])


def _per_rule(findings: pa.Table) -> list[dict[str, Any]]:
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
    """One long table: ``table,key,code,documents,findings,errors,warnings,infos``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "key", "code", "documents", "findings", *SEVERITY_COLUMNS])
    total = summary["findings"]
    writer.writerow(["total", "", "", summary["documents"], sum(total.values()), *total.values()])
    for kind, count in summary["kinds"].items():
        writer.writerow(["kind", kind, "", count, "", "", "", ""])
    for row in summary["per_rule"]:
        counts = [
            row["findings"] if row["severity"] == s else "" for s in ("error", "warning", "info")
        ]
        writer.writerow(
            ["rule", row["rule"], row["code"], row["documents"], row["findings"], *counts]
        )
    for table in ("body", "kind", "template", "month"):
        for row in summary[f"per_{table}"]:
            found = sum(row[c] for c in SEVERITY_COLUMNS)
            writer.writerow(
                [
                    table,
                    row[table],
                    "",
                    row["documents"],
                    found,
                    *(row[c] for c in SEVERITY_COLUMNS),
                ]
            )
    for row in summary["rule_body"]:
        writer.writerow(
            ["rule_body", row["body"], row["code"], row["documents"], row["findings"], "", "", ""]
        )
    return out.getvalue()


def to_text(summary: dict[str, Any], top: int = 10) -> str:
    """A few lines for the terminal: totals, kinds, the most frequent rules, the worst."""
    total = summary["findings"]
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in summary["kinds"].items())
    lines = [
        f"{summary['documents']:,} documents ({kinds}); {summary['unreadable']:,} unreadable",
        f"findings: {total['errors']:,} errors, {total['warnings']:,} warnings, "
        f"{total['infos']:,} infos",
        "",
        "most frequent rules:",
    ]
    ranked = sorted(summary["per_rule"], key=lambda row: (-row["findings"], row["code"]))
    for row in ranked[:top]:
        lines.append(
            f"  {row['code']:<7} {row['findings']:>7,} in {row['documents']:>6,} documents  "
            f"{row['rule']} [{row['severity']}]"
        )
    if summary["worst"]:
        lines += ["", "most errors:"]
        for row in summary["worst"][:top]:
            lines.append(
                f"  {row['errors']:>4} errors {row['warnings']:>4} warnings  {row['path']}"
            )
    return "\n".join(lines) + "\n"
