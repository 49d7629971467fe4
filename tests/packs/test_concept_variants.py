"""Abstaining is no road to precision: clean corpus memos of five bodies (Zwolle, Den Haag,
Zaanstad, Almere, a ministry), broken on purpose, are still reported, with detection on (no
--pack): the decision removed, the financial paragraph removed, secrecy declared without its
legal ground, the summary, the publicity or the framework removed.

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


# -- The summary, publicity and framework concepts (ML106, ML307, ML403) ---------------------


def test_zwolle_summary_removed() -> None:
    seed = seed_txt()
    assert "ML106" not in codes(seed)
    broken = between(seed, " Samenvatting \n", "Financiële gevolgen")
    assert "ML106" in codes(broken)


def test_zwolle_publicity_removed() -> None:
    seed = seed_txt()
    assert "ML307" not in codes(seed)
    broken = between(seed, "Openbaarheid \n", "Ontwerp besluit")
    broken = edit(broken, "Openbaarheid \nOpenbaar  \n", "")  # stated again at the end
    assert "ML307" in codes(broken)


def test_zwolle_framework_removed() -> None:
    seed = seed_txt()
    assert "ML403" not in codes(seed)
    broken = between(seed, "Kader \n", "Beoogd effect")
    assert "ML403" in codes(broken)


def test_denhaag_financial_paragraph_removed() -> None:
    """ML207 now runs for the Den Haag template too (it was off there): a proposal that says
    nothing about money is reported unless its title names a procedure that costs nothing."""
    memo = corpus_text("09")
    assert "ML207" not in codes(memo)
    broken = between(memo, "Financiële gevolgen\n", "Vervolgstappen")
    broken = edit(
        broken,
        "aanloop en financiële investering.\nHet ministerie draagt de extra kosten die voor dit "
        "experiment worden gemaakt. ",
        "aanloop.\n",
    )
    assert "ML207" in codes(broken)


def test_denhaag_framework_removed() -> None:
    memo = corpus_text("09")
    assert "ML403" not in codes(memo)
    # It names its framework four times: the Actieplan (RIS number), two laws, the recital.
    broken = edit(memo, "Actieplan Opkomstbevordering (RIS320307)", "aanpak opkomst")
    broken = edit(broken, "De invoering van de wet nieuwe procedure", "De nieuwe procedure")
    broken = edit(broken, "Onder de tijdelijke wet experiment nieuw", "Met het nieuwe")
    broken = edit(
        broken,
        "gelet op artikel 2, tweede lid van de Tijdelijke experimentenwet nieuwe stembiljetten,\n",
        "",
    )
    assert "ML403" in codes(broken)


def test_almere_decision_removed() -> None:
    memo = corpus_text("06")
    assert "ML506" not in codes(memo)
    broken = between(memo, "Voorgesteld raadsbesluit", "Inleiding en bestuurlijke context")
    broken = broken[: broken.index("Raadsbesluit")]
    assert "ML506" in codes(broken)


def test_ministry_beslisnota_publicity_and_decision_removed() -> None:
    """A ministry's beslisnota (recognised, template unknown): kind rules only."""
    memo = corpus_text("17")
    found = codes(memo)
    assert "ML004" in found and "ML307" not in found and "ML506" not in found
    broken = edit(memo, "Nota actief openbaar\nJa\n", "")
    broken = between(broken, "Informatie die niet openbaar gemaakt kan worden", "Bijlagen")
    assert "ML307" in codes(broken)
    broken = between(memo, "Geadviseerd besluit", "Kern\n")
    assert "ML506" in codes(broken)
