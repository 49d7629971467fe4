"""The Markdown reader: CommonMark headings, task lists, tables, front matter, footnotes and
suppression comments, with every line kept as written."""

from __future__ import annotations

import pytest

from helpers import SEED_MD, document, line_of, lint, seed_md
from memo_lint.errors import UnreadableFile
from memo_lint.model import Mark, Source
from memo_lint.readers import read_source

MD = seed_md()


def read(text: str) -> Source:
    return read_source("memo.md", text.encode("utf-8"))


def headings(source: Source) -> list[tuple[int, int, str]]:
    return [
        (line.number, line.heading_level, line.text) for line in source.lines if line.heading_level
    ]


def test_seed_rendition_keeps_its_lines() -> None:
    source = read(MD)
    assert source.format == "markdown"
    assert [line.text for line in source.lines] == MD.removesuffix("\n").split("\n")


def test_atx_headings_with_levels() -> None:
    found = headings(read("# Titel\n\n## Kader\n\ntekst\n\n### 1.1 Argument ###\n"))
    assert found == [(1, 1, "# Titel"), (3, 2, "## Kader"), (7, 3, "### 1.1 Argument ###")]


def test_setext_headings() -> None:
    found = headings(read("Samenvatting\n============\n\ntekst\n\nKader\n-----\n\ntekst\n"))
    assert found == [(1, 1, "Samenvatting"), (6, 2, "Kader")]
    doc = document("Samenvatting\n============\n\ntekst\n\nKader\n-----\n\ntekst\n")
    assert [(s.id, s.heading_line) for s in doc.sections] == [("samenvatting", 1), ("kader", 6)]


def test_heading_inside_a_code_block_is_no_heading() -> None:
    assert headings(read("```\n## Kader\n```\n\n    ## Financiën\n")) == []


def test_section_name_as_a_paragraph_is_still_a_section() -> None:
    # Memos converted from Word often lose the '#': the name on its own line still counts.
    doc = document("Kader\n\nCollegevoorstel 31-05-2022\n")
    assert [s.id for s in doc.sections] == ["kader"]


def test_task_list_checkboxes() -> None:
    choices = document(MD).choices
    assert [(o.label, o.mark) for o in choices["publicity"].options] == [
        ("Openbaar", Mark.MARKED),
        ("Geheim", Mark.UNMARKED),
    ]
    assert [o.span.line for o in choices["publicity"].options] == [
        line_of(MD, "- [x] Openbaar"),
        line_of(MD, "- [ ] Geheim"),
    ]


@pytest.mark.parametrize("bullet", ["-", "*", "+"])
def test_task_list_bullets(bullet: str) -> None:
    text = MD.replace("- [x] Openbaar\n- [ ] Geheim", f"{bullet} [ ] Openbaar\n{bullet} [X] Geheim")
    options = document(text).choices["publicity"].options
    assert [o.mark for o in options] == [Mark.UNMARKED, Mark.MARKED]


def test_table_rows_become_cells_and_fields() -> None:
    source = read(MD)
    row_lines = [row[0].line for row in source.table_rows]
    first = line_of(MD, "| Veld")
    assert row_lines == [first, first + 2, first + 3, first + 4]  # the delimiter row is no row
    key, value = source.table_rows[2]
    line = source.lines[key.line - 1].text
    assert (line[key.start : key.end], line[value.start : value.end]) == (
        "Begroting wijzigen",
        "Nee",
    )


def test_table_with_escaped_pipe_and_no_outer_pipes() -> None:
    source = read("Veld | Waarde\n--- | ---\nBudgetnummer | 6.1\\|2\n")
    key, value = source.table_rows[1]
    line = source.lines[key.line - 1].text
    assert (line[key.start : key.end], line[value.start : value.end]) == ("Budgetnummer", "6.1\\|2")


def test_front_matter() -> None:
    text = MD.replace("gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 2024-05-01\nDate: x\n")
    source = read(text)
    assert source.front_matter["type"] == "collegevoorstel"
    # Dates stay text ("2023-02-29" must not crash the reader): the memo-date rules read them.
    assert source.front_matter["datum"] == "2024-05-01"
    assert "date" in source.front_matter  # keys are lower-cased
    assert source.front_matter_span is not None
    assert (source.front_matter_span.line, source.front_matter_span.end_line) == (1, 7)


