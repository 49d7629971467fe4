"""Generic pack raadsvoorstel: the clean synthetic memo and Almere's corpus are silent; broken
variants fire the raad's formula, recital, secrecy grounds, sections and order."""

from __future__ import annotations

import pytest
from packkit import fixture_text, lint_corpus, lint_with

from helpers import edit, line_of

PACK = "raadsvoorstel"
CLEAN = "raadsvoorstel-clean.md"


def clean() -> str:
    return fixture_text(CLEAN)


def test_silent_on_the_clean_memo() -> None:
    assert lint_with(PACK, clean(), CLEAN) == []


@pytest.mark.parametrize("prefix", ["06", "07", "08"])
def test_silent_on_almere(prefix: str) -> None:
    assert lint_corpus(PACK, prefix) == []


def test_college_formula_is_not_the_raad_formula() -> None:
    text = edit(
        clean(), "De raad van de gemeente Voorbeeld,", "Het college van de gemeente Voorbeeld,"
    )
    text = edit(text, "\nbesluit:\n", "\nHet college besluit:\n")
    assert lint_with(PACK, text, CLEAN) == [("ML501", line_of(text, "## Voorgesteld raadsbesluit"))]


def test_recital_missing() -> None:
    text = edit(
        clean(), "gelezen het voorstel van burgemeester en wethouders van 3 maart 2025,\n", ""
    )
    assert lint_with(PACK, text, CLEAN) == [("ML505", line_of(text, "## Voorgesteld raadsbesluit"))]


def test_secrecy_imposed_without_grounds() -> None:
    point = "2. Het krediet te dekken uit de reserve vervanging inventaris.\n"
    secret = point + "3. Geheimhouding op te leggen op de offerte van de leverancier.\n"
    text = edit(clean(), point, secret, 2)
    assert lint_with(PACK, text, CLEAN) == [("ML305", line_of(text, "3. Geheimhouding"))]
    grounded = text.replace(
        "Geheimhouding op te leggen",
        "Op grond van artikel 87 Gemeentewet juncto artikel 5.1 lid 2 sub b Woo "
        "geheimhouding op te leggen",
    )
    assert lint_with(PACK, grounded, CLEAN) == []


def test_secrecy_imposed_in_a_long_sentence_without_grounds() -> None:
    """The decision is one sentence, however far "geheimhouding" is from "op te leggen"
    (issue 13: sentences, not word windows)."""
    point = "2. Het krediet te dekken uit de reserve vervanging inventaris.\n"
    long = (
        point + "3. Geheimhouding, gelet op de onderhandelingspositie van de gemeente bij de "
        "verwerving van de percelen aan de noordzijde van het plangebied en de nog lopende "
        "gesprekken met de eigenaren en hun adviseurs over de waardebepaling van de grond, "
        "op te leggen op de taxatierapporten.\n"
    )
    text = edit(clean(), point, long, 2)
    assert lint_with(PACK, text, CLEAN) == [("ML305", line_of(text, "3. Geheimhouding"))]


def test_section_missing_and_out_of_order() -> None:
    section = "## Communicatie\n\nDe medewerkers worden via het intranet geïnformeerd.\n\n"
    missing = edit(clean(), section, "")
    assert lint_with(PACK, missing, CLEAN) == [("ML101", line_of(missing, "# Raadsvoorstel"))]
    moved = edit(missing, "## Inleiding\n", section + "## Inleiding\n")
    assert lint_with(PACK, moved, CLEAN) == [("ML103", line_of(moved, "## Communicatie"))]


def test_the_collegevoorstel_pack_would_want_the_college_formula() -> None:
    # "De raad … besluit:" is no operative formula for the collegevoorstel pack.
    assert "ML501" in [c for c, _ in lint_with("collegevoorstel", clean(), CLEAN)]
