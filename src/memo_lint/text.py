"""Reading Dutch government prose: sentences, citations, numbering, referenced titles, annexes.

Memos cite law ("artikel 5.1, tweede lid, sub b Woo", "art. 87 jo. art. 89 Gemeentewet"),
abbreviate ("o.g.v.", "m.b.t.", "d.d.", "nr."), number with Roman numerals past XXX and with
letters ("a.", "I)"), quote other documents' titles ("raadsinformatiebrief 'Voortgang
beëindiging samenwerkingsovereenkomst …' (RIS316611)") and refer to other documents'
annexes. A rule that reads a sentence must not stop at a citation's dot, and a rule that looks
for "beëindiging" must not read it inside somebody else's title. This module is that reading,
in one place: the abbreviations are here for every module that needs them, and citations are
:mod:`memo_lint.citations`' parser.

Sentence splitting is rule-based and hand-written: on the corpus sentences with citations and
abbreviations it makes fewer mistakes than the rule-based libraries measured
(``bench/sentences.py``, ``docs/sentences.md``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from memo_lint.citations import find_citations
from memo_lint.model import Document, Line, Record, Span, joined
from memo_lint.patterns import compile_pattern
from memo_lint.regex import compile_later

# Abbreviations that never end a sentence: the next word continues it ("o.a. Rijk", "nr. 5",
# "art. 5.1", "d.d. 13 april"). Lower case, without the final period.
_ABBREVIATED = """
a.g.v aanv afd alg art artt bijv bv bw ca cf d.d d.w.z dhr dr drs e.a e.v evt excl fa gem i.c
i.o.m i.p.v i.s.m i.v.m i.z ing incl ir jo jl m.b.t m.b.v m.i.v mevr mr m.u.v n.a.v n.v.t nl no
nr nrs o.a o.b.v o.g.v o.i.d o.l.v o.m p pag par prof red resp sr st stb stcrt t.a.v t.b.v t.g.v
t.l.v t.o t.o.v t/m vgl vlg v.o.f z.s.m zgn
"""
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
# Not among them: abbreviations that often close a sentence ("€ 0,1 mln. Eerder al …",
# "enz.", "e.d."): there a capital starts a new sentence.

ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# A candidate sentence end: . ! ? (and closing quotes or brackets) followed by white space.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"([\w./°’'-]*)[.!?]+[\"'”’)\]]*$")
# The characters a _TOKEN_BEFORE match is made of (:func:`token_before`).
_TOKEN_RUN = re.compile(r"[\w./°’'\-!?\"”)\]]*")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NUMBER_TOKEN = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_ONE_LETTER = re.compile(r"[a-zA-Z]")
_CITATION_TAIL = compile_later(r"\b(?:sub|onder|onderdeel|lid|letter)\s*$", re.IGNORECASE)
# What a new sentence starts with: a capital, a digit, a bullet, or a bracket with a capital
# ("(Raadsbesluit d.d. …)"); "(2,1 % lager …)" after "mln." goes on.
_STARTS_SENTENCE = re.compile(r"\s+(?:[\"'“‘\[]*[A-Z\u00c0-\u00de0-9•]|\(\s*[A-Z\u00c0-\u00de])")
_DIGIT_NEXT = compile_later(r"\s*\d")
_NUMBER_LABEL = re.compile(r"(?<![\w.,])(\d{1,2})\.\s+[A-Z\u00c0-\u00de]")


# A title set in spaced capitals ("P E R S B E R I C H T", "V O O R S T E L  V A N"): PDF text
# extraction keeps the letter spacing as spaces, two or more between the words.
_LETTER_SPACED = re.compile(r"\s*[^\W\d_](?: {1,3}[^\W\d_]){3,}\s*")


def unspaced(text: str) -> str:
    """A letter-spaced line as the words it spells; any other line as it is."""
    if not _LETTER_SPACED.fullmatch(text):
        return text
    words = re.split(r" {2,}", text.strip())
    return " ".join(word.replace(" ", "") for word in words)


def roman_value(numeral: str) -> int | None:
    """The value of a canonical Roman numeral ("XXXVIII" is 38), None when it is not one."""
    if not numeral or not ROMAN.match(numeral):
        return None
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


_ROMAN_LABEL = re.compile(r"^\s*([IVXLCDM]{1,9})[.)](?=\s|$)")
_NUMERALS = "IVXLCDM"
# Dots or underscores that lead from words to their value: "Inleiding ........ 3",
# "Openbaarheid ______ Openbaar". A run with nothing after it is a blank to fill in.
_LEADER = compile_later(r"(?<=\S)\s*([.…_·]{3,})\s*(?=[\w€(])")


def layout_marks(lines: list[Line]) -> dict[int, list[tuple[int, int]]]:
    """What numbers or lays out the text rather than says something, by line: (start, end).

    Roman list labels that continue a list ("XXX." after "XXIX."; "XXX." out of the blue may
    be a template's placeholder) and leaders between words and their value (a table of
    contents, "key ...... value").
    """
    marks: dict[int, list[tuple[int, int]]] = {}
    last = 0
    for line in lines:
        numeral = opens_with(line.text, _NUMERALS, fold=False)
        label = _ROMAN_LABEL.match(line.text) if numeral else None
        value = roman_value(label[1]) if label else None
        if label is not None and value is not None:
            if value == last + 1:
                marks.setdefault(line.number, []).append((label.start(1), label.end(1)))
            last = value
        text = line.text
        if "..." in text or "…" in text or "___" in text or "··" in text:
            for leader in _LEADER.finditer(text):
                marks.setdefault(line.number, []).append((leader.start(1), leader.end(1)))
    return marks


def document_layout_marks(document: Document) -> dict[int, list[tuple[int, int]]]:
    """:func:`layout_marks` of the memo's text, found once per document."""
    marks: dict[int, list[tuple[int, int]]] | None = document.derived.get("layout")
    if marks is None:
        marks = document.derived["layout"] = layout_marks(document.content)
    return marks


