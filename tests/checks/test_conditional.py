"""conditional: when every ``when`` condition holds, each ``require`` must hold and no
``forbid`` may; conditions on fields, patterns (optionally within one sentence), amounts,
dates, choices, citations and ``any_of``; ``cases`` holds several triples."""

from __future__ import annotations

from typing import Any

from helpers import run_kind
from memo_lint import kind_docs

BUDGET: dict[str, Any] = {
    "when": [{"field": "Begroting wijzigen", "matches": r"(?i)^ja\b"}],
    "require": [{"amount": True, "scope": "financien", "name": {"nl": "een bedrag"}}],
}


def check(options: dict[str, Any], text: str) -> list[tuple[str | None, int]]:
    return run_kind("conditional", options, text)


def budget(answer: str, costs: str) -> str:
    return f"# Financiële gevolgen\n\nBegroting wijzigen: {answer}\n\n# Financiën\n\n{costs}\n"


def test_a_field_condition_and_a_required_amount() -> None:
    assert check(BUDGET, budget("Ja", "De kosten zijn € 9.000 per jaar.")) == []
    assert check(BUDGET, budget("Ja", "De kosten volgen later.")) == [(None, 3)]
    assert check(BUDGET, budget("Nee", "De kosten volgen later.")) == []


def test_a_missing_scope_section_leaves_the_requirement_unjudged() -> None:
    assert check(BUDGET, "# Financiële gevolgen\n\nBegroting wijzigen: Ja\n") == []


def test_forbid() -> None:
    options = {
        "when": [{"pattern": r"(?i)\bgeheim\b", "scope": "openbaarheid"}],
        "forbid": [{"pattern": r"(?i)\bopenbaar\b", "scope": "openbaarheid"}],
    }
    assert check(options, "# Openbaarheid\n\nGeheim, want niet openbaar.\n") == [(None, 3)]
    assert check(options, "# Openbaarheid\n\nGeheim.\n") == []
    assert check(options, "# Openbaarheid\n\nOpenbaar.\n") == []


def test_a_choice_condition_and_a_required_citation() -> None:
    options = {
        "when": [{"choice": "publicity", "option": "Geheim"}],
        "require": [{"citation": {"law": "gemeentewet"}}],
    }
    secret = "# Openbaarheid\n\n- [ ] Openbaar\n- [x] Geheim\n\n"
    assert check(options, secret + "Op grond van artikel 87 Gemeentewet.\n") == []
    assert check(options, secret + "Zomaar.\n") == [(None, 4)]
    public = "# Openbaarheid\n\n- [x] Openbaar\n- [ ] Geheim\n\nZomaar.\n"
    assert check(options, public) == []


def test_any_of_holds_when_one_condition_holds() -> None:
    options = {
        "when": [{"any_of": [{"pattern": "subsidie"}, {"date": True, "scope": "vervolg"}]}],
        "require": [{"pattern": "dekking"}],
    }
    assert check(options, "# Samenvatting\n\nEen subsidie.\n") == [(None, 3)]
    assert check(options, "# Vervolg\n\nOp 1 mei 2024.\n") == [(None, 3)]
    assert check(options, "# Vervolg\n\nLater.\n") == []
    assert check(options, "# Vervolg\n\nEen subsidie met dekking.\n") == []


def test_a_sentence_pattern_does_not_cross_a_sentence_end() -> None:
    forbid = {"pattern": r"(?i)geheim[^\n]*artikel 10"}
    text = "# Kader\n\nGeheim op grond van artikel 5.1, tweede lid, Woo. Zie ook artikel 10.\n"
    assert check({"when": [{"pattern": "Woo"}], "forbid": [forbid]}, text) == [(None, 3)]
    in_sentence = {"when": [{"pattern": "Woo"}], "forbid": [{**forbid, "sentence": True}]}
    assert check(in_sentence, text) == []
    assert check(in_sentence, "# Kader\n\nGeheim op grond van artikel 10 Woo.\n") == [(None, 3)]


def test_cases_are_judged_one_by_one() -> None:
    options = {
        "cases": [
            {"when": [{"pattern": "A"}], "require": [{"pattern": "B"}]},
            {"when": [{"pattern": "C"}], "forbid": [{"pattern": "D"}]},
        ]
    }
    assert check(options, "# Samenvatting\n\nA en C.\n\nD.\n") == [(None, 3), (None, 5)]
    assert check(options, "# Samenvatting\n\nA en B.\n\nC.\n") == []


def test_a_requirement_named_in_one_language_serves_the_other() -> None:
    found = kind_docs.run_kind("conditional", BUDGET, budget("Ja", "Later."))  # lang "en"
    assert [f.args["missing"] for f in found] == ["een bedrag"]


def test_a_sentence_with_a_date_after_a_cue() -> None:
    """date_cue: the matching sentence names a date the date reader reads, right after the cue."""
    options = {
        "require": [
            {"pattern": r"(?i)\bgeheim\pL*", "sentence": True, "date_cue": r"(?i)\btot\s*$"}
        ]
    }
    assert check(options, "# Samenvatting\n\nDe geheimhouding geldt tot 1 juli 2027.\n") == []
    assert check(options, "# Samenvatting\n\nGeheim. Het besluit volgt tot 1 juli 2027.\n") != []
    assert check(options, "# Samenvatting\n\nDe geheimhouding is per 1 juli 2027 opgelegd.\n") != []
