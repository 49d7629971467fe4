"""Configuration: ``.memo-lint.toml`` or ``[tool.memo-lint]`` in ``pyproject.toml``.

The file nearest to the linted memo wins (walking up from its folder); command-line flags
override it. Keys (kebab-case in the file): ``pack``, ``select``, ``ignore``,
``per-file-ignores`` (glob → codes), ``severity`` (code → level), ``fail-on``, ``lang``,
``types`` (glob → pack), ``exclude`` / ``extend-exclude`` / ``respect-gitignore`` /
``force-exclude`` (what a folder walk skips, see :mod:`memo_lint.discovery`) and
``overrides`` (a list of ``{files = [globs], pack, select, ignore}``); globs are relative
to the config file's folder. Validation uses pydantic and
is cached by content hash, so only a changed config pays for the import. Discovery is not
memoised here: a run asks once per folder (:class:`memo_lint.linter.Linter`), so a config added
between two runs of one process is found.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

from memo_lint import __version__
from memo_lint.cache import Store
from memo_lint.digests import sha256
from memo_lint.errors import ConfigError, Phrase
from memo_lint.messages import LANGUAGES
from memo_lint.model import FrozenRecord, field

CONFIG_FILE = ".memo-lint.toml"
PYPROJECT = "pyproject.toml"


class Config(FrozenRecord):
    """A validated config file; ``path`` is None for the built-in defaults."""

    path: Path | None = None
    digest: str | None = None  # SHA-256 of the file's bytes: the result cache depends on it
    pack: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    lang: str | None = None
    types: dict[str, str] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    limits: dict[str, int] = field(default_factory=dict)  # [limits]: Limits field → value
    exclude: tuple[str, ...] | None = None  # None: discovery.DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    def _relative(self, memo: Path) -> PurePosixPath:
        base = self.path.parent if self.path else Path.cwd()
        try:
            return PurePosixPath(memo.resolve().relative_to(base.resolve()).as_posix())
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (3.11)
            return PurePosixPath(memo.as_posix())

    def ignores_for(self, memo: Path) -> list[tuple[str, str]]:
        """Every code ignored for this memo with the entry that ignores it, in order:
        ``ignore``, ``per-file-ignores``, matching ``overrides``."""
        found = [(code, f"'ignore' in {self.path}") for code in self.ignore]
        if not (self.per_file_ignores or self.overrides):
            return found  # most configs: no path to resolve for every memo
        relative = self._relative(memo)
        for pattern, ignored in self.per_file_ignores.items():
            if matches(relative, pattern):
                where = f"'per-file-ignores' glob '{pattern}' in {self.path}"
                found += [(code, where) for code in ignored]
        for override in self.overrides_for(relative):
            where = f"'overrides' for {', '.join(override.files)} in {self.path}"
            found += [(code, where) for code in override.ignore]
        return found

    def overrides_for(self, relative: PurePosixPath) -> list[Override]:
        return [o for o in self.overrides if any(matches(relative, g) for g in o.files)]

    def select_for(self, memo: Path) -> tuple[tuple[str, ...], str | None]:
        """The memo's select list and the entry that set it (None: none did): the last
        matching override with a ``select`` replaces the top-level one."""
        chosen, where = self.select, f"'select' in {self.path}" if self.select else None
        if not self.overrides:
            return chosen, where
        for override in self.overrides_for(self._relative(memo)):
            if override.select:
                files = ", ".join(override.files)
                chosen, where = override.select, f"'overrides' for {files} in {self.path}"
        return chosen, where

    def pack_for(self, memo: Path) -> tuple[str, str] | None:
        """(pack, why) from ``overrides``, ``types`` or ``pack``, most specific first."""
        if not (self.overrides or self.types):
            return (self.pack, f"'pack' in {self.path}") if self.pack else None
        relative = self._relative(memo)
        for override in reversed(self.overrides_for(relative)):
            if override.pack:
                return override.pack, f"'overrides' for {', '.join(override.files)} in {self.path}"
        for pattern, pack in self.types.items():
            if matches(relative, pattern):
                return pack, f"'types' glob '{pattern}' in {self.path}"
        if self.pack:
            return self.pack, f"'pack' in {self.path}"
        return None


class Override(FrozenRecord):
    files: tuple[str, ...]
    pack: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def matches(relative: PurePosixPath, pattern: str) -> bool:
    """Glob match on the path relative to the config; ``**/`` also matches no folder."""
    text = str(relative)
    return (
        fnmatch(text, pattern)
        or relative.match(pattern)
        or (pattern.startswith("**/") and fnmatch(text, pattern[3:]))
    )


def _syntax_error(path: Path, message: str) -> Phrase:
    """tomllib's ``Invalid value (at line 1, column 11)`` as ``path:1:11`` and its words."""
    import re

    found = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message, re.DOTALL)
    if found is None:
        return Phrase("config.invalid-toml", where=path, detail=message)
    detail, line, column = found.groups()
    return Phrase("config.invalid-toml", where=f"{path}:{line}:{column}", detail=detail)


