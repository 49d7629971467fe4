"""Validating rule packs: only imported when a pack is not in the cache.

Every problem becomes a :class:`PackError` that names the file, the YAML line, the rule and
the JSON path, e.g. ``team.yaml:14: rule ML201 ($.rules[3].options.fields): 'key' is a
required property; add it``, in Dutch or English (an :class:`~memo_lint.errors.Phrase`, said
when shown). jsonschema's messages are English only: :func:`_schema_problem` says the kinds
of error the pack schema can give in memo-lint's words, and keeps jsonschema's for others.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from memo_lint import yamlsafe
from memo_lint.errors import PackError, Phrase
from memo_lint.laws import write_compiled_table
from memo_lint.pack_files import (
    COMPILED,
    SCHEMA_DIR,
    builtin_names,
    chain_digest,
    extends_of,
    index_entry,
    read_chain,
    resolve,
)
from memo_lint.pack_model import PackFile, file_schema
from memo_lint.patterns import LITERALS, PatternError, compile_pattern, required_literals
from memo_lint.regex import write_table


def _load_yaml(path: Path, data: bytes) -> tuple[Any, yaml.Node]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackError(Phrase("pack.not-utf8", path=path, byte=error.start)) from None
    try:
        value, node = yamlsafe.load(text)
    except yamlsafe.YamlError as error:
        # PyYAML's "line 2, column 1: did not find ..." as file:line:column, its words kept
        at = re.match(r"line (\d+), column (\d+): ", str(error))
        where, detail = (f"{path}:{at[1]}:{at[2]}", str(error)[at.end() :]) if at else (path, error)
        raise PackError(Phrase("pack.bad-yaml", where=where, error=detail)) from None
    if node is None:
        raise PackError(Phrase("pack.empty", path=path))
    return value, node


def _line_of(node: yaml.Node, path: list[Any]) -> int:
    """The YAML line (1-based) of the deepest node on a JSON path."""
    return int(_walk(node, path)[0].start_mark.line) + 1


def _walk(node: yaml.Node, parts: list[Any]) -> tuple[yaml.Node, int]:
    """The deepest node of a YAML node tree on a JSON path, and how many parts lead to it."""
    for depth, part in enumerate(parts):
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
        else:
            child = None
        if child is None:
            return node, depth
        node = child
    return node, len(parts)


def _json_path(parts: list[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _rule_label(data: Any, parts: list[Any]) -> Phrase | str:
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        if isinstance(rules, list) and parts[1] < len(rules) and isinstance(rules[parts[1]], dict):
            return Phrase("pack.rule", code=rules[parts[1]].get("code", "#" + str(parts[1])))
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
        r["kind"]
        for r in (rules if isinstance(rules, list) else [])
        if isinstance(r, dict) and isinstance(r.get("kind"), str)
    ]
    known = registry(needed)
    key = tuple(sorted(known))
    if key not in _SHAPES:
        schema = build_schema({name: kind.options_schema for name, kind in known.items()})
        schema["$defs"]["Rule"].pop("allOf")
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


def _errors(data: Any) -> Iterator[tuple[list[Any], Phrase | str]]:
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
        yield [*prefix, *deepest.absolute_path, *_unknown_key(deepest)], _schema_problem(deepest)


def _unknown_key(error: Any) -> list[Any]:
    """An unknown key's own place (its line), not the start of the mapping it is in."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    allowed = error.schema.get("properties", {})
    return [next(key for key in error.instance if key not in allowed)]


# JSON types as a pack's author writes them in YAML.
_TYPE_WORDS = {
    "array": "type.list",
    "object": "type.mapping",
    "string": "type.text",
    "integer": "type.whole-number",
    "number": "type.number",
    "boolean": "type.boolean",
    "null": "type.nothing",
}


