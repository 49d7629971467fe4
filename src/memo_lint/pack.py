"""A rule pack at run time: frozen dataclasses built from a validated pack dictionary.

Their fields carry the names of the pack file's fields (:mod:`memo_lint.pack_model`, where the
shape is written), so :func:`pack_from_dict` builds them generically from the annotations;
a test checks that every field of the file has its place here and the reverse.

Validation (YAML, jsonschema, pydantic) lives in :mod:`memo_lint.packs` and runs only when a
pack changes; this module is what every lint run imports, so it stays dependency-free.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from memo_lint.dutch import normalise
from memo_lint.messages import LocalText
from memo_lint.model import Severity

KEY = "<key>"  # field metadata {"key": KEY}: the field takes the key its value stands under


@dataclass(frozen=True, slots=True)
class RuleSource:
    """A rule's source: a law article, a WCAG success criterion, a PDF/UA checkpoint."""

    label: str
    url: str | None = None

    def text(self) -> str:
        return f"{self.label} ({self.url})" if self.url else self.label


@dataclass(frozen=True, slots=True)
class SectionDef:
    id: str
    title: str
    aliases: tuple[str, ...] = ()
    max_count: int = field(default=1, metadata={"key": "max"})

    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True, slots=True)
class ChoiceDef:
    id: str = field(metadata={"key": KEY})  # a choice's id is its key under choices:
    options: tuple[str, ...]
    statement_keys: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    # Per option, other words a template answers with ("Openbaar": ("Nvt", …)).
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def labels(self) -> dict[str, str]:
        """Every word that names an option (lower case), with the option it names."""
        named = {option.lower(): option for option in self.options}
        for option, words in self.synonyms.items():
            named.update({word.lower(): option for word in words})
        return named


@dataclass(frozen=True, slots=True)
class RuleDef:
    code: str
    name: str
    kind: str
    severity: Severity
    options: dict[str, Any]
    message: LocalText
    rationale: LocalText
    hint: LocalText | None = None
    summary: LocalText | None = None  # what the rule checks, one line (rules table, SARIF)
    messages: dict[str, LocalText] = field(default_factory=dict)  # by finding variant
    sources: tuple[RuleSource, ...] = ()  # legal and standard sources (explain, HTML report)
    # "template": runs only when the memo's template is known; "kind": on every memo of the kind.
    layer: str = "kind"

    def message_for(self, variant: str | None) -> LocalText:
        return self.messages.get(variant, self.message) if variant else self.message


@dataclass(frozen=True, slots=True)
class Cue:
    """A sign of a document kind: an RE2 pattern, where to look, and how much it counts."""

    pattern: str
    where: str  # "head" (the first lines of text) or "anywhere"
    weight: float


@dataclass(frozen=True, slots=True)
class KindDef:
    """A document kind and the cues that recognise it (see :mod:`memo_lint.recognition`)."""

    id: str = field(metadata={"key": KEY})
    memo: bool
    title: LocalText
    cues: tuple[Cue, ...] = ()
    pack: str | None = None


