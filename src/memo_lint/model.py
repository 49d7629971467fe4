"""The document model every reader produces and every check reads.

Plain slotted dataclasses, not pydantic: a pre-commit hook builds one of these per run and
must not pay pydantic's import for it. Positions are 1-based; ``end_column`` is exclusive
(one past the last character), as in SARIF and LSP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# The checkbox vocabulary. Readers write a ticked box as MARKED and an empty one as UNMARKED,
# whatever the format stored (a Word form field, a Wingdings glyph, a PDF symbol); analysis
# reads every glyph people type for either state (plus Markdown's "[x]" and "[ ]").
MARKED = "☒"
UNMARKED = "☐"
MARKED_GLYPHS = MARKED + "☑✓✔■✗✘⊠"
UNMARKED_GLYPHS = UNMARKED + "□"


@dataclass(frozen=True, slots=True)
class Span:
    """A region of the memo: where a violation points."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of_line(cls, line: Line, start: int = 0, end: int | None = None) -> Span:
        """Span of characters ``start:end`` (0-based slice) of one line; whole line by default."""
        stop = len(line.text) if end is None else end
        if stop <= start:
            stop = start + 1
        return cls(line.number, start + 1, line.number, stop + 1)


@dataclass(slots=True)
class Line:
    """One line of the memo as the reader saw it.

    Readers that know the structure (Markdown, Word, PDF outline) set ``heading_level``;
    the plain-text reader leaves it ``None`` and the analyser recognises headings by name.
    """

    number: int
    text: str
    page: int | None = None
    heading_level: int | None = None
    is_footnote_text: bool = False  # the reader knows this line is a footnote's text


@dataclass(slots=True)
class Footnote:
    """A footnote's text, numbered by its marker (``1`` for ``kaart1`` or ``[^1]``)."""

    label: str
    text: str
    span: Span

    @classmethod
    def on_line(cls, label: str, text: str, line: Line, start: int = 0) -> Footnote:
        """A footnote whose text begins on ``line``: its span, where ML702 points, runs from
        the label as written (column ``start``: ``1``, ``[^1]``) to the end of that line."""
        return cls(label, text, Span.of_line(line, start))


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: characters ``start:end`` (0-based) of line ``line``.

    A Markdown row keeps its cells on one line; a Word row puts each cell paragraph on a
    line of its own. Either way the analyser reads a row's first cell as a field's key.
    """

    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture in the file and its text alternative (Word ``descr``, PDF ``/Alt``, ODT
    ``svg:desc``); ``alt`` is empty when there is none."""

    name: str
    alt: str
    line: int | None = None  # the memo line it stands in or nearest to, when known
    page: int | None = None


@dataclass(slots=True)
class FileInfo:
    """What a published file says about itself: metadata and accessibility structure.

    Only formats that are published as they are (PDF, Word, ODT) have one; checks of the
    file itself (ML802-ML806) stay silent on a memo without it. ``tagged`` and
    ``heading_tags`` are None where the format has no tags (Word, ODT carry their structure
    in styles, which the reader turns into ``Line.heading_level``).
    """

    title: str | None = None
    language: str | None = None
    tagged: bool | None = None
    heading_tags: list[int] | None = None  # PDF: levels of the H1..H6 tags in order (H = 1)
    pictures: list[Picture] = field(default_factory=list)
    scanned_pages: list[int] = field(default_factory=list)  # pages with an image but no text
    visual_headings: list[int] = field(default_factory=list)  # lines styled, not marked, as heading


@dataclass(slots=True)
class Source:
    """What a reader hands to the analyser: lines plus what only the format knows."""

    path: str
    lines: list[Line]
    front_matter: dict[str, object] = field(default_factory=dict)
    front_matter_span: Span | None = None
    # Footnotes the format marks explicitly (Word, Markdown); None means "detect in the text".
    footnotes: list[Footnote] | None = None
    footnote_markers: list[tuple[str, Span]] | None = None
    # Suppression comments: (line number, directive text), Markdown only.
    comments: list[tuple[int, str]] = field(default_factory=list)
    table_rows: list[list[Cell]] = field(default_factory=list)
    format: str = "text"
    # Lines that held bytes that are not UTF-8, read as Windows-1252 (ML005).
    undecodable_lines: list[int] = field(default_factory=list)
    file_info: FileInfo | None = None
    running_lines: int = 0  # PDF: running header/footer lines the reader left out

    def reader_warnings(self) -> list[str]:
        """What the reader had to guess or leave out, for a reader of the results (the
        audit's ``reader_warnings`` column): text that may not be exactly the document's."""
        warnings = []
        if self.undecodable_lines:
            lines = ", ".join(map(str, self.undecodable_lines[:10]))
            more = ", …" if len(self.undecodable_lines) > 10 else ""
            warnings.append(
                f"ML005 bytes that are not UTF-8 read as Windows-1252: lines {lines}{more}"
            )
        scanned = self.file_info.scanned_pages if self.file_info else []
        if scanned:
            pages = ", ".join(map(str, scanned[:10])) + (", …" if len(scanned) > 10 else "")
            warnings.append(f"pages with an image and no text (scanned, not read): {pages}")
        if self.running_lines:
            repeated = f"{self.running_lines} lines repeated on most pages"
            warnings.append(f"running headers/footers left out: {repeated}")
        return warnings


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(slots=True)
class Section:
    """A section: canonical id (``None`` for headings the pack does not know)."""

    id: str | None
    title: str
    level: int
    heading: Span
    heading_line: int
    body_start: int  # first line number of the body
    body_end: int  # last line number of the body (inclusive); < body_start when empty