def _schema_problem(error: Any) -> Phrase | str:
    """A jsonschema error in memo-lint's words: what is wrong and what to write instead.

    Every keyword the pack schema uses is said here; another keyword keeps jsonschema's text.
    """
    keyword, wanted, instance = error.validator, error.validator_value, error.instance
    value = _items([instance])
    if keyword == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        unknown = [key for key in instance if key not in allowed]
        return Phrase(
            "schema.unknown-key", keys=_items(unknown), then=_suggestion(unknown, allowed)
        )
    if keyword == "required" and isinstance(instance, dict):
        missing = next((name for name in wanted if name not in instance), "?")
        return Phrase("schema.required", name=missing)
    if keyword == "enum":
        return Phrase("schema.enum", value=value, choices=_items(list(wanted)))
    if keyword == "const":
        return Phrase("schema.const", value=value, expected=_items([wanted]))
    if keyword == "type":
        name = wanted if isinstance(wanted, str) else wanted[0]
        return Phrase("schema.type", value=value, type=name, wanted=Phrase(_TYPE_WORDS[name]))
    if keyword in ("minItems", "maxItems", "minLength", "minProperties"):
        key = {"minItems": "schema.min-items", "maxItems": "schema.max-items"}.get(
            keyword, "schema.min-length" if keyword == "minLength" else "schema.min-properties"
        )
        return Phrase(key, value=value, count=len(instance), limit=wanted)
    if keyword in ("minimum", "exclusiveMinimum", "maximum"):
        key = {"minimum": "schema.minimum", "maximum": "schema.maximum"}.get(
            keyword, "schema.exclusive-minimum"
        )
        return Phrase(key, value=value, limit=wanted)
    if keyword == "pattern":
        return Phrase("schema.pattern", value=value, pattern=wanted)
    if keyword == "uniqueItems":
        return Phrase("schema.unique", value=value)
    if keyword == "format" and wanted == "date":
        return Phrase("schema.date", value=value)
    return str(error.message)


def _suggestion(unknown: list[Any], allowed: list[str]) -> Phrase:
    """For a misspelt key ('decison_section'): the allowed key it nearly is; else remove it."""
    import difflib

    for key in unknown:
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.75)
        if close:
            return Phrase("schema.did-you-mean", name=close[0])
    return Phrase("schema.remove")


Where = tuple[Path, yaml.Node, list[Any]]  # a file, its YAML, a JSON path in it
Locate = Callable[[list[Any]], Where]


def _problem(data: Any, parts: list[Any], where: Where, message: Phrase | str) -> Phrase:
    """``file:line: rule CODE ($.path): message``; ``data`` names the rule at ``parts``."""
    path, node, file_parts = where
    return Phrase(
        "pack.problem",
        where=f"{path}:{_line_of(node, file_parts)}",
        rule=_rule_label(data, parts),
        json_path=_json_path(file_parts),
        problem=message,
    )


def schema_errors(
    path: Path, data: Any, node: yaml.Node, locate: Locate | None = None
) -> list[Phrase]:
    """Every jsonschema problem, as ``file:line: rule (json path): message``.

    ``locate`` maps a JSON path in ``data`` (a merged pack) to the file and path it came from.
    """
    messages = []
    for parts, message in sorted(_errors(data), key=lambda found: list(map(str, found[0]))):
        where = locate(parts) if locate else (path, node, parts)
        messages.append(_problem(data, parts, where, message))
    return messages


def check_schema(path: Path, data: Any, node: yaml.Node, locate: Locate | None = None) -> None:
    """jsonschema over one file; the first problem becomes the error."""
    errors = schema_errors(path, data, node, locate)
    if errors:
        raise PackError(errors[0])


def validate_file(path: Path, lang: str = "nl") -> tuple[list[str], list[str]]:
    """Problems and warnings of a pack file in ``lang`` (`memo-lint pack validate`), one a
    line; no problems: valid."""
    warnings: list[Phrase] = []
    try:
        chain = read_chain(path)
        value, node = _load_yaml(path, chain[0][1])
        problems = schema_errors(path, value, node) if isinstance(value, dict) else []
        if problems:
            raise PackError(Phrase("pack.lines", lines=problems))
        validate_chain(chain, warnings)
    except PackError as error:
        return error.text(lang).splitlines(), [w.text(lang) for w in warnings]
    return [], [w.text(lang) for w in warnings]


Document = tuple[Path, dict[str, Any], yaml.Node]


def _operator(key: str) -> tuple[str, str] | None:
    """``("sections", "_add")`` for ``sections_add``; None for a plain key."""
    from memo_lint.checks import LIST_OPERATORS

    for suffix in LIST_OPERATORS:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], suffix
    return None


