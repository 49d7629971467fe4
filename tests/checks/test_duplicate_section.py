"""duplicate-section (ML104): no section more often than the template allows."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("duplicate-section", {}, text, path)


def test_seed_states_publicity_twice_which_the_template_allows() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_second_kader_is_reported_at_its_heading() -> None:
    text = edit(
        TXT, "Beoogd effect \n", "Kader \nZie ook de Visie Sociaal Domein. \n\nBeoogd effect \n"
    )
    assert check(text, "memo.txt") == [(None, line_of(text, "Kader", 2))]


def test_alias_counts_as_the_same_section() -> None:
    text = edit(MD, "## Vervolg\n", "## Kosten en dekking\n\nGeen.\n\n## Vervolg\n")
    assert check(text) == [(None, line_of(text, "## Kosten en dekking"))]


def test_third_openbaarheid_exceeds_the_maximum_of_two() -> None:
    text = edit(MD, "## Vervolg\n", "## Openbaarheid\n\nOpenbaar\n\n## Vervolg\n")
    assert check(text) == [(None, line_of(text, "## Openbaarheid", 3))]


def test_a_heading_repeated_in_another_part_is_no_duplicate() -> None:
    # The memo with a filled-in decision form after it, and an annex appended at the end.
    form = (
        "\nBesluit van burgemeester en wethouders\n\nKader \nConform voorstel. \n"
        "\nBijlage 1: taakmutaties\n\nFinanciën \nTaak A: + € 9.000 \n"
    )
    assert check(TXT + form, "memo.txt") == []
    # Twice within one part is still reported.
    twice = TXT + form + "\nFinanciën \nTaak B: - € 9.000 \n"
    assert check(twice, "memo.txt") == [(None, line_of(twice, "Financiën", 3))]


def test_a_section_name_in_a_table_column_is_no_heading() -> None:
    table = "\n480,64\n\n723,54\n\nFinanciën\n\n-\n\n266,19\n"
    text = edit(TXT, "Beoogd effect \n", f"{table}\nBeoogd effect \n")
    assert check(text, "memo.txt") == []


def test_a_front_page_block_or_an_early_toelichting_starts_no_part() -> None:
    # Zwolle's "Collegebesluit d.d.:" block sits on the front page: still one memo.
    text = edit(TXT, "Beoogd effect \n", "Samenvatting \nNogmaals. \n\nBeoogd effect \n")
    assert check(text, "memo.txt") == [(None, line_of(text, "Samenvatting", 2))]
    # A "Toelichting" heading before any besluit is a section, not the toelichting part.
    early = edit(TXT, "Kader \n", "Toelichting \nZie hieronder. \n\nKader \n")
    twice = edit(early, "Beoogd effect \n", "Kader \nNogmaals. \n\nBeoogd effect \n")
    assert check(twice, "memo.txt") == [(None, line_of(twice, "Kader", 2))]
