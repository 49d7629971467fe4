"""Generic pack informatienota: no decision section; the clean synthetic letter and the
Zaanstad corpus are silent; broken variants fire."""

from __future__ import annotations

import pytest
from packkit import corpus_text, fixture_text, lint_corpus, lint_with

from helpers import edit, line_of

PACK = "informatienota"
CLEAN = "informatienota-clean.md"


def clean() -> str:
    return fixture_text(CLEAN)


def test_silent_on_the_clean_letter() -> None:
    assert lint_with(PACK, clean(), CLEAN) == []


@pytest.mark.parametrize("prefix", ["01", "02", "04"])
def test_silent_on_zaanstad(prefix: str) -> None:
    assert lint_corpus(PACK, prefix) == []


def test_a_letter_has_no_decision_to_check() -> None:
    # The same letter under the collegevoorstel pack misses its draft decision, among others.
    assert ("ML101", 1) in lint_with("collegevoorstel", clean(), CLEAN)


def test_toelichting_missing() -> None:
    text = edit(clean(), "## Toelichting\n", "")
    assert lint_with(PACK, text, CLEAN) == [("ML101", 1)]


def test_financial_consequences_without_substance() -> None:
    text = edit(
        clean(),
        "Deze brief heeft geen financiële consequenties; de verkenning past binnen het "
        "bestaande budget.",
        "Zie de begroting.",
    )
    assert lint_with(PACK, text, CLEAN) == [("ML203", line_of(text, "## Financiële consequenties"))]
    nvt = edit(text, "Zie de begroting.", "Niet van toepassing")
    assert lint_with(PACK, nvt, CLEAN) == []


def test_secret_letter_without_grounds() -> None:
    text = edit(clean(), "## Openbaarheid\n\nOpenbaar", "## Openbaarheid\n\nGeheim")
    assert lint_with(PACK, text, CLEAN) == [
        ("ML302", line_of(text, "Geheim")),
        ("ML303", line_of(text, "Geheim")),
    ]


def test_header_subject_missing() -> None:
    text = edit(clean(), "Onderwerp: Voortgang aanpak ratten in Mariahoeve\n", "")
    assert lint_with(PACK, text, CLEAN) == [("ML110", 1)]


def test_kennisgeving_letter_lacks_the_information_sections() -> None:
    # real/05 is a wethouder's letter, not the raadsinformatiebrief template: judged in
    # docs/corpus-findings.md (true for financiën/openbaarheid, defensible for the rest).
    first = line_of(corpus_text("05"), "gemeente Zaanstad")
    assert lint_corpus(PACK, "05") == [("ML101", first)] * 5 + [("ML110", first)]
