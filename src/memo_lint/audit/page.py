"""The audit as one self-contained HTML page: charts, a rule × body heat map, the worst memos.

Charts are drawn by matplotlib into inline SVG (ids salted so the page is the same bytes for
the same summary); the page loads nothing from the network. Each of the
worst documents links to its own report by the per-memo HTML reporter, written into a folder
beside the page (``audit.html`` → ``audit-memos/``). Only ``memo-lint audit --format html``
imports this module: matplotlib costs ~0.3 s to import (docs/audit.md).

An inline script checks on load that every chart is laid out with a size and writes the
count to ``<body data-charts… >``, so a headless browser's DOM dump proves the page renders.
"""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from memo_lint.audit.records import UNREADABLE
from memo_lint.audit.summary import SEVERITY_COLUMNS, UNKNOWN

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from memo_lint.api import LintOptions

COLORS = {"errors": "#cf222e", "warnings": "#bf8700", "infos": "#0969da"}
SEVERITY_COLOR = {"error": COLORS["errors"], "warning": COLORS["warnings"], "info": COLORS["infos"]}
OTHER = "#8c959f"  # documents that are not memos
TOP_RULES = 25
HEATMAP_BODIES = 20

STYLE = """
:root{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#f6f8fa}
body{margin:0 auto;max-width:90rem;padding:1rem 1.5rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:.5rem 0}
.counts li{padding:.2rem .7rem;border-radius:1rem;background:#fff;border:1px solid #d0d7de}
.counts li.errors{border-color:#cf222e}.counts li.warnings{border-color:#bf8700}
.counts li.infos,.counts li.memos{border-color:#0969da}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(34rem,1fr));gap:1rem}
figure{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:0;padding:.6rem}
figure svg{width:100%;height:auto}figcaption{font-weight:600;margin-bottom:.3rem}
table{border-collapse:collapse;background:#fff;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#59636e;font-size:.85rem}footer{color:#59636e;font-size:.85rem;margin-top:2rem}
"""

SCRIPT = """
addEventListener("load", () => {
  const charts = [...document.querySelectorAll("figure svg")];
  const shown = charts.filter((svg) => {
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && svg.querySelectorAll("path,rect,use").length > 0;
  });
  document.body.dataset.charts = String(charts.length);
  document.body.dataset.chartsVisible = String(shown.length);
});
"""


def render(summary: dict[str, Any], page: Path, lint: LintOptions) -> str:
    """The page for ``page``; writes the per-memo reports of the worst documents beside it."""
    links = write_memo_reports(summary["worst"], page, lint)
    totals = summary["findings"]
    others = [
        r["kind"]
        for r in summary["per_kind"]
        if r["memos"] < r["documents"] and r["kind"] != UNREADABLE
    ]
    counts = [
        f"<li>{summary['documents']:,} documents</li>",
        f'<li class="memos">{summary["memos"]:,} memos</li>',
        f"<li>{summary['non_memos']:,} not memos (not checked)</li>",
        f"<li>{summary['unreadable']:,} unreadable (ML001)</li>",
        *(f'<li class="{c}">{totals[c]:,} {c}</li>' for c in SEVERITY_COLUMNS),
    ]
    charts = [
        ("Findings per rule (memos only)", _per_rule(summary["per_rule"])),
        ("Findings per body (memos in brackets)", _stacked(summary["per_body"], "body")),
        ("Documents per kind: memos and documents that are not", _kinds(summary["per_kind"])),
        ("Findings per month (memo date)", _per_month(summary["per_month"])),
        ("Share of each body's memos with a finding, per rule", _heatmap(summary)),
    ]
    figures = "".join(
        f"<figure><figcaption>{escape(title)}</figcaption>{svg}</figure>" for title, svg in charts
    )
    undated = next((r["documents"] for r in summary["per_month"] if r["month"] == UNKNOWN), 0)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>memo-lint audit</title><style>{STYLE}</style></head><body>"
        f'<h1>memo-lint audit</h1><ul class="counts">{"".join(counts)}</ul>'
        f'<p class="note">Findings, rates and charts count memos only; documents recognised as '
        f"something else ({escape(', '.join(sorted(others)) or 'none')}) are counted, not "
        f"checked. {undated:,} memos without a memo date (not in the month chart).</p>"
        f'<div class="grid">{figures}</div>'
        f"<h2>Documents with the most findings</h2>{_worst(summary['worst'], links)}"
        f"<h2>Rules</h2>{_rules(summary['per_rule'])}"
        "<footer>memo-lint audit; every chart is in this page (no network needed).</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def write_memo_reports(worst: list[dict[str, Any]], page: Path, lint: LintOptions) -> list[str]:
    """Lint each of the worst documents again with its text and write its HTML report."""

    from memo_lint.api import lint_paths
    from memo_lint.reporters import RenderOptions, reporter_for
    from memo_lint.writes import write_file

    folder = page.with_name(f"{page.stem}-memos")
    links = []
    for number, row in enumerate(worst, start=1):
        report = lint_paths([row["path"]], lint.replace(keep_text=True, use_cache=False, jobs=1))
        name = re.sub(r"[^\w.-]+", "_", Path(row["path"]).name)
        target = folder / f"{number:02d}-{name}.html"
        write_file(target, reporter_for("html")(report, RenderOptions()))
        links.append(f"{folder.name}/{target.name}")
    return links


