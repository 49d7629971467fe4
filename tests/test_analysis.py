"""The analyser: from a reader's Source to the Document the checks read."""

from __future__ import annotations

import datetime as dt

from helpers import document, edit, line_of, seed_md, seed_txt
from memo_lint.model import Document, Mark

TXT, MD = seed_txt(), seed_md()
SEED = document(TXT, "seed.txt")
SEED_MD = document(MD)
SEED_ORDER = [
    "samenvatting", "financiele-gevolgen", "bijlagen", "openbaarheid", "ontwerp-besluit",
    "collegebesluit", "inleiding", "kader", "beoogd-effect", "argumenten", "alternatieven",
    "draagvlak", "communicatie", "financien", "risicos", "vervolg", "openbaarheid",
]  # fmt: skip


def field_values(doc: Document) -> dict[str, tuple[str, int, str | None]]:
    """key -> (value, line, section id) of the fields the analyser found."""
    return {f.key: (f.value, f.key_span.line, f.section) for f in doc.fields}


# Sections


def test_seed_sections_despite_extraction_damage() -> None:
    # " Samenvatting " (leading and trailing space), "Risico’s" (typographic apostrophe),
    # "Collegebesluit d.d.:" (an alias with a colon).
    assert [s.id for s in SEED.sections] == SEED_ORDER
    risicos = SEED.section("risicos")
    assert risicos is not None and risicos.title == "Risico’s"
    assert risicos.heading_line == line_of(TXT, "Risico’s")
    assert (risicos.heading.column, risicos.heading.end_column) == (1, 9)


def test_section_spans_run_to_the_next_heading() -> None:
    kader = SEED.section("kader")
    assert kader is not None
    assert (kader.heading_line, kader.body_start, kader.body_end) == (39, 40, 41)


def test_markdown_sub_headings_belong_to_their_section() -> None:
    known = [s.id for s in SEED_MD.sections if s.id is not None]
    assert known == SEED_ORDER
    argumenten = SEED_MD.section("argumenten")
    assert argumenten is not None
    assert argumenten.body_end == line_of(MD, "## Alternatieve") - 1
    sub = [s for s in SEED_MD.sections if s.level == 3]
    assert [s.title for s in sub] == [
        "1.1 De City deal heeft onvoldoende opgeleverd",
        "1.2 Er zijn goede alternatieven",
        "1.3 Tijdsinzet",
    ]


def test_heading_name_in_prose_is_no_section() -> None:
    doc = document(edit(TXT, "In de basis gaat", "Kader en Financiën: in de basis gaat"), "m.txt")
    assert [s.id for s in doc.sections] == SEED_ORDER


def test_near_miss_heading_is_the_section_it_resembles() -> None:
    doc = document(edit(TXT, "Financiën \n", "Finacien \n"), "m.txt")
    assert [s.id for s in doc.sections] == SEED_ORDER
    assert doc.typo_headings == {103: "Finacien"}


# Fields


def test_fields_without_colon_in_extracted_text() -> None:
    fields = field_values(SEED)
    assert fields["Begroting wijzigen"] == ("Nee", 10, "financiele-gevolgen")
    assert fields["Budgetnummer"] == ("N.v.t.", 11, "financiele-gevolgen")
    assert fields["Betreft doel"][0] == "9.1.3 We bouwen aan een moderne informatievoorziening"


def test_fields_with_colon() -> None:
    text = edit(TXT, "Begroting wijzigen Nee", "Begroting wijzigen: Ja")
    fields = field_values(document(text, "m.txt"))
    assert fields["Begroting wijzigen"] == ("Ja", 10, "financiele-gevolgen")


def test_fields_from_table_rows() -> None:
    fields = field_values(SEED_MD)
    line = line_of(MD, "| Begroting wijzigen")
    assert fields["Begroting wijzigen"] == ("Nee", line, "financiele-gevolgen")
    assert fields["Budgetnummer"] == ("N.v.t.", line + 1, "financiele-gevolgen")
    field = next(f for f in SEED_MD.fields if f.key == "Begroting wijzigen")
    assert (
        MD.split("\n")[line - 1][field.value_span.column - 1 : field.value_span.end_column - 1]
        == "Nee"
    )


def test_field_value_span_points_at_the_value() -> None:
    field = next(f for f in SEED.fields if f.key == "Budgetnummer")
    line = TXT.split("\n")[field.value_span.line - 1]
    assert line[field.value_span.column - 1 : field.value_span.end_column - 1] == "N.v.t."


# Choices


