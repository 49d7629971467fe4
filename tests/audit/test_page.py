"""The HTML audit page: self-contained, charts that render, links to per-memo reports."""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from memo_lint.cli import main

pytest.importorskip("matplotlib", reason="memo-lint[audit] not installed")

# The existing report's headless-Chromium helpers: one way to drive the browser.
from reporters.test_html import chromium, needs_chromium


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.figures = 0
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.figures += tag == "figure"
        self.svgs += tag == "svg"
        for name, value in attrs:
            inline = value and value.startswith(("#", "data:"))
            if name in ("src", "href", "xlink:href") and value and not inline:
                self.references.append(value)


@pytest.fixture
def page(archive: Path) -> Path:
    result = CliRunner().invoke(
        main,
        ["audit", str(archive), "--store", "store", "--format", "html", "-o", "out/audit.html"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return Path("out/audit.html").resolve()


def test_the_page_loads_nothing_but_its_own_memo_reports(page: Path) -> None:
    html = page.read_text("utf-8")
    parser = Links()
    parser.feed(html)
    assert parser.figures == parser.svgs == 5
    assert parser.references, "the worst documents link to their reports"
    for reference in parser.references:
        assert reference.startswith("audit-memos/"), reference
        report = (page.parent / reference).read_text("utf-8")
        assert "<mark" in report  # the per-memo reporter, with the memo's text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and not re.search(r"url\((?!#)", html)


def test_the_same_summary_gives_the_same_page(page: Path) -> None:
    first = page.read_bytes()
    CliRunner().invoke(
        main, ["audit", "archive", "--store", "store", "--format", "html", "-o", str(page)]
    )
    assert page.read_bytes() == first


@needs_chromium
def test_every_chart_renders_in_chromium(page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None, dom[:500]
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    assert attrs.get("data-charts") == "5"
    assert attrs.get("data-charts-visible") == "5"


@needs_chromium
def test_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "audit.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 900)
    assert len(data) > 20_000  # a blank page compresses to a few hundred bytes


def test_the_page_counts_memos_and_non_memos_apart(page: Path) -> None:
    html = page.read_text("utf-8")
    counts = re.findall(r"<li[^>]*>([^<]+)</li>", html)
    assert {"9 documents", "6 memos", "1 not memos (not checked)", "2 unreadable (ML001)"} <= set(
        counts
    )
    assert "(motie)" in html  # the kinds counted and not checked, named
    # the rules table gives the share of memos, not of documents: 1 of 6 memos lacks ML301
    assert re.search(r"<td>ML301</td>.*?<td class=n>16\.7%</td>", html)
