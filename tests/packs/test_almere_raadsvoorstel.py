"""Pack almere-raadsvoorstel: silent on Almere's three raadsvoorstellen, firing on broken
variants; its "Fatale termijn" header field feeds the deadline rules (ML601/ML602)."""

from __future__ import annotations

import pytest
from packkit import corpus_text, lint_corpus, lint_with

from helpers import document, edit, line_of
from memo_lint import packs

PACK = "almere-raadsvoorstel"


@pytest.mark.parametrize("prefix", ["06", "07", "08"])
def test_silent_on_the_almere_corpus(prefix: str) -> None:
    assert lint_corpus(PACK, prefix) == []


def test_header_fields_stacked_under_their_keys() -> None:
    doc = document(corpus_text("08"), "08.txt", packs.load(PACK, None))
    fields = {f.key: f.value for f in doc.fields}
    assert fields["Fatale termijn"] == "1 februari 2026"
    assert fields["Datum PM"] == "15 januari 2026"
    assert fields["Raadsnummer"] == "26006"
    assert [d.number for d in doc.decisions] == [1, 2, 3, 4]


def test_fatale_termijn_left_at_pm() -> None:
    text = edit(corpus_text("08"), "Fatale termijn\n\n1 februari 2026", "Fatale termijn\n\nPM")
    assert lint_with(PACK, text) == [("ML604", line_of(text, "PM", 2))]


def test_fatale_termijn_missing() -> None:
    text = edit(corpus_text("08"), "Fatale termijn\n\n1 februari 2026\n", "")
    assert lint_with(PACK, text) == [("ML604", line_of(text, "Voorstel aan de raad"))]


CANCEL = "2. Het beleidskader sociaal domein ‘Anticiperen op wat nodig is’ in te trekken."


def cancelling(fatale_termijn: str) -> str:
    text = edit(corpus_text("06"), CANCEL, "2. De subsidie aan Platform 31 niet te verlengen.")
    return edit(
        text, "Fatale termijn\n\nNiet van toepassing", f"Fatale termijn\n\n{fatale_termijn}"
    )


def test_cancellation_without_deadline_fires_ml601() -> None:
    text = cancelling("Niet van toepassing")
    assert lint_with(PACK, text) == [("ML601", line_of(text, "niet te verlengen"))]


def test_fatale_termijn_is_the_cancellation_deadline() -> None:
    text = cancelling("1 april 2024")
    assert lint_with(PACK, text, today="2024-03-01") == []
    assert lint_with(PACK, text, today="2024-05-01") == [("ML602", line_of(text, "1 april 2024"))]


def test_recital_missing() -> None:
    text = edit(corpus_text("06"), "Gezien het voorstel van burgemeester en wethouders,\n", "")
    assert lint_with(PACK, text) == [("ML505", line_of(text, "Voorgesteld raadsbesluit"))]


def test_raadsnummer_missing() -> None:
    text = edit(corpus_text("06"), "Raadsnummer\n24161\n", "")
    assert lint_with(PACK, text) == [("ML110", line_of(text, "Voorstel aan de raad"))]


def test_section_missing_and_out_of_order() -> None:
    text = corpus_text("06")
    missing = edit(text, "Communicatie en participatie\n", "")
    assert lint_with(PACK, missing) == [("ML101", line_of(missing, "Voorstel aan de raad"))]
    beoogd = text[text.index("Beoogd effect\n") : text.index("Toelichting en argumenten\n")]
    moved = edit(
        edit(text, beoogd, ""),
        "Uitvoering / Vervolgproces\n",
        beoogd + "Uitvoering / Vervolgproces\n",
    )
    assert lint_with(PACK, moved) == [("ML103", line_of(moved, "Beoogd effect"))]


def test_generic_raadsvoorstel_does_not_know_the_fatale_termijn_rule() -> None:
    text = edit(corpus_text("08"), "Fatale termijn\n\n1 februari 2026", "Fatale termijn\n\nPM")
    assert lint_with("raadsvoorstel", text) == []