def citations(text: str) -> list[tuple[int, int]]:
    """Where ``text`` cites an article (:mod:`memo_lint.citations`): (start, end) of each."""
    return [(c.start, c.end) for c in find_citations(text)]


def _is_label(text: str, start: int, token: str) -> bool:
    """``token`` (before a period at ``start``) numbers a list item: "1.", "3.1.", "a.", "II."."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    before = text[max(0, end - 2) : end]  # never the whole prefix: a block may be a whole PDF page
    opens_item = not before or before[-1] in '.:;!?"“(' or before.endswith(("•", " -", " o"))
    if _NUMBER_TOKEN.fullmatch(token):
        return opens_item
    if _ONE_LETTER.fullmatch(token):
        return True  # "a.", "N.", initials "L. Blankwaard": never the end of a sentence
    return roman_value(token) is not None and opens_item


def token_before(text: str, end: int) -> str:
    """The word a sentence end follows (``end`` just past its punctuation): _TOKEN_BEFORE's
    group searched in the 40 characters before ``end``. A match is made of _TOKEN_RUN's
    characters, so it starts within their last run: searched from there (the run read in the
    reversed text) instead of tried at each of the 40 positions."""
    window = max(0, end - 40)
    run = _TOKEN_RUN.match(text[end - 1 : window - 1 if window else None : -1])
    found = _TOKEN_BEFORE.search(text, end - run.end() if run else window, end)
    return found[1] if found else ""


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end in ``text`` (one block of prose, any line breaks)."""
    ends: list[int] = []
    cited: list[tuple[int, int]] = []  # the citations' spans, overlapping ones merged
    for start, stop in sorted(citations(text)):
        if cited and start < cited[-1][1]:
            cited[-1] = (cited[-1][0], max(cited[-1][1], stop))
        else:
            cited.append((start, stop))
    cited_starts = [start for start, _ in cited]
    numbered: set[int] | None = None  # the numbers labelling list items: read when needed
    for match in _END.finditer(text):
        end = match.end()
        if not _STARTS_SENTENCE.match(text, end):
            continue  # "lid 5. waarbij", "o.a. bedrijventerreinen": the sentence goes on
        inside = bisect_left(cited_starts, match.start()) - 1
        if inside >= 0 and match.start() < cited[inside][1]:
            continue
        token = token_before(text, end)
        bare = token.lower().rstrip(".")
        if bare in ABBREVIATIONS or _INITIALS.fullmatch(bare):
            continue  # "o.g.v. Rijk", "V.O.F. Vishandel"
        token_start = match.start() - len(token)
        if token.isalpha() and len(token) <= 3 and _DIGIT_NEXT.match(text, end):
            continue  # "(Ra. 10688863)", "Stb. 2022": an abbreviation before its number
        if token.isdigit() and len(token) <= 2:
            if numbered is None:
                numbered = {int(m[1]) for m in _NUMBER_LABEL.finditer(text)}
            if numbered & {int(token) - 1, int(token) + 1}:
                continue  # "… winkelcentrum 2. Verkeersaspecten 3. Stikstofdepositie": a list
        if (
            len(token) == 1
            and token.islower()
            and _CITATION_TAIL.search(text, max(0, token_start - 40), token_start)
            and text[match.start()] == "."
        ):
            ends.append(end)  # "… lid 2, sub b. Het college …"
            continue
        if _is_label(text, token_start, token):
            continue
        ends.append(end)
    return ends


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, surrounding white space excluded."""
    return _split(text)[0]


@lru_cache(maxsize=256)
def _split(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """:func:`split_sentences` of ``text``, and the sentences' texts. Cached: the
    legal-citation rules split the block around every citation they read (a block may be a
    whole PDF page holding dozens of citations), and a memo's paragraphs recur in the next
    memo of its template, whose sentences are then taken as they are."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for end in [*sentence_ends(text), len(text)]:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            start = begin + len(piece) - len(piece.lstrip())
            spans.append((start, start + len(stripped)))
        begin = end
    return tuple(spans), tuple(text[start:end] for start, end in spans)


