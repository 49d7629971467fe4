"""Pack denhaag-raadsvoorstel: silent on Den Haag's five raadsvoorstellen (from full headings
to none at all), firing on broken variants: Roman decision points, the dated recital, the
title, and secrecy decisions under Gemeentewet art. 87 with their Woo grounds."""

from __future__ import annotations

import pytest
from packkit import corpus_text, lint_corpus, lint_with

from helpers import document, edit, line_of
from memo_lint import packs

PACK = "denhaag-raadsvoorstel"
INTRO = "Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:"


@pytest.mark.parametrize("prefix", ["09", "10", "11", "12", "13"])
def test_silent_on_the_denhaag_corpus(prefix: str) -> None:
    assert lint_corpus(PACK, prefix) == []


def test_generic_raadsvoorstel_is_not_enough_for_den_haag() -> None:
    # Arguments 2.1 … are numbered on their own in Den Haag: ML503 would misread them.
    assert [c for c, _ in lint_corpus("raadsvoorstel", "09")].count("ML503") == 4


def test_roman_points_header_date_and_one_decision_section() -> None:
    doc = document(corpus_text("10"), "10.txt", packs.load(PACK, None))
    assert [d.number for d in doc.decisions] == [1, 2, 3, 4, 5]  # "(Spui\n70) naar" is text
    assert doc.memo_date is not None and doc.memo_date.isoformat() == "2025-05-07"
    nine = document(corpus_text("09"), "09.txt", packs.load(PACK, None))
    assert [s.title for s in nine.sections if s.id == "ontwerp-besluit"] == [
        "Voorgesteld raadsbesluit"
    ]


def test_decision_numbering_gap() -> None:
    text = edit(corpus_text("10"), "III. de bijbehorende", "IV. de bijbehorende")
    found = lint_with(PACK, text)
    assert found == [("ML502", line_of(text, "IV. de bijbehorende"))]


def test_formula_missing() -> None:
    text = edit(corpus_text("11"), "besluit:\n", "")
    assert lint_with(PACK, text) == [("ML501", line_of(text, INTRO))]


def test_decision_missing() -> None:
    full = corpus_text("11")
    text = full[: full.index(INTRO)]  # a proposal cut off before its draft decision
    # The template's required section, and the kind's decision concept: nowhere a decision.
    assert lint_with(PACK, text) == [
        ("ML101", line_of(text, "Datum")),
        ("ML506", line_of(text, "Datum")),
    ]


def test_recital_without_date() -> None:
    text = edit(
        corpus_text("11"),
        "gezien het voorstel van het college van 4 maart 2025,",
        "gezien het voorstel van het college,",
    )
    assert lint_with(PACK, text) == [("ML505", line_of(text, INTRO))]


def test_title_missing() -> None:
    text = corpus_text("11")
    title = text[
        text.index("Raadsvoorstel van het college") : text.index("De gemeente is wettelijk")
    ]
    assert lint_with(PACK, edit(text, title, "")) == [
        ("ML111", 6)
    ]  # the first line of memo text, after the provenance header


def test_secrecy_extended_without_grounds() -> None:
    text = edit(
        corpus_text("13"),
        "de op grond van artikel 87 Gemeentewet juncto artikel 5.1 lid 2 sub b, f Woo\n",
        "de eerder\n",
    )
    with_intro = lint_with(PACK, text)
    assert with_intro == []  # the introduction still names the grounds
    bare = edit(
        text, " (geheim o.g.v. artikel 87 Gemeentewet\njuncto artikel 5.1 lid 2 sub b, f Woo)", ""
    )
    assert lint_with(PACK, bare) == [("ML305", line_of(bare, "geheimhouding te verlengen"))]


def test_secrecy_lifted_needs_no_grounds() -> None:
    text = corpus_text("12")
    assert "op te heffen" in text
    assert lint_corpus(PACK, "12") == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The lead-in worded otherwise still opens the decision section.
        (
            INTRO,
            INTRO.replace("vorenstaande stelt", "vorenstaande, stelt"),
        ),
        (
            INTRO,
            "Gezien de toelichting stelt het college de raad voor het volgende besluit te nemen:",
        ),
        (INTRO, "Het presidium stelt de raad voor het volgende besluit te nemen:"),
        (INTRO, "Gezien het vorenstaande wordt voorgesteld het volgende besluit te nemen:"),
        # "Besluit" without a colon, or going on into the decision.
        ("besluit:\n", "Besluit\n"),
        ("besluit:\n", "besluit :\n"),
        # "Gelet op …" recitals between the raad line and "Besluit:".
        (
            "gezien het voorstel van het college van 4 maart 2025,\nbesluit:",
            "gezien het voorstel van het college van 4 maart 2025,\n"
            "gelet op artikel 108, tweede lid, van de Gemeentewet,\nBesluit:",
        ),
    ],
)
def test_formula_variants(old: str, new: str) -> None:
    assert lint_with(PACK, edit(corpus_text("11"), old, new)) == []


def test_formula_going_on_into_the_decision() -> None:
    text = edit(
        corpus_text("11"),
        "besluit:\nI.\nII.\n",
        "besluit vast te stellen de Verordening tot wijziging van de Verordening Den Haag 2018:\n"
        "Artikel I\nDe verordening wordt als volgt gewijzigd:\n1. In artikel 3 komt te luiden:\n",
    )
    assert [c for c, _ in lint_with(PACK, text)] == []


def test_lead_in_without_formula_still_fires() -> None:
    text = edit(
        corpus_text("11"),
        INTRO,
        "Gezien het vorenstaande, stelt het college de raad voor het volgende besluit te nemen:",
    )
    text = edit(text, "besluit:\n", "")
    assert [c for c, _ in lint_with(PACK, text)] == ["ML501"]


def test_the_proposal_itself_is_no_lead_in() -> None:
    text = edit(
        corpus_text("11"),
        INTRO,
        "Het college stelt de raad voor de kosten vast te stellen.\n" + INTRO,
    )
    doc = document(text, "11.txt", packs.load(PACK, None))
    decisions = [s.title for s in doc.sections if s.id == "ontwerp-besluit"]
    assert decisions == [INTRO]