def _worst(rows: list[dict[str, Any]], links: list[str]) -> str:
    if not rows:
        return '<p class="note">No document has errors or warnings.</p>'
    head = "<tr><th>document</th><th>body</th><th>kind</th><th>template</th><th>month</th>"
    head += "".join(f"<th>{c}</th>" for c in SEVERITY_COLUMNS) + "</tr>"
    body = "".join(
        f'<tr><td><a href="{escape(link)}">{escape(row["path"])}</a></td>'
        + "".join(f"<td>{escape(str(row[k]))}</td>" for k in ("body", "kind", "template", "month"))
        + "".join(f'<td class="n">{row[c]:,}</td>' for c in SEVERITY_COLUMNS)
        + "</tr>"
        for row, link in zip(rows, links, strict=True)
    )
    return f"<table>{head}{body}</table>"


def _rules(rows: list[dict[str, Any]]) -> str:
    head = "<tr><th>code</th><th>rule</th><th>severity</th><th>findings</th><th>memos</th>"
    head += "<th>share of memos</th></tr>"
    body = "".join(
        f"<tr><td>{escape(r['code'])}</td><td>{escape(r['rule'])}</td>"
        f"<td>{escape(r['severity'])}</td><td class=n>{r['findings']:,}</td>"
        f"<td class=n>{r['documents']:,}</td><td class=n>{r['share']:.1%}</td></tr>"
        for r in sorted(rows, key=lambda r: (-r["findings"], r["code"]))
    )
    return f"<table>{head}{body}</table>"


# --- charts -----------------------------------------------------------------------------