@dataclass(slots=True)
class FieldValue:
    """A key/value field: "Begroting wijzigen Nee", "Budgetnummer: N.v.t.", a table row."""

    key: str
    value: str
    key_span: Span
    value_span: Span
    section: str | None


class Mark(StrEnum):
    MARKED = "marked"
    UNMARKED = "unmarked"
    UNKNOWN = "unknown"  # the glyph was lost, as in text extracted from a PDF


@dataclass(slots=True)
class ChoiceOption:
    label: str
    mark: Mark
    span: Span


@dataclass(slots=True)
class ChoiceGroup:
    """A group of options (Openbaar/Geheim) plus plain statements ("Openbaarheid: Openbaar")."""

    id: str
    options: list[ChoiceOption]
    statements: list[ChoiceOption]  # each has mark MARKED: the option the text states


@dataclass(slots=True)
class DecisionPoint:
    number: int
    text: str
    span: Span


@dataclass(slots=True)
class ArgumentHeading:
    """``1.2 Er zijn goede alternatieven``: argument 2 for decision point 1."""

    decision: int
    index: int
    text: str
    span: Span


@dataclass(slots=True)
class DateMention:
    """A date in the text. ``year`` may be missing ("voor 1 april"); ``value`` then is None."""

    text: str
    day: int
    month: int
    year: int | None
    span: Span
    valid: bool
    relative: str | None = None  # "upcoming" ("1 april a.s."), "past" ("3 mei jl.")

    @property
    def value(self) -> dt.date | None:
        if self.year is None or not self.valid:
            return None
        return dt.date(self.year, self.month, self.day)


@dataclass(slots=True)
class Amount:
    text: str
    value: float
    span: Span


@dataclass(slots=True)
class Document:
    """The memo as checks see it; nothing here says which format it came from."""

    path: str
    lines: list[Line]
    sections: list[Section]
    fields: list[FieldValue]
    choices: dict[str, ChoiceGroup]
    decisions: list[DecisionPoint]
    arguments: list[ArgumentHeading]
    footnotes: list[Footnote]
    footnote_markers: list[tuple[str, Span]]
    dates: list[DateMention]
    amounts: list[Amount]
    metadata: dict[str, object]
    memo_date: dt.date | None
    memo_date_span: Span | None  # where the memo's date is written (also when unreadable)
    format: str = "text"
    content: list[Line] = field(default_factory=list)  # lines that are memo text
    typo_headings: dict[int, str] = field(default_factory=dict)  # line -> heading as written
    # The memo's own date as written, and how it read: ok, impossible, unreadable,
    # placeholder or empty (None: the memo states no date).
    memo_date_text: str | None = None
    memo_date_status: str | None = None
    file_info: FileInfo | None = None  # metadata of a PDF, Word or ODT file
    # Derived data several rules need (e.g. sentences), computed once by the first that asks.
    derived: dict[str, Any] = field(default_factory=dict)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def sections_with(self, section_id: str) -> list[Section]:
        return [s for s in self.sections if s.id == section_id]

    def body_lines(self, section: Section) -> list[Line]:
        return self.lines[section.body_start - 1 : section.body_end]

    def start(self) -> Span:
        """Where a finding about the memo as a whole points: its first line of text.

        Falls back to the first line of the file that holds anything (front matter only, a
        form feed), and to an empty span at 1:1 when there is nothing at all: a span never
        lies outside the file.
        """
        first = next((line for line in self.content if line.text.strip()), None)
        if first is not None:
            start = len(first.text) - len(first.text.lstrip())
            return Span.of_line(first, start, len(first.text.rstrip()))
        anything = next((line for line in self.lines if line.text), None)
        return Span.of_line(anything) if anything else Span(1, 1, 1, 1)


@dataclass(slots=True)
class Violation:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    hint: str | None = None
    page: int | None = None
    source_line: str | None = None  # the text of the line, for reporters that show context
    # Which of its kind's ways to fail: internal (tests' expectations), not in reports or the
    # cache, so a cached report equals a fresh one.
    variant: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_dict(self) -> dict[str, object]:
        """The JSON report's shape (schemas/report.schema.json)."""
        data: dict[str, object] = {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.hint:
            data["hint"] = self.hint
        if self.page is not None:
            data["page"] = self.page
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Violation:
        return cls(
            path=data["path"],
            span=Span(data["line"], data["column"], data["end_line"], data["end_column"]),
            code=data["code"],
            rule=data["rule"],
            severity=Severity(data["severity"]),
            message=data["message"],
            hint=data.get("hint"),
            page=data.get("page"),
            source_line=data.get("source_line"),
        )