def test_lost_glyphs_are_unknown_and_the_closing_statement_is_marked() -> None:
    publicity = SEED.choices["publicity"]
    assert [(o.label, o.mark, o.span.line) for o in publicity.options] == [
        ("Openbaar", Mark.UNKNOWN, 18),
        ("Geheim", Mark.UNKNOWN, 19),
    ]
    assert [(s.label, s.mark, s.span.line) for s in publicity.statements] == [
        ("Openbaar", Mark.MARKED, 127)
    ]


def test_task_list_checkboxes() -> None:
    publicity = SEED_MD.choices["publicity"]
    assert [(o.label, o.mark) for o in publicity.options] == [
        ("Openbaar", Mark.MARKED),
        ("Geheim", Mark.UNMARKED),
    ]
    college = SEED_MD.choices["college-decision"]
    assert {o.mark for o in college.options} == {Mark.UNMARKED}
    assert len(college.options) == 4


def test_glyphs_in_text() -> None:
    text = edit(TXT, " Openbaar \n Geheim \n", "☐ Openbaar \n☒ Geheim \n")
    options = document(text, "m.txt").choices["publicity"].options
    assert [(o.label, o.mark, o.span.column) for o in options] == [
        ("Openbaar", Mark.UNMARKED, 1),
        ("Geheim", Mark.MARKED, 1),
    ]


def test_options_on_one_line() -> None:
    text = edit(TXT, " Openbaar \n Geheim \n", "☒ Openbaar ☐ Geheim \n")
    options = document(text, "m.txt").choices["publicity"].options
    assert [(o.label, o.mark, o.span.line) for o in options] == [
        ("Openbaar", Mark.MARKED, 18),
        ("Geheim", Mark.UNMARKED, 18),
    ]


def test_statement_as_a_field() -> None:
    text = edit(MD, "- [x] Openbaar\n- [ ] Geheim\n", "Openbaarheid: Geheim\n")
    statements = document(text).choices["publicity"].statements
    assert [(s.label, s.span.line) for s in statements] == [
        ("Geheim", line_of(text, "Openbaarheid: Geheim")),
        ("Openbaar", text.split("\n").index("Openbaar") + 1),
    ]


def test_prose_mentioning_an_option_is_no_choice() -> None:
    text = edit(TXT, "Openbaar  \n", "Dit voorstel is openbaar. \n")
    assert document(text, "m.txt").choices["publicity"].statements == []


# Decision points and arguments


def test_decision_points() -> None:
    assert [(d.number, d.text, d.span.line) for d in SEED.decisions] == [
        (1, "Deelname aan de City deal Slim Maatwerk niet te verlengen.", 25)
    ]
    assert [(d.number, d.span.line) for d in SEED_MD.decisions] == [(1, line_of(MD, "1. Deelname"))]


def test_argument_headings_in_text_and_markdown() -> None:
    assert [(a.decision, a.index, a.span.line) for a in SEED.arguments] == [
        (1, 1, 49), (1, 2, 66), (1, 3, 75),
    ]  # fmt: skip
    assert [(a.decision, a.index, a.text) for a in SEED_MD.arguments] == [
        (1, 1, "De City deal heeft onvoldoende opgeleverd"),
        (1, 2, "Er zijn goede alternatieven"),
        (1, 3, "Tijdsinzet"),
    ]


# Footnotes


def test_footnotes_glued_to_words_in_the_seed() -> None:
    assert [(label, span.line, span.column) for label, span in SEED.footnote_markers] == [
        ("1", 68, 34),  # "kaart1"
        ("2", 68, 83),  # "Vertelkamer2"
        ("3", 69, 60),  # "partners3"
    ]
    assert [(f.label, f.span.line, f.text[:25]) for f in SEED.footnotes] == [
        ("1", 78, "In het project Sociale ka"),
        ("2", 82, "In het project Vertelkame"),
        ("3", 86, "Partners in deze projecte"),
    ]


def test_footnote_texts_are_not_memo_text() -> None:
    content = {line.number for line in SEED.content}
    assert {78, 82, 86} & content == set()
    assert 87 in content  # " Binen de afdeling MO …", the section text after the footnotes


def test_markdown_footnotes() -> None:
    assert [label for label, _ in SEED_MD.footnote_markers] == ["1", "2", "3"]
    assert [f.label for f in SEED_MD.footnotes] == ["1", "2", "3"]


# Dates, amounts and the memo date


def test_dates_and_amounts_with_spans() -> None:
    assert [(d.text, d.span.line) for d in SEED.dates] == [
        ("1 juli 2024", 2),
        ("31-05-2022", 40),
        ("1 april", 111),
    ]
    assert [(a.text, a.value, a.span.line) for a in SEED.amounts] == [("€9.000", 9000.0, 104)]
    span = SEED.amounts[0].span
    assert TXT.split("\n")[103][span.column - 1 : span.end_column - 1] == "€9.000"


