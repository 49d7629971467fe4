"""The pack file's pydantic models, built from the pack's record classes (:mod:`memo_lint.pack`).

The shape is written once, in :mod:`memo_lint.pack`; :func:`model_of` turns each record class
into the model that validates that part of a file (tuples become lists, :class:`LocalText` a
:class:`Text` with one language enough, a severity its values). Only what the run time keeps
as a plain dictionary (``structure``, ``detect``, ``recognition``) and a text's file form are
written here. From the models come the JSON Schema (:func:`file_schema`, the base of the
generated ``schemas/rule-pack.schema.json`` that editors and ``pack validate`` use) and the
strict validation of a merged pack. Importing this module costs pydantic's import, so only
validation (a pack not in the cache) does.

``x-references`` (``"section"``/``"choice"``/``"concept"``) and ``"format": "re2"`` mark values that
:mod:`memo_lint.pack_validation` checks against the pack and compiles, as in the kinds'
option schemas. ``FILE_REQUIRED`` is what a single file must give (an extending pack inherits
the rest); the merged pack must give every field without a default. Rule codes and names
follow the one grammar of :mod:`memo_lint.codes`.
"""

from __future__ import annotations

import copy
import types
import typing
from enum import Enum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from memo_lint import pack
from memo_lint.messages import LocalText
from memo_lint.model import MISSING, Record, fields_of
from memo_lint.model import Field as RecordField

SectionId = Annotated[str, Field(json_schema_extra={"x-references": "section"})]
Pattern = Annotated[str, Field(json_schema_extra={"format": "re2"})]
# An optional value the schema does not offer null for (leaving the key out is the way).
_NO_NULL: Any = SkipJsonSchema[None]  # type: ignore[misc]


