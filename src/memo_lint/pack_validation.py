"""Validating rule packs: only imported when a pack is not in the cache.

Every problem becomes a :class:`PackError` that names the file, the YAML line, the rule and
the JSON path, e.g. ``team.yaml:14: rule ML201 ($.rules[3].options.fields): 'key' is a
required property``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from memo_lint import yamlsafe
from memo_lint.errors import PackError
from memo_lint.packs import MAX_RULES, SCHEMA_DIR, _extends_of, build_schema
from memo_lint.patterns import PatternError, compile_pattern


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextModel(_Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)


class SectionModel(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    aliases: list[str] = []
    max: int = Field(default=1, ge=1)


class ChoiceModel(_Strict):
    options: list[str] = Field(min_length=1)
    statement_keys: list[str] = []
    sections: list[str] = []


class RuleModel(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2,5}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: str
    severity: Literal["error", "warning", "info"]
    enabled: bool = True
    options: dict[str, Any] = {}
    summary: TextModel | None = None
    message: TextModel
    messages: dict[str, TextModel] = {}
    hint: TextModel | None = None
    rationale: TextModel
    requirement_names: dict[Literal["nl", "en"], list[str]] = {}


class PackModel(_Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: TextModel
    language: Literal["nl", "en"] = "nl"
    extends: str | None = None
    detect: dict[str, Any] = {}
    structure: dict[str, Any] = {}
    sections: list[SectionModel] = Field(min_length=1)
    fields: list[str] = []
    choices: dict[str, ChoiceModel] = {}
    rules: list[RuleModel] = Field(min_length=1, max_length=MAX_RULES)

    @field_validator("rules")
    @classmethod
    def _unique_codes(cls, rules: list[RuleModel]) -> list[RuleModel]:
        seen: set[str] = set()
        for rule in rules:
            if rule.code in seen:
                raise ValueError(f"rule code {rule.code} is defined twice")
            seen.add(rule.code)
        return rules

    @model_validator(mode="after")
    def _references_exist(self) -> PackModel:
        section_ids = {s.id for s in self.sections}
        for name, choice in self.choices.items():
            for section in choice.sections:
                if section not in section_ids:
                    raise ValueError(f"choice '{name}' names unknown section '{section}'")
        for rule in self.rules:
            for key, value in _walk(rule.options):
                if key in ("scope", "section") and value not in section_ids:
                    raise ValueError(f"rule {rule.code}: unknown section '{value}' in '{key}'")
                if key in ("sections", "order"):
                    for item in value:
                        if item not in section_ids:
                            raise ValueError(f"rule {rule.code}: unknown section '{item}'")
                if key in ("group", "choice") and value not in self.choices:
                    raise ValueError(f"rule {rule.code}: unknown choice group '{value}'")
        for key in ("decision_section", "argument_section", "attachment_section"):
            value = self.structure.get(key)
            if value is not None and value not in section_ids:
                raise ValueError(f"structure.{key} names unknown section '{value}'")
        return self


PATTERN_KEYS = frozenset(
    {"pattern", "matches", "not_matches", "decision_formula", "triggers", "deadline_cue",
     "period", "done", "not_done", "reservation"}
)  # fmt: skip


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _load_yaml(path: Path, data: bytes) -> tuple[Any, yaml.Node]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackError(f"{path}: not UTF-8 (byte {error.start}); save the pack as UTF-8") from None
    try:
        value, node = yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        raise PackError(f"{path}: invalid YAML: {error}") from None
    if node is None:
        raise PackError(f"{path}: the rule pack is empty")
    return value, node


def _line_of(node: yaml.Node, path: list[Any]) -> int:
    """The YAML line (1-based) of the deepest node on a JSON path."""
    for part in path:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
        else:
            child = None
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _json_path(parts: list[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _rule_label(data: Any, parts: list[Any]) -> str:
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        if isinstance(rules, list) and parts[1] < len(rules) and isinstance(rules[parts[1]], dict):
            return f"rule {rules[parts[1]].get('code', '#' + str(parts[1]))} "
    return ""


def _validators(data: Any) -> tuple[Any, dict[str, Any]]:
    """A validator for the pack's shape, and one per check kind for a rule's options.

    The generated schema dispatches on ``kind`` with if/then, which jsonschema evaluates for
    every kind on every rule; here the shape is checked once and each rule's options only
    against its own kind — the same errors, five times faster on a large pack.
    """
    from memo_lint.checks import registry

    rules = data.get("rules") if isinstance(data, dict) else None
    needed = [
        r["kind"] for r in rules or [] if isinstance(r, dict) and isinstance(r.get("kind"), str)
    ]
    known = registry(needed)
    key = tuple(sorted(known))
    if key not in _SHAPES:
        schema = build_schema({name: kind.options_schema for name, kind in known.items()})
        schema["$defs"]["rule"].pop("allOf")
        _SHAPES[key] = _compiled_validator(schema)
    for name, kind in known.items():
        if name not in _OPTIONS:
            _OPTIONS[name] = _compiled_validator(kind.options_schema)
    return _SHAPES[key], {name: _OPTIONS[name] for name in known}


def _compiled_validator(schema: dict[str, Any]) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


_SHAPES: dict[tuple[str, ...], Any] = {}
_OPTIONS: dict[str, Any] = {}


def _errors(data: Any) -> Iterator[tuple[list[Any], str]]:
    """(JSON path, message) of every problem, the most specific error of each."""
    from jsonschema.exceptions import best_match

    shape, options = _validators(data)
    found: list[tuple[list[Any], Any]] = [([], error) for error in shape.iter_errors(data)]
    rules = data.get("rules") if isinstance(data, dict) else None
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        if not isinstance(rule, dict) or not isinstance(rule.get("options"), dict):
            continue
        validator = options.get(str(rule.get("kind")))  # an unknown kind: the shape's error
        if validator is not None:
            prefix = ["rules", index, "options"]
            found += [(prefix, error) for error in validator.iter_errors(rule["options"])]
    for prefix, error in found:
        best = best_match([error])
        # Inside anyOf/oneOf the deepest error is the one that names the option.
        deepest = max(
            [best, *best.context] if best.context else [best], key=lambda e: len(e.absolute_path)
        )
        yield [*prefix, *deepest.absolute_path], deepest.message


def schema_errors(
    path: Path, data: Any, node: yaml.Node, locate: Callable[[list[Any]], list[Any]] | None = None
) -> list[str]:
    """Every jsonschema problem of one file, as ``file:line: rule (json path): message``.

    ``locate`` maps a JSON path in ``data`` to the path in the file (a merged pack's rule
    index to the index of the overriding rule in the file that was given).
    """
    messages = []
    for parts, message in sorted(_errors(data), key=lambda found: list(map(str, found[0]))):
        label = _rule_label(data, parts)
        parts = locate(parts) if locate else parts
        messages.append(f"{path}:{_line_of(node, parts)}: {label}({_json_path(parts)}): {message}")
    return messages


def check_schema(
    path: Path, data: Any, node: yaml.Node, locate: Callable[[list[Any]], list[Any]] | None = None
) -> None:
    """jsonschema over one file; the first problem becomes the error."""
    errors = schema_errors(path, data, node, locate)
    if errors:
        raise PackError(errors[0])


def validate_file(path: Path) -> list[str]:
    """All problems of a pack file (`memo-lint pack validate`); empty when it is valid."""
    from memo_lint.packs import _chain

    try:
        chain = _chain(path)
        value, node = _load_yaml(path, chain[0][1])
    except PackError as error:
        return [str(error)]
    problems = schema_errors(path, value, node) if isinstance(value, dict) else []
    if problems:
        return problems
    try:
        validate_chain(chain)
    except PackError as error:
        return [str(error)]
    return []


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child overrides parent: sections, rules and choices by id, aliases added, rest replaced."""
    merged = {
        **parent,
        **{
            k: v
            for k, v in child.items()
            if k not in ("sections", "rules", "choices", "structure", "fields")
        },
    }
    sections = {s["id"]: dict(s) for s in parent.get("sections", [])}
    for section in child.get("sections", []):
        if section["id"] in sections:
            base = sections[section["id"]]
            aliases = [*base.get("aliases", []), *section.get("aliases", [])]
            sections[section["id"]] = {**base, **section, "aliases": list(dict.fromkeys(aliases))}
        else:
            sections[section["id"]] = dict(section)
    merged["sections"] = list(sections.values())
    rules = {r["code"]: dict(r) for r in parent.get("rules", [])}
    for rule in child.get("rules", []):
        rules[rule["code"]] = {**rules.get(rule["code"], {}), **rule}
    merged["rules"] = list(rules.values())
    merged["choices"] = {**parent.get("choices", {}), **child.get("choices", {})}
    merged["structure"] = {**parent.get("structure", {}), **child.get("structure", {})}
    merged["fields"] = list(dict.fromkeys([*parent.get("fields", []), *child.get("fields", [])]))
    merged.pop("extends", None)
    return merged


