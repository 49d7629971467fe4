"""attachment-reference (ML703): every "bijlage N" referred to is listed under Bijlagen."""

from __future__ import annotations

import pytest

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
KADER_TXT = "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n"


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("attachment-reference", {}, text, path)


def listing(*items: str) -> str:
    return edit(MD, "## Bijlagen\n\nn.v.t.\n", "## Bijlagen\n\n" + "\n".join(items) + "\n")


def test_seed_refers_to_no_attachment() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_reference_while_bijlagen_says_nvt() -> None:
    text = edit(TXT, KADER_TXT, KADER_TXT.rstrip() + " (bijlage 1) \n")
    assert check(text, "memo.txt") == [(None, line_of(text, "(bijlage 1)"))]


def test_listed_attachment() -> None:
    text = listing("1. Collegevoorstel 31-05-2022")
    text = edit(
        text,
        "Smart Zwolle.\n\n## Maatschappelijk",
        "Smart Zwolle (bijlage 1).\n\n## Maatschappelijk",
    )
    assert check(text) == []


def test_listed_as_bijlage_with_roman_numeral() -> None:
    text = listing("- Bijlage II: Evaluatie City deal")
    text = edit(
        text,
        "Smart Zwolle.\n\n## Maatschappelijk",
        "Smart Zwolle (zie Bijlage II).\n\n## Maatschappelijk",
    )
    assert check(text) == []


def test_unlisted_number() -> None:
    text = listing("1. Collegevoorstel 31-05-2022")
    text = edit(
        text,
        "Smart Zwolle.\n\n## Maatschappelijk",
        "Smart Zwolle (zie bijlage 2).\n\n## Maatschappelijk",
    )
    assert check(text) == [(None, line_of(text, "bijlage 2"))]


def with_sentence(text: str, sentence: str) -> str:
    return edit(
        text,
        "Smart Zwolle.\n\n## Maatschappelijk",
        f"Smart Zwolle. {sentence}\n\n## Maatschappelijk",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Zie geheime bijlage B (RIS316611) bij de commissiebrief van 3 maart 2022.",
        "De planning staat in bijlage 2 bij de brief van de minister van 1 juni 2022.",
        "Dit volgt uit bijlage 3 van het raadsvoorstel Kadernota 2022 (RIS311111).",
        "Zie de raadsinformatiebrief 'Evaluatie, bijlage 4 en vervolg' van mei.",
    ],
)
def test_another_documents_annex_is_not_this_memos(sentence: str) -> None:
    text = with_sentence(listing("1. Collegevoorstel 31-05-2022"), sentence)
    assert check(text) == []


def test_own_annex_still_fires_next_to_anothers() -> None:
    sentence = "Zie bijlage 2 bij dit voorstel en bijlage B bij de brief van de minister."
    text = with_sentence(listing("1. Collegevoorstel 31-05-2022"), sentence)
    assert check(text) == [(None, line_of(text, "Zie bijlage 2"))]


def test_annex_appended_in_the_document_is_listed() -> None:
    text = with_sentence(
        listing("1. Collegevoorstel 31-05-2022"), "De mutaties staan in bijlage 2."
    )
    appended = text + "\nBijlage 2: taakmutaties\n\nTaak A: + € 9.000\n"
    assert check(appended) == []
    assert check(text) == [(None, line_of(text, "bijlage 2"))]


def test_template_without_a_list_of_annexes() -> None:
    # A template without a Bijlagen section cannot be held to a list it does not have.
    text = edit(MD, "## Bijlagen\n\nn.v.t.\n", "")
    text = with_sentence(text, "De planning staat in bijlage 1.")
    assert check(text) == []
    # … unless the document appends annexes itself: then those are its list.
    appended = text + "\nBijlage 2: taakmutaties\n"
    assert check(appended) == [(None, line_of(appended, "bijlage 1"))]
