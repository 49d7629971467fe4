"""Abstaining is no road to precision: clean corpus memos of three bodies (Zwolle, Den Haag,
Zaanstad), broken on purpose, are still reported, with detection on (no --pack): the decision
removed, the financial paragraph removed, secrecy declared without its legal ground.

Each test first shows the memo as it is, clean of the code it then expects, so the firing
comes from the edit and not from the memo.
"""

from __future__ import annotations

from packkit import CORPUS, TODAY, corpus_text

from helpers import edit, lint, seed_txt


def codes(text: str, path: str = "memo.txt") -> list[str]:
    return [code for code, _ in lint(text, path, today=TODAY)]


def between(text: str, start: str, stop: str) -> str:
    """``text`` without the part from ``start`` up to (not including) ``stop``."""
    begin = text.index(start)
    end = text.index(stop, begin)
    return text[:begin] + text[end:]


# -- Zwolle: the reference beslisnota (collegevoorstel, template zwolle-beslisnota) ----------


def test_zwolle_decision_removed() -> None:
    seed = seed_txt()
    assert "ML506" not in codes(seed)
    broken = between(seed, "Ontwerp besluit", "Collegebesluit d.d.")
    assert "ML506" in codes(broken)


def test_zwolle_financial_paragraph_removed() -> None:
    seed = seed_txt()
    assert "ML207" not in codes(seed)
    broken = between(seed, "Financiële gevolgen", "Bijlagen")
    broken = between(broken, "Financiën \n", "Risico")
    assert "ML207" in codes(broken)


def test_zwolle_secret_without_ground() -> None:
    seed = seed_txt()
    assert "ML302" not in codes(seed)
    broken = edit(seed, "Openbaarheid \n", "Openbaarheid: Geheim\n")
    assert "ML302" in codes(broken)


# -- Den Haag: raadsvoorstellen (template denhaag-raadsvoorstel) and an initiatiefvoorstel ---


def test_denhaag_decision_removed() -> None:
    memo = corpus_text("10")
    assert "ML506" not in codes(memo)
    broken = memo[: memo.index("Gezien het vorenstaande stelt het college")]
    assert "ML506" in codes(broken)


def test_denhaag_initiatiefvoorstel_decision_removed_with_the_template_unknown() -> None:
    memo = (CORPUS / "dev_denhaag_initiatiefvoorstel_14980963.txt").read_text("utf-8")
    found = codes(memo)
    assert "ML004" in found and "ML506" not in found  # kind rules only
    broken = memo[: memo.index("Raadsbesluit\n")]
    assert "ML506" in codes(broken)


def test_denhaag_secrecy_extended_without_ground() -> None:
    memo = corpus_text("13")
    assert "ML305" not in codes(memo)
    broken = edit(memo, "artikel 87 Gemeentewet", "het eerdere besluit", count=2)
    broken = edit(broken, "artikel 5.1 lid 2 sub b, f Woo", "de afspraken", count=2)
    assert "ML305" in codes(broken)


# -- Zaanstad: raadsinformatiebrief (informatienota, template zaanstad-raadsinformatiebrief) --


def test_zaanstad_secret_without_ground() -> None:
    memo = corpus_text("01")
    assert "ML302" not in codes(memo)
    broken = edit(memo, "Geheimhouding \nOpenbaar \n", "Geheimhouding \nGeheim \n")
    assert "ML302" in codes(broken)


def test_zaanstad_financial_paragraph_removed() -> None:
    memo = corpus_text("01")
    assert "ML101" not in codes(memo)
    broken = between(memo, "Financiële en Juridische consequenties", "Geheimhouding")
    assert "ML101" in codes(broken)  # the template's section: no information letter decides