class _Merger:
    """Merges the files of a chain, base first, into one pack.

    Sections, choices and rules merge by id; aliases and fields are added; structure keys
    and scalars are replaced. A rule's options merge key by key, nested objects recursively;
    an inherited list changes only through ``X_add`` / ``X_remove`` / ``X_replace`` (writing
    ``X`` itself is an error), and every item a child drops becomes a warning. A rule that
    changes ``kind`` keeps nothing of its parent but its code.
    """

    def __init__(self, warnings: list[Phrase] | None) -> None:
        self.merged: dict[str, Any] = {}
        self.child: dict[str, Any] = {}
        self.warn = False
        self.warnings = warnings

    def add(self, document: Document, warn: bool) -> None:
        """Merge one more file over what is merged; ``warn``: collect its warnings."""
        path, child, node = document
        self.child, self.warn = child, warn
        parent = self.merged
        merged = {
            **parent,
            **{
                k: v
                for k, v in child.items()
                if k
                not in ("sections", "rules", "choices", "structure", "fields", "kinds", "concepts")
            },
        }
        sections = {s["id"]: dict(s) for s in parent.get("sections", [])}
        for section in child.get("sections", []):
            if section["id"] in sections:
                base = sections[section["id"]]
                aliases = [*base.get("aliases", []), *section.get("aliases", [])]
                sections[section["id"]] = {
                    **base,
                    **section,
                    "aliases": list(dict.fromkeys(aliases)),
                }
            else:
                sections[section["id"]] = dict(section)
        merged["sections"] = list(sections.values())
        rules = {r["code"]: dict(r) for r in parent.get("rules", [])}
        for index, rule in enumerate(child.get("rules", [])):
            inherited = rules.get(rule["code"])
            where = (path, node, ["rules", index])
            rules[rule["code"]] = self._rule(parent.get("name", "?"), inherited, rule, where)
        merged["rules"] = list(rules.values())
        merged["choices"] = {**parent.get("choices", {}), **child.get("choices", {})}
        merged["structure"] = {**parent.get("structure", {}), **child.get("structure", {})}
        merged["fields"] = list(
            dict.fromkeys([*parent.get("fields", []), *child.get("fields", [])])
        )
        merged["kinds"] = {**parent.get("kinds", {}), **child.get("kinds", {})}
        concepts = {key: dict(value) for key, value in parent.get("concepts", {}).items()}
        for key, value in child.get("concepts", {}).items():  # a child adds synonyms
            base = concepts.setdefault(key, {})
            for part, items in value.items():
                base[part] = list(dict.fromkeys([*base.get(part, []), *items]))
        merged["concepts"] = concepts
        merged.pop("extends", None)
        self.merged = merged

    def _rule(
        self, parent_name: str, inherited: dict[str, Any] | None, rule: dict[str, Any], where: Where
    ) -> dict[str, Any]:
        if inherited is None or rule.get("kind", inherited.get("kind")) != inherited.get("kind"):
            inherited = {"code": rule["code"]}  # new, or a new kind: written in full
        options = rule.get("options")
        merged = {**inherited, **rule}
        if "messages" in rule:
            merged["messages"] = {**inherited.get("messages", {}), **rule["messages"]}
        if isinstance(options, dict):
            path, node, parts = where
            label = Phrase("pack.label", pack=parent_name, code=rule["code"])
            merged["options"] = self._options(
                inherited.get("options") or {}, options, (path, node, [*parts, "options"]), label
            )
        return merged

    def _options(
        self, parent: dict[str, Any], child: dict[str, Any], where: Where, label: Phrase
    ) -> dict[str, Any]:
        path, node, parts = where
        result = dict(parent)
        for key, value in child.items():
            at = (path, node, [*parts, key])
            operator = _operator(key)
            if operator is not None and isinstance(value, list):
                name, suffix = operator
                result[name] = self._apply(result.get(name), name, suffix, value, at, label)
            elif isinstance(parent.get(key), list) and parent.get(key) != value:
                problem = Phrase("pack.replaces-list", key=key, label=label)
                raise PackError(_problem(self.child, at[2], at, problem))
            elif isinstance(parent.get(key), dict) and isinstance(value, dict):
                result[key] = self._options(parent[key], value, at, label)
            else:
                result[key] = value
        return result

    def _apply(
        self, inherited: Any, name: str, suffix: str, items: list[Any], at: Where, label: Phrase
    ) -> list[Any]:
        current: list[Any] = list(inherited) if isinstance(inherited, list) else []
        if suffix == "_add":
            return current + [item for item in items if item not in current]
        if suffix == "_remove":
            unknown = [item for item in items if item not in current]
            if unknown:
                problem = Phrase("pack.not-in-list", items=_items(unknown), name=name, label=label)
                raise PackError(_problem(self.child, at[2], at, problem))
            result = [item for item in current if item not in items]
        else:
            result = list(items)
        dropped = [item for item in current if item not in result]
        if dropped and self.warn and self.warnings is not None:
            path, node, parts = at
            rule = _rule_label(self.child, parts)
            self.warnings.append(
                Phrase(
                    "pack.drops",
                    where=f"{path}:{_line_of(node, parts)}",
                    rule=rule,
                    json_path=_json_path(parts),
                    items=_items(dropped),
                    name=name,
                    label=label,
                )
            )
        return result