class Sentence(Record):
    """One sentence of the memo, its line breaks replaced by spaces, with its place."""

    text: str
    span: Span
    # Offset in ``text`` where each line's part starts, and that line (for exact spans).
    starts: tuple[int, ...]
    lines: tuple[Line, ...]
    columns: tuple[int, ...]

    def __init__(  # written out: dozens per memo (Record's generic one is slower)
        self,
        text: str,
        span: Span,
        starts: tuple[int, ...],
        lines: tuple[Line, ...],
        columns: tuple[int, ...],
    ) -> None:
        self.text = text
        self.span = span
        self.starts = starts
        self.lines = lines
        self.columns = columns

    def span_of(self, start: int, end: int) -> Span:
        """The memo span of characters ``start:end`` of this sentence."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        begin_col = self.columns[first] + start - self.starts[first]
        end_col = self.columns[last] + max(end, start + 1) - self.starts[last]
        return Span(self.lines[first].number, begin_col + 1, self.lines[last].number, end_col + 1)


class Sentences:
    """The sentences of some lines (:func:`sentences`): every sentence's text at once, each
    :class:`Sentence` (its place in the memo) built when a rule asks for it. Most rules read
    only the texts, joined once for all their patterns, and a memo has a hundred sentences."""

    __slots__ = ("_blocks", "_built", "_firsts", "_joined", "_layouts", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        # Per block: its lines, each line's part of its text, and where each of its sentences
        # begins and ends in that text; the index of its first sentence.
        self._blocks: list[tuple[list[Line], list[str], tuple[tuple[int, int], ...]]] = []
        self._firsts: list[int] = []
        # Per block a sentence was built in: where each part starts in the text, its column.
        self._layouts: dict[int, tuple[list[int], list[int]]] = {}
        self._built: dict[int, Sentence] = {}
        self._joined: tuple[str, list[int]] | None = None

    def add_block(self, block: list[Line]) -> None:
        """The sentences of consecutive non-empty lines, read as one text (where each line's
        part lies is worked out only for a block a rule reports a sentence of)."""
        parts = [line.text.replace("\f", " ").strip() for line in block]
        spans, said = _split(" ".join(parts) + " ")
        self._blocks.append((block, parts, spans))
        self._firsts.append(len(self.texts))
        self.texts.extend(said)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index: int) -> Sentence:
        index = range(len(self.texts))[index]
        found = self._built.get(index)
        if found is None:
            found = self._built[index] = self._build(index)
        return found

    def __iter__(self) -> Iterator[Sentence]:
        return (self[index] for index in range(len(self.texts)))

    def joined(self) -> tuple[str, list[int]]:
        """The texts one per line (:func:`memo_lint.model.joined`), joined once."""
        if self._joined is None:
            self._joined = joined(self.texts)
        return self._joined

    def _layout(self, block_index: int) -> tuple[list[int], list[int]]:
        """Where each part of the block starts in its text, and its column in its line."""
        found = self._layouts.get(block_index)
        if found is None:
            block, parts, _ = self._blocks[block_index]
            starts = list(accumulate([len(part) + 1 for part in parts], initial=0))
            starts.pop()
            raws = [line.text.replace("\f", " ") for line in block]
            columns = [len(raw) - len(raw.lstrip()) for raw in raws]
            found = self._layouts[block_index] = (starts, columns)
        return found

    def _build(self, index: int) -> Sentence:
        block_index = bisect_right(self._firsts, index) - 1  # a block has a sentence at least
        block, _, spans = self._blocks[block_index]
        begin, end = spans[index - self._firsts[block_index]]
        starts, columns = self._layout(block_index)
        first = bisect_right(starts, begin) - 1
        last = bisect_right(starts, end - 1) - 1
        part_columns = columns[first : last + 1]
        part_columns[0] += begin - starts[first]
        # the span of the whole sentence, as span_of(0, end - begin) gives it
        span = Span(
            block[first].number,
            columns[first] + begin - starts[first] + 1,
            block[last].number,
            columns[last] + end - starts[last] + 1,
        )
        return Sentence(
            self.texts[index],
            span,
            (0, *(start - begin for start in starts[first + 1 : last + 1])),
            tuple(block[first : last + 1]),
            tuple(part_columns),
        )


def sentences(lines: list[Line]) -> Sentences:
    """The sentences of consecutive non-empty lines: extraction breaks them anywhere."""
    found = Sentences()
    block: list[Line] = []
    for line in lines:
        if line.text.strip():
            block.append(line)
        elif block:
            found.add_block(block)
            block = []
    if block:
        found.add_block(block)
    return found


def document_sentences(document: Document) -> Sentences:
    """The sentences of the memo's text, read once per document and shared by every rule."""
    found: Sentences | None = document.derived.get("sentences")
    if found is None:
        found = document.derived["sentences"] = sentences(document.content)
    return found


