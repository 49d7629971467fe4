"""Rules of the default pack (collegevoorstel) on seed variants; the kind itself with its
own options: tests/checks/test_legal_citation.py.

legal-citation: citations judged against the law table on the memo date.

Rules of this kind: ML304 (outdated: applied before the memo date, no longer) and ML306
(invalid: does not exist, not yet in force, or no ground for what it is cited for). One test
per law-table entry and in-force date, on both sides of the date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import edit, line_of, lint, seed_md, violations
from memo_lint.laws import TABLE_PATH, load_table

MD = seed_md()
KADER_MD = "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk\n"
CODES = ["ML304", "ML306"]


def memo(sentence: str, iso_date: str) -> str:
    text = edit(MD, "gemeente: Zwolle\n", f"gemeente: Zwolle\ndatum: {iso_date}\n")
    return edit(text, KADER_MD, f"{KADER_MD}\n{sentence}\n")


def codes(sentence: str, iso_date: str) -> list[str]:
    text = memo(sentence, iso_date)
    found = lint(text, select=CODES)
    line = line_of(text, sentence[:30])
    assert all(number == line for _, number in found), found
    return [code for code, _ in found]


SECRET_WOO = (
    "Geheim op grond van artikel 87 Gemeentewet juncto artikel 5.1, tweede lid, onder {} Woo."
)


@pytest.mark.parametrize(
    ("sentence", "iso_date", "expected"),
    [
        # Woo: in force 1 May 2022; art. 5.1 lid 1 a-e, lid 2 a-i; 5.2.
        *[(SECRET_WOO.format(point), "2024-03-01", []) for point in "abcdefghi"],
        (SECRET_WOO.format("j"), "2024-03-01", ["ML306"]),
        ("Geheim op grond van art. 87 Gemw jo. art. 5.1 lid 1 sub e Woo.", "2024-03-01", []),
        ("Geheim op grond van art. 87 Gemw jo. art. 5.1 lid 1 sub f Woo.", "2024-03-01", ["ML306"]),
        (
            "Het verzoek is afgewezen op grond van artikel 5.1, tweede lid, onder e, Woo.",
            "2022-05-01",
            [],
        ),
        (
            "Het verzoek is afgewezen op grond van artikel 5.1, tweede lid, onder e, Woo.",
            "2022-04-30",
            ["ML306"],
        ),
        # Woo 5.1 lid 5: a secrecy ground until 31 March 2023, a refusal ground throughout.
        ("Geheim op grond van artikel 55 Gemeentewet jo. artikel 5.1 lid 5 Woo.", "2023-03-31", []),
        (
            "Geheim op grond van artikel 87 Gemeentewet jo. artikel 5.1 lid 5 Woo.",
            "2023-04-01",
            ["ML306"],
        ),
        ("De weigeringsgrond is artikel 5.1, vijfde lid, Woo.", "2024-03-01", []),
        # Woo 5.1 leden 3-7 (texts of 2022-05-01 and 2026-08-15): 4 and 6 are grounds, 3 and 7
        # are not; no lid 8.
        ("De weigeringsgrond is artikel 5.1, vierde lid, Woo.", "2024-03-01", []),
        ("De weigeringsgrond is artikel 5.1, zesde lid, Woo.", "2024-03-01", []),
        ("De weigeringsgrond is artikel 5.1, derde lid, Woo.", "2024-03-01", ["ML306"]),
        ("De weigeringsgrond is artikel 5.1, zevende lid, Woo.", "2024-03-01", ["ML306"]),
        ("De weigeringsgrond is artikel 5.1, achtste lid, Woo.", "2024-03-01", ["ML306"]),
        ("Geheim op grond van artikel 55 Gemeentewet jo. artikel 5.1 lid 4 Woo.", "2023-03-31", []),
        (
            "Geheim op grond van artikel 87 Gemeentewet jo. artikel 5.1 lid 4 Woo.",
            "2023-04-01",
            ["ML306"],
        ),
        ("Geheim op grond van artikel 55 Gemeentewet jo. artikel 5.1 lid 6 Woo.", "2023-03-31", []),
        (
            "Geheim op grond van artikel 87 Gemeentewet jo. artikel 5.1 lid 6 Woo.",
            "2023-04-01",
            ["ML306"],
        ),
        # Woo 5.2: a refusal ground, never a secrecy ground; it has four leden.
        (
            "De weigeringsgrond is artikel 5.2 Woo (persoonlijke beleidsopvattingen).",
            "2024-03-01",
            [],
        ),
        (
            "Geheim op grond van artikel 87 Gemeentewet jo. artikel 5.2 Woo.",
            "2024-03-01",
            ["ML306"],
        ),
        ("De weigeringsgrond is artikel 5.2, vierde lid, Woo.", "2024-03-01", []),
        ("De weigeringsgrond is artikel 5.2, vijfde lid, Woo.", "2024-03-01", ["ML306"]),
        # The Woo numbers articles per chapter: artikel 10 Woo does not exist.
        (
            "Geheim op grond van artikel 86, tweede lid, Gemeentewet juncto artikel 10, "
            "tweede lid, sub b en g van de Woo.",
            "2023-03-31",
            ["ML306"],
        ),
        ("De weigeringsgrond van artikel 4.1 Woo.", "2024-03-01", ["ML306"]),
        ("Zie artikel 3.3 Woo over actieve openbaarmaking.", "2024-03-01", []),
        # Wob: until 30 April 2022; art. 10 lid 1 a-d, lid 2 a-g; art. 11.
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, tweede lid, onder g, Wob.",
            "2022-04-30",
            [],
        ),
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, tweede lid, onder g, Wob.",
            "2022-05-01",
            ["ML304"],
        ),
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, tweede lid, onder h, Wob.",
            "2022-04-30",
            ["ML306"],
        ),
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, eerste lid, onder d, Wob.",
            "2022-04-30",
            [],
        ),
        # lid 1 has a-d in every text read (2015-2022): e is the Woo's (5.1 lid 1 e), not the Wob's.
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, eerste lid, onder e, Wob.",
            "2022-04-30",
            ["ML306"],
        ),
        (
            "Geheim op grond van artikel 55 Gemeentewet jo. artikel 10, eerste lid, onder f, Wob.",
            "2022-04-30",
            ["ML306"],
        ),
        # Wob 10 has eight leden (7 a-b: milieu-informatie); 11 has four.
        ("De weigeringsgrond is artikel 10, zevende lid, onder b, Wob.", "2021-06-01", []),
        ("De weigeringsgrond is artikel 10, zevende lid, onder c, Wob.", "2021-06-01", ["ML306"]),
        ("De weigeringsgrond is artikel 10, negende lid, Wob.", "2021-06-01", ["ML306"]),
        ("De weigeringsgrond is artikel 11, vierde lid, Wob.", "2021-06-01", []),
        ("De weigeringsgrond is artikel 11, vijfde lid, Wob.", "2021-06-01", ["ML306"]),
        ("De weigeringsgrond is artikel 11 Wob.", "2021-06-01", []),
        ("De weigeringsgrond is artikel 12 Wob.", "2021-06-01", ["ML306"]),
        ("Geheim op grond van artikel 55 Gemeentewet jo. artikel 11 Wob.", "2021-06-01", ["ML306"]),
        ("Het verzoek is gedaan op grond van de Wob.", "2022-04-30", []),
        ("Het verzoek is gedaan op grond van de Wob.", "2022-05-01", ["ML304"]),
        (
            "Het verzoek is gedaan ingevolge de Wet openbaarheid van bestuur.",
            "2024-03-01",
            ["ML304"],
        ),
        ("In 2019 is een Wob-verzoek ingediend.", "2024-03-01", []),
        # Gemeentewet: secrecy in art. 25/55/86 until 31 March 2023, art. 87-89 from 1 April 2023.
        *[
            (f"Geheimhouding op grond van artikel {article} Gemeentewet.", day, expected)
            for article in ("25", "55", "86")
            for day, expected in (("2023-03-31", []), ("2023-04-01", ["ML304"]))
        ],
        *[
            (f"Geheimhouding op grond van artikel {article} Gemeentewet.", day, expected)
            for article in ("87", "88", "89")
            for day, expected in (("2023-03-31", ["ML306"]), ("2023-04-01", []))
        ],
        (
            "Informatie is vertrouwelijk verstrekt op grond van artikel 25 van de Gemeentewet.",
            "2023-05-02",
            ["ML304"],
        ),
        ("Het college besluit op grond van artikel 160 Gemeentewet.", "2024-03-01", []),
        ("Zie artikel 5.1 van de Gemeentewet.", "2024-03-01", ["ML306"]),
        # Provinciewet: art. 25/55/91 until 31 March 2023, art. 84 and 86 from 1 April 2023.
        *[
            (f"Geheimhouding op grond van artikel {article} Provinciewet.", day, expected)
            for article in ("25", "55", "91")
            for day, expected in (("2023-03-31", []), ("2023-04-01", ["ML304"]))
        ],
        *[
            (f"Geheimhouding op grond van artikel {article} Provinciewet.", day, expected)
            for article in ("84", "86")
            for day, expected in (("2023-03-31", ["ML306"]), ("2023-04-01", []))
        ],
        # Provinciewet art. 85 (sharing), read in the 2023-04-01 text in session 11.
        ("Geheimhouding op grond van artikel 85 Provinciewet.", "2023-03-31", ["ML306"]),
        ("Geheimhouding op grond van artikel 85 Provinciewet.", "2023-04-01", []),
        # Leden as in the texts of 2023-01-01 and 2023-04-01: art. 87 Gemeentewet and 84
        # Provinciewet have none; 88/85 have six, 89/86 five; the old 25 four, 86 three.
        ("Geheim op grond van artikel 87, eerste lid, Gemeentewet.", "2024-03-01", ["ML306"]),
        ("Geheim op grond van artikel 84, tweede lid, Provinciewet.", "2024-03-01", ["ML306"]),
        ("De geheimhouding is opgeheven, artikel 89, derde lid, Gemeentewet.", "2024-03-01", []),
        (
            "De geheimhouding is opgeheven, artikel 89, zesde lid, Gemeentewet.",
            "2024-03-01",
            ["ML306"],
        ),
        ("Geheime stukken gedeeld volgens artikel 88, zesde lid, Gemeentewet.", "2024-03-01", []),
        (
            "Geheime stukken gedeeld volgens artikel 88, zevende lid, Gemeentewet.",
            "2024-03-01",
            ["ML306"],
        ),
        ("Geheime stukken gedeeld volgens artikel 85, zesde lid, Provinciewet.", "2024-03-01", []),
        ("De geheimhouding is opgeheven, artikel 86, vijfde lid, Provinciewet.", "2024-03-01", []),
        (
            "De geheimhouding is opgeheven, artikel 86, zesde lid, Provinciewet.",
            "2024-03-01",
            ["ML306"],
        ),
        ("Geheimhouding op grond van artikel 25, vierde lid, Gemeentewet.", "2023-03-31", []),
        (
            "Geheimhouding op grond van artikel 25, vijfde lid, Gemeentewet.",
            "2023-03-31",
            ["ML306"],
        ),
        ("Geheimhouding op grond van artikel 86, derde lid, Gemeentewet.", "2023-03-31", []),
        (
            "Geheimhouding op grond van artikel 86, vierde lid, Gemeentewet.",
            "2023-03-31",
            ["ML306"],
        ),
        ("Geheimhouding op grond van artikel 25, vierde lid, Provinciewet.", "2023-03-31", []),
        (
            "Geheimhouding op grond van artikel 25, vijfde lid, Provinciewet.",
            "2023-03-31",
            ["ML306"],
        ),
        # Omgevingswet from 1 January 2024, replacing the Wro and the Wabo.
        ("De vergunning volgt uit artikel 5.1 Omgevingswet.", "2023-12-31", ["ML306"]),
        ("De vergunning volgt uit artikel 5.1 Omgevingswet.", "2024-01-01", []),
        ("Het plan is vastgesteld op grond van artikel 3.1 Wro.", "2023-12-31", []),
        ("Het plan is vastgesteld op grond van artikel 3.1 Wro.", "2024-01-01", ["ML304"]),
        (
            "De vergunning is verleend op grond van artikel 2.1, eerste lid, onder a, Wabo.",
            "2023-12-31",
            [],
        ),
        (
            "De vergunning is verleend op grond van artikel 2.1, eerste lid, onder a, Wabo.",
            "2024-01-01",
            ["ML304"],
        ),
        # Laws known by name but not tabled, and other laws: never judged.
        ("Zie artikel 4:8 Awb en artikel 9 AVG.", "2024-03-01", []),
        ("Zie artikel 12a, lid 1 onder a, van de Woningwet.", "2024-03-01", []),
    ],
)
def test_law_table_entry(sentence: str, iso_date: str, expected: list[str]) -> None:
    assert codes(sentence, iso_date) == expected


def test_message_says_what_exists_instead() -> None:
    sentence = (
        "Geheim op grond van artikel 86, tweede lid, Gemeentewet juncto artikel 10, tweede lid, "
        "sub b en g van de Woo."
    )
    found = violations(memo(sentence, "2025-06-01"), select=CODES)
    assert [(v.code, v.message) for v in found] == [
        (
            "ML304",
            "Verouderde wetsverwijzing: 'artikel 86, tweede lid, Gemeentewet': sinds 1 april 2023 "
            "regelt artikel 87 Gemeentewet de geheimhouding, niet artikel 86.",
        ),
        (
            "ML306",
            "De Woo heeft geen artikel 10; weigeringsgronden staan in artikel 5.1 en 5.2 "
            "(artikel 10 is de Wob, tot 1 mei 2022).",
        ),
    ]


def test_lid_of_an_article_without_leden() -> None:
    sentence = "Geheim op grond van artikel 87, eerste lid, Gemeentewet."
    [found] = violations(memo(sentence, "2024-03-01"), select=CODES)
    assert found.message == (
        "'artikel 87, eerste lid, Gemeentewet': artikel 87 Gemeentewet heeft geen leden; "
        "verwijs naar het artikel zelf."
    )


def test_secrecy_ground_message_names_the_grounds() -> None:
    sentence = "Geheim op grond van artikel 87 Gemeentewet jo. artikel 5.2 Woo."
    [found] = violations(memo(sentence, "2024-03-01"), select=CODES)
    assert found.message == (
        "'artikel 5.2 Woo' is op 1 maart 2024 geen grond voor geheimhouding; geheimhouding kan "
        "alleen rusten op een belang uit artikel 5.1 (lid 1 of 2) Woo."
    )


def test_point_message_lists_the_points() -> None:
    [found] = violations(memo(SECRET_WOO.format("j"), "2024-03-01"), select=CODES)
    assert found.message == (
        "Artikel 5.1, lid 2, Woo heeft geen onderdeel j; het kent de onderdelen a–i."
    )


def test_every_entry_names_a_source_and_how_it_was_verified() -> None:
    import yaml

    data = yaml.safe_load(TABLE_PATH.read_text(encoding="utf-8"))
    sources = set(data["sources"])
    for law_id, law in data["laws"].items():
        assert law["verified"] in ("text", "secondary", "no"), law_id
        assert set(law.get("sources", ())) <= sources, law_id
        if law["verified"] != "no":
            assert law.get("sources"), law_id
        for number, article in (law.get("articles") or {}).items():
            assert article["verified"] in ("text", "secondary", "no"), (law_id, number)
            assert article.get("sources") and set(article["sources"]) <= sources, (law_id, number)
    for source in data["sources"].values():
        assert source["url"].startswith("https://") and source["seen"], source


def test_table_dates_are_consistent() -> None:
    table = load_table()
    assert table.laws["woo"].start == dt.date(2022, 5, 1)
    assert table.laws["wob"].end == dt.date(2022, 4, 30)
    assert table.laws["omgevingswet"].start == dt.date(2024, 1, 1)
    for old in ("wro", "wabo"):
        assert table.laws[old].end == dt.date(2023, 12, 31)
    for law in table.laws.values():
        if law.successor:
            successor = table.laws[law.successor]
            assert law.end is not None and successor.start == law.end + dt.timedelta(days=1)


def test_transitional_law_keeps_the_wro_citable() -> None:
    sentence = "Op grond van het overgangsrecht geldt artikel 3.8 Wro voor dit bestemmingsplan."
    assert codes(sentence, "2025-03-01") == []
    assert codes("Het bestemmingsplan volgt artikel 3.8 Wro.", "2025-03-01") == ["ML304"]


@pytest.mark.parametrize("code", ["ML306", "ML705"])
def test_explain_lists_the_legal_sources(code: str) -> None:
    from click.testing import CliRunner

    from memo_lint.cli import main

    result = CliRunner().invoke(main, ["explain", code])
    assert result.exit_code == 0
    assert "Bronnen (rules/laws/laws.yaml):" in result.output
    assert "BWBR0045754" in result.output and "BWBR0005416" in result.output
