"""The pydantic model of a config file; imported only when a config is not in the cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from memo_lint.codes import EXACT, SELECTOR
from memo_lint.errors import ConfigError


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
                raise ConfigError(
                    f"{path}: {where}: '{code}' is not a rule code, prefix or name "
                    "(e.g. ML101, ML6, required-section)"
                )
    for code in model.severity:
        if not exact.match(code):
            why = "is a prefix" if selector.match(code) else "is not a rule code or name"
            raise ConfigError(
                f"{path}: severity: '{code}' {why}; give one rule's full code or name "
                "(e.g. ML101, required-section)"
            )


def validate(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{path}: key '{where}': {first['msg']}") from None
    _check_codes(path, model)
    return model.model_dump(mode="json")