# Another document's title: quoted, after "inzake"/"betreffende"/"getiteld", or a phrase
# that a registration number (RIS, kenmerk, zaaknummer) closes.
_QUOTED = re.compile(r"[“‘\"'][^“”‘’\"\n]{3,200}?[”’\"']")
_TITLE_CUE = re.compile(
    r"\b(?:inzake|betreffende|getiteld|genaamd|met (?:als )?(?:titel|onderwerp)|onder de titel)"
    r"\b[ :]*",
    re.IGNORECASE,
)
_TITLE_STOP = compile_later(r"[.;]\s|[(\[]|\bRIS\s?\d|\bkenmerk\b|$", re.IGNORECASE)
_REGISTRATION = re.compile(
    r"\(?\b(?:RIS|kenmerk:?|zaaknummer:?|ons kenmerk:?)\s?[-\w/.]*\d[-\w/]*\)?", re.IGNORECASE
)
_DOCUMENT = compile_later(
    r"\b(?:raadsinformatiebrief|raadsvoorstel|collegebesluit|raadsbesluit|commissiebrief|"
    r"raadsmededeling|informatienota|brief|nota|rapport|memo|motie|notitie|besluit|voorstel)"
    r"\b\s*",
    re.IGNORECASE,
)


def referenced_spans(text: str) -> list[tuple[int, int]]:
    """Parts of ``text`` that name or quote another document rather than say something.

    A "beëindiging" inside them ends nothing; a "bijlage 2" inside them is not this memo's.
    """
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    for cue in _TITLE_CUE.finditer(text):
        stop = _TITLE_STOP.search(text, cue.end())
        spans.append((cue.end(), stop.start() if stop else len(text)))
    for number in _REGISTRATION.finditer(text):
        # The title a registration number closes: back to the document word or a clause mark.
        head = text[: number.start()]
        documents = list(_DOCUMENT.finditer(head, max(0, len(head) - 200)))
        document = documents[-1] if documents else None
        clause = max(head.rfind(mark) for mark in (". ", "; ", ": ", "\n"))
        begin = document.end() if document and document.end() > clause else clause + 1
        if number.start() - begin <= 200:
            spans.append((begin, number.end()))
    return sorted(spans)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``."""
    return any(begin <= start and end <= stop for begin, stop in spans)


# "bijlage 2", "bijlage B", "bijlage IV": the id the memo uses for an annex.
ANNEX_ID = r"\d{1,2}|[IVXL]{1,6}|[A-Z]\b|[a-h]\b"
ANNEX_REFERENCE = re.compile(rf"\bbijlage\s+({ANNEX_ID})(?![\w.]\d)", re.IGNORECASE)
# After the reference: it belongs to another document ("bij de commissiebrief …", "van het
# raadsvoorstel RIS…", "(RIS316611)"), not to this one ("bij dit voorstel").
_FOREIGN_AFTER = compile_later(
    r"\s*(?:\((?:RIS|kenmerk)[^)]*\)|,?\s*(?:RIS|kenmerk)\s?\d"
    r"|(?:\([^)]*\)\s*)?(?:bij|van|uit|behorende? bij)\s+(?:de|het|een)\s+(?!bijlage)\w)",
    re.IGNORECASE,
)
# An annex appended in the document: "Bijlage 1: taakmutaties", "Bijlage II" alone, "Bijlage
# 2 – Planning", at the start of a line.
APPENDED_ANNEX = re.compile(
    rf"^\s*(?:[#*]+\s*)?Bijlage\s+({ANNEX_ID})\s*(?:[:.–—-]\s*\S.*|\s*$|\s+[A-Z\u00c0-\u00de]\S*(?:\s+\S+){{0,12}}\s*$)"
)


def foreign_annex(text: str, end: int) -> bool:
    """Whether the annex reference ending at ``end`` in ``text`` names another document's."""
    return _FOREIGN_AFTER.match(text[end : end + 120].replace("\n", " ")) is not None


