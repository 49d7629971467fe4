"""The pydantic model of a config file; imported only when a config is not in the cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from memo_lint.codes import EXACT, SELECTOR
from memo_lint.errors import ConfigError, Phrase


class OverrideModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    files: list[str] = Field(min_length=1)
    pack: str | None = None
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)


class LimitsModel(BaseModel):
    """Bounds for hostile input (SECURITY.md); raise one only for genuine memos beyond it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    max_file_bytes: int | None = Field(default=None, gt=0, alias="max-file-bytes")
    max_unzipped_bytes: int | None = Field(default=None, gt=0, alias="max-unzipped-bytes")
    max_pdf_pages: int | None = Field(default=None, gt=0, alias="max-pdf-pages")
    max_chars: int | None = Field(default=None, gt=0, alias="max-chars")


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    pack: str | None = None
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    fail_on: Literal["error", "warning", "info"] | None = Field(default=None, alias="fail-on")
    lang: Literal["nl", "en"] | None = None
    types: dict[str, str] = Field(default_factory=dict)
    overrides: list[OverrideModel] = Field(default_factory=list)
    limits: LimitsModel = Field(default_factory=LimitsModel)
    exclude: list[str] | None = Field(
        default=None,
        description="Files and folders a folder walk skips; replaces the default list "
        "(environments, build output, README.md, CHANGELOG.md, ...).",
    )
    extend_exclude: list[str] = Field(
        default_factory=list,
        alias="extend-exclude",
        description="Patterns skipped in addition to 'exclude' (e.g. 'archief/', '*-concept.md').",
    )
    respect_gitignore: bool = Field(
        default=True,
        alias="respect-gitignore",
        description="Skip what .gitignore ignores (inside a git repository).",
    )
    force_exclude: bool = Field(
        default=False,
        alias="force-exclude",
        description="Apply the excludes to files named on the command line too (pre-commit).",
    )


def _check_codes(path: Path, model: ConfigModel) -> None:
    """The form of every code, prefix or name; whether a rule has it is checked by the
    linter, which knows the packs (:meth:`memo_lint.linter.Linter.config_for`)."""
    import re

    selector, exact = re.compile(SELECTOR), re.compile(EXACT)
    groups: list[tuple[str, list[str]]] = [("select", model.select), ("ignore", model.ignore)]
    groups += [
        (f"per-file-ignores.{glob!r}", codes) for glob, codes in model.per_file_ignores.items()
    ]
    for index, override in enumerate(model.overrides):
        groups += [
            (f"overrides[{index}].select", override.select),
            (f"overrides[{index}].ignore", override.ignore),
        ]
    for where, codes in groups:
        for code in codes:
            if not selector.match(code):
                raise ConfigError(Phrase("config.bad-code", path=path, where=where, code=code))
    for code in model.severity:
        if not exact.match(code):
            key = "config.severity-prefix" if selector.match(code) else "config.severity-not-code"
            raise ConfigError(Phrase(key, path=path, code=code))


def validate(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as error:
        raise ConfigError(_problem(path, error.errors()[0])) from None
    _check_codes(path, model)
    return model.model_dump(mode="json")


# pydantic's error types -> the kind of value the key wants and an example of it.
_WANTED = {
    "string_type": ("kind.text", '"ML1"'),
    "int_type": ("kind.number", "100000"),
    "int_parsing": ("kind.number", "100000"),
    "int_from_float": ("kind.number", "100000"),
    "bool_type": ("kind.boolean", "true"),
    "bool_parsing": ("kind.boolean", "true"),
    "list_type": ("kind.list", '["ML1", "ML301"]'),
    "dict_type": ("kind.table", "[{key}]"),
    "model_type": ("kind.table", "[{key}]"),
}


def _problem(path: Path, error: Any) -> Phrase:
    """pydantic's first error in memo-lint's words: the key, what is wrong, what to write.

    A kind of error memo-lint does not name keeps pydantic's (English) text.
    """
    loc = [str(part) for part in error["loc"]]
    key, kind, value = ".".join(loc), error["type"], error["input"]
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    if kind == "extra_forbidden":
        tables: dict[str, type[BaseModel]] = {"limits": LimitsModel, "overrides": OverrideModel}
        known = tables.get(loc[0], ConfigModel) if len(loc) > 1 else ConfigModel
        names = [field.alias or name for name, field in known.model_fields.items()]
        import difflib

        close = difflib.get_close_matches(loc[-1], names, n=1, cutoff=0.6)
        action = (
            Phrase("config.did-you-mean", name=close[0]) if close else Phrase("config.remove-key")
        )
        return Phrase("config.unknown-key", where=path, key=key, action=action)
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("' or '", "', '")
        return Phrase("config.not-allowed", where=path, key=key, value=shown, expected=expected)
    if kind in _WANTED:
        noun, example = _WANTED[kind]
        return Phrase(
            "config.wrong-type",
            where=path,
            key=key,
            value=shown,
            kind=Phrase(noun),
            example=example.format(key=key),
        )
    if kind in ("greater_than", "greater_than_equal"):
        limit = error["ctx"].get("gt", error["ctx"].get("ge"))
        return Phrase("config.too-small", where=path, key=key, value=shown, limit=limit)
    if kind == "too_short":
        return Phrase("config.too-short", where=path, key=key)
    if kind == "missing":
        return Phrase("config.missing-key", where=path, key=key)
    return Phrase("config.other", where=path, key=key, detail=error["msg"])
