"""ML806 on Word files: a heading in a heading style is a heading, the same words in bold body
text are not (``visual``), and heading styles that skip a level are reported (``skip``). The
base is tests/fixtures/rules/clean-publication.docx (title, nl-NL, a picture with alt text),
changed here with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from memo_lint.api import Linter, LintOptions

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "clean-publication.docx"


def word(style: str | None) -> bytes:
    """The clean file with 'Achtergrond' before the Inleiding's first paragraph, in ``style``
    (None: bold body text)."""
    document = docx.Document(str(CLEAN))
    anchor = next(p for p in document.paragraphs if p.text.startswith("In juli 2022 is de City"))
    heading = anchor.insert_paragraph_before("" if style is None else "Achtergrond", style)
    if style is None:
        heading.add_run("Achtergrond").bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lint(data: bytes, tmp_path: Path) -> list[tuple[str, str | None]]:
    path = tmp_path / "memo.docx"
    path.write_bytes(data)
    report = Linter(LintOptions(select=("ML80",), use_cache=False)).lint_bytes(
        str(path), data, path
    )
    return [(v.code, v.variant) for v in report.violations]


def test_the_clean_file_is_silent(tmp_path: Path) -> None:
    assert lint(CLEAN.read_bytes(), tmp_path) == []


def test_a_real_heading_one_level_down_is_fine(tmp_path: Path) -> None:
    assert lint(word("Heading 2"), tmp_path) == []


@pytest.mark.parametrize(("style", "variant"), [("Heading 3", "skip"), (None, "visual")])
def test_a_skipped_level_or_a_bold_heading(tmp_path: Path, style: str | None, variant: str) -> None:
    assert lint(word(style), tmp_path) == [("ML806", variant)]
