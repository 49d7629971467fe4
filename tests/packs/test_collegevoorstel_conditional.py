"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_conditional.py.

conditional: if conditions hold, others must (require) or must not (forbid).

Rules of this kind: ML202, ML203, ML204 (finances), ML302, ML303 (secrecy), ML401 (framework).
"""

from __future__ import annotations

import pytest

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
CODES = ["ML202", "ML203", "ML204", "ML302", "ML303", "ML401"]
FIN_TEXT = TXT[TXT.index("De kosten van de City deal") : TXT.index("Het niet verlengen van")]
KADER_TXT = "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n"
PUBLICITY_MD = "- [x] Openbaar\n- [ ] Geheim\n"
GROUNDS = "Geheim op grond van artikel 5.1, tweede lid, onder i Woo en artikel 87 Gemeentewet."
TERMS = "Het college kan de geheimhouding opheffen; zij geldt tot 1 juli 2026."


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=CODES)


def secret(extra: str) -> str:
    text = edit(MD, PUBLICITY_MD, f"- [ ] Openbaar\n- [x] Geheim\n\n{extra}\n")
    return edit(text, "## Openbaarheid\n\nOpenbaar\n", "## Openbaarheid\n\nGeheim\n")


def test_seed_is_silent() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


# ML202: Begroting wijzigen = Ja needs a budget number and an amount


def test_budget_change_without_budget_number() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen Ja")
    text = edit(text, "heeft geen financiële gevolgen, mits", "heeft financiële gevolgen, mits")
    assert check(text, "memo.txt") == [("ML202", line_of(text, "Begroting wijzigen"))]


def test_budget_change_without_amount() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen Ja")
    text = edit(text, "Budgetnummer N.v.t.", "Budgetnummer 6.12345")
    text = edit(text, "heeft geen financiële gevolgen, mits", "heeft financiële gevolgen, mits")
    text = edit(text, "zijn €9.000 excl. btw per jaar", "zijn bekend")
    assert check(text, "memo.txt") == [("ML202", line_of(text, "Begroting wijzigen"))]


def test_budget_change_with_number_and_amount() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen Ja")
    text = edit(text, "Budgetnummer N.v.t.", "Budgetnummer 6.12345")
    text = edit(text, "heeft geen financiële gevolgen, mits", "heeft financiële gevolgen, mits")
    assert check(text, "memo.txt") == []


# ML203: Financiën names costs or says there are none


def test_financien_without_amount_or_explicit_zero() -> None:
    text = edit(TXT, FIN_TEXT, "De City deal wordt bekostigd uit het centrale budget. \n \n")
    text = edit(text, "heeft geen financiële gevolgen, mits", "loopt af, mits")
    assert check(text, "memo.txt") == [("ML203", line_of(text, "Financiën"))]


def test_explicit_zero_is_enough() -> None:
    text = edit(TXT, FIN_TEXT, "Dit voorstel is budgetneutraal. \n \n")
    text = edit(text, "heeft geen financiële gevolgen, mits", "loopt af, mits")
    assert check(text, "memo.txt") == []


def test_an_amount_is_enough() -> None:
    text = edit(TXT, FIN_TEXT, "De deelname kost € 106.707,- per jaar. \n \n")
    text = edit(text, "heeft geen financiële gevolgen, mits", "loopt af, mits")
    assert check(text, "memo.txt") == []


# ML204: the fields and the Financiën text agree


def test_ja_but_no_financial_consequences() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen Ja")
    text = edit(text, "Budgetnummer N.v.t.", "Budgetnummer 6.12345")
    assert check(text, "memo.txt") == [("ML204", line_of(text, "heeft geen financiële gevolgen"))]


def test_nee_but_the_budget_must_change() -> None:
    for sentence in (
        "De begroting moet daarom worden aangepast.",
        "Daarom moet de begroting worden aangepast.",
        "Een begrotingswijziging is nodig.",
    ):
        text = edit(MD, "dus geen middelen vrij.", f"dus geen middelen vrij. {sentence}")
        assert check(text) == [("ML204", line_of(text, sentence))], sentence


# ML302 / ML303: Geheim needs grounds and terms


def test_geheim_with_grounds_and_terms() -> None:
    assert check(secret(f"{GROUNDS} {TERMS}")) == []


def test_geheim_without_grounds() -> None:
    text = secret(TERMS)
    assert check(text) == [("ML302", line_of(text, "- [x] Geheim"))]


def test_geheim_without_terms() -> None:
    text = secret(GROUNDS)
    assert check(text) == [("ML303", line_of(text, "- [x] Geheim"))]


def test_unrelated_tot_elsewhere_is_no_term_of_secrecy() -> None:
    # The seed says "tot nu toe" and "2 jaar": neither says how long the secrecy holds.
    text = secret(f"{GROUNDS} Het college kan de geheimhouding opheffen.")
    assert "tot nu toe" in text
    assert check(text) == [("ML303", line_of(text, "- [x] Geheim"))]


def test_wob_ground_before_the_woo() -> None:
    text = secret("Geheim op grond van artikel 10 Wob en artikel 55 Gemeentewet. " + TERMS)
    assert check(text) == []


def test_openbaar_needs_no_grounds() -> None:
    assert "Gemeentewet" not in MD
    assert check(MD) == []


# ML401: Kader names a framework


def test_kader_without_framework() -> None:
    text = edit(TXT, KADER_TXT, "Zie hierboven. \n")
    assert check(text, "memo.txt") == [("ML401", line_of(text, "Kader"))]


def test_kader_with_a_policy_document() -> None:
    text = edit(TXT, KADER_TXT, "De Visie Sociaal Domein. \n")
    assert check(text, "memo.txt") == []


def test_kader_with_a_dated_decision() -> None:
    text = edit(TXT, KADER_TXT, "Het college heeft op 13 april 2021 ingestemd. \n")
    assert check(text, "memo.txt") == []


def test_missing_kader_is_left_to_required_section() -> None:
    text = edit(TXT, "Kader \n" + KADER_TXT, "")
    assert check(text, "memo.txt") == []


def test_a_decimal_citation_does_not_end_the_sentence() -> None:
    # "artikel 5.1, tweede lid": the dot of 5.1 used to close ML303's window before "tot".
    grounds = "De geheimhouding op grond van artikel 5.1, tweede lid, onder b, Woo en artikel 87 "
    grounds += "Gemeentewet geldt tot 1 januari 2027."
    text = secret(f"{grounds} Het college kan de geheimhouding opheffen.")
    assert check(text) == []
    no_term = secret(
        "De geheimhouding op grond van artikel 5.1, tweede lid, onder b, Woo en artikel 87 "
        "Gemeentewet is opgelegd. Het college kan de geheimhouding opheffen. De evaluatie "
        "volgt tot de zomer."
    )
    assert check(no_term) == [("ML303", line_of(no_term, "- [x] Geheim"))]


def test_who_lifts_in_a_separable_verb() -> None:
    text = secret(f"{GROUNDS} De geheimhouding geldt tot 1 juli 2026; het college heft haar op.")
    assert check(text) == []
    nobody = secret(f"{GROUNDS} De geheimhouding geldt tot 1 juli 2026.")
    assert check(nobody) == [("ML303", line_of(nobody, "- [x] Geheim"))]


def test_who_lifts_from_the_cited_article() -> None:
    """ML303 reads the parsed citation: Gemeentewet art. 89 (from 1 April 2023) and the old
    art. 25/55/86 say who lifts the secrecy ("totdat … haar opheft"); art. 87 does not."""
    term = "De geheimhouding geldt tot 1 januari 2027."
    woo = "jo. artikel 5.1 lid 2 sub b Woo."
    for cited in ("artikel 87 en 89 Gemeentewet", "artikel 25, tweede lid, Gemeentewet"):
        text = secret(f"Geheim op grond van {cited} {woo} {term}")
        assert check(text) == [], cited
    only_87 = secret(f"Geheim op grond van artikel 87 Gemeentewet {woo} {term}")
    assert check(only_87) == [("ML303", line_of(only_87, "- [x] Geheim"))]


@pytest.mark.parametrize(
    "term",
    [
        "De geheimhouding geldt vijf jaar.",
        "De geheimhouding wordt opgelegd voor de duur van 6 maanden.",
        "De geheimhouding vervalt na de gunning.",
        "De geheimhouding geldt tot en met 1-4-27.",
        "Het stuk heeft als expiratiedatum voor geheimhouding 1 maart 2029.",
    ],
)
def test_until_when_as_a_period_an_event_or_a_date(term: str) -> None:
    assert check(secret(f"{GROUNDS} Het college kan de geheimhouding opheffen. {term}")) == []


@pytest.mark.parametrize(
    "sentences",
    [
        # "tot" that is no term: the old 120-character window let these pass.
        "Geheimhouding is nodig omdat openbaarmaking kan leiden tot schade.",
        "Zij stemde in, waardoor de aanleiding tot geheimhouding niet langer van toepassing is.",
        # A date in another sentence, or not after a term cue, says nothing of the end.
        "De geheimhouding is opgelegd. Het besluit volgt op 1 juli 2026.",
        "De (geheime) grondexploitatie heeft per 31-12-2034 een positief saldo.",
    ],
)
def test_no_term_of_secrecy(sentences: str) -> None:
    text = secret(f"{GROUNDS} Het college kan de geheimhouding opheffen. {sentences}")
    assert check(text) == [("ML303", line_of(text, "- [x] Geheim"))]
