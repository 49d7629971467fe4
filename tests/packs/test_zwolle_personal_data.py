"""Rules of the zwolle-beslisnota pack on seed variants; the kinds themselves with their own
options: tests/checks/test_personal_data.py.

personal-data: ML801, a citizen's data in a memo that will be published.

Each case puts one sentence into the seed memo (marked Openbaar by its closing statement)
and compares the ML801 findings; the same sentence in a memo marked Geheim, or in a
collegevoorstel without any publicity, is silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit, line_of, seed_txt, violations
from memo_lint.api import Linter, LintOptions
from memo_lint.checks.personal_data import mask

TXT = seed_txt()
ANCHOR = "voorgesteld om deelname aan de City deal niet te verlengen.  \n"
GEHEIM = (
    "☐ Openbaar \n☒ Geheim \nGeheim op grond van artikel 5.1, tweede lid, onder e Woo en "
    "artikel 87 Gemeentewet. De geheimhouding kan door het college worden opgeheven en geldt "
    "tot 1 januari 2030. \n"
)


def memo(sentence: str, text: str = TXT) -> str:
    return edit(text, ANCHOR, ANCHOR + sentence + " \n")


def found(text: str, pack: str | None = "zwolle-beslisnota") -> list[str]:
    return [v.message for v in violations(text, "memo.txt", select=["ML801"], pack=pack)]


@pytest.mark.parametrize(
    ("sentence", "message"),
    [
        ("De aanvrager (BSN 111222333) woont in Zwolle.", "BSN 1112•••33"),
        ("Burgerservicenummer 1112.22.333 is bekend.", "BSN 1112•••33"),
        ("BSN: 111 222 333.", "BSN 1112•••33"),
        ("Bekend onder nummer 111222333, BSN 123456782.", "BSN 1234•••82"),
        ("Betaald naar NL91 ABNA 0417 1643 00 van de aanvrager.", "IBAN NL91•••00"),
        ("Betaald naar NL91ABNA0417164300.", "IBAN NL91•••00"),
        ("Bereikbaar op 06-12345678.", "mobiel nummer 0612•••78"),
        ("Bereikbaar op +31 6 1234 5678.", "mobiel nummer 0612•••78"),
        ("Bereikbaar op (06) 123 456 78.", "mobiel nummer 0612•••78"),
        ("Bereikbaar op 0031 6 12345678.", "mobiel nummer 0612•••78"),
        ("Bereikbaar op +31 (0)6 12 34 56 78.", "mobiel nummer 0612•••78"),
        ("De melder is privé bereikbaar op 038-4231234.", "privételefoonnummer 0384•••34"),
        ("Thuisnummer van de aanvrager: 070 123 45 67.", "privételefoonnummer 0701•••67"),
        ("De aanvrager, tel. privé (038) 423 12 34, klaagt.", "privételefoonnummer 0384•••34"),
        ("Mail naar jan.jansen@hotmail.com voor vragen.", "privé-e-mailadres j•••@hotmail.com"),
        ("De melder, geboren op 3 april 1961, klaagt.", "geboortedatum 3 ap•••61"),
        ("Geboortedatum: 03-04-1961.", "geboortedatum 03-0•••61"),
        ("Geboren: 3-4-61.", "geboortedatum 3-•••1"),  # four digits: the fewest a date has
        ("De auto met kenteken 12-BDF-3 stond er.", "kenteken 12•••-3"),
        ("De bus GB-123-H stond er.", "kenteken GB•••-H"),
    ],
)
def test_citizen_data_is_reported_masked(sentence: str, message: str) -> None:
    assert found(memo(sentence)) == [f"Persoonsgegeven in een openbaar memo: {message}."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Het zaaknummer is 123456789.",  # fails the elfproef
        "Vermeld ons dossiernummer 111222333.",  # passes it, but names another number
        "Zaak 111222333 is afgehandeld.",
        "A.2 BA100a 111 222 333",  # a table row of three numbers that happens to pass
        "Rekening NL91 ABNA 0417 1643 01 is fout.",  # fails mod-97
        "Bel het klantcontactcentrum op 14 038.",  # the organisation's number
        "Mail naar info@zwolle.nl of subsidies@zwolle.nl.",  # the organisation's domain
        "Mail naar secretariaat@vng.nl.",  # an organisation, not a consumer provider
        "Bel 038 498 9111 of 070-3536639.",  # fixed lines: not a citizen's to tell
        "Het Huis van de Stad, huisnummer 12, 038-4231234.",  # no private cue
        "Privé-informatie via 0800-1234567 of 088 123 4567.",  # free and business ranges
        "Johan de Witt, geboren op 24 september 1625, overleden 1672.",  # historical
        "Het bedrag is € 111.222.333 en 1.234.567.",  # amounts, not numbers
        "Budget 2024-2025, artikel 12-3, versie 1.2.3.",
    ],
)
def test_not_personal_data(sentence: str) -> None:
    assert found(memo(sentence)) == []


def test_contact_block_of_the_memos_own_official_is_not_reported() -> None:
    text = memo("Contactpersoon: P. de Vries \n06-98765432, p.devries@gmail.com")
    assert found(text) == []


def test_a_blank_line_ends_the_contact_block() -> None:
    text = memo("Contactpersoon: P. de Vries \n06-98765432 \n \nDe melder: 06-12345678.")
    assert found(text) == ["Persoonsgegeven in een openbaar memo: mobiel nummer 0612•••78."]


def test_geheim_memo_is_silent() -> None:
    text = memo("De aanvrager (BSN 111222333, 06-12345678) woont in Zwolle.")
    text = edit(text, " Openbaar \n Geheim \n", GEHEIM)
    text = edit(text, "Openbaarheid \nOpenbaar  ", "Openbaarheid \nGeheim  ")
    assert found(text) == []


def test_collegevoorstel_without_publicity_is_silent_but_a_council_memo_is_not() -> None:
    text = memo("De aanvrager (BSN 111222333) woont in Zwolle.")
    text = edit(text, " Openbaar \n Geheim \n", "")
    text = edit(text, "Openbaarheid \nOpenbaar  \n", "")
    assert found(text, pack="collegevoorstel") == []
    assert len(found(text, pack="raadsvoorstel")) == 1


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        ("nl", "Persoonsgegeven in een openbaar memo: BSN 1234•••82.", ("Anonimiseer", "geheime")),
        ("en", "Personal data in a public memo: BSN 1234•••82.", ("Anonymise", "secret attach")),
    ],
)
def test_message_masked_and_how_to_fix_in_dutch_and_english(
    lang: str, message: str, hint: tuple[str, str]
) -> None:
    text = memo("BSN 123456782.")
    options = LintOptions(pack="zwolle-beslisnota", select=("ML801",), lang=lang, use_cache=False)
    found = Linter(options).lint_bytes("memo.txt", text.encode("utf-8"), Path("memo.txt"))
    assert [v.message for v in found.violations] == [message]
    assert "123456782" not in found.violations[0].message
    assert all(words in (found.violations[0].hint or "") for words in hint)
    line = line_of(text, "BSN 123456782")
    assert (found.violations[0].span.line, found.violations[0].span.column) == (line, 5)


@pytest.mark.parametrize(
    ("value", "masked"),
    [("123456782", "1234•••82"), ("0612345678", "0612•••78"), ("a@gmail.com", "a•••@gmail.com")],
)
def test_mask(value: str, masked: str) -> None:
    assert mask(value) == masked


ORG_PACK = """\
name: provincie
extends: zwolle-beslisnota
title: {nl: Provincie, en: Province}
rules:
  - code: ML801
    options:
      organisation: {numbers_add: ["NL91 ABNA 0417 1643 00"]}
"""


def test_an_extending_pack_lists_the_organisations_own_account(tmp_path: Path) -> None:
    """The Overijssel letterheads of the corpus carry the province's own IBAN."""
    text = memo("Betaal op rekening NL91 ABNA 0417 1643 00 van de provincie.")
    assert found(text) == ["Persoonsgegeven in een openbaar memo: IBAN NL91•••00."]
    pack = tmp_path / "provincie.yaml"
    pack.write_text(ORG_PACK, "utf-8")
    memo_file = tmp_path / "memo.txt"
    memo_file.write_text(text, "utf-8")
    options = LintOptions(pack=str(pack), select=("ML801",), use_cache=False)
    assert Linter(options).lint_bytes(str(memo_file), text.encode(), memo_file).violations == []
