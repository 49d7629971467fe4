"""attachment-reference (ML703): every "bijlage N" referred to is listed under Bijlagen."""

from __future__ import annotations

from helpers import edit, line_of, lint, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
KADER_TXT = "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n"


def check(text: str, path: str = "memo.md") -> list[tuple[str, int]]:
    return lint(text, path, select=["ML703"])


def listing(*items: str) -> str:
    return edit(MD, "## Bijlagen\n\nn.v.t.\n", "## Bijlagen\n\n" + "\n".join(items) + "\n")


def test_seed_refers_to_no_attachment() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_reference_while_bijlagen_says_nvt() -> None:
    text = edit(TXT, KADER_TXT, KADER_TXT.rstrip() + " (bijlage 1) \n")
    assert check(text, "memo.txt") == [("ML703", line_of(text, "(bijlage 1)"))]


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
    assert check(text) == [("ML703", line_of(text, "bijlage 2"))]