def _described(text: str) -> Any:
    """An optional structure key (explicit null: the template has none)."""
    return Field(default=None, description=text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE_REQUIRED: ClassVar[tuple[str, ...]] = ()


class Text(_Strict):
    """A text in Dutch (nl) and English (en); one is enough: the other falls back to it."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    nl: str | SkipJsonSchema[None] = Field(default=None, min_length=1, description="In Dutch.")
    en: str | SkipJsonSchema[None] = Field(default=None, min_length=1, description="In English.")

    @model_validator(mode="after")
    def _one_language(self) -> Text:
        if self.nl is None and self.en is None:
            raise ValueError("a text needs 'nl' or 'en'")
        return self


class Structure(_Strict):
    """Where the template keeps what several kinds and the analysis read (null: none)."""

    decision_section: SectionId | None = _described("The section holding the draft decision.")
    decision_formula: Pattern | None = _described(
        "The operative formula; only what follows it is decided ('Het college besluit:')."
    )
    decision_lead_in: Pattern | None = _described(
        "A line that hands the decision over ('Gezien het vorenstaande, stelt het college de "
        "raad voor …'): it opens the decision section however it is worded."
    )
    argument_section: SectionId | None = _described(
        "The section whose headings N.M refer to decision points."
    )
    attachment_section: SectionId | None = _described("The section listing the attachments.")
    header_lines: int | SkipJsonSchema[None] = Field(
        default=None, ge=1, description="How many lines at the top are the header (default 30)."
    )


class Detect(_Strict):
    """How a memo is recognised as this pack's template when no pack is configured."""

    title_patterns: list[Pattern] = Field(
        default=[], description="Patterns for the title lines at the top of the memo."
    )
    formula_patterns: list[Pattern] = Field(
        default=[], description="Patterns for the operative formula of this template."
    )


class Recognition(_Strict):
    """How document kinds are recognised (memo_lint.recognition)."""

    head_lines: int = Field(default=30, ge=1, description="Lines of text that are the head.")
    threshold: float = Field(default=4, ge=0, description="The score a kind needs.")
    title_weight: float = Field(
        default=6, ge=0, description="A head cue this heavy is a title cue."
    )
    first_title_bonus: float = Field(
        default=4, ge=0, description="What the first title cue adds: it names the document."
    )
    family_share: float = Field(
        default=0.5, ge=0, le=1, description="How much cues of kinds with the same pack count."
    )


def _synonyms_name_options(choice: Any) -> Any:
    for option in choice.synonyms:
        if option not in choice.options:
            raise ValueError(f"synonyms name '{option}', which is not one of the options")
    return choice


def _unique_codes(rules: list[Any]) -> list[Any]:
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            raise ValueError(f"rule code {rule.code} is defined twice")
        seen.add(rule.code)
    return rules


# What each record class is called in the file's schema, and the checks across its fields.
_NAMES: dict[type, str] = {
    pack.SectionDef: "Section",
    pack.ChoiceDef: "Choice",
    pack.RuleSource: "Source",
    pack.RuleDef: "Rule",
    pack.Cue: "Cue",
    pack.KindDef: "Kind",
    pack.ConceptDef: "Concept",
    pack.Pack: "PackFile",
}
_VALIDATORS: dict[str, dict[str, Any]] = {
    "Choice": {"_synonyms_name_options": model_validator(mode="after")(_synonyms_name_options)},
    "PackFile": {"_unique_codes": field_validator("rules")(_unique_codes)},
}
_PARTS: dict[str, type[_Strict]] = {
    "Detect": Detect,
    "Structure": Structure,
    "Recognition": Recognition,
}
_BUILT: dict[type, type[_Strict]] = {}


def model_of(kind: Any) -> type[_Strict]:
    """The pydantic model of the pack-file part a :mod:`memo_lint.pack` record class is."""
    if kind not in _BUILT:
        hints = typing.get_type_hints(kind)
        defined: dict[str, Any] = {}
        for item in fields_of(kind):
            meta = item.metadata
            if not item.init or meta.get("runtime") or meta.get("key") == pack.KEY:
                continue
            defined[meta.get("key", item.name)] = _field(item, hints[item.name])
        fields: dict[str, Any] = {}
        extra = getattr(kind, "FILE_ONLY", {})
        for name, value in defined.items():
            fields[name] = value
            for key, only in extra.items():
                if only["after"] == name:
                    fields[key] = (
                        _file_type(only["type"], {}),
                        Field(default=only["default"], description=only["doc"]),
                    )
        name = _NAMES[kind]
        model: type[_Strict] = create_model(
            name,
            __base__=_Strict,
            __doc__=kind.__doc__,
            __validators__=_VALIDATORS.get(name),
            **fields,
        )
        model.FILE_REQUIRED = kind.FILE_REQUIRED
        _BUILT[kind] = model
    return _BUILT[kind]


def _field(item: RecordField, hint: Any) -> tuple[Any, Any]:
    meta = item.metadata
    rules = dict(meta.get("rules", {}))
    extra = {
        name: rules.pop(key)
        for key, name in (("references", "x-references"), ("format", "format"))
        if key in rules
    }
    if "model" in meta:
        part = _PARTS[meta["model"]]
        default = meta.get("file_default", MISSING)
        default = part() if default is MISSING else default
        kind = part if default is not None else part | _NO_NULL
        return kind, Field(default=default, description=part.__doc__)
    if "file_default" in meta:
        default = meta["file_default"]
    elif item.default is not MISSING:
        default = item.default
    elif item.factory is not None:
        default = item.factory()
    else:
        default = ...
    if isinstance(default, tuple):
        default = list(default)
    kind = _file_type(hint, extra)
    return kind, Field(default=default, description=meta["doc"], **rules)


def _file_type(hint: Any, extra: dict[str, Any]) -> Any:
    """The file's type for a run-time annotation; ``extra`` marks its strings."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        present = next(arg for arg in args if arg is not type(None))
        return _file_type(present, extra) | _NO_NULL
    if origin is tuple:
        return types.GenericAlias(list, (_file_type(args[0], extra),))
    if origin is dict:
        return types.GenericAlias(dict, (args[0], _file_type(args[1], extra)))
    if hint is LocalText:
        return Text
    if isinstance(hint, type) and issubclass(hint, Enum):
        literal: Any = Literal
        return literal[tuple(member.value for member in hint)]
    if isinstance(hint, type) and issubclass(hint, Record):
        return model_of(hint)
    if hint is str and extra:
        return Annotated[str, Field(json_schema_extra=extra)]
    return hint


PackFile = model_of(pack.Pack)


_ALL: list[type[_Strict]] = [Text, *_PARTS.values(), *_BUILT.values()]
MODELS: dict[str, type[_Strict]] = {model.__name__: model for model in _ALL}


def file_schema() -> dict[str, Any]:
    """The JSON Schema of one pack file, generated from the models.

    What a single file must give is each model's ``FILE_REQUIRED``; pydantic's generated
    titles and empty defaults are dropped (:func:`_tidy`).
    """
    schema = copy.deepcopy(PackFile.model_json_schema())
    for name, sub in [("PackFile", schema), *schema.get("$defs", {}).items()]:
        required = MODELS[name].FILE_REQUIRED
        if required:
            sub["required"] = list(required)
        else:
            sub.pop("required", None)
    _tidy(schema)
    return schema


def _tidy(value: Any) -> None:
    """Drop what pydantic generates that says nothing to an editor: titles repeating the
    property name, null and whole-object defaults."""
    if isinstance(value, dict):
        if isinstance(value.get("title"), str):
            del value["title"]
        if "default" in value and (value["default"] is None or "$ref" in value):
            del value["default"]
        for key, item in value.items():
            if key != "properties":
                _tidy(item)
            else:
                for prop in item.values():
                    _tidy(prop)
    elif isinstance(value, list):
        for item in value:
            _tidy(item)
