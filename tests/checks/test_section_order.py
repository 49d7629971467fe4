"""section-order (ML103): sections follow the template's order."""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
KADER_MD = "## Kader\n\nCollegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk\n\n"
COMMUNICATIE_TXT = (
    "Communicatie \nHet gaat hierbij om interne werkzaamheden waar geen communicatieplan voor "
    "nodig is. \n\n"
)


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("section-order", {}, text, path)


def test_seed_is_in_template_order() -> None:
    # Openbaarheid appears again at the very end: judged at its first occurrence.
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_section_moved_down_is_reported_at_its_heading() -> None:
    text = edit(MD, KADER_MD, "")
    text = edit(
        text, "## Alternatieve mogelijkheden\n", KADER_MD + "## Alternatieve mogelijkheden\n"
    )
    assert check(text) == [(None, line_of(text, "## Kader"))]


def test_section_moved_up_is_reported_at_its_heading() -> None:
    text = edit(TXT, COMMUNICATIE_TXT, "")
    text = edit(text, "Kader \n", COMMUNICATIE_TXT + "Kader \n")
    assert check(text, "memo.txt") == [(None, line_of(text, "Communicatie"))]


def test_missing_sections_do_not_disturb_the_order() -> None:
    text = edit(MD, KADER_MD, "")
    assert check(text) == []
