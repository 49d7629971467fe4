"""A rule pack at run time: frozen dataclasses built from a validated pack dictionary.

Validation (YAML, jsonschema, pydantic) lives in :mod:`memo_lint.packs` and runs only when a
pack changes; this module is what every lint run imports, so it stays dependency-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from memo_lint.dutch import normalise
from memo_lint.model import Severity


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True, slots=True)
class SectionDef:
    id: str
    title: str
    aliases: tuple[str, ...]
    max_count: int = 1

    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True, slots=True)
class ChoiceDef:
    id: str
    options: tuple[str, ...]
    statement_keys: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleDef:
    code: str
    name: str
    kind: str
    severity: Severity
    options: dict[str, Any]
    message: LocalText
    hint: LocalText | None
    rationale: LocalText
    summary: LocalText | None = None  # what the rule checks, one line (rules table, SARIF)
    messages: dict[str, LocalText] = field(default_factory=dict)  # by finding variant

    def message_for(self, variant: str | None) -> LocalText:
        return self.messages.get(variant, self.message) if variant else self.message


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    title: LocalText
    language: str
    source: str  # the file it came from, for messages and `--show-pack`
    sections: tuple[SectionDef, ...]
    fields: tuple[str, ...]
    choices: dict[str, ChoiceDef]
    rules: tuple[RuleDef, ...]
    structure: dict[str, Any]
    detect: dict[str, Any]
    depth: int = 0  # how many packs it extends: more specific packs are detected first
    files: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every file in its chain
    _titles: dict[str, SectionDef] = field(default_factory=dict, compare=False, repr=False)
    # Field keys normalised once, longest first ("Datum PM" before "Datum").
    field_keys: list[tuple[str, str]] = field(default_factory=list, compare=False, repr=False)
    _near_misses: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

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


def title_key(title: str) -> str:
    """How headings are compared: case, quotes, spacing and a trailing colon don't count."""
    return normalise(title).rstrip(": ").strip()


def _text(data: dict[str, str] | None) -> LocalText | None:
    return LocalText(nl=data["nl"], en=data["en"]) if data else None


def pack_from_dict(data: dict[str, Any]) -> Pack:
    """Build the run-time pack from a dictionary that :mod:`memo_lint.packs` validated."""
    rules = tuple(
        RuleDef(
            code=rule["code"],
            name=rule["name"],
            kind=rule["kind"],
            severity=Severity(rule["severity"]),
            options=rule.get("options") or {},
            message=LocalText(**rule["message"]),
            hint=_text(rule.get("hint")),
            rationale=LocalText(**rule["rationale"]),
            summary=_text(rule.get("summary")),
            messages={key: LocalText(**text) for key, text in (rule.get("messages") or {}).items()},
        )
        for rule in data["rules"]
        if rule.get("enabled", True)
    )
    return Pack(
        name=data["name"],
        title=LocalText(**data["title"]),
        language=data.get("language", "nl"),
        source=data.get("source", ""),
        sections=tuple(
            SectionDef(s["id"], s["title"], tuple(s.get("aliases", ())), s.get("max", 1))
            for s in data["sections"]
        ),
        fields=tuple(data.get("fields", ())),
        choices={
            key: ChoiceDef(
                key,
                tuple(c["options"]),
                tuple(c.get("statement_keys", ())),
                tuple(c.get("sections", ())),
            )
            for key, c in (data.get("choices") or {}).items()
        },
        rules=rules,
        structure=data.get("structure") or {},
        detect=data.get("detect") or {},
        depth=data.get("depth", 0),
        files=tuple((str(p), str(h)) for p, h in data.get("files", ())),
    )
