"""The analyser's cheap tests before its costly patterns: each is a necessary condition, so
skipping a line it rejects changes nothing (random text of the characters that matter)."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import CORPUS
from memo_lint import dutch, packs
from memo_lint import text as memo_text
from memo_lint.analysis.fields import _longest_key, _normalised_start, first_normalised
from memo_lint.analysis.footnotes import _GLUED, FOOTNOTE_TEXT, GLUED_MARKER, _numbered
from memo_lint.analysis.lines import EDGE_LEADER, LIST_PREFIX, edge_leader_possible, list_prefix_end
from memo_lint.analysis.mentions import _currency
from memo_lint.checks.personal_data import (
    _BIRTH,
    _BIRTH_CUE,
    _PLATE,
    _PLATE_DIGITS,
)
from memo_lint.citations import _ARTICLE_HEAD, next_head
from memo_lint.dutch import (
    _DIGIT_BEFORE_MONTH,
    AMOUNT,
    RANGE_START,
    WRITTEN_DATE,
    normalise,
)
from memo_lint.model import Line, ScopeLines, digit_count
from memo_lint.pack import Pack

_CHARS = st.sampled_from(
    [
        *" \t\u00a0.…·_-–—:;,'’‘)(€",
        *"aeurEURoOéàÿΣσςΑ",
        *"0123456789",
        "euro",
        "EUR",
        "Datum",
        "artikel",
        "Art. ",
        "ARTT.",
        "      ",
        ". ",
        " _",
        "\t…",
    ]
)
_TEXT = st.lists(_CHARS, max_size=150).map("".join)
_LONG = st.lists(_CHARS, min_size=40, max_size=150).map("".join)  # longer than a field key


@settings(max_examples=500)
@given(_TEXT)
@example("Kop . . .")  # three leaders spread over five characters at either end
@example("_ _ _ Kop")
def test_edge_leaders_need_three_leader_characters_at_an_end(text: str) -> None:
    if not edge_leader_possible(text):
        assert EDGE_LEADER.sub("", text) == text


@settings(max_examples=500)
@given(_TEXT)
def test_amounts_need_a_currency(text: str) -> None:
    if not _currency(text):
        assert AMOUNT.search(text) is None


@settings(max_examples=500)
@given(_TEXT)
@example("kaart’1.")
@example("(zie b)2 ")
def test_glued_footnote_markers_need_a_letter_before_a_digit(text: str) -> None:
    if _GLUED.search(text) is None:
        assert GLUED_MARKER.search(text) is None


_PACKS: dict[str, Pack] = {}


@settings(max_examples=500)
@given(_LONG, st.sampled_from(["collegevoorstel", "zwolle-beslisnota", "raadsvoorstel"]))
def test_a_field_key_is_read_from_the_normalised_start(text: str, name: str) -> None:
    pack = _PACKS.get(name) or _PACKS.setdefault(name, packs.load(name, None))
    longest = _longest_key(pack)
    assert _normalised_start(text, pack)[: longest + 1] == normalise(text)[: longest + 1]


@settings(max_examples=1000)
@given(_TEXT)
@example("\u00a0\u2019t Kan")
@example("\u0130k")  # lower case is two characters
def test_the_first_normalised_character_alone(text: str) -> None:
    assert first_normalised(text) == normalise(text)[:1]


@settings(max_examples=1000)
@given(st.text(st.sampled_from([*"0123456789 a-é²³¹٣５", "\U0001d7ce", "\udc80"]), max_size=40))
def test_digits_are_counted_as_isdigit_does(text: str) -> None:
    assert digit_count(text) == sum(map(str.isdigit, text))


_DIGIT_LINES = st.lists(
    st.text(st.sampled_from([*"0123456789 a-é²³¹٣５\t", "\U0001d7ce", "\udc80"]), max_size=12),
    max_size=8,
)


@settings(max_examples=1000)
@given(_DIGIT_LINES, st.booleans())
@example(["12", "é3", "", "٣"], False)
@example(["1\n2", "3"], False)  # a line holding a newline: counted line by line
def test_a_memo_counts_each_lines_digits_at_once(texts: list[str], inside: bool) -> None:
    lines = ScopeLines(Line(number, text) for number, text in enumerate(texts, start=1))
    if inside:
        lines.joined()  # counting after the joined text was made for patterns
    assert lines.digit_counts() == [sum(map(str.isdigit, text)) for text in texts]


def _spans(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@settings(max_examples=1000)
@given(_TEXT, st.integers(0, 20))
@example("xARTT. 3", 0)  # only where "art" starts, in any case
@example("artart 3", 0)
@example("kaart artikel 4", 3)  # a start looks behind itself as a search does
@example("İ art. 4", 0)  # lowering changes the length
def test_article_heads_are_tried_where_art_starts(text: str, position: int) -> None:
    found = next_head(text, text.lower(), position)
    assert _spans(found) == _spans(_ARTICLE_HEAD.search(text, position))


def test_case_folding_matches_exactly_the_lowered_letters_of_art() -> None:
    for letter in "art":
        folded = re.compile(letter, re.IGNORECASE)
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            assert (folded.fullmatch(char) is not None) == (char.lower() == letter), hex(code)


def test_article_heads_on_every_corpus_text() -> None:
    texts = [path.read_text("utf-8") for path in sorted(CORPUS.parent.rglob("*.txt"))]
    assert len(texts) > 100
    for text in texts:
        heads = [head.span() for head in _ARTICLE_HEAD.finditer(text)]
        position, found = 0, []
        while (head := next_head(text, text.lower(), position)) is not None:
            found.append(head.span())
            position = head.end()
        assert found == heads


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from([*"0123456789-BDGZ :", "Geb", "GEBOREN", "geboortedatum"])).map(
        "".join
    )
)
@example("BD-12-GZ")  # a plate with two digits
@example("Geb. 1-2-1990")
def test_birth_dates_and_plates_need_their_cues(text: str) -> None:
    if _BIRTH_CUE not in text.lower():
        assert _BIRTH.search(text) is None
    if digit_count(text) < _PLATE_DIGITS:
        assert _PLATE.search(text) is None


_DATE_TEXT = st.lists(
    st.sampled_from(
        [*" 0123456789-/.,e\t", "ste", "de", "t/m", "en", "mei", "MRT", "ſept", "April"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1000)
@given(_DATE_TEXT)
@example("1 en 2 april")
@example("3e  ſeptember")
def test_written_dates_and_ranges_need_a_digit_before_a_month(text: str) -> None:
    if _DIGIT_BEFORE_MONTH.search(text) is None:
        assert WRITTEN_DATE.search(text) is None
        assert RANGE_START.search(text) is None


@settings(max_examples=1000)
@given(st.text(st.sampled_from(" \t\f\u00a0\u2003\x1c\u200b-*+•·aA1"), max_size=12))
@example("\x1c- a")  # an information separator is white space to str.isspace and to re
def test_a_list_prefix_is_tried_only_after_white_space_or_a_bullet(text: str) -> None:
    prefix = LIST_PREFIX.match(text)
    assert list_prefix_end(text) == (prefix.end() if prefix else 0)


_PART_PATTERNS = [
    (memo_text._BESLUIT_PART, memo_text._BESLUIT_INITIALS, False),
    (memo_text._TOELICHTING_PART, memo_text._TOELICHTING_INITIALS, False),
    (memo_text._FORM_PART, memo_text._FORM_INITIALS, False),
    (memo_text._ROMAN_LABEL, memo_text._NUMERALS, True),
]


def _opens_as_its_pattern_needs(line: str) -> None:
    for pattern, initials, exact in _PART_PATTERNS:
        if pattern.match(line):
            assert memo_text.opens_with(line, initials, fold=not exact), (pattern.pattern, line)
    if FOOTNOTE_TEXT.match(line):  # a footnote's text opens with its number
        assert _numbered(line), line


_PART_TEXT = st.lists(
    st.sampled_from(
        [*" \t\u00a0\x1cIXixDdHhBbCcTtAa.)", "De raad van Delft", "toelichting", "Algemene ",
         "collegebesluit", "Burgemeester en wethouders van Zwolle", "XIV.", "1", "٣", "²"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=1000)
@given(_PART_TEXT)
@example("\x1cDe raad van Delft")  # white space to str.strip and to re
@example("\u00a0٣ Zie de nota")  # a digit of another script
def test_part_numeral_and_footnote_patterns_need_their_first_character(line: str) -> None:
    _opens_as_its_pattern_needs(line)


def test_part_numeral_and_footnote_patterns_on_every_corpus_line() -> None:
    for path in sorted(CORPUS.parent.rglob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            _opens_as_its_pattern_needs(line.replace("\f", " "))


def test_case_folding_matches_exactly_the_lowered_initials() -> None:
    letters = {
        *memo_text._BESLUIT_INITIALS,
        *memo_text._TOELICHTING_INITIALS,
        *memo_text._FORM_INITIALS,
    }
    for letter in letters:
        folded = re.compile(letter, re.IGNORECASE)
        for code in range(sys.maxunicode + 1):
            char = chr(code)
            assert (folded.fullmatch(char) is not None) == (char.lower() == letter), hex(code)


def _token_before_slowly(text: str, end: int) -> str:
    found = memo_text._TOKEN_BEFORE.search(text[max(0, end - 40) : end])
    return found[1] if found else ""


_PROSE = st.lists(
    st.sampled_from([*" \n.!?\"'”’)](“a9_°/-éZ²", "o.g.v", "nr", "2.", "…", "x" * 30]),
    max_size=40,
).map("".join)


@settings(max_examples=1000)
@given(_PROSE)
@example('a "b". ')  # a closing quote inside the run: the match starts past it
@example("x" * 45 + ". ")  # a run longer than the 40 characters read
def test_the_token_before_a_sentence_end_is_searched_from_its_last_run(text: str) -> None:
    for end in range(len(text) + 1):
        if text[end - 1 : end] == "\n":  # "$" before a last newline: never a sentence end
            continue
        assert memo_text.token_before(text, end) == _token_before_slowly(text, end)


def test_the_token_before_every_corpus_sentence_end() -> None:
    for path in sorted(CORPUS.parent.rglob("*.txt")):
        text = path.read_text("utf-8")
        for end in memo_text._END.finditer(text):
            assert memo_text.token_before(text, end.end()) == _token_before_slowly(text, end.end())


# The date patterns as written before they opened with their first digit (dutch.py): the
# look-behind first, tried at every character.
_MONTHS = dutch._MONTH_NAMES
_DATES_SLOWLY = [
    (dutch.NUMERIC_DATE, r"(?<![\d.,/-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d/-]|\.\d)", 0),
    (
        dutch.SHORT_DATE,
        r"(?<![\d.,/-])(\d{1,2})([-/])(\d{1,2})\2(\d{2})(?![\d/-]|[.,]\d)",
        0,
    ),
    (dutch.ISO_DATE, r"(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])", 0),
    (
        dutch.WRITTEN_DATE,
        rf"(?<![\d.,])(\d{{1,2}})(?:e|ste|de)?\s+({_MONTHS})\.?(?:\s+(\d{{4}}|['’‘]\d{{2}}))?"
        rf"{dutch._RELATIVE}(?!\w|-\D)",
        re.IGNORECASE,
    ),
    (
        dutch.RANGE_START,
        rf"(?<![\d.,])(\d{{1,2}})\s*(?:t/m|tot en met|tot|-|–|en)\s*"
        rf"(?=\d{{1,2}}(?:e|ste|de)?\s+(?:{_MONTHS})\b\.?(?:\s+(\d{{4}}))?)",
        re.IGNORECASE,
    ),
]


def _dates_as_written_before(text: str) -> None:
    for pattern, slow, flags in _DATES_SLOWLY:
        found = [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text)]
        before = [(m.span(), m.groupdict(), m.groups()) for m in re.finditer(slow, text, flags)]
        assert found == before, (pattern.pattern, text)


_DIGITS_AND_DATES = st.lists(
    st.sampled_from(
        [*" 0123456789-/.,e\t\n", "٣", "²", "ste", "de", "t/m", "en", "–", "mei", "MRT", "'24",
         "a.s.", "jl.", "1 april", "2024"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=2000)
@given(_DIGITS_AND_DATES)
@example("1.2-3-2024")  # a digit after a dot: no date
@example("1.2 en 3 mei")
@example("123-45-67")  # not a year
@example("٣-4-2024")  # a digit of another script opens one
def test_date_patterns_opening_with_their_digit_match_as_before(text: str) -> None:
    _dates_as_written_before(text)


def test_date_patterns_on_every_corpus_line() -> None:
    for path in sorted(CORPUS.parent.rglob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            _dates_as_written_before(line)


def _part_starts_slowly(lines: list[Line]) -> list[int]:
    """part_starts as written before it read a line's first character once."""
    annexes = {line.number for line in memo_text.appended_annexes(lines).values()}
    half = (lines[0].number + lines[-1].number) / 2 if lines else 0
    starts, besluit = [], False
    for line in lines:
        text = line.text.replace("\f", " ")
        if len(text.strip()) > 120:
            continue
        if memo_text._BESLUIT_PART.match(text):
            besluit = True
        elif not (
            line.number in annexes
            or (besluit and memo_text._TOELICHTING_PART.match(text))
            or (line.number > half and memo_text._FORM_PART.match(text))
        ):
            continue
        starts.append(line.number)
    return starts


def _numbered_lines(texts: list[str]) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


@settings(max_examples=500)
@given(
    st.lists(
        _PART_TEXT | st.sampled_from(["", " ", "Bijlage 2: kaart", "## Bijlage 3", "\f"]),
        max_size=12,
    )
)
@example(["De raad van Delft", "Toelichting", "Collegebesluit", "Bijlage 1"])
def test_part_starts_read_the_first_character_once(texts: list[str]) -> None:
    lines = _numbered_lines(texts)
    assert memo_text.part_starts(lines) == _part_starts_slowly(lines)


def test_part_starts_of_every_corpus_text() -> None:
    for path in sorted(CORPUS.parent.rglob("*.txt")):
        lines = _numbered_lines(path.read_text("utf-8").splitlines())
        assert memo_text.part_starts(lines) == _part_starts_slowly(lines), path.name
