"""Dutch legal citations as data: "artikel 5.1, tweede lid, sub b en g van de Woo".

One parser for every rule (and the sentence splitter) that needs to know which article of
which law a memo cites. It reads the forms memos write:

- the article: "artikel 87", "art. 5.1", "artt. 4:7 en 4:8", "artikelen 25, 55 en 86",
  "artikel 36a"; a Woo-style "5.1.2.e" is read as article 5.1, lid 2, sub e;
- the paragraph (lid) in words or digits: "tweede lid", "lid 2", "2e lid", "eerste of tweede lid";
- the points (sub/onder/onderdeel, "aanhef en onder"): "sub b en g", "onder a", "sub b, f";
- the law, after ("… van de Woo", "… Gemeentewet") or before ("Woo art. 5.1") the article;
- chains: "artikel 87 Gemeentewet juncto (jo., j°) artikel 5.1 lid 2 sub b Woo".

Laws are known by name and abbreviation (:data:`LAWS`); a citation of another law ("van de
Wet geluidhinder", "van de wet") has ``law=None`` and no rule judges it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from memo_lint.model import Document, FrozenRecord, Line, Record, Span, field, joined_lines
from memo_lint.patterns import compile_pattern
from memo_lint.regex import compile_later

# Canonical id -> how memos write the law. Abbreviations are case-sensitive (a "wob" inside a
# word is no law), full names are not.
LAWS: dict[str, tuple[str, ...]] = {
    "woo": (r"[Ww]et [Oo]pen [Oo]verheid", r"W[Oo][Oo]"),
    "wob": (r"[Ww]et [Oo]penbaarheid van [Bb]estuur", r"W[Oo][Bb]"),
    "gemeentewet": (r"[Gg]emeentewet", r"Gem[Ww]\.?", r"GemW"),
    "provinciewet": (r"[Pp]rovinciewet",),
    "awb": (r"[Aa]lgemene [Ww]et [Bb]estuursrecht", r"Awb", r"AWB"),
    "omgevingswet": (r"[Oo]mgevingswet", r"Ow"),
    "wro": (r"[Ww]et [Rr]uimtelijke [Oo]rdening", r"Wro", r"WRO"),
    "wabo": (r"[Ww]et [Aa]lgemene [Bb]epalingen [Oo]mgevingsrecht", r"Wabo", r"WABO"),
    "avg": (r"(?<!Uitvoeringswet )[Aa]lgemene [Vv]erordening [Gg]egevensbescherming", r"AVG"),
}
LAW_NAMES = {
    "woo": "Woo",
    "wob": "Wob",
    "gemeentewet": "Gemeentewet",
    "provinciewet": "Provinciewet",
    "awb": "Awb",
    "omgevingswet": "Omgevingswet",
    "wro": "Wro",
    "wabo": "Wabo",
    "avg": "AVG",
}
ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
}  # fmt: skip

_LAW = "|".join(
    f"(?P<{law}{index}>{form})" for law, forms in LAWS.items() for index, form in enumerate(forms)
)
_LAW_RE = compile_later(rf"(?<![\w-])(?:{_LAW})(?![\w])")
# Where a law may be named: its forms without their look-behind, one RE2 scan of the text in C
# (Python's ``re`` tries the 20 forms at every character: ~2 ms on a 6 KB memo). A law named
# at a place matches these forms there, so :data:`_LAW_RE` is tried only inside their matches.
_LAW_PLACES = "|".join(
    re.sub(r"^\(\?<![^)]*\)", "", form) for forms in LAWS.values() for form in forms
)
# An article number: 87, 5.1, 4:7, 36a, 36 a (extraction splits the letter off), 5.1.2.e.
_NUMBER = r"\d{1,3}(?:[.:]\d{1,3}){0,3}(?:\s?[a-z](?![a-z]))?(?:\.[a-z](?![a-z]))?"
_ARTICLE_HEAD = re.compile(r"(?<![\w])(?:artikel(?:en)?|artt?\.|art(?=\s*\d))\s*(?=\d)", re.I)
_NUMBER_RE = compile_later(_NUMBER)
_LIST_SEP = compile_later(r"\s*(?:,|\s(?:en|of|t/m|tot en met|–|-))\s*(?=\d)")
_ORDINAL = "|".join(ORDINALS)
_PARAGRAPH = compile_later(
    rf",?\s*(?:(?:het\s+)?(?P<words>(?:{_ORDINAL})(?:\s*(?:,|en|of)\s*(?:{_ORDINAL}))*)\s+lid"
    r"|(?P<nth>\d{1,2})(?:e|de|ste)\s+lid"
    r"|(?:lid|leden)\s+(?P<digits>\d{1,2}(?:\s*(?:,|en|of)\s*\d{1,2})*))"
    r"(?![\w])",
    re.I,
)
_POINTS = compile_later(
    r",?\s*(?:aanhef\s+en\s+)?(?:sub|onder|onderdeel|onderdelen)\s+"
    r"(?P<points>[a-z](?:\d{1,2})?(?:\s*(?:,|en|of|t/m)\s*[a-z](?:\d{1,2})?(?![\w]))*)(?![\w])",
    re.I,
)
_LAW_AFTER = compile_later(r",?\s*(?:van\s+(?:de|het)\s+)?(?=\S)")
_JUNCTO = compile_later(r"\s*,?\s*(?:juncto|jo\.?|j°|in samenhang met)\s+", re.I)
_LAW_FIRST = compile_later(rf"(?<![\w-])(?:{_LAW})(?![\w])[,:]?\s+$")


class Citation(FrozenRecord):
    """One cited article: ``law`` is a key of :data:`LAWS` or None for another law.

    ``start``/``end`` are offsets in the text that was parsed; ``juncto`` is True when the
    citation is joined to the one before it by "juncto"/"jo.".
    """

    law: str | None
    article: str
    paragraphs: tuple[int, ...] = ()
    points: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    juncto: bool = False
    text: str = field(default="", compare=False)

    def describe(self) -> str:
        """The citation in a standard form: "artikel 5.1, tweede lid, sub b Woo"."""
        parts = [f"artikel {self.article}"]
        if self.paragraphs:
            parts.append(" of ".join(f"lid {p}" for p in self.paragraphs))
        if self.points:
            parts.append("sub " + ", ".join(self.points))
        law = f" {LAW_NAMES[self.law]}" if self.law else ""
        return ", ".join(parts) + law


def law_at(text: str, position: int = 0) -> tuple[str, int, int] | None:
    """The law named at ``position`` (after optional "van de"): (id, start, end)."""
    match = _LAW_RE.match(text, position)
    if match is None or match.lastgroup is None:
        return None
    return match.lastgroup.rstrip("0123456789"), match.start(), match.end()


def find_laws(text: str) -> list[tuple[str, int, int]]:
    """Every mention of a known law, with or without an article: (id, start, end)."""
    found = []
    position = 0  # where ``_LAW_RE.finditer`` would go on: the end of the last match
    for place in compile_pattern(_LAW_PLACES).finditer(text):
        for start in range(max(position, place.start()), place.end()):
            match = _LAW_RE.match(text, start)
            if match is not None:
                if match.lastgroup is not None:
                    found.append((match.lastgroup.rstrip("0123456789"), start, match.end()))
                position = match.end()
                break
    return found


def _paragraphs(match: re.Match[str]) -> tuple[int, ...]:
    if match["words"]:
        words = re.split(r"\s*(?:,|\ben\b|\bof\b)\s*", match["words"].lower())
        return tuple(ORDINALS[w] for w in words if w in ORDINALS)
    if match["nth"]:
        return (int(match["nth"]),)
    return tuple(int(d) for d in re.findall(r"\d{1,2}", match["digits"]))


def _points(text: str) -> tuple[str, ...]:
    letters: list[str] = []
    for piece in re.split(r"\s*(?:,|\ben\b|\bof\b)\s*", text.lower()):
        if "t/m" in piece:
            first, _, last = (p.strip() for p in piece.partition("t/m"))
            if first[:1].isalpha() and last[:1].isalpha() and first[0] <= last[0]:
                letters += [chr(c) for c in range(ord(first[0]), ord(last[0]) + 1)]
        elif piece:
            letters.append(piece)
    return tuple(letters)


class _Partial(Record):
    article: str
    start: int
    end: int
    paragraphs: tuple[int, ...] = ()
    points: tuple[str, ...] = ()


def _split_number(number: str) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """ "5.1.2.e" (Woo style) -> ("5.1", (2,), ("e",)); "36 a" -> "36a"; "87" -> "87"."""
    number = number.replace(" ", "")
    letter: tuple[str, ...] = ()
    if re.search(r"\.[a-z]$", number):
        number, letter = number[:-2], (number[-1],)
    parts = number.split(".")
    if len(parts) == 3 and parts[2].isdigit():
        return ".".join(parts[:2]), (int(parts[2]),), letter
    if letter:
        number += "." + letter[0]  # "5.1.e" without a lid: keep what was written
        letter = ()
    return number, (), letter


def _one_article(text: str, position: int) -> tuple[list[_Partial], int]:
    """The article numbers at ``position`` ("4:7 en 4:8", "25, 55 en 86") with their lid/sub."""
    found: list[_Partial] = []
    while True:
        match = _NUMBER_RE.match(text, position)
        if match is None:
            break
        article, paragraphs, points = _split_number(match.group())
        partial = _Partial(article, match.start(), match.end(), paragraphs, points)
        position = match.end()
        lid = _PARAGRAPH.match(text, position)
        if lid:
            partial.paragraphs, position = _paragraphs(lid), lid.end()
        sub = _POINTS.match(text, position)
        if sub:
            partial.points, position = _points(sub["points"]), sub.end()
        if not lid and sub and not partial.paragraphs:
            lid = _PARAGRAPH.match(text, position)  # "onder a, tweede lid" (rare order)
            if lid:
                partial.paragraphs, position = _paragraphs(lid), lid.end()
        partial.end = position
        found.append(partial)
        more = _LIST_SEP.match(text, position)
        if more is None:
            break
        position = more.end()
    return found, position


def next_head(text: str, lowered: str, position: int) -> re.Match[str] | None:
    """``_ARTICLE_HEAD.search(text, position)``, tried only where "art" starts (every head
    does; ``lowered`` is ``text.lower()``): the head opens with a look-behind, so ``re`` tries
    it at every character (~0.2 ms on a 6 KB memo), where ``str.find`` finds "art" at once.
    ``(?i)`` matches exactly the characters whose lower case is a, r, t; where lowering changed
    the length ("İ"), offsets differ and every character is tried."""
    if len(lowered) != len(text):
        return _ARTICLE_HEAD.search(text, position)
    start = lowered.find("art", position)
    while start >= 0:
        head = _ARTICLE_HEAD.match(text, start)  # its look-behind sees what precedes start
        if head is not None:
            return head
        start = lowered.find("art", start + 1)
    return None


def find_citations(text: str) -> list[Citation]:
    """Every article citation in ``text``, in order, with the law each belongs to."""
    citations: list[Citation] = []
    lowered = text.lower()
    position = 0
    juncto = False
    while True:
        head = next_head(text, lowered, position)
        if head is None:
            break
        law_before = None
        window = max(0, head.start() - 40)
        first = _LAW_FIRST.search(text[window : head.start()])
        if first is not None and first.lastgroup:
            law_before = (first.lastgroup.rstrip("0123456789"), window + first.start())
        partials, position = _one_article(text, head.end())
        if not partials:
            position = head.end()
            continue
        law = None
        after = _LAW_AFTER.match(text, position)
        named = law_at(text, after.end()) if after else None
        end = partials[-1].end
        if named is not None:
            law, end = named[0], named[2]
            position = end
        elif law_before is not None:
            law = law_before[0]
        start = law_before[1] if law_before and named is None else head.start()
        is_juncto = juncto and bool(citations) and citations[-1].end <= start
        for index, partial in enumerate(partials):
            begin = start if index == 0 else partial.start
            finish = end if index == len(partials) - 1 else partial.end
            citations.append(
                Citation(
                    law=law,
                    article=partial.article,
                    paragraphs=partial.paragraphs,
                    points=partial.points,
                    start=begin,
                    end=finish,
                    juncto=is_juncto and index == 0,
                    text=text[begin:finish],
                )
            )
        link = _JUNCTO.match(text, position)
        juncto = link is not None
        if link is not None:
            position = link.end()
    return citations


def chains(citations: list[Citation]) -> list[list[Citation]]:
    """Citations grouped by juncto links: [[art. 87 Gemw, art. 5.1 lid 2 sub b Woo], …]."""
    grouped: list[list[Citation]] = []
    for citation in citations:
        if citation.juncto and grouped:
            grouped[-1].append(citation)
        else:
            grouped.append([citation])
    return grouped


class Located(FrozenRecord):
    """A citation found in a memo, with the span it covers (it may run over a line break)."""

    citation: Citation
    span: Span
    chain: int  # index of its juncto chain among the memo's citations


def in_lines(lines: list[Line]) -> list[Located]:
    """Every citation in the lines, read as one text so a citation may cross a line break."""
    if not lines:
        return []
    text, starts = joined_lines(lines)

    def position(at: int) -> tuple[int, int]:
        index = bisect_right(starts, at) - 1
        return index, at - starts[index]

    located: list[Located] = []
    chain = -1
    for citation in find_citations(text):
        chain += 0 if citation.juncto else 1
        first, column = position(citation.start)
        last, end_column = position(max(citation.start, citation.end - 1))
        span = Span(lines[first].number, column + 1, lines[last].number, end_column + 2)
        located.append(Located(citation, span, chain))
    return located


def in_document(document: Document) -> list[Located]:
    """The memo's citations, parsed once per document and shared by every rule."""
    if "citations" not in document.derived:
        document.derived["citations"] = in_lines(document.content)
    located: list[Located] = document.derived["citations"]
    return located