def _items(items: list[Any]) -> str:
    """Items of a list option as a message shows them (long entries shortened)."""
    shown = [repr(i) if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items]
    return ", ".join(text if len(text) <= 60 else text[:57] + "…" for text in shown)


def _depth(node: yaml.Node, parts: list[Any]) -> int:
    """How much of a JSON path exists in a YAML node tree."""
    return _walk(node, parts)[1]


def _locator(documents: list[Document], merged: dict[str, Any]) -> Locate:
    """Maps a path in the merged pack to the file (nearest first) that holds most of it."""

    def locate(parts: list[Any]) -> Where:
        candidates: list[Where] = []
        for path, value, node in documents:
            if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
                rules = merged["rules"]
                code = rules[parts[1]].get("code") if parts[1] < len(rules) else None
                own = [
                    r.get("code") if isinstance(r, dict) else None for r in value.get("rules") or []
                ]
                if code in own:
                    index = own.index(code)
                    candidates.append((path, node, ["rules", index, *parts[2:]]))
                    if "kind" in value["rules"][index]:
                        break  # the file that gave the rule its kind: its parents don't count
            elif _depth(node, parts[:1]):
                candidates.append((path, node, parts))
        if not candidates:
            path, _, node = documents[0]
            return path, node, parts[:1]
        return max(candidates, key=lambda where: _depth(where[1], where[2]))

    return locate


def validate_chain(
    chain: list[tuple[Path, bytes]], warnings: list[Phrase] | None = None
) -> dict[str, Any]:
    """Validate every file, merge them (base first), validate the result; return plain data.

    ``warnings`` collects what is valid but probably unintended (a dropped requirement).
    """
    documents: list[Document] = []
    for path, data in chain:
        value, node = _load_yaml(path, data)
        if not isinstance(value, dict):
            raise PackError(Phrase("pack.not-mapping", path=path))
        if value.get("extends") != extends_of(data):
            raise PackError(Phrase("pack.extends-line", path=path))
        check_schema(path, value, node)
        documents.append((path, value, node))
    merger = _Merger(warnings)
    for document in reversed(documents):
        merger.add(document, warn=document is documents[0])
    merged = merger.merged
    top_path, _, top_node = documents[0]
    locate = _locator(documents, merged)
    check_schema(top_path, merged, top_node, locate)  # overrides may leave a rule incomplete
    try:
        model = PackFile.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        parts = list(first["loc"])
        message: Phrase | str = first["msg"]
        if first["type"] == "missing":  # said as jsonschema's are
            parts, message = parts[:-1], Phrase("schema.required", name=parts[-1])
        raise PackError(_problem(merged, parts, locate(parts), message)) from None
    result = model.model_dump(mode="json", exclude_none=True)
    problems = [
        _problem(result, parts, locate(parts), message)
        for parts, message in semantic_problems(result)
    ]
    if problems:
        raise PackError(Phrase("pack.lines", lines=problems))
    _complete_texts(result, result.get("language", "nl"))
    result["source"] = str(top_path)
    json.dumps(result)  # everything must survive the cache
    return result


