"""memo_lint.text: reading Dutch government prose the way a reader of memos does."""

from __future__ import annotations

import pytest

from memo_lint.model import Line
from memo_lint.text import (
    appended_annexes,
    citations,
    foreign_annex,
    referenced_spans,
    roman_value,
    sentences,
    split_sentences,
)


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Het stuk is geheim o.g.v. art. 5.1 lid 2 sub b Woo tot 1 januari 2027.",
        "Geheim op grond van artikel 5.1, tweede lid, onder b, Woo jo. art. 87 Gemeentewet.",
        "De afspraken m.b.t. de uitvoering staan d.d. 13 april 2021 in nr. 5 van de reeks.",
        "Partners (o.a. Rijk, Provincie en gemeenten) hebben de overeenkomst ondertekend.",
        "Advocaat behartigt de belangen van V.O.F. Vishandel Roos in de procedure.",
        "Besluit: I. Het college op te dragen de middelen op te nemen; a. Raad b. Rekenkamer",
        "Met inachtneming van de Verordening art. 7 lid 5. waarbij onderuitputting meegaat.",
    ],
)
def test_one_sentence(text: str) -> None:
    assert pieces(text) == [text]


def test_sentences_end_where_a_reader_ends_them() -> None:
    text = (
        "Het budget is verhoogd met € 0,133 mln. Eerder al was het verhoogd met € 0,1 mln. "
        "De grond is artikel 5.1, tweede lid, sub b. Het college heft de geheimhouding op. "
        "Zie ook zienswijze nr. 1 van een bewoner."
    )
    assert pieces(text) == [
        "Het budget is verhoogd met € 0,133 mln.",
        "Eerder al was het verhoogd met € 0,1 mln.",
        "De grond is artikel 5.1, tweede lid, sub b.",
        "Het college heft de geheimhouding op.",
        "Zie ook zienswijze nr. 1 van een bewoner.",
    ]


def test_sentences_over_line_breaks_keep_their_place() -> None:
    lines = [
        Line(1, "Geheim, op grond van artikel 5.1, tweede"),
        Line(2, "  lid, onder b Woo. De geheimhouding geldt"),
        Line(3, "tot 1 januari 2027."),
        Line(4, ""),
        Line(5, "Nieuwe alinea."),
    ]
    found = sentences(lines)
    assert [s.text for s in found] == [
        "Geheim, op grond van artikel 5.1, tweede lid, onder b Woo.",
        "De geheimhouding geldt tot 1 januari 2027.",
        "Nieuwe alinea.",
    ]
    second = found[1]
    assert (second.span.line, second.span.column, second.span.end_line) == (2, 21, 3)
    start = second.text.index("tot")
    span = second.span_of(start, start + 3)
    assert (span.line, span.column, span.end_column) == (3, 1, 4)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("XXIX", 29), ("XXX", 30), ("XXXVIII", 38), ("XL", 40), ("XC", 90)],
)
def test_roman_numerals_past_thirty(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


@pytest.mark.parametrize("text", ["IIII", "VV", "IC", "XXXX", "", "ABC"])
def test_not_roman(text: str) -> None:
    assert roman_value(text) is None


def test_citations() -> None:
    text = "op grond van artikel 5.1, tweede lid, sub b Woo en art. 87 lid 2 Gemeentewet"
    found = [text[a:b] for a, b in citations(text)]
    assert found == ["artikel 5.1, tweede lid, sub b Woo", "art. 87 lid 2 Gemeentewet"]


def test_referenced_titles() -> None:
    text = (
        "Zie de raadsinformatiebrief Voortgang beëindiging samenwerkingsovereenkomst "
        "Binckhorst (RIS316611) en het voorstel inzake beëindiging van de regeling."
    )
    spans = referenced_spans(text)
    first = text.index("beëindiging")
    second = text.index("beëindiging", first + 1)
    assert any(a <= first < b for a, b in spans)
    assert any(a <= second < b for a, b in spans)
    plain = "Het college besluit tot beëindiging van de overeenkomst."
    assert not any(a <= plain.index("beëindiging") < b for a, b in referenced_spans(plain))
    quoted = "De brief ‘Beëindiging subsidie’ van 3 maart."
    assert any(a <= quoted.index("Beëindiging") < b for a, b in referenced_spans(quoted))


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        ("geheime bijlage B (RIS316611) bij de commissiebrief van 3 maart", True),
        ("bijlage 2 bij de brief van de minister", True),
        ("bijlage 3 van het raadsvoorstel Kadernota", True),
        ("bijlage 1 bij dit voorstel", False),
        ("bijlage 1 en de toelichting", False),
    ],
)
def test_other_documents_annexes(text: str, foreign: bool) -> None:
    end = text.index("bijlage") + len("bijlage ") + 1
    assert foreign_annex(text, end) is foreign


def test_appended_annexes() -> None:
    lines = [
        Line(1, "Bijlage 1 bij dit voorstel geeft de planning."),
        Line(2, "Bijlage 1: taakmutaties"),
        Line(3, "Bijlage II"),
        Line(4, "Bijlage C – Planning en fasering"),
        Line(5, "Bijlage 4 is bijgevoegd,"),
    ]
    assert sorted(appended_annexes(lines)) == ["1", "C", "II"]