def _figure(width: float, height: float) -> Figure:
    import matplotlib

    matplotlib.rcParams.update(
        {
            # text as glyph outlines: laid out with the metrics matplotlib measured, whatever
            # fonts the reader's browser has (as text, long labels were cut off in Chromium)
            "svg.fonttype": "path",
            "svg.hashsalt": "memo-lint",  # stable ids: the same summary gives the same page
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # no XML prolog or DOCTYPE inside HTML


def _short(label: str, width: int = 28) -> str:
    """A label that leaves the chart its room: the middle of a long name gives way (bodies
    often share a long prefix: "Rijksoverheid - Ministerie van …")."""
    half = width // 2
    return label if len(label) <= width else label[: half - 1] + "…" + label[-half:]


def _empty(figure: Figure) -> str:
    axes = figure.add_subplot()
    axes.axis("off")
    axes.text(0.5, 0.5, "nothing to show", ha="center", va="center", color="#59636e")
    return _svg(figure)


def _per_rule(rows: list[dict[str, Any]]) -> str:
    ranked = sorted(rows, key=lambda r: (-r["findings"], r["code"]))[:TOP_RULES][::-1]
    figure = _figure(6.4, 0.6 + 0.22 * max(len(ranked), 3))
    if not ranked:
        return _empty(figure)
    axes = figure.add_subplot()
    labels = [f"{r['code']} {r['rule']}" for r in ranked]
    axes.barh(
        labels,
        [r["findings"] for r in ranked],
        color=[SEVERITY_COLOR[r["severity"]] for r in ranked],
    )
    axes.set_xlabel("findings")
    return _svg(figure)


def _stacked(rows: list[dict[str, Any]], key: str) -> str:
    shown = sorted(rows, key=lambda r: r[key], reverse=True)
    figure = _figure(6.4, 0.8 + 0.24 * max(len(shown), 3))
    if not shown:
        return _empty(figure)
    axes = figure.add_subplot()
    labels = [f"{_short(r[key])} ({r['memos']:,})" for r in shown]
    left = [0] * len(shown)
    for column in SEVERITY_COLUMNS:
        values = [r[column] for r in shown]
        axes.barh(labels, values, left=left, color=COLORS[column], label=column)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_xlabel("findings in memos (memos in brackets)")
    axes.legend(loc="lower right", frameon=False)
    return _svg(figure)


def _kinds(rows: list[dict[str, Any]]) -> str:
    """Documents per kind, the memos among them apart from the rest (not checked)."""
    shown = sorted(rows, key=lambda r: r["kind"], reverse=True)
    figure = _figure(6.4, 0.8 + 0.24 * max(len(shown), 3))
    if not shown:
        return _empty(figure)
    axes = figure.add_subplot()
    labels = [_short(r["kind"]) for r in shown]
    memos = [r["memos"] for r in shown]
    others = [r["documents"] - r["memos"] for r in shown]
    axes.barh(labels, memos, color=COLORS["infos"], label="memos (checked)")
    axes.barh(labels, others, left=memos, color=OTHER, label="not memos (not checked)")
    axes.set_xlabel("documents")
    axes.legend(loc="lower right", frameon=False)
    return _svg(figure)


def _per_month(rows: list[dict[str, Any]]) -> str:
    dated = [r for r in rows if r["month"] != UNKNOWN]
    figure = _figure(6.4, 2.8)
    if not dated:
        return _empty(figure)
    axes = figure.add_subplot()
    months = [r["month"] for r in dated]
    bottom = [0] * len(dated)
    for column in SEVERITY_COLUMNS:
        values = [r[column] for r in dated]
        axes.bar(months, values, bottom=bottom, color=COLORS[column], label=column)
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    step = max(1, len(months) // 16)
    axes.set_xticks(range(0, len(months), step), months[::step], rotation=60, ha="right")
    axes.set_ylabel("findings")
    axes.legend(loc="upper left", frameon=False)
    return _svg(figure)


def _heatmap(summary: dict[str, Any]) -> str:
    """Rule × body: the share of the body's memos with at least one finding of the rule."""
    memos = [r for r in summary["per_body"] if r["memos"]]
    bodies = sorted(memos, key=lambda r: (-r["memos"], r["body"]))
    bodies = sorted(bodies[:HEATMAP_BODIES], key=lambda r: r["body"])
    codes = sorted({r["code"] for r in summary["rule_body"]})
    figure = _figure(6.4, 1.4 + 0.24 * max(len(codes), 3))
    if not codes or not bodies:
        return _empty(figure)
    cells = {(r["code"], r["body"]): r["documents"] for r in summary["rule_body"]}
    grid = [[cells.get((code, b["body"]), 0) / b["memos"] for b in bodies] for code in codes]
    axes = figure.add_subplot()
    # pcolormesh, not imshow: vector cells instead of an embedded bitmap
    image = axes.pcolormesh(grid, cmap="Reds", vmin=0, vmax=1, edgecolors="white", linewidth=0.5)
    axes.invert_yaxis()
    labels = [_short(b["body"]) for b in bodies]
    axes.set_xticks([x + 0.5 for x in range(len(bodies))], labels, rotation=45, ha="right")
    axes.set_yticks([y + 0.5 for y in range(len(codes))], codes)
    for y, line in enumerate(grid):
        for x, share in enumerate(line):
            if share:
                color = "white" if share > 0.6 else "#1f2328"
                axes.text(
                    x + 0.5,
                    y + 0.5,
                    f"{share:.0%}",
                    ha="center",
                    va="center",
                    fontsize=6,
                    color=color,
                )
    figure.colorbar(image, ax=axes, label="share of the body's memos", shrink=0.6)
    return _svg(figure)
