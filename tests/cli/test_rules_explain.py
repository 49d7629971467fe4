"""`memo-lint rules` and `memo-lint explain`."""

from __future__ import annotations

import json


def test_rules_table_lists_every_code(run) -> None:  # type: ignore[no-untyped-def]
    result = run("rules")
    assert result.exit_code == 0
    for code in ("ML001", "ML101", "ML301", "ML601", "ML704"):
        assert f"\n{code}  " in result.output


def test_rules_json(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("rules", "--format", "json", "--lang", "en").output)
    assert data["pack"] == "collegevoorstel"
    by_code = {r["code"]: r for r in data["rules"]}
    assert by_code["ML301"]["name"] == "publicity-marked"
    assert by_code["ML301"]["summary"].startswith("Exactly one of Openbaar/Geheim")


def test_explain_in_both_languages(run) -> None:  # type: ignore[no-untyped-def]
    dutch = run("explain", "ML601")
    assert dutch.exit_code == 0
    assert dutch.output.startswith("ML601 cancellation-deadline\n")
    assert "Waarom:" in dutch.output and "Oplossen:" in dutch.output
    english = run("explain", "cancellation-deadline", "--lang", "en")
    assert "Why:" in english.output and "Fix:" in english.output


def test_explain_unknown_code(run) -> None:  # type: ignore[no-untyped-def]
    result = run("explain", "ML999", "--lang", "en")
    assert result.exit_code == 2
    assert "no rule 'ML999'" in result.output


def test_explain_names_the_legal_and_standard_sources(run) -> None:  # type: ignore[no-untyped-def]
    dutch = run("explain", "ML801").output
    assert "Bron:\n  - Woo art. 5.1 lid 2 onder e" in dutch
    english = run("explain", "image-alt-text", "--lang", "en").output
    assert (
        "Source:\n  - WCAG 2.1 SC 1.1.1 Non-text Content (https://www.w3.org/TR/WCAG21/#non-text-content)"
        in english
    )
    assert "Matterhorn Protocol checkpoint 13-004" in english


def test_a_rule_without_sources_says_none(run) -> None:  # type: ignore[no-untyped-def]
    assert "Bron:" not in run("explain", "ML601").output


def test_rules_json_lists_sources(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("rules", "--format", "json").output)
    by_code = {r["code"]: r for r in data["rules"]}
    assert by_code["ML804"]["sources"][0] == {
        "label": "WCAG 2.1 SC 3.1.1 Language of Page",
        "url": "https://www.w3.org/TR/WCAG21/#language-of-page",
    }
    assert by_code["ML601"]["sources"] == []


# Each publication rule names the law (Woo) or the accessibility standard it rests on: the
# WCAG success criterion and the PDF/UA-1 clause (Matterhorn Protocol checkpoint).
PUBLICATION_SOURCES = {
    "ML801": ("Woo art. 5.1 lid 2 onder e", "AVG art. 5 lid 1 onder c", "UAVG art. 46"),
    "ML802": ("WCAG 2.1 SC 1.3.1", "Matterhorn Protocol checkpoint 01"),
    "ML803": ("WCAG 2.1 SC 2.4.2", "07-001/07-002 (DisplayDocTitle)"),
    "ML804": ("WCAG 2.1 SC 3.1.1", "Matterhorn Protocol checkpoint 11"),
    "ML805": ("WCAG 2.1 SC 1.1.1", "Matterhorn Protocol checkpoint 13-004"),
    "ML806": ("WCAG 2.1 SC 1.3.1", "WCAG 2.1 SC 2.4.6", "Matterhorn Protocol checkpoint 14"),
}


def test_explain_names_every_publication_rules_source(run) -> None:  # type: ignore[no-untyped-def]
    for code, labels in PUBLICATION_SOURCES.items():
        for lang, heading in (("nl", "Bron:"), ("en", "Source:")):
            output = run("explain", code, "--lang", lang).output
            sources = output.split(heading, 1)[1]
            assert all(label in sources for label in labels), (code, lang, labels)


def test_html_report_shows_the_source_of_each_publication_finding(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
    files = ["ML801-personal-data.txt", "ML802-untagged.pdf", "ML803-no-title.docx",
             "ML804-declared-english.docx", "ML805-picture-without-alt.docx",
             "ML806-bold-heading.docx"]  # fmt: skip
    page = tmp_path / "report.html"
    args = ["check", "--no-cache", "--today", "2026-11-29", "--select", "ML80"]
    result = run(*args, "--format", "html", "-o", str(page), *(str(rules / f) for f in files))
    assert result.exit_code == 1, result.output
    html = page.read_text("utf-8")
    for code, labels in PUBLICATION_SOURCES.items():
        finding = html.index(f"<code>{code}</code>")  # the finding, then its rule's sources
        source = html[finding:].split('<p class="rule">bron: ', 1)[1].split("</li>", 1)[0]
        assert all(label in source for label in labels), (code, source)
