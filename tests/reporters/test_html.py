from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from memo_lint.model import Span
from memo_lint.report import LintReport
from memo_lint.reporters import RenderOptions, reporter_for


def render(report: LintReport) -> str:
    return reporter_for("html")(report, RenderOptions())


class Highlights(HTMLParser):
    """Which characters of which memo line each finding's marks cover, read back from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.covered: dict[str, set[tuple[int, int]]] = {}
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.external: list[str] = []
        self._line = 0
        self._column = 0
        self._in_number = False
        self._in_text = False
        self._marks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if anchor := attr.get("id"):
            self.ids.append(anchor)
        for name in ("src", "href"):
            value = attr.get(name) or ""
            if value.startswith("#"):
                self.hrefs.append(value[1:])
            elif value:
                self.external.append(value)
        classes = (attr.get("class") or "").split()
        if tag == "span" and "ln" in classes:
            self._in_number = True
        elif tag == "span" and "src" in classes:
            self._in_text, self._column = True, 0
        elif tag == "mark":
            self._marks.append(attr.get("data-v") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._marks.pop()
        elif tag == "span":
            self._in_number = self._in_text = False

    def handle_data(self, data: str) -> None:
        if self._in_number:
            self._line = int(data)
        elif self._in_text:
            for offset in range(len(data)):
                for anchor in self._marks:
                    self.covered.setdefault(anchor, set()).add(
                        (self._line, self._column + offset + 1)
                    )
            self._column += len(data)


def parse(html: str) -> Highlights:
    parser = Highlights()
    parser.feed(html)
    return parser


def expected_cells(lines: list[str], span: Span) -> set[tuple[int, int]]:
    """(line, column) of every character in a span, 1-based, end exclusive."""
    cells: set[tuple[int, int]] = set()
    for number in range(span.line, span.end_line + 1):
        first = span.column if number == span.line else 1
        stop = span.end_column if number == span.end_line else len(lines[number - 1]) + 1
        cells.update((number, col) for col in range(first, stop))
    return cells


def test_every_violation_is_highlighted_at_its_exact_span(report: LintReport) -> None:
    page = parse(render(report))
    memos = sorted(report.files, key=lambda f: f.path)
    for index, memo in enumerate(memos, 1):
        for n, violation in enumerate(sorted(memo.violations, key=lambda v: v.sort_key()), 1):
            anchor = f"v-{index}-{n}"
            assert page.covered[anchor] == expected_cells(memo.lines, violation.span), anchor


def test_overlapping_spans_nest_and_both_stay_addressable(report: LintReport) -> None:
    html = render(report)
    # ML502 covers lines 6-7; ML701 "[invullen]" lies inside it: nested marks, own ids.
    line_6 = re.search(r'<span class="ln">6</span><span class="src">(.*?)</span></div>', html)
    assert line_6 is not None
    assert re.search(r'<mark [^>]*data-v="v-1-3"[^>]*><mark [^>]*id="v-1-4"', line_6.group(1))
    assert len(re.findall(r'<mark [^>]*data-v="v-1-3"', line_6.group(1))) == 3


def test_findings_link_to_marks_and_ids_are_unique(report: LintReport) -> None:
    page = parse(render(report))
    marks = [i for i in page.ids if i.startswith("v-")]
    assert len(marks) == len(set(marks)) == len(report.violations)
    assert sorted(h for h in page.hrefs if h.startswith("v-")) == sorted(marks)


def test_self_contained_and_escaped(report: LintReport) -> None:
    report.files[0].lines[0] = "<script>alert('memo')</script> & co"
    html = render(report)
    page = parse(html)
    assert page.external == []
    assert "<naam>" not in html and "&lt;naam&gt; &amp; 100% TODO" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;memo&#x27;)" in html
    assert html.count("<script>") == 1


def test_counts_per_severity_at_the_top(report: LintReport, report_nl: LintReport) -> None:
    assert '<ul class="counts"><li class="sev-error">3 errors</li>' in render(report)
    header = render(report_nl).split("<main>")[0]
    assert '<html lang="nl">' in header
    assert "3 fouten" in header and "2 waarschuwingen" in header and "1 opmerking" in header


def test_spans_without_text_still_get_a_visible_anchor(
    report: LintReport, unreadable_report: LintReport
) -> None:
    html = render(unreadable_report)
    assert re.search(r'<p class="no-text">.*<mark class="sev-error empty" id="v-1-1"', html)
    # A span on an empty line or past the end of a line gets an empty marker there.
    memo = next(f for f in report.files if f.path.endswith(".md"))
    memo.violations[2].span = Span(2, 1, 2, 2)
    assert '<span class="ln">2</span><span class="src"><mark class="sev-warning empty" id=' in (
        render(report)
    )


# --- headless Chromium -------------------------------------------------------------------

CHROMIUM = next(filter(None, map(shutil.which, ["chromium", "chromium-browser"])), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not installed (apt-get install -y chromium); CI installs it",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@needs_chromium
def test_highlights_are_visible_in_chromium(
    report: LintReport, unreadable_report: LintReport, tmp_path: Path
) -> None:
    # Besides the fixture's spans: one on an empty line and one in a memo without text.
    memo = next(f for f in report.files if f.path.endswith(".md"))
    memo.violations.append(memo.violations[2].replace(span=Span(2, 1, 2, 2)))
    report.files += unreadable_report.files
    page = tmp_path / "report.html"
    page.write_text(render(report), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None, dom[:500]
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    assert attrs.get("data-highlights") == str(len(report.violations))
    assert attrs.get("data-highlights-visible") == str(len(report.violations))
    assert attrs.get("data-highlights-hidden") == ""


@needs_chromium
def test_screenshot(report: LintReport, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(report), encoding="utf-8")
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 900)
    assert len(data) > 20_000  # a blank page compresses to a few hundred bytes
    if artifacts := os.environ.get("MEMO_LINT_ARTIFACTS"):
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artifacts) / "html-report.png")


def test_findings_show_their_rules_legal_source(report: LintReport) -> None:
    from memo_lint.pack import RuleSource

    code = report.files[0].violations[0].code
    rule = report.rules[code].replace(
        sources=(RuleSource("WCAG 2.1 SC 1.1.1", "https://www.w3.org/TR/WCAG21/#non-text-content"),
                    RuleSource("Woo art. 5.1 <lid 2>")),
    )  # fmt: skip
    page = render(report.replace(rules={**report.rules, code: rule}))
    assert (
        '<p class="rule">source: <a href="https://www.w3.org/TR/WCAG21/#non-text-content">'
        "WCAG 2.1 SC 1.1.1</a>; Woo art. 5.1 &lt;lid 2&gt;</p>"
    ) in page
    assert page.count('class="rule">source:') == sum(
        1 for f in report.files for v in f.violations if v.code == code
    )


def test_a_memo_without_findings_is_named_without_its_text(report: LintReport) -> None:
    """On 10,000 memos the clean memos' text was most of the page and of the memory."""
    clean = report.files[0].replace(violations=[], lines=["Een regel van de nota."])
    page = render(report.replace(files=[clean]))
    assert f"<h2>{clean.path} " in page
    assert "No findings in this memo." in page
    assert "Een regel van de nota." not in page