def _table(path: Path, raw: bytes) -> dict[str, Any] | None:
    """The memo-lint table of a config file, or None when a pyproject has none."""
    import tomllib  # only when there is a config file: start-up counts for the hook

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_syntax_error(path, str(error))) from None
    except UnicodeDecodeError as error:
        raise ConfigError(Phrase("config.unreadable", path=path, detail=error)) from None
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("memo-lint")
        return table if isinstance(table, dict) else None
    return data


def _language_of(table: dict[str, Any]) -> str | None:
    lang = table.get("lang")
    return lang if lang in LANGUAGES else None


def discover(start: Path, known: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a folder).

    ``known`` remembers each folder's answer for the rest of one run (folder → config).
    """
    given = start if start.is_dir() else start.parent
    if known is not None and given in known:  # this folder as named: no path to resolve
        return known[given]
    folder = given.resolve()
    if known is not None and folder in known:
        known[given] = known[folder]
        return known[folder]
    found = None
    for candidate_dir in [folder, *folder.parents]:
        if known is not None and candidate_dir in known:
            found = known[candidate_dir]
            break
        found = discover_in(candidate_dir)
        if found is not None:
            break
    if known is not None:
        known[folder] = known[given] = found
    return found


def discover_in(folder: Path) -> Path | None:
    """The config file of one folder: ``.memo-lint.toml``, else a pyproject with our table."""
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


def load(path: Path, cache: Store | None = None) -> Config:
    """The validated config of one file, read once (its digest is of the bytes parsed)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(Phrase("config.unreadable", path=path, detail=error)) from None
    digest = sha256(raw).hexdigest()
    table = _table(path, raw)
    if table is None:
        return Config(path=path, digest=digest)
    content = repr(sorted(table.items())).encode()
    key = sha256(__version__.encode() + content).hexdigest()
    validated = cache.get("configs", key) if cache else None
    if not isinstance(validated, dict):
        from memo_lint.config_validation import validate

        try:
            validated = validate(path, table)
        except ConfigError as error:  # said in the language the file asks for, if it says one
            raise error.said_in(_language_of(table)) from None
        if cache:
            cache.put("configs", key, validated)
    return Config(
        path=path,
        digest=digest,
        pack=validated.get("pack"),
        select=tuple(validated.get("select") or ()),
        ignore=tuple(validated.get("ignore") or ()),
        per_file_ignores={
            k: tuple(v) for k, v in (validated.get("per_file_ignores") or {}).items()
        },
        severity=dict(validated.get("severity") or {}),
        fail_on=validated.get("fail_on"),
        lang=validated.get("lang"),
        types=dict(validated.get("types") or {}),
        limits={k: v for k, v in (validated.get("limits") or {}).items() if v is not None},
        exclude=None if validated.get("exclude") is None else tuple(validated["exclude"]),
        extend_exclude=tuple(validated.get("extend_exclude") or ()),
        respect_gitignore=validated.get("respect_gitignore", True),
        force_exclude=validated.get("force_exclude", False),
        overrides=tuple(
            Override(
                files=tuple(o["files"]),
                pack=o.get("pack"),
                select=tuple(o.get("select") or ()),
                ignore=tuple(o.get("ignore") or ()),
            )
            for o in validated.get("overrides") or ()
        ),
    )
