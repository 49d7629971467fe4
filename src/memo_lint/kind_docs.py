"""Check-kind documentation from the kinds themselves: `kinds`, `explain --kind`, docs/kinds.md.

Everything shown is what a kind module declares (docstring, ``OPTIONS`` with descriptions and
defaults, ``ARGUMENTS``, ``VARIANTS``, ``EXAMPLE``), so the documentation cannot drift from
the code; a test keeps docs/kinds.md current and runs every example.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from memo_lint.checks import (
    ENGINE_ARGUMENTS,
    ENGINE_KINDS,
    ENGINE_VARIANTS,
    CheckKind,
    Context,
    Finding,
    registry,
)
from memo_lint.messages import LocalText
from memo_lint.model import Severity
from memo_lint.pack import Pack, RuleDef

EXAMPLE_DATE = dt.date(2024, 3, 1)  # the reference date of an example memo without a date
OPERATOR_SUFFIXES = ("_add", "_remove", "_replace")


def run_kind(
    kind: str,
    options: dict[str, Any],
    text: str,
    pack: Pack | None = None,
    *,
    path: str = "example.md",
    today: dt.date | None = None,
    file_info: dict[str, Any] | None = None,
) -> list[Finding]:
    """Findings of one kind with ``options`` on a memo (read as ``path``: Markdown by default),
    under ``pack`` (default pack), dated by the memo or else ``today`` (default EXAMPLE_DATE),
    read as a file with ``file_info`` (``FileInfo`` fields) when given."""
    from memo_lint import packs
    from memo_lint.analysis import analyse
    from memo_lint.model import FileInfo, Picture
    from memo_lint.readers import read_source

    pack = pack or packs.load(packs.DEFAULT_PACK)
    source = read_source(path, text.encode("utf-8"))
    if file_info is not None:
        pictures = [Picture(**picture) for picture in file_info.get("pictures", [])]
        source.file_info = FileInfo(**{**file_info, "pictures": pictures})
    document = analyse(source, pack)
    empty = LocalText("", "")
    rule = RuleDef(
        code="EX000",
        name="example",
        kind=kind,
        severity=Severity.ERROR,
        options=options,
        message=empty,
        rationale=empty,
    )
    reference = document.memo_date or today or EXAMPLE_DATE
    context = Context(pack=pack, rule=rule, reference_date=reference, lang="en")
    return list(registry([kind])[kind].check(document, context))


def _file_line(file_info: dict[str, Any] | None) -> list[str]:
    if file_info is None:
        return []
    return [f"read as a file with metadata `{json.dumps(file_info, ensure_ascii=False)}`", ""]


def _summary(kind: CheckKind) -> str:
    return kind.doc.split("\n\n")[0].replace("\n", " ")


def _type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"])
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        inner = "condition" if "$ref" in items else _type(items)
        return f"list of {inner}"
    if kind == "object" and set(schema.get("properties", {})) <= {"nl", "en"}:
        return "text {nl, en}"
    if isinstance(kind, list):
        return " | ".join(kind)
    if schema.get("format") == "re2":
        return "RE2 pattern"
    refers = {"section": "section id", "choice": "choice group"}.get(schema.get("x-references", ""))
    return refers or str(kind or "any")


def option_rows(schema: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str, str, str]]:
    """(name, type, default or 'required', description) of every option, nested ones dotted."""
    required = set(schema.get("required", ()))
    for name, sub in schema.get("properties", {}).items():
        if name.endswith(OPERATOR_SUFFIXES) and name.rsplit("_", 1)[0] in schema["properties"]:
            continue  # X_add/X_remove/X_replace: documented once, in docs/packs.md
        default = (
            "required" if name in required else json.dumps(sub.get("default"), ensure_ascii=False)
        )
        if "default" not in sub and name not in required:
            default = "-"
        yield prefix + name, _type(sub), default, sub.get("description", "")
        items = sub.get("items") if sub.get("type") == "array" else None
        if isinstance(items, dict) and "properties" in items and items["properties"]:
            yield from option_rows(items, f"{prefix}{name}[].")
        elif sub.get("type") == "object" and _type(sub) != "text {nl, en}":
            yield from option_rows(sub, f"{prefix}{name}.")
    for name, sub in schema.get("$defs", {}).items():
        yield from option_rows(sub, f"{name}: ")


def render_kinds(output_format: str) -> str:
    """Every kind: a table, JSON, or Markdown (docs/kinds.md)."""
    kinds = dict(sorted(registry().items()))
    if output_format == "json":
        rows = [
            {
                "kind": name,
                "summary": _summary(kind),
                "options": kind.options_schema,
                "arguments": kind.arguments,
                "variants": kind.variants,
            }
            for name, kind in kinds.items()
        ]
        return json.dumps({"kinds": rows}, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return render_markdown(kinds)
    width = max(len(name) for name in kinds)
    lines = [f"{name:<{width}}  {_summary(kind)}" for name, kind in kinds.items()]
    lines += [f"{name:<{width}}  (reported by the engine)" for name in sorted(ENGINE_KINDS)]
    return "\n".join(lines) + "\n"


def explain_kind(kind: CheckKind) -> str:
    """One kind in full, as plain text (``memo-lint explain --kind NAME``)."""
    return _markdown_kind(kind, heading="").lstrip("\n")


def render_markdown(kinds: dict[str, CheckKind]) -> str:
    lines = [
        "# memo-lint check kinds",
        "",
        "Generated by `memo-lint kinds --format markdown > docs/kinds.md`; do not edit.",
        "How a pack uses them (list overrides, messages, texts): [packs.md](packs.md).",
        "",
        "| kind | what it checks |",
        "|---|---|",
        *(f"| [{name}](#{name}) | {_summary(kind)} |" for name, kind in kinds.items()),
        *(f"| {name} | reported by the engine |" for name in sorted(ENGINE_KINDS)),
        "",
    ]
    for kind in kinds.values():
        lines.append(_markdown_kind(kind, heading=f"## {kind.name}\n"))
    lines += ["## Engine kinds", ""]
    for name in sorted(ENGINE_KINDS):
        arguments = ", ".join(f"`{{{a}}}` {d}" for a, d in ENGINE_ARGUMENTS[name].items())
        variants = "".join(
            f"; variant `{v}`: {d}" for v, d in ENGINE_VARIANTS.get(name, {}).items()
        )
        lines.append(f"- `{name}`: no options; arguments: {arguments}{variants}.")
    return "\n".join(lines) + "\n"


def _markdown_kind(kind: CheckKind, heading: str) -> str:
    lines = [heading, kind.doc, ""]
    rows = list(option_rows(kind.options_schema))
    if rows:
        lines += [
            "**Options**",
            "",
            "| option | type | default | description |",
            "|---|---|---|---|",
        ]
        lines += [f"| `{n}` | {t} | {d} | {text} |" for n, t, d, text in rows]
    else:
        lines.append("**Options**: none.")
    lines.append("")
    if kind.arguments:
        lines += ["**Message arguments**", ""]
        lines += [f"- `{{{name}}}`: {text}" for name, text in kind.arguments.items()]
        lines.append("")
    if kind.variants:
        lines += ["**Variants** (keys under a rule's `messages:`)", ""]
        lines += [f"- `{name}`: {text}" for name, text in kind.variants.items()]
        lines.append("")
    if kind.example:
        options = json.dumps(kind.example.options, ensure_ascii=False)
        lines += [
            f"**Example** (options `{options}`, default pack)",
            "",
            "Passes:",
            "",
            "```markdown",
            kind.example.passes.rstrip("\n"),
            "```",
            "",
            *_file_line(kind.example.passes_file),
            "Fails:",
            "",
            "```markdown",
            kind.example.fails.rstrip("\n"),
            "```",
            "",
            *_file_line(kind.example.fails_file),
        ]
    return "\n".join(lines)
