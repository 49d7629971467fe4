"""Recognition: what a document is (kind, template, confidence, reason), or abstention."""

from __future__ import annotations

import pytest

from helpers import ROOT, seed_txt
from memo_lint import recognise
from memo_lint.api import LintOptions

CORPUS = ROOT / "tests" / "fixtures" / "packs" / "corpus"


def corpus_text(prefix: str) -> str:
    """The copy of ``../shared/corpus/real/<prefix>_*.txt``."""
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8")


MOTIE = """GEMEENTERAAD
Stuknummer:
Motie: Watertappunt in speeltuinen
Indiener: A. Jansen
De raad van de gemeente Den Haag, in vergadering bijeen op 18 december 2024, ter bespreking van
Voorstel van het college inzake Spelen in de stad (RIS318516),
constaterende, dat:
- er geen watertappunten zijn;
verzoekt het college
- watertappunten te plaatsen,
en gaat over tot de orde van de dag.
"""

AMENDEMENT = """GEMEENTERAAD
Stuknummer:
Amendement: Vraagstelling referendum
Indiener: B. de Vries
De raad van de gemeente Den Haag, in vergadering bijeen op 13 februari 2025, ter bespreking van het
Voorstel van het college inzake startnotitie referendum.
Besluit:
II. een referendum te organiseren.
"""

BESLUITENLIJST = (
    "Besluitenlijst\nRaad\nDatum en tijd\n13 februari 2025\nDeelnemers vergadering\n"
    + "Aanwezig zijn 43 leden.\n" * 30
    + "Voorstel van het presidium inzake ontheffing vereiste van ingezetenschap\nConform\n"
)

PREADVIES = """Aan de gemeenteraad
Ons kenmerk
DSO/10794671
Onderwerp
Preadvies initiatiefvoorstel 'Zeehelden eren in Kijkduin'
Op 9 augustus 2024 is het initiatiefvoorstel aangeboden. Hierbij biedt het college de raad
het preadvies over het initiatiefvoorstel aan.
"""


@pytest.mark.parametrize(
    ("prefix", "kind", "template"),
    [
        ("10", "raadsvoorstel", "denhaag-raadsvoorstel"),
        ("13", "raadsvoorstel", "denhaag-raadsvoorstel"),
        ("01", "informatienota", "zaanstad-raadsinformatiebrief"),
        ("05", "informatienota", None),  # a Zaanstad kennisgeving: no template pack
        ("14", "informatienota", None),  # a Den Haag letter to the council
    ],
)
def test_corpus_memos(prefix: str, kind: str, template: str | None) -> None:
    found = recognise(corpus_text(prefix))
    assert (found.kind, found.memo, found.template) == (kind, True, template)
    assert found.reason.startswith(f"detected: {kind}: line ")
    assert 0.5 <= found.confidence <= 1.0


def test_the_seed_is_a_zwolle_beslisnota() -> None:
    found = recognise(seed_txt())
    assert (found.kind, found.template, found.pack) == (
        "collegevoorstel",
        "zwolle-beslisnota",
        "zwolle-beslisnota",
    )
    assert "template zwolle-beslisnota: line 9 'Betreft doel 9.1.3" in found.reason


@pytest.mark.parametrize(
    ("text", "kind"),
    [(MOTIE, "motie"), (AMENDEMENT, "amendement"), (BESLUITENLIJST, "besluitenlijst")],
    ids=["motie", "amendement-quoting-a-proposal", "besluitenlijst-listing-a-proposal"],
)
def test_council_documents_are_not_memos(text: str, kind: str) -> None:
    """The first title names the document: a quoted 'Voorstel van het college inzake …' or a
    listed proposal further down does not make it a proposal."""
    found = recognise(text)
    assert (found.kind, found.memo, found.pack) == (kind, False, None)


def test_a_preadvies_on_an_initiatiefvoorstel_is_a_preadvies() -> None:
    found = recognise(PREADVIES)
    assert (found.kind, found.memo, found.pack) == ("preadvies", True, "informatienota")


def test_nothing_to_go_on_is_abstention() -> None:
    found = recognise("Een tekst over het weer.\n\nHet regent vandaag.\n")
    assert (found.kind, found.memo, found.template, found.confidence) == (None, False, None, 0.0)
    assert found.reason_in("en") == "no title or operative formula of a decision memo found"


def test_a_forced_pack_checks_whatever_the_text_is() -> None:
    found = recognise(MOTIE, options=LintOptions(pack="raadsvoorstel"))
    assert (found.kind, found.memo, found.template, found.origin) == (
        "raadsvoorstel",
        True,
        "raadsvoorstel",
        "forced",
    )
    assert found.reason == "--pack option"


