"""ML803-ML806 on OpenDocument files: LibreOffice's conversion of the Word seed memo (marked
Openbaar) with its meta.xml and content.xml changed per case: title, language, a picture with
and without a text alternative (svg:desc / svg:title), heading levels that skip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from memo_lint.api import Linter, LintOptions

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "odt" / "seed.odt"
TITLE = "Niet verlengen deelname City deal Slim Maatwerk"
INLEIDING = 'text:outline-level="1">Inleiding</text:h>'


def odt(title: str | None = TITLE, language: str | None = "nl-NL", content: str = "") -> bytes:
    """The seed with ``title`` and ``language`` in meta.xml and ``content`` (paragraphs,
    headings) right after the heading Inleiding."""
    meta_items = ""
    if title is not None:
        meta_items += f"<dc:title>{title}</dc:title>"
    if language is not None:
        meta_items += f"<dc:language>{language}</dc:language>"
    out = io.BytesIO()
    with zipfile.ZipFile(SEED) as seed, zipfile.ZipFile(out, "w") as new:
        for item in seed.infolist():
            data = seed.read(item)
            if item.filename == "meta.xml":
                data = data.replace(b"<office:meta>", b"<office:meta>" + meta_items.encode())
            elif item.filename == "content.xml" and content:
                assert data.count(INLEIDING.encode()) == 1
                data = data.replace(INLEIDING.encode(), (INLEIDING + content).encode())
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            new.writestr(item, data, compress_type=compress)
    return out.getvalue()


def frame(*alternatives: str) -> str:
    return (
        '<text:p text:style-name="Standard"><draw:frame draw:name="Kaart" svg:width="2cm" '
        'svg:height="2cm"><draw:image xlink:href="Pictures/kaart.png"/>'
        + "".join(alternatives)
        + "</draw:frame></text:p>"
    )


def lint(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "memo.odt"
    path.write_bytes(data)
    options = LintOptions(select=("ML80",), use_cache=False)
    report = Linter(options).lint_bytes(str(path), data, path)
    return [(v.code, v.message) for v in report.violations]


def test_libreoffice_defaults_no_title_and_english(tmp_path: Path) -> None:
    found = lint(SEED.read_bytes(), tmp_path)
    assert [code for code, _ in found] == ["ML803", "ML804"]
    assert "'en-US'" in found[1][1]


def test_title_and_dutch_are_silent(tmp_path: Path) -> None:
    assert lint(odt(), tmp_path) == []


def test_template_leftover_title(tmp_path: Path) -> None:
    assert lint(odt(title="raadsvoorstel format"), tmp_path) == [
        (
            "ML803",
            "De titel van het bestand is een rest van het sjabloon of de PDF-printer: "
            "'raadsvoorstel format'.",
        )
    ]


@pytest.mark.parametrize(
    "alternative", ["<svg:desc>Kaart van de wijken</svg:desc>", "<svg:title>Kaart</svg:title>"]
)
def test_picture_with_a_text_alternative(tmp_path: Path, alternative: str) -> None:
    assert lint(odt(content=frame(alternative)), tmp_path) == []


def test_picture_without_a_text_alternative(tmp_path: Path) -> None:
    assert lint(odt(content=frame()), tmp_path) == [
        ("ML805", "Afbeelding 'Kaart' heeft geen tekstalternatief.")
    ]


def test_heading_levels_that_skip(tmp_path: Path) -> None:
    heading = '<text:h text:style-name="Heading_20_3" text:outline-level="3">Achtergrond</text:h>'
    found = lint(
        odt(content=heading + '<text:p text:style-name="Standard">Tekst.</text:p>'), tmp_path
    )
    assert found == [
        ("ML806", "Een kop van niveau 3 volgt op niveau 1: er is een niveau overgeslagen.")
    ]
