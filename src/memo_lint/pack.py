"""A rule pack: frozen records that are both the pack file's shape and its run-time form.

The shape is written once, here: each field says what the file calls it, what an editor
shows and its constraints (:func:`spec`); :mod:`memo_lint.pack_model` builds the pydantic
models that validate a pack file from these classes, and the rule-pack JSON Schema comes from
those. :func:`pack_from_dict` builds the run-time pack from a validated dictionary generically,
by the same annotations.

Validation (YAML, jsonschema, pydantic) lives in :mod:`memo_lint.packs` and runs only when a
pack changes; this module is what every lint run imports, so it stays dependency-free.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache, lru_cache
from typing import Any, ClassVar, Literal, Protocol

from memo_lint.codes import CODE, NAME
from memo_lint.dutch import normalise
from memo_lint.messages import LocalText
from memo_lint.model import MISSING, FrozenRecord, Record, Severity, field, fields_of

KEY = "<key>"  # field metadata {"key": KEY}: the field takes the key its value stands under
SLUG = r"^[a-z0-9][a-z0-9-]*$"
MAX_RULES = 20_000  # rules in one pack: far above any real pack, below what hurts validation


def spec(
    doc: str = "",
    default: Any = MISSING,
    *,
    key: str | None = None,
    file_default: Any = MISSING,
    model: str | None = None,
    **rules: Any,
) -> Any:
    """A field of the pack file, written once: :mod:`memo_lint.pack_model` builds the pack
    file's models (and so its JSON Schema) from these classes.

    ``doc`` is what an editor shows; ``rules`` are pydantic's constraints (``pattern``,
    ``min_length``, ``ge``, …) plus ``references`` (``"section"``) and ``format`` (``"re2"``),
    which :mod:`memo_lint.pack_validation` checks on the field's strings. ``key`` is the field's
    name in the file when it differs; ``file_default`` what a file may leave out although the
    run-time form always has it; ``model`` a pack-file model for a part the run time keeps as a
    plain dictionary (``structure``, ``detect``, ``recognition``).
    """
    meta: dict[str, Any] = {"doc": doc, "rules": rules}
    if key is not None:
        meta["key"] = key
    if file_default is not MISSING:
        meta["file_default"] = file_default
    if model is not None:
        meta["model"] = model
    if isinstance(default, dict):
        return field(default_factory=dict, metadata=meta)
    return field(default=default, metadata=meta)


def file_only(after: str, kind: Any, default: Any, doc: str) -> dict[str, Any]:
    """A key of the pack file that loading resolves and the run time does not keep, placed
    after the field ``after`` (``enabled``, ``extends``)."""
    return {"after": after, "type": kind, "default": default, "doc": doc}


class RuleSource(FrozenRecord):
    """Where a rule comes from: a law article, a WCAG success criterion, a PDF/UA checkpoint."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("label",)

    label: str = spec("As cited, e.g. 'WCAG 2.1 SC 1.1.1'.", min_length=1)
    url: str | None = spec("Where to read it.", None, pattern=r"^https://")

    def text(self) -> str:
        return f"{self.label} ({self.url})" if self.url else self.label


class SectionDef(FrozenRecord):
    """A section of the template: an id rules refer to, its title and the other headings
    accepted for it. In an extending pack, an existing id changes that section (its aliases
    are added)."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("id",)

    id: str = spec("What rules call the section.", pattern=SLUG)
    title: str = spec("The heading as the template writes it.", min_length=1)
    aliases: tuple[str, ...] = spec("Other headings accepted for it.", ())
    max_count: int = spec("How often it may appear (duplicate-section).", 1, key="max", ge=1)

    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


class ChoiceDef(FrozenRecord):
    """A choice group: checkboxes or statements of which one option holds."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("options",)

    id: str = field(metadata={"key": KEY})  # a choice's id is its key under choices:
    options: tuple[str, ...] = spec("The options, as the memo writes them.", min_length=1)
    statement_keys: tuple[str, ...] = spec(
        "Keys of plain statements of the choice ('Openbaarheid: Geheim').", ()
    )
    sections: tuple[str, ...] = spec("Sections the choice is made in.", (), references="section")
    synonyms: dict[str, tuple[str, ...]] = spec(
        "Per option, other words the template answers with ('Openbaar': ['Nvt', "
        "'Niet van toepassing'] under a Geheimhouding heading): read as that option.",
        {},
    )

    def labels(self) -> dict[str, str]:
        """Every word that names an option (lower case), with the option it names."""
        named = {option.lower(): option for option in self.options}
        for option, words in self.synonyms.items():
            named.update({word.lower(): option for word in words})
        return named


