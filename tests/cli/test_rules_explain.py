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
    result = run("explain", "ML999")
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
