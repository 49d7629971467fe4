"""memo_lint.text: reading Dutch government prose the way a reader of memos does."""

from __future__ import annotations

import pytest

from memo_lint.model import Line
from memo_lint.text import (
    appended_annexes,
    citations,
    condition_spans,
    foreign_annex,
    layout_marks,
    part_starts,
    referenced_spans,
    roman_value,
    sentence_matches,
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


def test_sentence_matches_stay_in_their_sentence() -> None:
    lines = [
        Line(1, "De geheimhouding op grond van artikel 5.1, tweede lid, onder b, Woo geldt"),
        Line(2, "tot 1 januari 2027. Daarna volgt een evaluatie tot de zomer."),
    ]
    found = sentences(lines)
    hits = list(sentence_matches(r"(?i)\bgeheim\pL*\b.{0,120}\btot\b", found))
    assert [(sentence.text[:16], sentence.span_of(a, b).line) for sentence, a, b in hits] == [
        ("De geheimhouding", 1)
    ]
    assert list(sentence_matches(r"\bevaluatie\b.{0,40}\bgeheim", found)) == []


def test_what_the_memo_itself_states() -> None:
    found = sentences(
        [
            Line(1, "Zie de raadsinformatiebrief Voortgang beëindiging samenwerkingsovereenkomst"),
            Line(2, "Binckhorst (RIS316611)."),
            Line(
                3, "Tankstations worden aangewezen voor zover de activiteiten niet zijn beëindigd;"
            ),
            Line(4, "Indien de raad instemt, wordt de overeenkomst beëindigd."),
        ]
    )
    hits = list(sentence_matches(r"beëindig\pL*", found, referenced=False))
    assert [sentence.span_of(a, b).line for sentence, a, b in hits] == [4]
    assert len(list(sentence_matches(r"beëindig\pL*", found))) == 3


def test_condition_clauses() -> None:
    text = "De deelname eindigt, tenzij de raad anders besluit, op 1 april."
    assert [text[a:b] for a, b in condition_spans(text)] == ["tenzij de raad anders besluit"]


def test_parts_of_a_document() -> None:
    lines = [
        Line(1, "Voorstel van het college inzake de verordening"),
        Line(2, "Besluit"),
        Line(3, "De raad van de gemeente Den Haag,"),
        Line(4, "besluit:"),
        Line(5, "Toelichting"),
        Line(6, "Bijlage 1: taakmutaties"),
        Line(7, "De raad van de gemeente kent drie commissies, zo blijkt uit het reglement."),
    ]
    assert part_starts(lines) == [3, 5, 6]


def test_layout_marks() -> None:
    lines = [Line(n, f"{numeral}. Punt") for n, numeral in enumerate(["XXVIII", "XXIX"], 1)]
    lines += [
        Line(3, "XXX. Punt dertig"),
        Line(4, "Inleiding ........................ 3"),
        Line(5, "Datum: ....."),
        Line(6, "XXX. Nog in te vullen"),
    ]
    marks = layout_marks(lines)
    assert marks[3] == [(0, 3)]
    assert marks[4] == [(10, 34)]
    assert 5 not in marks  # dots with nothing after them: a blank to fill in
    assert 6 not in marks  # "XXX." again, not continuing a list: may be a placeholder


def test_every_sentence_of_every_corpus_text_knows_its_place() -> None:
    """Each sentence, built from its block's spans, starts where its span says: its first
    word is on its first line at its column, and its last character at its end column."""
    from helpers import CORPUS

    for path in sorted(CORPUS.parent.rglob("*.txt"))[::4]:
        lines = [Line(n, t) for n, t in enumerate(path.read_text("utf-8").splitlines(), 1)]
        found = sentences(lines)
        for index, text in enumerate(found.texts):
            sentence = found[index]
            assert sentence.text == text
            first = lines[sentence.span.line - 1].text.replace("\f", " ")
            assert first[sentence.span.column - 1 :].startswith(text.split()[0]), path.name
            last = lines[sentence.span.end_line - 1].text.replace("\f", " ")
            assert last[sentence.span.end_column - 2] == text[-1], path.name