def appended_annexes(lines: list[Line]) -> dict[str, Line]:
    """Annexes the document carries itself, by id: headings "Bijlage N…" at a line start."""
    found: dict[str, Line] = {}
    for line in lines:
        if "Bijlage" not in line.text:
            continue
        match = APPENDED_ANNEX.match(line.text.replace("\f", " ").rstrip())
        if match and not line.text.rstrip().endswith((",", ";", ".")):
            found.setdefault(match[1].upper(), line)
    return found


# "Artikel I", "Artikel 1:7", "Artikel 6. Uitbetaling": an article heading of a regulation that
# a decision adopts or amends; what follows is the regulation's text, not the memo's.
ARTICLE = re.compile(r"^\s*Artikel\s+(?:[IVXLC]+|\d+(?:[.:]\d+)*[a-z]?)\.?(?:\s+[A-Z][^.]{0,60})?$")
# Where another part of a multi-part document starts: the raadsbesluit or collegebesluit
# after the proposal ("De raad van de gemeente Den Haag,"), the toelichting after the besluit,
# a filled-in decision form ("Collegebesluit", "Besluit van burgemeester en wethouders").
# Where another part of a multi-part document starts: the raadsbesluit after the proposal ("De
# raad van de gemeente Den Haag,"), the toelichting after that besluit, a filled-in decision
# form after the memo ("Collegebesluit", "Besluit van burgemeester en wethouders").
_BESLUIT_PART = re.compile(
    r"^\s*(?:de\s+(?:gemeente)?raad|het college van burgemeester en wethouders|burgemeester en "
    r"wethouders)\s+van\s+(?:de\s+)?(?:gemeente\s+)?[A-Z][\w'’ -]{1,40}?\s*"
    r"(?:,\s*(?:gezien|gelet|gelezen|in vergadering|overwegende)\b.*|,?\s*)$",
    re.IGNORECASE,
)
_TOELICHTING_PART = compile_later(
    r"^\s*(?:algemene\s+|artikelsgewijze\s+|artikelgewijze\s+)?toelichting"
    r"(?:\s+(?:op|bij)\b[^.]{0,80})?\s*$",
    re.IGNORECASE,
)
_FORM_PART = re.compile(
    r"^\s*(?:collegebesluit|besluit van (?:het college|burgemeester en wethouders))\b",
    re.IGNORECASE,
)


