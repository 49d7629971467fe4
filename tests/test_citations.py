"""Legal citations parsed into data (src/memo_lint/citations.py)."""

from __future__ import annotations

import pytest

from memo_lint.citations import chains, find_citations, find_laws, in_lines
from memo_lint.model import Line, Span

Parsed = tuple[str | None, str, tuple[int, ...], tuple[str, ...]]


def parsed(text: str) -> list[Parsed]:
    return [(c.law, c.article, c.paragraphs, c.points) for c in find_citations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The Den Haag 2025 proposal of issue 13: Wob numbering cited as the Woo.
        (
            "op grond van artikel 86, tweede lid, Gemeentewet juncto artikel 10, tweede lid, "
            "sub b en g van de Woo",
            [("gemeentewet", "86", (2,), ()), ("woo", "10", (2,), ("b", "g"))],
        ),
        (
            "artikel 87 Gemeentewet juncto artikel 5.1 lid 2 sub b, f Woo) betreffende",
            [("gemeentewet", "87", (), ()), ("woo", "5.1", (2,), ("b", "f"))],
        ),
        (
            "artikel 5.1, tweede lid, aanhef en onder b, van de Woo",
            [("woo", "5.1", (2,), ("b",))],
        ),
        (
            "artikel 5.1, eerste of tweede lid, van de Wet open overheid",
            [("woo", "5.1", (1, 2), ())],
        ),
        ("art. 5.1.2.e Woo", [("woo", "5.1", (2,), ("e",))]),
        ("Woo art. 5.1 lid 1 sub c", [("woo", "5.1", (1,), ("c",))]),
        ("art. 10 lid 2 sub g Wob", [("wob", "10", (2,), ("g",))]),
        (
            "artikel 10, 2e lid, onder g, van de Wet openbaarheid van bestuur",
            [("wob", "10", (2,), ("g",))],
        ),
        (
            "artikelen 25, 55 en 86 van de Gemw.",
            [
                ("gemeentewet", "25", (), ()),
                ("gemeentewet", "55", (), ()),
                ("gemeentewet", "86", (), ()),
            ],
        ),
        (
            "artikelen 4:25, tweede lid en 4:35 van de Algemene wet bestuursrecht weigert",
            [("awb", "4:25", (2,), ()), ("awb", "4:35", (), ())],
        ),
        ("artikel 36 a, lid 1 van de Gemeentewet", [("gemeentewet", "36a", (1,), ())]),
        ("art. 2.1 lid 1 sub a Wabo", [("wabo", "2.1", (1,), ("a",))]),
        ("artikel 3.1 Wro", [("wro", "3.1", (), ())]),
        ("artikel 5.1 van de Omgevingswet", [("omgevingswet", "5.1", (), ())]),
        ("artikel 9 AVG", [("avg", "9", (), ())]),
        ("artikel 5.1, tweede lid, onder a t/m c, Woo", [("woo", "5.1", (2,), ("a", "b", "c"))]),
        ("artikel 87 van de Provinciewet", [("provinciewet", "87", (), ())]),
        # Other laws are parsed but not known: no rule judges them.
        ("artikel 12a, lid 1 onder a, van de Woningwet", [(None, "12a", (1,), ("a",))]),
        ("artikel 28 van de wet niet aan de stemming", [(None, "28", (), ())]),
        # The Uitvoeringswet AVG is not the AVG.
        (
            "artikel 46 Uitvoeringswet Algemene verordening gegevensbescherming",
            [(None, "46", (), ())],
        ),
    ],
)
def test_citation_forms(text: str, expected: list[Parsed]) -> None:
    assert parsed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het Woo-verzoek is op 3 mei ontvangen.",  # a law named, no article
        "paragraaf 5.1 van de nota",
        "De wobbel artikelsgewijs",
        "zie hoofdstuk 10 en bijlage 2",
    ],
)
def test_no_citation(text: str) -> None:
    assert find_citations(text) == []


def test_juncto_chains_group_citations() -> None:
    text = "art. 87 Gemw jo. art. 5.1 lid 2 sub b Woo; voorts artikel 89 Gemeentewet"
    grouped = chains(find_citations(text))
    assert [[c.article for c in chain] for chain in grouped] == [["87", "5.1"], ["89"]]


def test_span_covers_the_citation_text() -> None:
    text = "geheim op grond van artikel 87 Gemeentewet."
    [citation] = find_citations(text)
    assert text[citation.start : citation.end] == "artikel 87 Gemeentewet"
    assert citation.describe() == "artikel 87 Gemeentewet"


def test_laws_named_without_article() -> None:
    assert [law for law, _, _ in find_laws("een Woo-verzoek en de Wob, niet de Woningwet")] == [
        "woo",
        "wob",
    ]


def test_laws_found_where_a_longer_form_fails_and_not_inside_words() -> None:
    # Inside a word ("xWoo", "Owen") and after "Uitvoeringswet " a form names no law.
    text = "xWoo, Uitvoeringswet Algemene verordening gegevensbescherming, Woo-besluit, Owen Ow"
    assert [(law, text[start:end]) for law, start, end in find_laws(text)] == [
        ("woo", "Woo"),
        ("omgevingswet", "Ow"),
    ]


def test_citation_across_a_line_break_has_a_two_line_span() -> None:
    lines = [
        Line(1, "geheim op grond van artikel 87 Gemeentewet juncto artikel"),
        Line(2, "5.1 lid 2 Woo."),
    ]
    found = in_lines(lines)
    assert [(f.citation.article, f.chain) for f in found] == [("87", 0), ("5.1", 0)]
    assert found[0].span == Span(1, 21, 1, 43)
    assert found[1].span == Span(1, 51, 2, 14)