def semantic_problems(pack: dict[str, Any]) -> Iterator[tuple[list[Any], Phrase | str]]:
    """What a schema cannot say: references to the pack's sections and choice groups, RE2
    patterns, and message templates against what the rule's kind produces."""
    from memo_lint.checks import ENGINE_ARGUMENTS, ENGINE_VARIANTS, registry

    base = _base_schema()
    top = {key: value for key, value in pack.items() if key != "rules"}
    yield from _annotation_problems(pack, top, base, base, [])
    known = registry([rule["kind"] for rule in pack["rules"]])
    for index, rule in enumerate(pack["rules"]):
        kind = known.get(rule["kind"])
        prefix: list[Any] = ["rules", index]
        if kind is not None:
            schema = kind.options_schema
            yield from _annotation_problems(
                pack, rule.get("options", {}), schema, schema, [*prefix, "options"]
            )
            arguments, variants = kind.arguments, kind.variants
        else:
            kind_name = rule["kind"]
            arguments = ENGINE_ARGUMENTS.get(kind_name)
            variants = ENGINE_VARIANTS.get(kind_name, {})
        yield from _message_problems(rule, rule["kind"], arguments, variants, prefix)


def _annotation_problems(
    pack: dict[str, Any], value: Any, schema: dict[str, Any], root: dict[str, Any], path: list[Any]
) -> Iterator[tuple[list[Any], Phrase | str]]:
    """Check every value a schema marks ``format: re2`` or ``x-references``."""
    for parts, item, sub in annotated(value, schema, root, path):
        if not isinstance(item, str):
            continue
        if sub.get("format") == "re2":
            try:
                compile_pattern(item)
            except PatternError as error:
                yield parts, Phrase("pack.bad-pattern", pattern=repr(item), reason=error.reason)
        refers = sub.get("x-references")
        key, names = {
            "section": ("pack.unknown-section", [s["id"] for s in pack["sections"]]),
            "choice": ("pack.unknown-choice", list(pack.get("choices", {}))),
            "concept": ("pack.unknown-concept", list(pack.get("concepts", {}))),
        }.get(refers or "", ("", []))
        if key and item not in names:
            known: Phrase | str = ", ".join(names) or Phrase("pack.none")
            yield parts, Phrase(key, item=item, known=known)


def annotated(
    value: Any, schema: Any, root: dict[str, Any], path: list[Any]
) -> Iterator[tuple[list[Any], Any, dict[str, Any]]]:
    """Every value in ``value`` with its path and each (sub)schema that describes it; the value
    is valid (also how ``memo-lint template`` finds the sections a rule's options name)."""
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        yield from annotated(value, target, root, path)
    yield path, value, schema
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            yield from annotated(value, sub, root, path)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                yield from annotated(item, sub, root, [*path, key])
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from annotated(item, schema["items"], root, [*path, index])


_PLACEHOLDER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _message_problems(
    rule: dict[str, Any],
    kind: str,
    arguments: dict[str, str] | None,
    variants: dict[str, str] | None,
    prefix: list[Any],
) -> Iterator[tuple[list[Any], Phrase]]:
    texts: list[tuple[list[Any], Any]] = [(["message"], rule["message"])]
    if rule.get("hint"):
        texts.append((["hint"], rule["hint"]))
    for variant, text in rule.get("messages", {}).items():
        if variants is not None and variant not in variants:
            offered: Phrase | str = ", ".join(variants) or Phrase("pack.none")
            unknown = Phrase("pack.unknown-variant", variant=variant, kind=kind, offered=offered)
            yield [*prefix, "messages", variant], unknown
        texts.append((["messages", variant], text))
    for parts, text in texts:
        for lang, template in text.items():
            wrong = template_problem(template, kind, arguments)
            if wrong:
                yield [*prefix, *parts, lang], wrong