@pytest.mark.parametrize("prefix", ["17", "18", "19", "20"])
def test_a_ministry_beslisnota_is_a_decision_memo(prefix: str) -> None:
    """'TER ONDERTEKENING' / 'TER BESLISSING' above a nota to the minister: a beslisnota."""
    found = recognise(corpus_text(prefix))
    assert (found.kind, found.memo, found.template) == ("collegevoorstel", True, None)
    assert "'TER " in found.reason


@pytest.mark.parametrize("prefix", ["15", "16"])
def test_zutphen_proposal_pages_are_raadsvoorstellen(prefix: str) -> None:
    found = recognise(corpus_text(prefix))
    assert (found.kind, found.memo) == ("raadsvoorstel", True)
    assert "stelt voor :'" in found.reason


ADVIES = """Aan:
College van burgemeester en wethouders van Almere
Betreft:
Advies Adviesraad Sociaal Domein over de
Visie Gezondheidsbeleid Almere 2023-2026
Datum:
21 november 2023
Geacht college,
Op 10 oktober 2023 hebben wij uw adviesaanvraag ontvangen. Wij adviseren de raad het
raadsvoorstel aan te passen.
Met vriendelijke groet,
"""
GESPREKSWIJZER = """Gesprekswijzer | Keuzes en delen
Onderwerp
BERAADSLAGINGSTAFEL
Raadsvoorstel 'Visie Gezondheidsbeleid Almere 2024-2026'
Initiatiefnemer
Gespreksvorm
Besluiten
"""
EMAIL = """Van:
Verzonden: woensdag 24 juli 2024 15:47
Aan:
Onderwerp: Windbeleid
Geachte wethouders duurzaamheid,
Op 25 september 2024 vindt de bespreking van het
statenvoorstel plaats. Op 9 oktober 2024 besluiten Provinciale Staten op het voorstel.
"""
PERSBERICHT = """P E R S B E R I C H T
Zwolle, 12 oktober 2023
Overijssel weert zonnepanelen van landbouw- en natuurgrond
Provinciale Staten heeft tijdens de afgelopen vergadering ingestemd met een voorbereidingsbesluit.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (ADVIES, "advies"),
        (GESPREKSWIJZER, "gesprekswijzer"),
        (EMAIL, "email"),
        (PERSBERICHT, "persbericht"),
    ],
    ids=["advice-letter", "gesprekswijzer", "e-mail", "letter-spaced-persbericht"],
)
def test_letters_guides_mails_and_press_releases_are_not_memos(text: str, kind: str) -> None:
    """Before: the advice letter's 'Aan:' made it an informatienota, the guide's quoted
    'Raadsvoorstel …' a raadsvoorstel, the mail's 'statenvoorstel' a Statenvoorstel, and the
    press release's spaced title was not read."""
    found = recognise(text)
    assert (found.kind, found.memo, found.pack) == (kind, False, None)


def test_a_beslisnota_advice_heading_is_no_advice_letter() -> None:
    text = (
        "TER BESLISSING\nAan de Minister van Financiën\nAanleiding\nEr zijn vragen.\n"
        "Advies\nU kunt de brief ondertekenen.\n"
    )
    found = recognise(text)
    assert (found.kind, found.memo) == ("collegevoorstel", True)


def test_cues_located_through_one_set_are_found_where_searching_finds_them() -> None:
    """The first document a process recognises has its cues located by one anchored RE2 set
    matched from every line (patterns.first_starts); later ones search cue by cue. Both give
    the same line for every cue, on every corpus text and the seed, for every number of lines
    recognition searches (all, the head, each template's header)."""
    from helpers import CORPUS as SHARED
    from memo_lint import packs
    from memo_lint.linter import Linter
    from memo_lint.readers import read_source
    from memo_lint.recognition import _cue_patterns, _Searched, templates, text_lines

    linter = Linter(LintOptions())
    base = linter.pack(packs.DEFAULT_PACK)
    candidates = templates(packs.builtin_index(), {k.pack for k in base.kinds.values() if k.pack})
    cues = _cue_patterns(base, candidates)
    counts = {None, int(base.recognition.get("head_lines", 30))}
    counts |= {template.header_lines for template in candidates}
    paths = sorted(CORPUS.glob("*.txt")) + sorted(SHARED.parent.rglob("*.txt"))
    texts = [seed_txt(), MOTIE, "", "\n\n", *(path.read_text("utf-8") for path in paths)]
    located = 0
    for text in texts:
        lines = text_lines(read_source("memo.txt", text.encode("utf-8")))
        by_set, by_search = _Searched(lines, cues, locate=True), _Searched(lines, cues)
        assert by_set._starts is not None or not lines  # located, not searched
        for cue in cues:
            for count in counts:
                line = by_set.first_match(cue, count)
                assert line == by_search.first_match(cue, count), (cue, count, text[:60])
                located += line is not None
    assert located > 200  # the comparison saw real matches
