"""The document model every reader produces and every check reads.

Plain slotted classes (:class:`Record`), not pydantic and not dataclasses: a pre-commit hook
builds one of these per run and must pay neither pydantic's import nor the ~3 M instructions
a dataclass costs to build at import. Positions are 1-based; ``end_column`` is exclusive
(one past the last character), as in SARIF and LSP.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from itertools import accumulate
from typing import Any, ClassVar, Self, dataclass_transform

# The checkbox vocabulary. Readers write a ticked box as MARKED and an empty one as UNMARKED,
# whatever the format stored (a Word form field, a Wingdings glyph, a PDF symbol); analysis
# reads every glyph people type for either state (plus Markdown's "[x]" and "[ ]").
MARKED = "☒"
UNMARKED = "☐"
MARKED_GLYPHS = MARKED + "☑✓✔■✗✘⊠"
UNMARKED_GLYPHS = UNMARKED + "□"


MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()  # no default


class Field:
    """One field of a declared :class:`Record`: its default (or a factory making one), whether
    ``__init__`` takes it and ``==`` compares it, and facts for other modules (``metadata``:
    :mod:`memo_lint.pack_model` reads the pack file's shape from it)."""

    __slots__ = ("compare", "default", "factory", "init", "metadata", "name", "shown")

    def __init__(
        self,
        default: Any = MISSING,
        factory: Callable[[], Any] | None = None,
        init: bool = True,
        compare: bool = True,
        shown: bool = True,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.name = ""  # set when its class is made
        self.default = default
        self.factory = factory
        self.init = init
        self.compare = compare
        self.shown = shown  # in repr
        self.metadata: dict[str, Any] = metadata or {}


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | None = None,
    init: bool = True,
    compare: bool = True,
    repr: bool = True,
    metadata: dict[str, Any] | None = None,
) -> Any:
    """A field's default and facts, as ``dataclasses.field`` gives them."""
    return Field(default, default_factory, init, compare, repr, metadata)


@dataclass_transform(field_specifiers=(field,))
class _Declared(type):
    """Makes a :class:`Record` from annotated fields, as ``@dataclass(slots=True)`` does, but
    without generating and compiling source: ``__slots__``, ``_fields`` and a generic
    ``__init__`` (positional in field order, or keyword-only with ``kw_only=True``; then
    ``__post_init__``); ``eq=False`` compares and hashes by identity. A class that writes its
    own ``__slots__`` is left as it is."""

    def __new__(
        mcs,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        *,
        kw_only: bool = False,
        eq: bool = True,
    ) -> _Declared:
        if "__slots__" not in namespace:
            declared = [
                _field_of(key, namespace.pop(key, MISSING))
                for key, hint in namespace.get("__annotations__", {}).items()
                if not str(hint).startswith(("ClassVar", "typing.ClassVar"))
            ]
            namespace["__slots__"] = tuple(item.name for item in declared)
            namespace["_declared"] = declared = [
                *(item for base in bases for item in getattr(base, "_declared", ())),
                *declared,
            ]
            namespace["_fields"] = tuple(item.name for item in declared if item.init)
            compared = tuple(item.name for item in declared if item.compare)
            namespace["_compared"] = None if compared == namespace["_fields"] else compared
            shown = tuple(item.name for item in declared if item.shown)
            namespace["_shown"] = None if shown == namespace["_fields"] else shown
            namespace["_positional"] = 0 if kw_only else len(namespace["_fields"])
            namespace["_plan"] = tuple(
                (item.name, item.init, item.default, item.factory) for item in declared
            )
            namespace.setdefault("__init__", Record._init)
        if not eq:
            namespace["__eq__"], namespace["__hash__"] = object.__eq__, object.__hash__
        return super().__new__(mcs, name, bases, namespace)


def _field_of(name: str, value: Any) -> Field:
    item = value if isinstance(value, Field) else Field(value)
    item.name = name
    return item


class Record(metaclass=_Declared):
    """A slotted record that compares, prints and is copied with changes as a dataclass does
    (``==`` on the fields in order, ``repr``, :meth:`replace`); the frozen ones (never
    changed after they are made) also hash. Each class's ``__init__`` takes its ``_fields``
    in order. A class either declares annotated fields (with defaults or :func:`field`, as a
    dataclass: cheap for classes made a few times per memo) or, where each instance counts,
    writes ``_fields``, ``__slots__`` and ``__init__`` out."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # in the order __init__ takes them
    _compared: ClassVar[tuple[str, ...] | None] = None  # the fields == compares; None: all
    _shown: ClassVar[tuple[str, ...] | None] = None  # the fields repr shows; None: all
    _declared: ClassVar[list[Field]] = []  # a declared class's fields, init=False ones too
    _positional: ClassVar[int] = 0  # how many of _fields may be given by position
    _plan: ClassVar[tuple[tuple[str, bool, Any, Callable[[], Any] | None], ...]] = ()

    def _init(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        if len(args) > cls._positional:
            raise TypeError(f"{cls.__name__}() takes {cls._positional} positional arguments")
        for name, value in zip(cls._fields, args, strict=False):
            if name in values:
                raise TypeError(f"{cls.__name__}() got {name!r} twice")
            values[name] = value
        for name, init, default, factory in cls._plan:
            if init and name in values:
                value = values.pop(name)
            elif factory is not None:
                value = factory()
            elif default is not MISSING:
                value = default
            else:
                raise TypeError(f"{cls.__name__}() needs {name!r}")
            setattr(self, name, value)
        if values:
            raise TypeError(f"{cls.__name__}() has no field(s) {', '.join(values)}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared or self._fields)

    def __eq__(self, other: object) -> bool:
        # Defining __eq__ leaves the class unhashable, as an unfrozen dataclass: it may change.
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = self._shown or self._fields
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (``dataclasses.replace``)."""
        values = {name: changes.pop(name, getattr(self, name)) for name in self._fields}
        if changes:
            raise TypeError(f"{type(self).__name__} has no field(s) {', '.join(changes)}")
        return type(self)(**values)


def fields_of(kind: type[Record]) -> list[Field]:
    """A declared record class's fields in order (``dataclasses.fields``)."""
    return kind._declared


class FrozenRecord(Record):
    """A :class:`Record` nothing changes once it is made: hashable by its fields."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())


class Span(FrozenRecord):
    """A region of the memo: where a violation points."""

    _fields = ("line", "column", "end_line", "end_column")
    __slots__ = _fields

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    @classmethod
    def of_line(cls, line: Line, start: int = 0, end: int | None = None) -> Span:
        """Span of characters ``start:end`` (0-based slice) of one line; whole line by default."""
        stop = len(line.text) if end is None else end
        if stop <= start:
            stop = start + 1
        return cls(line.number, start + 1, line.number, stop + 1)


class Line(Record):
    """One line of the memo as the reader saw it.

    Readers that know the structure (Markdown, Word, PDF outline) set ``heading_level``;
    the plain-text reader leaves it ``None`` and the analyser recognises headings by name.
    ``is_footnote_text``: the reader knows this line is a footnote's text.
    """

    _fields = ("number", "text", "page", "heading_level", "is_footnote_text")
    __slots__ = _fields

    def __init__(
        self,
        number: int,
        text: str,
        page: int | None = None,
        heading_level: int | None = None,
        is_footnote_text: bool = False,
    ) -> None:
        self.number = number
        self.text = text
        self.page = page
        self.heading_level = heading_level
        self.is_footnote_text = is_footnote_text


class Footnote(Record):
    """A footnote's text, numbered by its marker (``1`` for ``kaart1`` or ``[^1]``)."""

    _fields = ("label", "text", "span")
    __slots__ = _fields

    def __init__(self, label: str, text: str, span: Span) -> None:
        self.label = label
        self.text = text
        self.span = span

    @classmethod
    def on_line(cls, label: str, text: str, line: Line, start: int = 0) -> Footnote:
        """A footnote whose text begins on ``line``: its span, where ML702 points, runs from
        the label as written (column ``start``: ``1``, ``[^1]``) to the end of that line."""
        return cls(label, text, Span.of_line(line, start))


class Cell(FrozenRecord):
    """One table cell: characters ``start:end`` (0-based) of line ``line``.

    A Markdown row keeps its cells on one line; a Word row puts each cell paragraph on a
    line of its own. Either way the analyser reads a row's first cell as a field's key.
    """

    _fields = ("line", "start", "end")
    __slots__ = _fields

    def __init__(self, line: int, start: int, end: int) -> None:
        self.line = line
        self.start = start
        self.end = end


class Picture(FrozenRecord):
    """A picture in the file and its text alternative (Word ``descr``, PDF ``/Alt``, ODT
    ``svg:desc``); ``alt`` is empty when there is none. ``line``: the memo line it stands in
    or nearest to, when known."""

    _fields = ("name", "alt", "line", "page")
    __slots__ = _fields

    def __init__(
        self, name: str, alt: str, line: int | None = None, page: int | None = None
    ) -> None:
        self.name = name
        self.alt = alt
        self.line = line
        self.page = page


class FileInfo(Record):
    """What a published file says about itself: metadata and accessibility structure.

    Only formats that are published as they are (PDF, Word, ODT) have one; checks of the
    file itself (ML802-ML806) stay silent on a memo without it. ``tagged`` and
    ``heading_tags`` (PDF: levels of the H1..H6 tags in order, H = 1) are None where the
    format has no tags (Word, ODT carry their structure in styles, which the reader turns
    into ``Line.heading_level``). ``scanned_pages``: pages with an image but no text;
    ``visual_headings``: lines styled, not marked, as a heading.
    """

    _fields = (
        "title",
        "language",
        "tagged",
        "heading_tags",
        "pictures",
        "scanned_pages",
        "visual_headings",
    )
    __slots__ = _fields

    def __init__(
        self,
        title: str | None = None,
        language: str | None = None,
        tagged: bool | None = None,
        heading_tags: list[int] | None = None,
        pictures: list[Picture] | None = None,
        scanned_pages: list[int] | None = None,
        visual_headings: list[int] | None = None,
    ) -> None:
        self.title = title
        self.language = language
        self.tagged = tagged
        self.heading_tags = heading_tags
        self.pictures: list[Picture] = [] if pictures is None else pictures
        self.scanned_pages: list[int] = [] if scanned_pages is None else scanned_pages
        self.visual_headings: list[int] = [] if visual_headings is None else visual_headings


class Source(Record):
    """What a reader hands to the analyser: lines plus what only the format knows.

    ``footnotes``: the footnotes the format marks explicitly (Word, Markdown), None for
    "detect in the text"; ``comments``: suppression comments (line number, directive text),
    Markdown only; ``undecodable_lines``: lines that held bytes that are not UTF-8, read as
    Windows-1252 (ML005); ``running_lines``: PDF running header/footer lines left out.
    """

    _fields = (
        "path",
        "lines",
        "front_matter",
        "front_matter_span",
        "footnotes",
        "footnote_markers",
        "comments",
        "table_rows",
        "format",
        "undecodable_lines",
        "file_info",
        "running_lines",
    )
    __slots__ = _fields

    def __init__(
        self,
        path: str,
        lines: list[Line],
        front_matter: dict[str, object] | None = None,
        front_matter_span: Span | None = None,
        footnotes: list[Footnote] | None = None,
        footnote_markers: list[tuple[str, Span]] | None = None,
        comments: list[tuple[int, str]] | None = None,
        table_rows: list[list[Cell]] | None = None,
        format: str = "text",
        undecodable_lines: list[int] | None = None,
        file_info: FileInfo | None = None,
        running_lines: int = 0,
    ) -> None:
        self.path = path
        self.lines = lines
        self.front_matter: dict[str, object] = {} if front_matter is None else front_matter
        self.front_matter_span = front_matter_span
        self.footnotes = footnotes
        self.footnote_markers = footnote_markers
        self.comments: list[tuple[int, str]] = [] if comments is None else comments
        self.table_rows: list[list[Cell]] = [] if table_rows is None else table_rows
        self.format = format
        self.undecodable_lines: list[int] = [] if undecodable_lines is None else undecodable_lines
        self.file_info = file_info
        self.running_lines = running_lines

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


class Section(Record):
    """A section: canonical id (``None`` for headings the pack does not know); ``body_start``
    and ``body_end`` are the first and last (inclusive) line numbers of its body, and
    ``body_end < body_start`` when it is empty."""

    _fields = ("id", "title", "level", "heading", "heading_line", "body_start", "body_end")
    __slots__ = _fields

    def __init__(
        self,
        id: str | None,
        title: str,
        level: int,
        heading: Span,
        heading_line: int,
        body_start: int,
        body_end: int,
    ) -> None:
        self.id = id
        self.title = title
        self.level = level
        self.heading = heading
        self.heading_line = heading_line
        self.body_start = body_start
        self.body_end = body_end


class FieldValue(Record):
    """A key/value field: "Begroting wijzigen Nee", "Budgetnummer: N.v.t.", a table row."""

    _fields = ("key", "value", "key_span", "value_span", "section")
    __slots__ = _fields

    def __init__(
        self, key: str, value: str, key_span: Span, value_span: Span, section: str | None
    ) -> None:
        self.key = key
        self.value = value
        self.key_span = key_span
        self.value_span = value_span
        self.section = section


class Mark(StrEnum):
    MARKED = "marked"
    UNMARKED = "unmarked"
    UNKNOWN = "unknown"  # the glyph was lost, as in text extracted from a PDF


class ChoiceOption(Record):
    _fields = ("label", "mark", "span")
    __slots__ = _fields

    def __init__(self, label: str, mark: Mark, span: Span) -> None:
        self.label = label
        self.mark = mark
        self.span = span


class ChoiceGroup(Record):
    """A group of options (Openbaar/Geheim) plus plain statements ("Openbaarheid: Openbaar"),
    each statement marked MARKED: the option the text states."""

    _fields = ("id", "options", "statements")
    __slots__ = _fields

    def __init__(
        self, id: str, options: list[ChoiceOption], statements: list[ChoiceOption]
    ) -> None:
        self.id = id
        self.options = options
        self.statements = statements


class DecisionPoint(Record):
    _fields = ("number", "text", "span")
    __slots__ = _fields

    def __init__(self, number: int, text: str, span: Span) -> None:
        self.number = number
        self.text = text
        self.span = span


class ArgumentHeading(Record):
    """``1.2 Er zijn goede alternatieven``: argument 2 for decision point 1."""

    _fields = ("decision", "index", "text", "span")
    __slots__ = _fields

    def __init__(self, decision: int, index: int, text: str, span: Span) -> None:
        self.decision = decision
        self.index = index
        self.text = text
        self.span = span


class DateMention(Record):
    """A date in the text. ``year`` may be missing ("voor 1 april"); ``value`` then is None.
    ``relative``: "upcoming" ("1 april a.s."), "past" ("3 mei jl.")."""

    _fields = ("text", "day", "month", "year", "span", "valid", "relative")
    __slots__ = _fields

    def __init__(
        self,
        text: str,
        day: int,
        month: int,
        year: int | None,
        span: Span,
        valid: bool,
        relative: str | None = None,
    ) -> None:
        self.text = text
        self.day = day
        self.month = month
        self.year = year
        self.span = span
        self.valid = valid
        self.relative = relative

    @property
    def value(self) -> dt.date | None:
        if self.year is None or not self.valid:
            return None
        return dt.date(self.year, self.month, self.day)


class Amount(Record):
    _fields = ("text", "value", "span")
    __slots__ = _fields

    def __init__(self, text: str, value: float, span: Span) -> None:
        self.text = text
        self.value = value
        self.span = span


def joined(texts: Iterable[str]) -> tuple[str, list[int]]:
    """Texts joined by newlines, and the offset where each starts: one RE2 call searches many
    lines or sentences, and a match is mapped back to the one it starts in."""
    parts = list(texts)
    starts = list(accumulate([len(part) + 1 for part in parts], initial=0))
    starts.pop()
    return "\n".join(parts), starts


class ScopeLines(list[Line]):
    """The lines of one memo a rule reads (:meth:`memo_lint.checks.base.Context.scope_lines`,
    the analyser's ``Document.content``), shared by every rule with that scope: their text is
    joined once for all its patterns."""

    __slots__ = ("_digits", "_joined")

    def joined(self) -> tuple[str, list[int]]:
        """The lines' text joined by newlines, and where each line starts in it."""
        if not hasattr(self, "_joined"):
            self._joined = joined(line.text for line in self)
        return self._joined

    def digit_counts(self) -> list[int]:
        """Per line, how many of its characters are digits (:func:`digit_count`): dates,
        amounts and personal data skip the lines without. Counted for all lines at once: the
        ASCII digits and newlines kept from the joined text's UTF-8 bytes (no byte of a longer
        character is either), a line with other characters counted alone."""
        if not hasattr(self, "_digits"):
            text, _ = self.joined()
            kept = text.encode("utf-8", "surrogatepass").translate(None, _NOT_DIGIT_OR_NEWLINE)
            counts = [len(part) for part in kept.split(b"\n")]
            if len(counts) != len(self):  # no lines, or a line holding a newline itself
                counts = [digit_count(line.text) for line in self]
            elif not text.isascii():
                counts = [
                    count if line.text.isascii() else digit_count(line.text)
                    for count, line in zip(counts, self, strict=True)
                ]
            self._digits = counts
        return self._digits


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NOT_ASCII_DIGITS = bytes(byte for byte in range(256) if not 0x30 <= byte <= 0x39)
_NOT_DIGIT_OR_NEWLINE = _NOT_ASCII_DIGITS.replace(b"\n", b"")


def digit_count(text: str) -> int:
    """``sum(map(str.isdigit, text))`` without a call per character: the ASCII digits counted
    in the UTF-8 bytes (no byte of a longer character is one), the rest of ``isdigit``
    (superscripts, other scripts) among the non-ASCII characters only."""
    count = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_DIGITS))
    if not text.isascii():
        count += sum(map(str.isdigit, "".join(_NON_ASCII.findall(text))))
    return count