def template_problem(template: str, kind: str, arguments: dict[str, str] | None) -> Phrase | None:
    """Why a message template cannot be filled in safely; None when it can."""
    try:
        fields = [(f, s, c) for _, f, s, c in string.Formatter().parse(template) if f is not None]
    except ValueError as error:
        return Phrase("pack.malformed-template", error=error)
    offered = ", ".join("{" + a + "}" for a in arguments or ()) or Phrase("pack.no-placeholders")
    for name, spec, conversion in fields:
        written = (
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        if not _PLACEHOLDER.match(name):
            return Phrase("pack.not-placeholder", written=written, kind=kind, offered=offered)
        if spec or conversion:
            return Phrase("pack.format-spec", written=written, name="{" + name + "}")
        if arguments is not None and name not in arguments:
            return Phrase(
                "pack.unknown-placeholder", name="{" + name + "}", kind=kind, offered=offered
            )
    return None


def _complete_texts(value: Any, language: str) -> None:
    """Fill in the missing language of every text from the other (the pack's, if it has it)."""
    if isinstance(value, dict):
        if value and set(value) <= {"nl", "en"} and all(isinstance(v, str) for v in value.values()):
            fallback = value.get(language) or next(iter(value.values()))
            value.setdefault("nl", fallback)
            value.setdefault("en", fallback)
            return
        for item in value.values():
            _complete_texts(item, language)
    elif isinstance(value, list):
        for item in value:
            _complete_texts(item, language)


@lru_cache(maxsize=1)
def _base_schema() -> dict[str, Any]:
    return file_schema()


def build_schema(kinds: dict[str, Any] | None = None) -> dict[str, Any]:
    """The rule-pack JSON Schema: the file shape (:mod:`memo_lint.pack_model`) plus each
    kind's option schema, dispatched on ``kind``."""
    from memo_lint.checks import ENGINE_KINDS, registry

    kinds = kinds if kinds is not None else {k: v.options_schema for k, v in registry().items()}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://memo-lint.invalid/schemas/rule-pack.schema.json",
        "title": "memo-lint rule pack",
        **file_schema(),
    }
    schema["description"] = (
        f"{schema.get('description', '')} Generated from memo_lint/pack_model.py and the check "
        "kinds' option schemas (python -c 'from memo_lint.pack_validation import "
        "write_schema; write_schema()'): do not edit by hand."
    ).strip()
    rule = schema["$defs"]["Rule"]
    rule["properties"]["kind"] = {
        **rule["properties"]["kind"],
        "enum": sorted([*kinds, *ENGINE_KINDS]),
    }
    rule["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "properties": {
                    "options": {"$id": f"https://memo-lint.invalid/kinds/{name}", **kinds[name]}
                }
            },
        }
        for name in sorted(kinds)
    ]
    return schema


def write_compiled() -> Path:
    """Regenerate rules/compiled/: every built-in pack validated into its own file, keyed by
    its digest, and index.json with what recognition and rule selection read of each; the
    law table's JSON copy (rules/laws/laws.json); and the regular expressions compiled ahead
    of time for this interpreter (memo_lint/regex_code.py, :func:`memo_lint.regex.write_table`)."""
    COMPILED.mkdir(exist_ok=True)
    index = {}
    names = builtin_names()
    patterns: set[str] = set()
    for name in names:
        chain = read_chain(resolve(name))
        pack = validate_chain(chain)
        pack.pop("source")  # set at load time: the installed path differs per machine
        digest = chain_digest(chain)
        index[name] = index_entry(pack, digest, name)
        _write_json(COMPILED / f"{name}.json", {"digest": digest, "pack": pack})
        patterns |= pack_patterns(pack)
    _write_json(COMPILED / "index.json", index)
    literals = {pattern: required_literals(pattern) for pattern in sorted(patterns)}
    _write_json(LITERALS, {pattern: list(found or ()) for pattern, found in literals.items()})
    write_compiled_table()
    write_table()
    for stale in COMPILED.glob("*.json"):
        if stale.stem not in {*names, "index", LITERALS.stem}:
            stale.unlink()
    return COMPILED


def pack_patterns(pack: dict[str, Any]) -> set[str]:
    """Every RE2 pattern of a validated pack: the values its schemas mark ``format: re2``."""
    from memo_lint.checks import registry

    base = _base_schema()
    top = {key: value for key, value in pack.items() if key != "rules"}
    found = [(item, sub) for _, item, sub in annotated(top, base, base, [])]
    known = registry([rule["kind"] for rule in pack["rules"]])
    for rule in pack["rules"]:
        if (kind := known.get(rule["kind"])) is not None:
            schema = kind.options_schema
            options = rule.get("options", {})
            found += [(item, sub) for _, item, sub in annotated(options, schema, schema, [])]
    return {item for item, sub in found if isinstance(item, str) and sub.get("format") == "re2"}


def _write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(text + "\n", "utf-8")


def write_schema() -> Path:
    """Regenerate schemas/rule-pack.schema.json (run by the docs/schema staleness test)."""
    target = SCHEMA_DIR / "rule-pack.schema.json"
    target.write_text(json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    return target