def test_seed_states_no_memo_date() -> None:
    assert SEED.memo_date is None
    assert SEED_MD.memo_date is None


def test_memo_date_from_front_matter() -> None:
    text = edit(MD, "gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 2024-05-01\n")
    doc = document(text)
    assert doc.memo_date == dt.date(2024, 5, 1)
    assert doc.metadata["type"] == "collegevoorstel"


def test_memo_date_written_in_dutch_in_front_matter() -> None:
    text = edit(MD, "gemeente: Zwolle\n", "gemeente: Zwolle\ndatum: 13 april 2021\n")
    assert document(text).memo_date == dt.date(2021, 4, 13)


def test_memo_date_from_a_datum_header_line() -> None:
    text = edit(TXT, " Samenvatting \n", "Datum: 15 mei 2024 \n \n Samenvatting \n")
    doc = document(text, "m.txt")
    assert doc.memo_date == dt.date(2024, 5, 15)
    assert doc.memo_date_span is not None and doc.memo_date_span.line == 1


def test_a_datum_line_far_below_the_header_is_not_the_memo_date() -> None:
    text = edit(TXT, "Vervolg \n", "Vervolg \nDatum: 15 mei 2024 \n")
    assert document(text, "m.txt").memo_date is None


def test_memo_date_in_a_stacked_header() -> None:
    """Den Haag's and Overijssel's headers stack keys and values: the date a few lines below
    a bare "Datum" key, other keys' values in between (issue 13, corpus memo dates)."""
    head = "Datum\n\nRegistratienummer\n\n11 oktober 2024\n\nDSO/10765855\nRIS319905\n\n"
    doc = document(head + TXT, "m.txt")
    assert doc.memo_date == dt.date(2024, 10, 11)
    assert doc.memo_date_span is not None and doc.memo_date_span.line == 5


def test_memo_date_below_a_table_row_of_keys() -> None:
    head = "Datum GS-kenmerk Inlichtingen bij\n16.07.2024 2024-015664 T.A. de Bree\n\n"
    assert document(head + TXT, "m.txt").memo_date == dt.date(2024, 7, 16)


def test_a_compound_datum_key_is_another_field() -> None:
    """ "Datum bijeenkomst" (a meeting) and "Datum PM" are no memo date, stacked or not."""
    for key in ("Datum bijeenkomst", "Datum PM"):
        head = f"Onderwerp\n\n{key}\n\nBERAADSLAGINGSTAFEL\n\n3 oktober 2024\n\n"
        assert document(head + TXT, "m.txt").memo_date is None, key


def test_memo_date_in_a_letter_date_line() -> None:
    head = "Initiatiefvoorstel Zicht op arbeidsmigratie\nDen Haag, 5 januari 2025 RIS321353\n\n"
    doc = document(head + TXT, "m.txt")
    assert doc.memo_date == dt.date(2025, 1, 5)
    assert doc.memo_date_text == "5 januari 2025"
    body = "Inleiding\nIn de vergadering, 5 januari 2025, is besloten.\n\n"
    assert document(body + TXT, "m.txt").memo_date is None


def test_memo_date_that_opens_a_letter_whose_label_was_lost() -> None:
    """Den Haag's PDF letterhead loses its "Datum" label in the text: the date opens the
    letter, alone or before the next label, below only the letterhead (corpus 15693771)."""
    alone = "13 mei 2025\n\nOns Kenmerk\n\nDSO/10881310\n\n"
    doc = document(alone + TXT, "m.txt")
    assert doc.memo_date == dt.date(2025, 5, 13)
    assert doc.memo_date_span is not None and doc.memo_date_span.line == 1
    letterhead = (
        "Gemeente Den Haag Postbus 12600 T 14070\nSpui 70 2500 DJ Den Haag www.denhaag.nl\n"
        "Den Haag\n13 mei 2025 Ons Kenmerk\nDSO/10881310\n\n"
    )
    assert document(letterhead + TXT, "m.txt").memo_date == dt.date(2025, 5, 13)


def test_a_date_at_the_top_below_a_title_or_key_is_not_the_memo_date() -> None:
    for head in (
        "Fatale Termijn\n16-5-2024\n\n",  # another key's value
        "Raadsvoorstel beleid\n13 mei 2025\n\n",  # below a title
        "Den Haag\n13 mei 2025 heeft de raad besloten.\n\n",  # a sentence, not a date line
    ):
        assert document(head + TXT, "m.txt").memo_date is None, head