class RuleDef(FrozenRecord, kw_only=True):
    """A rule: a check kind with its options, and what to tell the author. In an extending
    pack an existing code changes that rule (see docs/packs.md for list options)."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("code",)
    # Disabled rules are left out at load time: nothing at run time asks for them.
    FILE_ONLY: ClassVar[dict[str, dict[str, Any]]] = {
        "enabled": file_only("severity", bool, True, "false: the rule does not run.")
    }

    code: str = spec("Stable code, e.g. ML101.", pattern=f"^{CODE}$")
    name: str = spec("Kebab-case name, e.g. required-section.", pattern=f"^{NAME}$")
    kind: str = spec("The check kind (memo-lint kinds).")
    severity: Severity = spec("error: certain, fails the gate; warning; info (--fail-on decides).")
    # "template": runs only when the memo's template is known; "kind": on every memo of the kind.
    layer: Literal["template", "kind"] = spec(
        "template: runs only when the memo's template is known (configured, declared or "
        "recognised); kind: on every memo of the pack's kind.",
        "kind",
    )
    options: dict[str, Any] = spec("The kind's options.", file_default={})
    # What the rule checks, one line (rules table, SARIF).
    summary: LocalText | None = spec("What it checks.", None)
    message: LocalText = spec("The finding's message; {placeholders} per kind.")
    messages: dict[str, LocalText] = spec(
        "A message per variant of the kind (memo-lint explain --kind).", {}
    )
    hint: LocalText | None = spec("How to fix it.", None)
    rationale: LocalText = spec("Why it matters (memo-lint explain).")
    sources: tuple[RuleSource, ...] = spec(
        "Its legal or standard sources, shown by explain, rules --format json and the HTML report.",
        (),
    )

    def message_for(self, variant: str | None) -> LocalText:
        return self.messages.get(variant, self.message) if variant else self.message


class Cue(FrozenRecord):
    """A sign of a document kind, searched line by line."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("pattern", "where", "weight")

    pattern: str = spec("What the line says.", format="re2")
    where: Literal["head", "anywhere"] = spec(
        "head: the document's first lines of text (recognition.head_lines); anywhere: all of it."
    )
    weight: float = spec("How much the cue counts for its kind.", gt=0)


class KindDef(FrozenRecord, kw_only=True):
    """A document kind, memo or not, and the cues that recognise it (memo_lint.recognition)."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("memo", "title", "cues")

    id: str = field(metadata={"key": KEY})
    memo: bool = spec("Whether it is a decision memo memo-lint checks.")
    pack: str | None = spec("The pack that checks it when its template is unknown.", None)
    title: LocalText = spec("What the kind is called in messages.")
    cues: tuple[Cue, ...] = spec("Its cues; the highest total wins.", ())


class ConceptDef(FrozenRecord):
    """What kind rules look for wherever a template puts it; extending packs add to each list."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ()

    id: str = field(metadata={"key": KEY})
    headings: tuple[str, ...] = spec(
        "Headings (numbering, Markdown marks and a colon do not count).", ()
    )
    fields: tuple[str, ...] = spec("Field keys or table row labels.", ())
    statements: tuple[str, ...] = spec("Patterns anywhere in the text.", (), format="re2")