def test_front_matter_lines_are_not_memo_text() -> None:
    text = MD.replace("gemeente: Zwolle\n", "gemeente: Zwolle\nkader: TODO\n")
    assert lint(text) == []


@pytest.mark.parametrize("front", ["---\n[unclosed\n---\n", "---\n- a list\n---\n"])
def test_broken_front_matter_is_unreadable(front: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read(front + "# Memo\n")
    assert caught.value.line == 1


def test_footnotes() -> None:
    source = read(MD)
    assert source.footnote_markers is not None and source.footnotes is not None
    assert [(label, span.line) for label, span in source.footnote_markers] == [
        ("1", line_of(MD, "kaart[^1]")),
        ("2", line_of(MD, "Vertelkamer[^2]")),
        ("3", line_of(MD, "partners[^3]")),
    ]
    assert [(f.label, f.span.line) for f in source.footnotes] == [
        ("1", line_of(MD, "[^1]: ")),
        ("2", line_of(MD, "[^2]: ")),
        ("3", line_of(MD, "[^3]: ")),
    ]
    first = line_of(MD, "[^1]: ")
    assert all(source.lines[n - 1].is_footnote_text for n in (first, first + 1, first + 2))


def test_reference_without_definition_is_a_marker() -> None:
    source = read("Tekst met een verwijzing[^9] zonder voetnoot.\n")
    assert [(label, span.line, span.column) for label, span in source.footnote_markers or []] == [
        ("9", 1, 25)
    ]
    assert source.footnotes == []


def test_definition_without_reference_is_a_footnote() -> None:
    source = read("Tekst.\n\n[^4]: Een losse voetnoot\n    over twee regels.\n\nMeer tekst.\n")
    assert [(f.label, f.text, f.span.line) for f in source.footnotes or []] == [
        ("4", "Een losse voetnoot over twee regels.", 3)
    ]
    assert [line.is_footnote_text for line in source.lines] == [
        False,
        False,
        True,
        True,
        False,
        False,
    ]


def test_suppression_comments_are_collected() -> None:
    text = "<!-- memo-lint-disable ML101 -->\n\nTekst <!-- memo-lint-disable-next-line ML701 -->\n"
    assert read(text).comments == [
        (1, "<!-- memo-lint-disable ML101 -->\n"),
        (3, "<!-- memo-lint-disable-next-line ML701 -->"),
    ]


def test_other_html_comments_are_ignored() -> None:
    assert read("<!-- een opmerking -->\n\nTekst\n").comments == []


def test_disable_next_line_suppresses_one_finding() -> None:
    text = MD.replace(
        "Wanneer de City deal niet verlengd",
        "<!-- memo-lint-disable-next-line ML701 -->\nTODO. Wanneer de City deal niet verlengd",
    )
    text = text.replace("## Risico's", "TODO: nog een.\n\n## Risico's")
    assert lint(text, today="2024-03-01") == [("ML701", line_of(text, "TODO: nog een"))]


def test_disable_and_enable_range() -> None:
    text = MD.replace("## Kader\n", "<!-- memo-lint-disable ML701 -->\n\n## Kader\n")
    text = text.replace(
        "## Beoogd effect\n", "TODO\n\n<!-- memo-lint-enable ML701 -->\n\n## Beoogd effect\n"
    )
    text = text.replace("## Vervolg\n", "## Vervolg\n\nTODO\n")
    assert lint(text, today="2024-03-01") == [("ML701", line_of(text, "TODO", 2))]


def test_bare_disable_silences_every_rule() -> None:
    assert lint("<!-- memo-lint-disable -->\n\nGeen memo.\n") == []


def test_utf8_bom_and_crlf() -> None:
    data = b"\xef\xbb\xbf" + MD.replace("\n", "\r\n").encode("utf-8")
    source = read_source("memo.md", data)
    assert [line.text for line in source.lines] == MD.removesuffix("\n").split("\n")
    assert source.front_matter["type"] == "collegevoorstel"
    assert lint(data.decode("utf-8-sig")) == []


def test_seed_file_suffix_markdown() -> None:
    assert read_source("memo.markdown", SEED_MD.read_bytes()).format == "markdown"
