"""The library API the CLI is a shell over: ``lint_paths`` and ``lint_text``.

    from memo_lint import lint_paths
    report = lint_paths(["memos/"], pack="collegevoorstel")
    for violation in report.violations: ...
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from memo_lint import __version__, packs
from memo_lint.cache import CACHE_DIR_NAME, JsonCache
from memo_lint.config import Config, discover
from memo_lint.config import load as load_config
from memo_lint.engine import Settings, lint_source, unreadable
from memo_lint.errors import UnreadableFile
from memo_lint.model import Severity, Violation
from memo_lint.pack import Pack, RuleDef
from memo_lint.readers import Limits, read_source, supported_suffixes
from memo_lint.report import FileReport, LintReport, RuleInfo

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", CACHE_DIR_NAME, "node_modules", "__pycache__", ".venv"})


@dataclass(frozen=True, slots=True)
class LintOptions:
    """Command-line level choices; ``None`` means "from the config file, else the default"."""

    pack: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    today: dt.date | None = None
    config: Path | None = None  # an explicit config file instead of discovery
    use_cache: bool = True
    limits: Limits = field(default_factory=Limits)


def _cache(options: LintOptions) -> JsonCache | None:
    if not options.use_cache:
        return None
    directory = os.environ.get("MEMO_LINT_CACHE_DIR")
    return JsonCache(Path(directory) if directory else Path.cwd() / CACHE_DIR_NAME)


def iter_memo_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Files given explicitly, and memo files found by walking folders (no symlinked folders)."""
    suffixes = supported_suffixes()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            if path not in seen:
                seen.add(path)
                yield path
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
            for name in sorted(files):
                candidate = Path(folder) / name
                if candidate.suffix.lower() in suffixes and candidate not in seen:
                    seen.add(candidate)
                    yield candidate


class Linter:
    """Holds what is shared between files of one run: loaded configs and packs."""

    def __init__(self, options: LintOptions) -> None:
        self.options = options
        self.cache = _cache(options)
        self._configs: dict[Path | None, Config] = {}
        self._packs: dict[str, Pack] = {}

    def config_for(self, memo: Path) -> Config:
        path = self.options.config or discover(memo)
        if path not in self._configs:
            self._configs[path] = load_config(path, self.cache) if path else Config()
        return self._configs[path]

    def pack(self, name: str) -> Pack:
        if name not in self._packs:
            self._packs[name] = packs.load(name, self.cache)
        return self._packs[name]

    def pack_for(self, memo: Path, config: Config) -> tuple[Pack, str]:
        if self.options.pack:
            return self.pack(self.options.pack), "--pack option"
        if config.pack:
            pack_path = config.pack
            if config.path and pack_path.endswith((".yaml", ".yml")):
                pack_path = str(config.path.parent / pack_path)
            return self.pack(pack_path), f"'pack' in {config.path}"
        return self.pack(packs.DEFAULT_PACK), "default pack"

    def settings_for(self, memo: Path, config: Config) -> Settings:
        options = self.options
        return Settings(
            select=options.select or config.select,
            ignore=(*config.ignore, *config.ignores_for(memo), *options.ignore),
            severity={code: Severity(level) for code, level in config.severity.items()},
            lang=options.lang or config.lang,
            today=options.today,
        )

    def fail_on(self, config: Config) -> Severity:
        return Severity(self.options.fail_on or config.fail_on or "error")

    def lint_bytes(self, display_path: str, data: bytes, memo: Path) -> FileReport:
        config = self.config_for(memo)
        pack, reason = self.pack_for(memo, config)
        settings = self.settings_for(memo, config)
        codes = [rule.code for rule in pack.rules if settings.enabled(rule.code)]
        try:
            source = read_source(display_path, data, self.options.limits)
        except UnreadableFile as error:
            violations = unreadable(display_path, error.reason, pack, settings, error.line)
            return FileReport(display_path, violations, pack.name, reason, [], codes)
        document, violations = lint_source(source, pack, settings)
        lines = [line.text for line in document.lines]
        return FileReport(display_path, violations, pack.name, reason, lines, codes)

    def lint_file(self, memo: Path) -> FileReport:
        try:
            data = memo.read_bytes()
        except OSError as error:
            config = self.config_for(memo)
            pack, reason = self.pack_for(memo, config)
            settings = self.settings_for(memo, config)
            why = error.strerror or str(error)
            violations = unreadable(str(memo), f"cannot open the file ({why})", pack, settings)
            return FileReport(str(memo), violations, pack.name, reason)
        return self.lint_bytes(str(memo), data, memo)

    def report(self, files: list[FileReport]) -> LintReport:
        lang = self.options.lang or next(
            (self.pack(f.pack).language for f in files if f.pack in self._packs), "nl"
        )
        rules: dict[str, RuleInfo] = {}
        for pack in self._packs.values():
            for rule in pack.rules:
                rules.setdefault(rule.code, rule_info(rule, lang))
        config = self.config_for(Path(files[0].path)) if files else Config()
        return LintReport(files, rules, self.fail_on(config), lang, __version__)


def rule_info(rule: RuleDef, lang: str) -> RuleInfo:
    summary = rule.summary.get(lang) if rule.summary else rule.name
    return RuleInfo(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        summary=summary,
        hint=rule.hint.get(lang) if rule.hint else None,
        rationale=rule.rationale.get(lang),
    )


def lint_paths(paths: Sequence[str | Path], options: LintOptions | None = None) -> LintReport:
    """Lint files and folders; a file that cannot be read becomes ML001, never an exception."""
    linter = Linter(options or LintOptions())
    files = [linter.lint_file(path) for path in iter_memo_files(paths)]
    return linter.report(files)


def lint_text(
    text: str, path: str = "memo.md", options: LintOptions | None = None
) -> list[Violation]:
    """Lint a memo given as text; ``path`` only picks the reader (by suffix) and the config."""
    linter = Linter(options or LintOptions())
    return linter.lint_bytes(path, text.encode("utf-8"), Path(path)).violations
