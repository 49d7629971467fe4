"""footnote-reference (ML702): footnote markers and footnote texts belong together.

In extracted text a marker is glued to its word ("kaart1") and the text sits after a page
break mid-section ("1 In het project …"); in Markdown they are ``[^1]`` and ``[^1]: …``.
"""

from __future__ import annotations

from helpers import edit, line_of, run_kind, seed_md, seed_txt

TXT, MD = seed_txt(), seed_md()
TEXT_3 = (
    "3 Partners in deze projecten zijn De Kern / Wijz, Travers, SWZ en diverse "
    "onderwijsinstellingen \n"
)


def check(text: str, path: str = "memo.md") -> list[tuple[str | None, int]]:
    return run_kind("footnote-reference", {}, text, path)


def test_seed_glued_markers_match_their_texts() -> None:
    assert check(TXT, "seed.txt") == []
    assert check(MD) == []


def test_text_marker_without_footnote_text() -> None:
    text = edit(TXT, TEXT_3, "")
    assert check(text, "memo.txt") == [("marker-without-text", line_of(text, "partners3"))]


def test_markdown_marker_without_definition() -> None:
    text = MD[: MD.index("[^3]: ")]
    assert check(text) == [("marker-without-text", line_of(text, "partners[^3]"))]


def test_markdown_definition_without_marker() -> None:
    text = edit(MD, "Vertelkamer[^2]", "Vertelkamer")
    assert check(text) == [("text-without-marker", line_of(text, "[^2]: "))]


def test_numbered_prose_is_not_a_footnote() -> None:
    # "1 dag per maand": a number at the start of a line, but no marker "…1" before it.
    text = edit(
        TXT, "Deelname aan de twee werkgroepen", "Deelname aan de twee werkgroepen\n2 Werkgroepen"
    )
    assert check(text, "memo.txt") == []
