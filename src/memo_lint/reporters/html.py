"""One self-contained HTML page: the memo with every finding highlighted where it is.

People read this instead of a log, often offline or as a CI artifact, so the page loads
nothing from the network: CSS and the one small script are inline. Each memo with findings
shows its text with a ``<mark>`` per violation at its exact span and, beside it, the
findings, each linking to its mark; a memo without findings is listed by name only.
Overlapping spans are split into segments in which the marks of all covering violations
nest, so every violation keeps its own visible, addressable element.

The inline script outlines every part of the finding named in the URL's fragment (a span
over several lines is several segments), and on load checks that every highlight is rendered
with a size, writing the result to ``<body data-highlights… >``: a headless browser's DOM
dump then proves the page works, and a person sees nothing of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import pairwise

from memo_lint.model import FrozenRecord, Violation
from memo_lint.report import FileReport, LintReport, RuleInfo
from memo_lint.reporters import RenderOptions
from memo_lint.reporters._common import (
    SEVERITIES,
    count_noun,
    covered_lines,
    language,
    phrase,
    sorted_files,
    sorted_violations,
    summary_line,
    visible,
)

STYLE = """
:root{font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#f6f8fa}
body{margin:0 auto;max-width:90rem;padding:1rem 1.5rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:0 0 .5rem;word-break:break-all}
.counts{display:flex;gap:.6rem;list-style:none;padding:0;margin:.5rem 0}
.counts li{padding:.2rem .7rem;border-radius:1rem;background:#fff;border:1px solid #d0d7de}
.counts li.sev-error{border-color:#cf222e}.counts li.sev-warning{border-color:#bf8700}
.counts li.sev-info{border-color:#0969da}
.memo{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:1rem 0}
.pack{color:#59636e;font-weight:normal;font-size:.9rem}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,26rem);gap:1rem}
.text{font:13px/1.55 ui-monospace,Menlo,Consolas,monospace;overflow-x:auto}
.line{display:grid;grid-template-columns:3.2em minmax(0,1fr)}
.ln{color:#8c959f;text-align:right;padding-right:.8em;user-select:none}
.src{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:none;color:inherit;border-bottom:2px solid;padding:1px 0}
mark.sev-error{background:rgba(207,34,46,.16);border-color:#cf222e}
mark.sev-warning{background:rgba(191,135,0,.2);border-color:#bf8700}
mark.sev-info{background:rgba(9,105,218,.14);border-color:#0969da}
mark mark{padding-bottom:4px}
mark.empty{display:inline-block;min-width:.7em}
mark.current{outline:2px solid #1f2328;outline-offset:1px}
.findings{list-style:none;margin:0;padding:0;position:sticky;top:.5rem;align-self:start;
max-height:calc(100vh - 1rem);overflow-y:auto}
.findings li{border-left:4px solid;padding:.3rem .6rem;margin-bottom:.5rem;background:#f6f8fa}
.findings li.sev-error{border-color:#cf222e}.findings li.sev-warning{border-color:#bf8700}
.findings li.sev-info{border-color:#0969da}
.findings p{margin:.15rem 0}.hint{color:#59636e}.rule{color:#59636e;font-size:.85rem}
.no-text{color:#59636e;font-style:italic}
footer{color:#59636e;font-size:.85rem;margin-top:2rem}
"""

SCRIPT = """
const current = () => {
  document.querySelectorAll("mark.current").forEach((mark) => mark.classList.remove("current"));
  const id = decodeURIComponent(location.hash.slice(1));
  document.querySelectorAll("mark[data-v]").forEach((mark) => {
    if (mark.dataset.v === id) mark.classList.add("current");
  });
};
addEventListener("hashchange", current);
addEventListener("load", () => {
  current();
  const marks = [...document.querySelectorAll("mark[id]")];
  const hidden = marks.filter((mark) => {
    const box = mark.getBoundingClientRect();
    const style = getComputedStyle(mark);
    return !(box.width > 0 && box.height > 0 && style.visibility === "visible");
  });
  document.body.dataset.highlights = String(marks.length);
  document.body.dataset.highlightsVisible = String(marks.length - hidden.length);
  document.body.dataset.highlightsHidden = hidden.map((mark) => mark.id).join(" ");
});
"""


class Highlight(FrozenRecord):
    """The part of one violation on one line: characters ``start:end`` (0-based)."""

    anchor: str
    violation: Violation
    start: int
    end: int

    def __init__(self, anchor: str, violation: Violation, start: int, end: int) -> None:
        # Written out: one per finding and line on a page of thousands of memos.
        self.anchor = anchor
        self.violation = violation
        self.start = start
        self.end = end


def open_mark(highlight: Highlight, with_id: bool, empty: bool = False) -> str:
    violation = highlight.violation
    classes = f"sev-{violation.severity.value}" + (" empty" if empty else "")
    anchor = f' id="{highlight.anchor}"' if with_id else ""
    title = escape(f"{violation.code}: {violation.message}")
    return f'<mark class="{classes}"{anchor} data-v="{highlight.anchor}" title="{title}">'


def render_line(text: str, highlights: list[Highlight], anchored: set[str]) -> str:
    """One memo line as HTML, its highlights nested per segment between span boundaries.

    ``anchored`` holds the anchors already placed: only a violation's first segment gets its
    ``id``. A span that starts past the end of the line shows as an empty marker there.
    """
    size = len(text)
    cuts = sorted(
        {
            0,
            size,
            *(min(h.start, size) for h in highlights),
            *(min(h.end, size) for h in highlights),
        }
    )
    parts = []
    for a, b in pairwise(cuts):
        covering = [h for h in highlights if h.start <= a and b <= h.end]
        segment = escape(visible(text[a:b]))
        for highlight in reversed(covering):
            segment = open_mark(highlight, highlight.anchor not in anchored) + segment + "</mark>"
            anchored.add(highlight.anchor)
        parts.append(segment)
    for highlight in highlights:
        if highlight.start >= size:
            parts.append(
                open_mark(highlight, highlight.anchor not in anchored, empty=True) + "\u00a0</mark>"
            )
            anchored.add(highlight.anchor)
    return "".join(parts)


def memo_text(file: FileReport, anchors: list[tuple[str, Violation]], lang: str) -> str:
    per_line: dict[int, list[Highlight]] = {}
    unplaced: list[Highlight] = []
    for anchor, violation in anchors:
        covered = covered_lines(file, violation)
        if not covered or covered[-1][0] > len(file.lines):
            unplaced.append(Highlight(anchor, violation, 0, 1))
            continue
        for number, _text, start, end in covered:
            per_line.setdefault(number, []).append(Highlight(anchor, violation, start, end))
    anchored: set[str] = set()
    rows = [
        f'<div class="line"><span class="ln">{number}</span>'
        f'<span class="src">{render_line(text, per_line.get(number, []), anchored)}</span></div>'
        for number, text in enumerate(file.lines, start=1)
    ]
    if unplaced:
        marks = "".join(render_line("", [h], anchored) for h in unplaced)
        rows.append(f'<p class="no-text">{escape(phrase(lang, "no-text"))} {marks}</p>')
    return f'<div class="text">{"".join(rows)}</div>'


def sources(rule: RuleInfo | None, lang: str) -> str:
    """The rule's legal or standard sources, linked where they have an address."""
    if rule is None or not rule.sources:
        return ""
    links = "; ".join(
        f'<a href="{escape(ref.url)}">{escape(ref.label)}</a>' if ref.url else escape(ref.label)
        for ref in rule.sources
    )
    return f'<p class="rule">{escape(phrase(lang, "source"))}: {links}</p>'


def finding(anchor: str, violation: Violation, lang: str, rule: RuleInfo | None = None) -> str:
    span = violation.span
    where = f"{phrase(lang, 'line')} {span.line}:{span.column}"
    if violation.page is not None:
        where += f", {phrase(lang, 'page')} {violation.page}"
    hint = (
        f'<p class="hint">{escape(phrase(lang, "help"))}: {escape(violation.hint)}</p>'
        if violation.hint
        else ""
    )
    return (
        f'<li class="sev-{violation.severity.value}"><a href="#{anchor}">'
        f"<code>{escape(violation.code)}</code> {escape(where)}</a>"
        f"<p>{escape(violation.message)}</p>{hint}"
        f'<p class="rule">{escape(violation.rule)} · {violation.severity.value}</p>'
        f"{sources(rule, lang)}</li>"
    )


def memo_section(
    index: int, file: FileReport, lang: str, rules: dict[str, RuleInfo] | None = None
) -> str:
    anchors = [(f"v-{index}-{n}", v) for n, v in enumerate(sorted_violations(file.violations), 1)]
    rules = rules or {}
    findings = "".join(finding(anchor, v, lang, rules.get(v.code)) for anchor, v in anchors)
    # A memo without findings is named, not printed: on 10,000 memos their text was most of
    # the page and of the run's memory (issue 15.5).
    text = (
        memo_text(file, anchors, lang)
        if anchors
        else f'<p class="no-text">{escape(phrase(lang, "memo-clean"))}</p>'
    )
    return (
        f'<section class="memo" id="m-{index}"><h2>{escape(file.path)} '
        f'<span class="pack">{escape(file.pack)}</span></h2><div class="columns">'
        f'{text}<ol class="findings">{findings}</ol></div></section>'
    )


def counts_list(report: LintReport) -> str:
    counts = report.counts()
    items = "".join(
        f'<li class="sev-{s.value}">{escape(count_noun(report.lang, s.value, counts[s]))}</li>'
        for s in SEVERITIES
    )
    return f'<ul class="counts">{items}</ul>'


def chunks(report: LintReport, options: RenderOptions) -> Iterator[str]:
    """The page memo by memo: the page of 10,000 memos is never one string (issue 15)."""
    title = escape(phrase(report.lang, "title"))
    yield (
        f'<!DOCTYPE html>\n<html lang="{language(report.lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{title}</h1>{counts_list(report)}"
        f"<p>{escape(summary_line(report))}</p></header><main>"
    )
    for index, file in enumerate(sorted_files(report), 1):
        yield memo_section(index, file, report.lang, report.rules)
    yield (
        f"</main><footer>memo-lint {escape(report.version)}</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