def joined_lines(lines: list[Line]) -> tuple[str, list[int]]:
    """:func:`joined` of the lines' text; for :class:`ScopeLines` joined once."""
    if isinstance(lines, ScopeLines):
        return lines.joined()
    return joined(line.text for line in lines)


class Document(Record):
    """The memo as checks see it; nothing here says which format it came from.

    ``memo_date_span``: where the memo's date is written (also when unreadable);
    ``content``: the lines that are memo text; ``typo_headings``: line → heading as written;
    ``memo_date_text`` and ``memo_date_status``: the memo's own date as written, and how it
    read (ok, impossible, unreadable, placeholder or empty; None: the memo states no date);
    ``file_info``: metadata of a PDF, Word or ODT file; ``derived``: data several rules need
    (e.g. sentences), computed once by the first that asks.
    """

    _fields = (
        "path",
        "lines",
        "sections",
        "fields",
        "choices",
        "decisions",
        "arguments",
        "footnotes",
        "footnote_markers",
        "dates",
        "amounts",
        "metadata",
        "memo_date",
        "memo_date_span",
        "format",
        "content",
        "typo_headings",
        "memo_date_text",
        "memo_date_status",
        "file_info",
        "derived",
    )
    __slots__ = _fields

    def __init__(
        self,
        path: str,
        lines: list[Line],
        sections: list[Section],
        fields: list[FieldValue],
        choices: dict[str, ChoiceGroup],
        decisions: list[DecisionPoint],
        arguments: list[ArgumentHeading],
        footnotes: list[Footnote],
        footnote_markers: list[tuple[str, Span]],
        dates: list[DateMention],
        amounts: list[Amount],
        metadata: dict[str, object],
        memo_date: dt.date | None,
        memo_date_span: Span | None,
        format: str = "text",
        content: ScopeLines | None = None,
        typo_headings: dict[int, str] | None = None,
        memo_date_text: str | None = None,
        memo_date_status: str | None = None,
        file_info: FileInfo | None = None,
        derived: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.lines = lines
        self.sections = sections
        self.fields = fields
        self.choices = choices
        self.decisions = decisions
        self.arguments = arguments
        self.footnotes = footnotes
        self.footnote_markers = footnote_markers
        self.dates = dates
        self.amounts = amounts
        self.metadata = metadata
        self.memo_date = memo_date
        self.memo_date_span = memo_date_span
        self.format = format
        self.content = ScopeLines() if content is None else content
        self.typo_headings: dict[int, str] = {} if typo_headings is None else typo_headings
        self.memo_date_text = memo_date_text
        self.memo_date_status = memo_date_status
        self.file_info = file_info
        self.derived: dict[str, Any] = {} if derived is None else derived

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


class Violation(Record):
    """A finding. ``source_line``: the text of the line, for reporters that show context;
    ``variant``: which of its kind's ways to fail, internal (tests' expectations), not in
    reports, the cache or ``==``, so a cached report equals a fresh one."""

    _fields = (
        "path",
        "span",
        "code",
        "rule",
        "severity",
        "message",
        "hint",
        "page",
        "source_line",
        "variant",
    )
    __slots__ = _fields
    _compared = _fields[:-1]

    def __init__(
        self,
        path: str,
        span: Span,
        code: str,
        rule: str,
        severity: Severity,
        message: str,
        hint: str | None = None,
        page: int | None = None,
        source_line: str | None = None,
        variant: str | None = None,
    ) -> None:
        self.path = path
        self.span = span
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = message
        self.hint = hint
        self.page = page
        self.source_line = source_line
        self.variant = variant

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