_BESLUIT_INITIALS, _TOELICHTING_INITIALS, _FORM_INITIALS = "dhb", "at", "cb"
_PART_INITIALS = _BESLUIT_INITIALS + _TOELICHTING_INITIALS + _FORM_INITIALS


def opens_with(text: str, initials: str, *, fold: bool = True) -> bool:
    """Whether ``text``'s first character after white space (or none) is one of ``initials``,
    lowered with ``fold`` (as IGNORECASE folds these letters): what a line pattern opening
    with ``^\\s*`` and those letters needs, looked at before it is tried on every line."""
    first = text.lstrip()[:1]
    return (first.lower() if fold else first) in initials


def part_starts(lines: list[Line]) -> list[int]:
    """Line numbers where a part of a multi-part document starts (after the first part).

    A voorstel with its raadsbesluit and the toelichting after that, a memo with a filled-in
    decision form after it, annexes appended at the end: each part has its own headings, and a
    heading repeated in another part ("Besluit", "Financiën", "Inleiding") is no duplicate. A
    "Toelichting" before any besluit and a "Collegebesluit d.d.:" block in the first half of the
    memo (Zwolle's front page) are sections of the memo, not parts.
    """
    annexes = {line.number for line in appended_annexes(lines).values()}
    half = (lines[0].number + lines[-1].number) / 2 if lines else 0
    starts: list[int] = []
    besluit = False
    for line in lines:
        text = line.text.replace("\f", " ")
        stripped = text.strip()
        if len(stripped) > 120:
            continue
        first = stripped[:1].lower()  # opens_with's test, read once for the three patterns
        if first not in _PART_INITIALS and line.number not in annexes:
            continue  # most lines: no part pattern can match, and no annex starts there
        if first in _BESLUIT_INITIALS and _BESLUIT_PART.match(text):
            besluit = True
        elif not (
            line.number in annexes
            or (besluit and first in _TOELICHTING_INITIALS and _TOELICHTING_PART.match(text))
            or (line.number > half and first in _FORM_INITIALS and _FORM_PART.match(text))
        ):
            continue
        starts.append(line.number)
    return starts


# A clause that states a condition: "indien …", "voor zover …", up to the next clause mark.
_CONDITION = re.compile(
    r"\b(?:indien|mits|tenzij|voor zover|voorzover|zolang|zodra|totdat|ingeval|in geval|"
    r"wanneer)\b[^,;:]*",
    re.IGNORECASE,
)


def condition_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` that state a condition rather than a fact or a decision.

    "… voor zover de activiteiten niet zijn beëindigd;" ends nothing; "Indien de raad instemt,
    wordt de overeenkomst beëindigd" does (the main clause follows the comma).
    """
    return [(m.start(), m.end()) for m in _CONDITION.finditer(text)]


def sentence_matches(
    pattern: str, found: Sentences, *, referenced: bool = True
) -> Iterator[tuple[Sentence, int, int]]:
    """Every match of a pack pattern inside one sentence: (sentence, start, end).

    The sentences are searched as one text, one per line (one RE2 call); a pattern's ``.``
    stays inside its sentence. With ``referenced=False`` only what the memo itself states
    counts: not a match inside another document's title or a quotation, nor one inside a
    condition clause.
    """
    if not found:
        return
    text, starts = found.joined()
    texts = found.texts
    for match in compile_pattern(pattern).finditer(text):
        if match.end() <= match.start():
            continue
        index = bisect_right(starts, match.start()) - 1
        said = texts[index]
        start, end = (
            match.start() - starts[index],
            min(match.end() - starts[index], len(said)),
        )
        if not referenced and (
            inside(referenced_spans(said), start, end) or inside(condition_spans(said), start, end)
        ):
            continue
        yield found[index], start, end
