"""The shape of a rule-pack file, written once: these pydantic models.

From them come the JSON Schema (:func:`file_schema`, the base of the generated
``schemas/rule-pack.schema.json`` that editors and ``pack validate`` use) and the strict
validation of a merged pack; the run-time form (:mod:`memo_lint.pack`) is built from their
output by field name, and a test keeps the two in step. Importing this module costs
pydantic's import, so only validation (a pack not in the cache) does.

``x-references`` (``"section"``/``"choice"``/``"concept"``) and ``"format": "re2"`` mark values that
:mod:`memo_lint.pack_validation` checks against the pack and compiles, as in the kinds'
option schemas. ``FILE_REQUIRED`` is what a single file must give (an extending pack inherits
the rest); the merged pack must give every field without a default. Rule codes and names
follow the one grammar of :mod:`memo_lint.codes`.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from memo_lint.codes import CODE, NAME
from memo_lint.pack_files import MAX_RULES

SLUG = r"^[a-z0-9][a-z0-9-]*$"

SectionId = Annotated[str, Field(json_schema_extra={"x-references": "section"})]
Pattern = Annotated[str, Field(json_schema_extra={"format": "re2"})]


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


class Section(_Strict):
    """A section of the template: an id rules refer to, its title and the other headings
    accepted for it. In an extending pack, an existing id changes that section (its aliases
    are added)."""

    FILE_REQUIRED = ("id",)

    id: str = Field(pattern=SLUG, description="What rules call the section.")
    title: str = Field(min_length=1, description="The heading as the template writes it.")
    aliases: list[str] = Field(default=[], description="Other headings accepted for it.")
    max: int = Field(default=1, ge=1, description="How often it may appear (duplicate-section).")


class Choice(_Strict):
    """A choice group: checkboxes or statements of which one option holds."""

    FILE_REQUIRED = ("options",)

    options: list[str] = Field(min_length=1, description="The options, as the memo writes them.")
    statement_keys: list[str] = Field(
        default=[], description="Keys of plain statements of the choice ('Openbaarheid: Geheim')."
    )
    sections: list[SectionId] = Field(default=[], description="Sections the choice is made in.")
    synonyms: dict[str, list[str]] = Field(
        default={},
        description="Per option, other words the template answers with ('Openbaar': ['Nvt', "
        "'Niet van toepassing'] under a Geheimhouding heading): read as that option.",
    )

    @model_validator(mode="after")
    def _synonyms_name_options(self) -> Choice:
        for option in self.synonyms:
            if option not in self.options:
                raise ValueError(f"synonyms name '{option}', which is not one of the options")
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


class Source(_Strict):
    """Where a rule comes from: a law article, a WCAG success criterion, a PDF/UA checkpoint."""

    FILE_REQUIRED = ("label",)

    label: str = Field(min_length=1, description="As cited, e.g. 'WCAG 2.1 SC 1.1.1'.")
    url: str | SkipJsonSchema[None] = Field(
        default=None, pattern=r"^https://", description="Where to read it."
    )


class Rule(_Strict):
    """A rule: a check kind with its options, and what to tell the author. In an extending
    pack an existing code changes that rule (see docs/packs.md for list options)."""

    FILE_REQUIRED = ("code",)

    code: str = Field(pattern=f"^{CODE}$", description="Stable code, e.g. ML101.")
    name: str = Field(pattern=f"^{NAME}$", description="Kebab-case name, e.g. required-section.")
    kind: str = Field(description="The check kind (memo-lint kinds).")
    severity: Literal["error", "warning", "info"] = Field(
        description="error: certain, fails the gate; warning; info (--fail-on decides)."
    )
    enabled: bool = Field(default=True, description="false: the rule does not run.")
    layer: Literal["template", "kind"] = Field(
        default="kind",
        description="template: runs only when the memo's template is known (configured, "
        "declared or recognised); kind: on every memo of the pack's kind.",
    )
    options: dict[str, Any] = Field(default={}, description="The kind's options.")
    summary: Text | SkipJsonSchema[None] = Field(default=None, description="What it checks.")
    message: Text = Field(description="The finding's message; {placeholders} per kind.")
    messages: dict[str, Text] = Field(
        default={}, description="A message per variant of the kind (memo-lint explain --kind)."
    )
    hint: Text | SkipJsonSchema[None] = Field(default=None, description="How to fix it.")
    rationale: Text = Field(description="Why it matters (memo-lint explain).")
    sources: list[Source] = Field(
        default=[],
        description="Its legal or standard sources, shown by explain, rules --format json and "
        "the HTML report.",
    )


class Cue(_Strict):
    """A sign of a document kind, searched line by line."""

    FILE_REQUIRED = ("pattern", "where", "weight")

    pattern: Pattern = Field(description="What the line says.")
    where: Literal["head", "anywhere"] = Field(
        description="head: the document's first lines of text (recognition.head_lines); "
        "anywhere: all of it."
    )
    weight: float = Field(gt=0, description="How much the cue counts for its kind.")


class Kind(_Strict):
    """A document kind, memo or not, and the cues that recognise it (memo_lint.recognition)."""

    FILE_REQUIRED = ("memo", "title", "cues")

    memo: bool = Field(description="Whether it is a decision memo memo-lint checks.")
    pack: str | SkipJsonSchema[None] = Field(
        default=None, description="The pack that checks it when its template is unknown."
    )
    title: Text = Field(description="What the kind is called in messages.")
    cues: list[Cue] = Field(default=[], description="Its cues; the highest total wins.")


class Concept(_Strict):
    """What kind rules look for wherever a template puts it; extending packs add to each list."""

    headings: list[str] = Field(
        default=[], description="Headings (numbering, Markdown marks and a colon do not count)."
    )
    fields: list[str] = Field(default=[], description="Field keys or table row labels.")
    statements: list[Pattern] = Field(default=[], description="Patterns anywhere in the text.")


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


class PackFile(_Strict):
    """A pack of declarative rules for one memo template."""

    FILE_REQUIRED = ("name",)

    name: str = Field(pattern=SLUG, description="The pack's name (lower case, digits, hyphens).")
    title: Text = Field(description="The template's name, shown in reports.")
    language: Literal["nl", "en"] = Field(
        default="nl", description="The language of messages when --lang is not given."
    )
    extends: str | SkipJsonSchema[None] = Field(
        default=None,
        description="A built-in pack name or a path to a .yaml file, relative to this file.",
    )
    detect: Detect = Field(default=Detect(), description=Detect.__doc__)
    structure: Structure = Field(default=Structure(), description=Structure.__doc__)
    sections: list[Section] = Field(min_length=1, description="The template's sections.")
    fields: list[str] = Field(default=[], description="Keys of key/value fields the memo states.")
    choices: dict[str, Choice] = Field(default={}, description="Choice groups by id.")
    rules: list[Rule] = Field(min_length=1, max_length=MAX_RULES, description="The rules.")
    recognition: Recognition | SkipJsonSchema[None] = Field(
        default=None, description=Recognition.__doc__
    )
    kinds: dict[str, Kind] = Field(default={}, description="Document kinds by id.")
    concepts: dict[str, Concept] = Field(default={}, description="Concepts by id.")

    @field_validator("rules")
    @classmethod
    def _unique_codes(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.code in seen:
                raise ValueError(f"rule code {rule.code} is defined twice")
            seen.add(rule.code)
        return rules


MODELS: dict[str, type[_Strict]] = {
    model.__name__: model
    for model in (
        Text,
        Section,
        Choice,
        Structure,
        Detect,
        Source,
        Rule,
        Cue,
        Kind,
        Concept,
        Recognition,
        PackFile,
    )
}


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