def validate_chain(chain: list[tuple[Path, bytes]]) -> dict[str, Any]:
    """Validate every file, merge them (base first), validate the result; return plain data."""
    documents = []
    for path, data in chain:
        value, node = _load_yaml(path, data)
        if not isinstance(value, dict):
            raise PackError(f"{path}:1: a rule pack is a mapping (name:, sections:, rules:, …)")
        if value.get("extends") != _extends_of(data):
            raise PackError(
                f"{path}: write 'extends: <pack>' on a line of its own at the top level"
            )
        check_schema(path, value, node)
        documents.append((path, value, node))
    merged: dict[str, Any] = {}
    for _, value, _ in reversed(documents):
        merged = _merge(merged, value)
    top_path, top_value, top_node = documents[0]

    def locate(parts: list[Any]) -> list[Any]:
        """A merged rule's path as the path of the rule with that code in the top file."""
        if len(parts) < 2 or parts[0] != "rules" or not isinstance(parts[1], int):
            return parts
        rules = merged["rules"]
        code = rules[parts[1]].get("code") if parts[1] < len(rules) else None
        own = [r.get("code") if isinstance(r, dict) else None for r in top_value.get("rules") or []]
        return ["rules", own.index(code), *parts[2:]] if code in own else parts[:1]

    check_schema(top_path, merged, top_node, locate)  # overrides may leave a rule incomplete
    try:
        model = PackModel.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        parts = list(first["loc"])
        label = _rule_label(merged, parts)
        parts = locate(parts)
        raise PackError(
            f"{top_path}:{_line_of(top_node, parts)}: {label}({_json_path(parts)}): {first['msg']}"
        ) from None
    for rule in model.rules:
        for key, value in _walk(rule.options):
            if key in PATTERN_KEYS and isinstance(value, str):
                _compile(top_path, f"rule {rule.code}", value)
    for key, value in _walk(model.structure):
        if key in PATTERN_KEYS and isinstance(value, str):
            _compile(top_path, f"structure.{key}", value)
    for pattern in model.detect.get("title_patterns", []):
        _compile(top_path, "detect.title_patterns", pattern)
    result = model.model_dump(mode="json", exclude_none=True)
    result["source"] = str(top_path)
    json.dumps(result)  # everything must survive the cache
    return result


def _compile(path: Path, where: str, pattern: str) -> None:
    try:
        compile_pattern(pattern)
    except PatternError as error:
        raise PackError(f"{path}: {where}: {error}") from None


def write_compiled() -> Path:
    """Regenerate rules/compiled.json: every built-in pack validated, keyed by its digest."""
    from memo_lint.packs import COMPILED, _chain, builtin_names, chain_digest, resolve

    compiled = {}
    for name in builtin_names():
        chain = _chain(resolve(name))
        pack = validate_chain(chain)
        pack.pop("source")  # set at load time: the installed path differs per machine
        compiled[name] = {"digest": chain_digest(chain), "pack": pack}
    text = json.dumps(compiled, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    COMPILED.write_text(text + "\n", "utf-8")
    return COMPILED


def write_schema() -> Path:
    """Regenerate schemas/rule-pack.schema.json (run by the docs/schema staleness test)."""
    target = SCHEMA_DIR / "rule-pack.schema.json"
    target.write_text(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    return target
