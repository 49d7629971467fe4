"""Configuration: ``.memo-lint.toml`` or ``[tool.memo-lint]`` in ``pyproject.toml``.

The file nearest to the linted memo wins (walking up from its folder); command-line flags
override it. Keys (kebab-case in the file): ``pack``, ``select``, ``ignore``,
``per-file-ignores`` (glob → codes, globs relative to the config file), ``severity``
(code → level), ``fail-on``, ``lang``. Validation uses pydantic and is cached by content hash,
so only a changed config pays for the import.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from memo_lint import __version__
from memo_lint.cache import JsonCache
from memo_lint.errors import ConfigError

CONFIG_FILE = ".memo-lint.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """A validated config file; ``path`` is None for the built-in defaults."""

    path: Path | None = None
    pack: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    lang: str | None = None

    def ignores_for(self, memo: Path) -> tuple[str, ...]:
        """Codes ignored for this memo by ``per-file-ignores``."""
        if not self.per_file_ignores:
            return ()
        base = self.path.parent if self.path else Path.cwd()
        try:
            relative = PurePosixPath(memo.resolve().relative_to(base.resolve()).as_posix())
        except ValueError:
            relative = PurePosixPath(memo.as_posix())
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch(str(relative), pattern) or relative.match(pattern):
                codes.extend(ignored)
        return tuple(codes)


def _table(path: Path) -> dict[str, Any] | None:
    """The memo-lint table of a config file, or None when a pyproject has none."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file: {error}") from None
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("memo-lint")
        return table if isinstance(table, dict) else None
    return data


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    for candidate_dir in [folder.resolve(), *folder.resolve().parents]:
        found = _discover_in(candidate_dir)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1024)
def _discover_in(folder: Path) -> Path | None:
    dedicated = folder / CONFIG_FILE
    if dedicated.is_file():
        return dedicated
    pyproject = folder / PYPROJECT
    if pyproject.is_file():
        try:
            if "[tool.memo-lint" in pyproject.read_text("utf-8", errors="replace"):
                return pyproject
        except OSError:
            return None
    return None


def load(path: Path, cache: JsonCache | None = None) -> Config:
    table = _table(path)
    if table is None:
        return Config(path=path)
    raw = repr(sorted(table.items())).encode()
    key = "config-" + hashlib.sha256(__version__.encode() + raw).hexdigest()
    validated = cache.get(key) if cache else None
    if validated is None:
        from memo_lint.config_validation import validate

        validated = validate(path, table)
        if cache:
            cache.put(key, validated)
    return Config(
        path=path,
        pack=validated.get("pack"),
        select=tuple(validated.get("select") or ()),
        ignore=tuple(validated.get("ignore") or ()),
        per_file_ignores={k: tuple(v) for k, v in (validated.get("per_file_ignores") or {}).items()},
        severity=dict(validated.get("severity") or {}),
        fail_on=validated.get("fail_on"),
        lang=validated.get("lang"),
    )