class Pack(FrozenRecord, kw_only=True):
    """A pack of declarative rules for one memo template."""

    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ("name",)
    FILE_ONLY: ClassVar[dict[str, dict[str, Any]]] = {
        "extends": file_only(
            "language",
            str | None,
            None,
            "A built-in pack name or a path to a .yaml file, relative to this file.",
        )
    }

    name: str = spec("The pack's name (lower case, digits, hyphens).", pattern=SLUG)
    title: LocalText = spec("The template's name, shown in reports.")
    language: Literal["nl", "en"] = spec(
        "The language of messages when --lang is not given.", file_default="nl"
    )
    detect: dict[str, Any] = spec(model="Detect")
    structure: dict[str, Any] = spec(model="Structure")
    sections: tuple[SectionDef, ...] = spec("The template's sections.", min_length=1)
    fields: tuple[str, ...] = spec("Keys of key/value fields the memo states.", file_default=[])
    choices: dict[str, ChoiceDef] = spec("Choice groups by id.", file_default={})
    rules: tuple[RuleDef, ...] = spec("The rules.", min_length=1, max_length=MAX_RULES)
    recognition: dict[str, Any] = spec(default={}, model="Recognition", file_default=None)
    kinds: dict[str, KindDef] = spec("Document kinds by id.", {})
    concepts: dict[str, ConceptDef] = spec("Concepts by id.", {})
    source: str = field(metadata={"runtime": True})  # the file, for messages and --show-pack
    # How many packs it extends: more specific packs are detected first.
    depth: int = field(default=0, metadata={"runtime": True})
    # (path, digest: pack_files.file_digest) of every file in its chain.
    files: tuple[tuple[str, str], ...] = field(default=(), metadata={"runtime": True})
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


class KindTable(Protocol):
    """What recognition reads of the default pack: its document kinds and its recognition
    settings (the :class:`Pack` itself, or :class:`Kinds` from the built-in packs' index)."""

    @property
    def kinds(self) -> dict[str, KindDef]: ...

    @property
    def recognition(self) -> dict[str, Any]: ...


class Kinds(FrozenRecord, eq=False):
    """The default pack's kinds and recognition settings without the rest of the pack."""

    kinds: dict[str, KindDef]
    recognition: dict[str, Any]


def kinds_from_dict(data: dict[str, Any]) -> Kinds:
    """:class:`Kinds` from a validated pack's ``kinds`` and ``recognition``, built as
    :func:`pack_from_dict` builds them."""
    return Kinds(
        _converter(_hint(Pack, "kinds"))(data["kinds"], None),
        _converter(_hint(Pack, "recognition"))(data["recognition"], None),
    )


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


def _hint(kind: type, name: str) -> Any:
    """A field's annotation as ``typing.get_type_hints(kind)[name]`` gives it, evaluated in its
    class's module. get_type_hints compiles every annotation of every class in the MRO
    (Record's own ClassVars included) once per class: ~120 compiles, 1.4 % of a one-memo run."""
    owner = next(klass for klass in kind.__mro__ if name in vars(klass).get("__annotations__", {}))
    return _evaluated(owner.__annotations__[name], owner.__module__)


@cache
def _evaluated(annotation: Any, module: str) -> Any:
    if not isinstance(annotation, str):
        return annotation
    return eval(annotation, vars(sys.modules[module]))  # the text of our own annotations


def _record_builder(kind: type[Record]) -> Convert:
    """A record made from its data as ``kind(**values)`` makes it (each field from the data,
    converted by its annotation, else its default or factory; then ``__post_init__``), but
    set field by field at once: no dictionary of values, no second pass over them in the
    generic ``__init__`` (the seed's two packs, ~390 records each: 21.1 M -> 11.1 M
    instructions)."""
    if kind.__init__ is not Record._init:
        raise TypeError(f"{kind.__name__}: pack records declare their fields")
    steps = []
    for item in fields_of(kind):
        source = item.metadata.get("key", item.name) if item.init else None
        convert = _converter(_hint(kind, item.name)) if item.init else _as_is
        kept = None if convert is _as_is else convert
        steps.append((item.name, source, kept, item.factory, item.default))
    post_init = getattr(kind, "__post_init__", None)

    def build(value: Any, key: str | None) -> Any:
        record = kind.__new__(kind)
        for name, source, convert, factory, default in steps:
            if source == KEY:
                found = key
            elif source is not None and source in value:
                found = value[source] if convert is None else convert(value[source], None)
            elif factory is not None:
                found = factory()
            elif default is not MISSING:
                found = default
            else:
                raise TypeError(f"{kind.__name__}() needs {name!r}")
            setattr(record, name, found)
        if post_init is not None:
            post_init(record)
        return record

    return build


@cache
def _converter(kind: Any) -> Convert:
    """How plain JSON data becomes ``kind``: records by field name, tuples, dicts,
    optional values and enums by their annotations; anything else as it is. Worked out once
    per type, so building a pack costs about what a hand-written constructor did."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if isinstance(kind, type) and issubclass(kind, Record):
        return _record_builder(kind)
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
