"""Pack zaanstad-raadsinformatiebrief: the corpus letters 01–04, and broken variants."""

from __future__ import annotations

import pytest
from packkit import corpus_text, lint_corpus, lint_with

from helpers import document, edit, line_of
from memo_lint import packs

PACK = "zaanstad-raadsinformatiebrief"
GEHEIMHOUDING = "Geheimhouding op grond van de Gemeentewet \n"


@pytest.mark.parametrize("prefix", ["01", "02", "03", "04"])
def test_silent_on_the_zaanstad_corpus(prefix: str) -> None:
    assert lint_corpus(PACK, prefix) == []


def test_nvt_under_geheimhouding_means_public() -> None:
    # "Nvt" answers "Geheimhouding?": no secrecy. The pack declares it a synonym of Openbaar.
    doc = document(corpus_text("03"), "03.txt", packs.load(PACK, None))
    assert [s.label for s in doc.choices["publicity"].statements] == ["Openbaar"]


def test_an_answer_that_is_no_option_is_still_reported() -> None:
    text = edit(corpus_text("03"), GEHEIMHOUDING + "Nvt", GEHEIMHOUDING + "Onbekend")
    assert lint_with(PACK, text) == [("ML301", line_of(text, "Geheimhouding op grond"))]


def test_sub_headings_and_glued_footnote_of_the_template() -> None:
    doc = document(corpus_text("03"), "03.txt", packs.load(PACK, None))
    financien = [s for s in doc.sections if s.id == "financien"]
    assert [s.title for s in financien] == ["Financiële en Juridische consequenties"]
    assert [f.label for f in doc.footnotes] == ["1"]  # "Raadsinformatiebrief1" … "1Op deze …"


def test_legal_consequences_missing() -> None:
    text = edit(
        corpus_text("02"),
        "consequenties \nNiet van toepassing",
        "consequenties \nDeze brief heeft geen financiële gevolgen.",
    )
    assert lint_with(PACK, text) == [("ML206", line_of(text, "Financiële en Juridische"))]


def test_secret_without_grounds_or_terms() -> None:
    text = edit(corpus_text("02"), GEHEIMHOUDING + "Openbaar", GEHEIMHOUDING + "Geheim")
    assert lint_with(PACK, text) == [
        ("ML302", line_of(text, "Geheim ")),
        ("ML303", line_of(text, "Geheim ")),
    ]


def test_header_and_section_missing() -> None:
    text = edit(
        edit(corpus_text("01"), "Portefeuille Bereikbaarheid, Mobiliteit en Parkeren \n", ""),
        "Draagvlak \nNiet van toepassing \n",
        "",
    )
    first = line_of(text, "MOZARD")
    assert lint_with(PACK, text) == [("ML101", first), ("ML110", first)]


def test_generic_informatienota_accepts_what_zaanstad_requires() -> None:
    text = edit(corpus_text("01"), "Draagvlak \nNiet van toepassing \n", "")
    assert lint_with("informatienota", text) == []