@dataclass(frozen=True, slots=True)
class ConceptDef:
    """What a concept (decision, financial consequences, …) may be written as."""

    id: str = field(metadata={"key": KEY})
    headings: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    title: LocalText
    language: str
    source: str = field(metadata={"runtime": True})  # the file, for messages and --show-pack
    sections: tuple[SectionDef, ...]
    fields: tuple[str, ...]
    choices: dict[str, ChoiceDef]
    rules: tuple[RuleDef, ...]
    structure: dict[str, Any]
    detect: dict[str, Any]
    kinds: dict[str, KindDef] = field(default_factory=dict)
    concepts: dict[str, ConceptDef] = field(default_factory=dict)
    recognition: dict[str, Any] = field(default_factory=dict)
    depth: int = field(
        default=0, metadata={"runtime": True}
    )  # how many packs it extends: more specific packs are detected first
    files: tuple[tuple[str, str], ...] = field(
        default=(), metadata={"runtime": True}
    )  # (path, sha256) of every file in its chain
    _titles: dict[str, SectionDef] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # Field keys normalised once, longest first ("Datum PM" before "Datum").
    field_keys: list[tuple[str, str]] = field(
        default_factory=list, init=False, compare=False, repr=False
    )
    _near_misses: dict[str, str | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for section in self.sections:
            for name in section.names():
                self._titles.setdefault(title_key(name), section)
        for key in sorted(self.fields, key=len, reverse=True):
            self.field_keys.append((key, normalise(key)))

    def section_for_title(self, title: str) -> SectionDef | None:
        return self._titles.get(title_key(title))

    def near_miss(self, title: str) -> str | None:
        """The id of the section whose name ``title`` nearly is (a typo), if any.

        Memoised: the same heading-like lines recur in every memo of a template.
        """
        key = title_key(title)
        if key not in self._near_misses:
            self._near_misses[key] = self._closest(key) if len(key) >= 5 else None
        return self._near_misses[key]

    def _closest(self, key: str) -> str | None:
        import difflib

        # A ratio of 0.85 is impossible when the shorter string is under 0.74 of the longer.
        candidates = [
            k for k in self._titles if min(len(k), len(key)) >= 0.74 * max(len(k), len(key))
        ]
        matches = difflib.get_close_matches(key, candidates, n=1, cutoff=0.85)
        return self._titles[matches[0]].id if matches else None

    def section_def(self, section_id: str) -> SectionDef | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def section_title(self, section_id: str) -> str:
        section = self.section_def(section_id)
        return section.title if section else section_id

    def rule(self, code: str) -> RuleDef | None:
        return next((r for r in self.rules if r.code == code), None)


@lru_cache(maxsize=16384)
def title_key(title: str) -> str:
    """How headings are compared: case, quotes, spacing and a trailing colon don't count.

    Memoised: the same heading-like lines and field keys recur in every memo of a template.
    """
    return normalise(title).rstrip(": ").strip()


def pack_from_dict(data: dict[str, Any]) -> Pack:
    """Build the run-time pack from a dictionary that :mod:`memo_lint.packs` validated.

    Disabled rules are left out: nothing at run time asks for them.
    """
    enabled = [rule for rule in data["rules"] if rule.get("enabled", True)]
    pack: Pack = _converter(Pack)({**data, "rules": enabled}, None)
    return pack


Convert = Callable[[Any, "str | None"], Any]


def _as_is(value: Any, key: str | None) -> Any:
    return value


@cache
def _converter(kind: Any) -> Convert:
    """How plain JSON data becomes ``kind``: dataclasses by field name, tuples, dicts,
    optional values and enums by their annotations; anything else as it is. Worked out once
    per type, so building a pack costs about what a hand-written constructor did."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        plan = [
            (item.name, item.metadata.get("key", item.name), _converter(hints[item.name]))
            for item in fields(kind)
            if item.init
        ]

        def build(value: Any, key: str | None) -> Any:
            values = {}
            for name, source, convert in plan:
                if source == KEY:
                    values[name] = key
                elif source in value:
                    values[name] = convert(value[source], None)
            return kind(**values)

        return build
    if origin in (types.UnionType, typing.Union):
        present = _converter(next(arg for arg in args if arg is not type(None)))
        return lambda value, key: None if value is None else present(value, key)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _as_is:
                return lambda value, key: tuple(value)
            return lambda value, key: tuple(item(v, None) for v in value)
        items = [_converter(arg) for arg in args]
        return lambda value, key: tuple(c(v, None) for c, v in zip(items, value, strict=True))
    if origin is dict and args:
        entry = _converter(args[1])
        if entry is not _as_is:
            return lambda value, key: {k: entry(v, k) for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return lambda value, key: kind(value)
    return _as_is


def file_fields(kind: type) -> set[str]:
    """The pack-file keys a run-time dataclass reads (for the test that keeps both in step)."""
    return {
        item.metadata.get("key", item.name)
        for item in fields(kind)
        if item.init and not item.metadata.get("runtime")
    } - {KEY}
