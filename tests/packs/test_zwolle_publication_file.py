"""Rules of the zwolle-beslisnota pack on seed variants; the kinds themselves with their own
options: tests/checks/test_publication_file.py.

pdf-tagged, document-title, document-language, image-alt-text, heading-structure:
ML802-ML806, the accessibility of the published file itself.

The kinds read only ``Document.file_info``, so each case is the seed memo's text with the
file metadata a PDF, Word or ODT reader would have found; the readers' part is tested in
tests/readers/test_file_info.py against real files.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import edit, seed_txt
from memo_lint import packs
from memo_lint.engine import Settings, lint_source
from memo_lint.model import FileInfo, Line, Picture, Source

TXT = seed_txt()
GOOD = {"title": "Niet verlengen City deal Slim Maatwerk", "language": "nl-NL"}


def lint(
    info: FileInfo | None,
    text: str = TXT,
    pack: str = "zwolle-beslisnota",
    headings: dict[int, int] | None = None,
) -> list[tuple[str, int, str]]:
    lines = [
        Line(n, t, heading_level=(headings or {}).get(n))
        for n, t in enumerate(text.split("\n"), start=1)
    ]
    source = Source("memo.pdf", lines, format="pdf", file_info=info)
    settings = Settings(select=("ML80",), today=dt.date(2024, 3, 1))
    _, found = lint_source(source, packs.load(pack, None), settings)
    return [(v.code, v.span.line, v.message) for v in found if v.code != "ML801"]


def test_no_file_info_means_nothing_to_check() -> None:
    assert lint(None) == []


def test_a_good_file_is_silent() -> None:
    assert lint(FileInfo(**GOOD, tagged=True, heading_tags=[1, 2, 2, 1])) == []


def test_untagged_pdf() -> None:
    found = lint(FileInfo(**GOOD, tagged=False))
    assert [c for c, _, _ in found] == ["ML802"]


def test_scanned_pages() -> None:
    found = lint(FileInfo(**GOOD, tagged=True, heading_tags=[1], scanned_pages=[2, 3]))
    assert found == [
        (
            "ML802",
            1,
            "Pagina 2, 3 van de PDF is alleen een afbeelding, zonder tekstlaag (gescand, of tekst "
            "als plaatje).",
        )
    ]


def test_word_and_odt_are_never_called_untagged() -> None:
    assert lint(FileInfo(**GOOD, tagged=None)) == []


@pytest.mark.parametrize(
    ("title", "variant"),
    [
        (None, "geen titel"),
        ("   ", "geen titel"),
        ("raadsvoorstel format", "rest van het sjabloon"),
        ("RvRvOpresidium", "rest van het sjabloon"),
        ("Microsoft Word - RIS322208 Voorstel van het college", "rest van het sjabloon"),
        ("Voorstel aan de raad", "zegt niet waar het over gaat"),
    ],
)
def test_title(title: str | None, variant: str) -> None:
    found = lint(FileInfo(title=title, language="nl", tagged=None))
    assert [c for c, _, _ in found] == ["ML803"]
    assert variant in found[0][2]


def test_a_real_title_that_starts_like_a_generic_one_is_fine() -> None:
    assert lint(FileInfo(title="Voorstel aan de raad over de City deal", language="nl")) == []


def test_no_language() -> None:
    found = lint(FileInfo(title=GOOD["title"], language=None))
    assert [c for c, _, _ in found] == ["ML804"]


@pytest.mark.parametrize("declared", ["en", "en-US", "EN-GB", "de-DE"])
def test_dutch_text_declared_another_language(declared: str) -> None:
    found = lint(FileInfo(title=GOOD["title"], language=declared))
    assert found == [
        ("ML804", 1, f"Het bestand geeft als taal '{declared}' op, maar de tekst is 'nl'.")
    ]


@pytest.mark.parametrize("declared", ["nl", "nl-NL", "NL-NL", "nl-BE"])
def test_dutch_declared_dutch(declared: str) -> None:
    assert lint(FileInfo(title=GOOD["title"], language=declared)) == []


def test_too_little_text_is_not_judged() -> None:
    text = "Samenvatting\nKort.\n"
    found = lint(FileInfo(title=GOOD["title"], language="en"), text=text, pack="collegevoorstel")
    assert [c for c, _, _ in found if c == "ML804"] == []


def test_pictures() -> None:
    pictures = [
        Picture("Picture 1", "", line=34),
        Picture("Picture 2", "Kaart van Zwolle", line=34),
        Picture("Picture 3", "image3.png", line=34),
        Picture("Figure 1", "", page=2),
    ]
    found = lint(FileInfo(**GOOD, pictures=pictures))
    assert found == [
        ("ML805", 1, "Een figuur op pagina 2 heeft geen tekstalternatief."),
        ("ML805", 34, "Afbeelding 'Picture 1' heeft geen tekstalternatief."),
        ("ML805", 34, "Afbeelding 'Picture 3' heeft geen tekstalternatief."),
    ]


def test_visual_heading_in_word() -> None:
    text = edit(TXT, "Kader \n", "Kader \nAchtergrond \n")
    number = text.split("\n").index("Achtergrond ") + 1
    found = lint(FileInfo(**GOOD, visual_headings=[number]), text=text)
    assert found == [
        ("ML806", number, "'Achtergrond' ziet eruit als een kop, maar is vetgedrukte gewone tekst.")
    ]


def test_tagged_pdf_without_heading_tags() -> None:
    found = lint(FileInfo(**GOOD, tagged=True, heading_tags=[]))
    assert [(c, n) for c, n, _ in found] == [("ML806", 1)]  # at the first heading
    assert "geen enkele koptag" in found[0][2]


def test_tagged_pdf_whose_only_section_is_the_operative_formula_is_fine() -> None:
    text = (
        "Voorstel van het college inzake de City deal\nDe raad wordt gevraagd iets te doen.\n"
        "Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:\n"
        "de raad van de gemeente,\nbesluit:\nI. iets te doen.\n"
    )
    found = lint(
        FileInfo(**GOOD, tagged=True, heading_tags=[]), text=text, pack="denhaag-raadsvoorstel"
    )
    assert [c for c, _, _ in found if c == "ML806"] == []


def test_tagged_pdf_without_headings_in_its_text_is_fine() -> None:
    text = "Motie\nDe raad, in vergadering bijeen,\nverzoekt het college iets te doen.\n"
    found = lint(FileInfo(**GOOD, tagged=True, heading_tags=[]), text=text, pack="raadsvoorstel")
    assert [c for c, _, _ in found if c == "ML806"] == []


def test_skipped_heading_level_in_pdf_tags_is_reported_once() -> None:
    found = lint(FileInfo(**GOOD, tagged=True, heading_tags=[1, 3, 1, 4]))
    assert found == [
        ("ML806", 1, "Een kop van niveau 3 volgt op niveau 1: er is een niveau overgeslagen.")
    ]


def test_skipped_heading_level_in_word_styles_points_at_the_heading() -> None:
    found = lint(FileInfo(**GOOD), headings={1: 1, 8: 2, 13: 1, 16: 3})
    assert [(c, n) for c, n, _ in found] == [("ML806", 16)]


def test_geheim_file_is_silent() -> None:
    text = edit(TXT, " Openbaar \n Geheim \n", "☐ Openbaar \n☒ Geheim \n")
    text = edit(text, "Openbaarheid \nOpenbaar  ", "Openbaarheid \nGeheim  ")
    assert lint(FileInfo(tagged=False), text=text) == []


def test_council_memo_without_publicity_is_checked_collegevoorstel_is_not() -> None:
    text = edit(TXT, " Openbaar \n Geheim \n", "")
    text = edit(text, "Openbaarheid \nOpenbaar  \n", "")
    assert lint(FileInfo(tagged=False), text=text, pack="collegevoorstel") == []
    codes = {c for c, _, _ in lint(FileInfo(tagged=False), text=text, pack="raadsvoorstel")}
    assert codes == {"ML802", "ML803", "ML804"}


@pytest.mark.parametrize("text", ["\x00" * 1000, "\udcff" * 500 + "abc " * 200, "\u200b" * 800])
def test_language_detection_never_raises_on_odd_text(text: str) -> None:
    from memo_lint.checks.document_language import detect

    assert detect(text, 400) in (None, "en", "nl")
