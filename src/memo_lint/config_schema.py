"""The JSON Schema of the config file (``schemas/config.schema.json``), generated from the
pydantic model that validates it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from memo_lint.writes import write_file

SCHEMA_PATH = Path(__file__).parent / "schemas" / "config.schema.json"

_CODE_LIST = ("select", "ignore")


def config_schema() -> dict[str, Any]:
    """The JSON Schema of ``.memo-lint.toml`` / ``[tool.memo-lint]``, from the pydantic model.

    Generated rather than hand-written so the schema editors use can never disagree with the
    validation memo-lint itself applies; the rule-code pattern (checked after pydantic) is
    added to every list of codes for the same reason.
    """
    from memo_lint.codes import EXACT, SELECTOR
    from memo_lint.config_validation import ConfigModel

    generated = ConfigModel.model_json_schema(by_alias=True)
    code = {"type": "string", "pattern": SELECTOR}
    properties = generated["properties"]
    for key in _CODE_LIST:
        properties[key]["items"] = dict(code)
    properties["per-file-ignores"]["additionalProperties"]["items"] = dict(code)
    properties["severity"]["propertyNames"] = {"type": "string", "pattern": EXACT}
    override = generated["$defs"]["OverrideModel"]
    for key in _CODE_LIST:
        override["properties"][key]["items"] = dict(code)
    override["description"] = (
        "Settings for the memos matching 'files' (globs relative to the config file): "
        "a pack, a select list that replaces the top-level one, codes ignored in addition."
    )
    descriptions = {
        "pack": "Rule pack: a built-in name (collegevoorstel, raadsvoorstel, …) or a .yaml path "
        "relative to this file.",
        "select": "Only these rule codes, prefixes or names (ML3, ML301, required-section); "
        "empty: every rule of the pack.",
        "ignore": "Rule codes, prefixes or names never reported.",
        "per-file-ignores": "Glob (relative to this file) → codes ignored in the matching memos.",
        "severity": "Rule code or name → severity that replaces the pack's.",
        "fail-on": "Lowest severity that makes the exit code 1 (default: error).",
        "lang": "Language of the messages (default: the pack's).",
        "types": "Glob → pack: the memo type of matching files (front matter 'type:' wins).",
        "overrides": "Per-glob settings; later entries win over earlier ones.",
        "limits": "Bounds for hostile files (SECURITY.md): file size, decompressed size of a "
        ".docx/.odt, PDF pages, characters. Raise one only for a genuine memo beyond it.",
    }
    for key, text in descriptions.items():
        properties[key]["description"] = text
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "memo-lint configuration",
        "description": (
            "The .memo-lint.toml file, or the [tool.memo-lint] table of pyproject.toml. "
            "Generated from memo_lint.config_validation.ConfigModel: do not edit by hand, run "
            "python -c 'from memo_lint.config_schema import write_config_schema; "
            "write_config_schema()'."
        ),
        **{k: v for k, v in generated.items() if k not in ("title", "description")},
    }


def render_config_schema() -> str:
    return json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n"


def write_config_schema(target: Path = SCHEMA_PATH) -> Path:
    """Regenerate ``schemas/config.schema.json`` (the staleness test says when to)."""
    write_file(target, render_config_schema())
    return target
