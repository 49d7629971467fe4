"""The library API the CLI is a shell over: ``lint_paths`` and ``lint_text``.

from memo_lint import lint_paths
report = lint_paths(["memos/"])
for violation in report.violations: ...
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from memo_lint import __version__, packs
from memo_lint.cache import CACHE_DIR_NAME, JsonCache, ResultCache
from memo_lint.config import Config, discover
from memo_lint.config import load as load_config
from memo_lint.discovery import Discovery
from memo_lint.engine import Settings, lint_source, unreadable
from memo_lint.errors import MemoLintError, UnreadableFile
from memo_lint.model import Severity, Source, Violation
from memo_lint.pack import Pack, RuleDef
from memo_lint.readers import Limits, read_source
from memo_lint.report import FileReport, LintReport, RuleInfo
from memo_lint.selection import detect, front_matter_type

PARALLEL_THRESHOLD = 64  # below this many files a process pool costs more than it saves


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
    use_cache: bool = True  # reuse lint results of unchanged memos
    jobs: int | None = None  # None: the CPU count when there are many files
    # Keep each memo's text in its report (context for the full and HTML reports). Off for
    # formats that print findings only, so a run over thousands of memos stays small.
    keep_text: bool = True
    limits: Limits = field(default_factory=Limits)
    force_exclude: bool = False  # apply excludes to files named explicitly (pre-commit)


def cache_dir() -> Path:
    directory = os.environ.get("MEMO_LINT_CACHE_DIR")
    return Path(directory) if directory else Path.cwd() / CACHE_DIR_NAME


def iter_memo_files(
    paths: Sequence[str | Path], options: LintOptions | None = None
) -> Iterator[Path]:
    """The files a run over ``paths`` checks (see :mod:`memo_lint.discovery`)."""
    linter = Linter(options or LintOptions())
    yield from linter.discovery().files(paths)


class Linter:
    """Holds what is shared between files of one run: loaded configs and packs."""

    def __init__(self, options: LintOptions) -> None:
        self.options = options
        # Validated packs and configs are keyed by content, so they are cached even with
        # --no-cache (which bypasses the lint results only).
        self.cache = JsonCache(cache_dir())
        self._configs: dict[Path | None, Config] = {}
        self._packs: dict[str, Pack] = {}
        self._candidates: list[packs.Candidate] | None = None

    def config_for(self, memo: Path) -> Config:
        path = self.options.config or discover(memo)
        if path not in self._configs:
            self._configs[path] = load_config(path, self.cache) if path else Config()
        return self._configs[path]

    def discovery(self) -> Discovery:
        return Discovery(self.config_for, self.options.force_exclude)

    def pack(self, reference: str) -> Pack:
        """A pack by built-in name or path; kept under both that and its own name."""
        if reference not in self._packs:
            loaded = packs.load(reference, self.cache)
            self._packs[reference] = loaded
            self._packs.setdefault(loaded.name, loaded)
        return self._packs[reference]

    def _config_pack(self, memo: Path, config: Config) -> tuple[str, str] | None:
        chosen = config.pack_for(memo)
        if chosen is None:
            return None
        name, why = chosen
        if config.path and name.endswith((".yaml", ".yml")) and not Path(name).is_absolute():
            name = str(config.path.parent / name)
        return name, why

    def pack_for(self, memo: Path, config: Config, source: Source | None) -> tuple[Pack, str]:
        """The pack and the reason it was chosen (see :mod:`memo_lint.selection`)."""
        if self.options.pack:
            return self.pack(self.options.pack), "--pack option"
        declared = front_matter_type(source) if source else None
        unknown = ""
        if declared and declared in packs.builtin_names():
            return self.pack(declared), f"front matter 'type: {declared}'"
        if declared:  # a type that names no pack must not stop the gate: say so and go on
            unknown = f"front matter 'type: {declared}' names no pack; "
        from_config = self._config_pack(memo, config)
        if from_config:
            return self.pack(from_config[0]), unknown + from_config[1]
        if source is not None:
            if self._candidates is None:
                self._candidates = packs.detection_candidates(self.cache)
            detected = detect(source, self._candidates)
            if detected:
                return self.pack(detected[0]), unknown + detected[1]
        return self.pack(packs.DEFAULT_PACK), unknown + "default pack"

    def settings_for(self, memo: Path, config: Config) -> Settings:
        options = self.options
        return Settings(
            select=options.select or config.select_for(memo),
            ignore=(*config.ignore, *config.ignores_for(memo), *options.ignore),
            severity={code: Severity(level) for code, level in config.severity.items()},
            lang=options.lang or config.lang,
            today=options.today,
        )

    def fail_on(self, config: Config) -> Severity:
        return Severity(self.options.fail_on or config.fail_on or "error")

    def lint_bytes(self, display_path: str, data: bytes, memo: Path) -> FileReport:
        config = self.config_for(memo)
        settings = self.settings_for(memo, config)
        try:
            source = read_source(display_path, data, self.limits_for(config), str(memo))
        except UnreadableFile as error:
            pack, reason = self.pack_for(memo, config, None)
            violations = unreadable(display_path, error, pack, settings)
            return self._file_report(display_path, violations, pack, reason, [], settings)
        pack, reason = self.pack_for(memo, config, source)
        document, violations = lint_source(source, pack, settings)
        lines = [line.text for line in document.lines] if self.options.keep_text else []
        return self._file_report(display_path, violations, pack, reason, lines, settings)

    def _file_report(
        self,
        path: str,
        violations: list[Violation],
        pack: Pack,
        reason: str,
        lines: list[str],
        settings: Settings,
    ) -> FileReport:
        codes = [rule.code for rule in pack.rules if settings.enabled(rule.code)]
        reference = next((ref for ref, p in self._packs.items() if p is pack), pack.name)
        return FileReport(path, violations, pack.name, reason, lines, codes, reference)

    def lint_file(self, memo: Path) -> FileReport:
        """Lint one file; whatever goes wrong with it is reported on it, never raised.

        Pack and config errors (exit 2) still propagate: they concern the whole run.
        """
        try:
            return self.lint_bytes(str(memo), self._read(memo), memo)
        except UnreadableFile as error:
            return self._unreadable(memo, error)
        except MemoLintError:
            raise
        except Exception as error:  # a bug must cost one file, not the whole gate
            detail = f"{type(error).__name__}: {error}"
            return self._unreadable(
                memo,
                UnreadableFile(
                    f"internal error while checking ({detail}); please report it to the "
                    "memo-lint maintainers",
                    nl=f"interne fout tijdens het controleren ({detail}); meld dit aan de "
                    "beheerders van memo-lint",
                ),
            )

    def _unreadable(self, memo: Path, error: UnreadableFile) -> FileReport:
        try:
            config = self.config_for(memo)
            pack, why = self.pack_for(memo, config, None)
        except OSError:  # the path itself is broken (a symlink loop): default pack and settings
            config, (pack, why) = Config(), (self.pack(packs.DEFAULT_PACK), "default pack")
        settings = self.settings_for(memo, config)
        violations = unreadable(str(memo), error, pack, settings)
        return self._file_report(str(memo), violations, pack, why, [], settings)

    def limits_for(self, config: Config) -> Limits:
        """The options' limits with the config's ``[limits]`` table on top."""
        return (
            replace(self.options.limits, **config.limits) if config.limits else self.options.limits
        )

    def _read(self, memo: Path) -> bytes:
        limit = self.limits_for(self.config_for(memo)).max_file_bytes
        try:
            info = memo.stat()
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFile(
                    "not a regular file (a folder, FIFO, socket or device)",
                    nl="geen gewoon bestand (een map, FIFO, socket of apparaat)",
                )
            if info.st_size > limit:
                raise UnreadableFile(
                    f"file is {info.st_size:,} bytes, above the limit of {limit:,} bytes "
                    "(raise max-file-bytes if this memo is genuine)",
                    nl=f"het bestand is {info.st_size:,} bytes, meer dan de grens van {limit:,} "
                    "bytes (verhoog max-file-bytes als dit memo echt zo groot is)",
                )
            with memo.open("rb") as stream:
                return stream.read(limit + 1)
        except OSError as error:
            why = error.strerror or str(error)
            raise UnreadableFile(
                f"cannot open the file ({why})", nl=f"het bestand kan niet worden geopend ({why})"
            ) from None

    def text_lines(self, memo: Path) -> list[str]:
        """The memo's lines as its reader sees them (for a cached result shown in context)."""
        try:
            return [line.text for line in read_source(str(memo), self._read(memo)).lines]
        except UnreadableFile:
            return []

    def report(self, files: list[FileReport]) -> LintReport:
        lang = self.options.lang or next(
            (self._packs[f.pack].language for f in files if f.pack in self._packs), "nl"
        )
        used = {f.pack for f in files}
        rules: dict[str, RuleInfo] = {}
        for pack in self._packs.values():
            if pack.name in used:
                for rule in pack.rules:
                    rules.setdefault(rule.code, rule_info(rule, lang))
        config = self.config_for(Path(files[0].path)) if files else Config()
        return LintReport(files, rules, self.fail_on(config), lang, __version__)

    def dependencies(self, report: FileReport) -> list[tuple[str, str]]:
        """Files whose change must invalidate a cached result: the pack chain and the config."""
        deps = list(self._packs[report.pack].files) if report.pack in self._packs else []
        config = self.config_for(Path(report.path))
        if config.path is not None:
            deps.append((str(config.path), ResultCache.digest_file(config.path)))
        return deps


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


# Worker side of --jobs: each process builds its own Linter once.
_WORKER: Linter | None = None


def _init_worker(options: LintOptions) -> None:
    global _WORKER
    _WORKER = Linter(options)


def _lint_in_worker(path: str) -> FileReport:
    assert _WORKER is not None
    return _WORKER.lint_file(Path(path))


def _run_key(options: LintOptions) -> str:
    today = options.today or dt.date.today()
    return "|".join(
        [
            __version__,
            str(options.pack),
            ",".join(options.select),
            ",".join(options.ignore),
            str(options.lang),
            today.isoformat(),
            str(options.config),
            repr(options.limits),
        ]
    )


def lint_paths(
    paths: Sequence[str | Path],
    options: LintOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> LintReport:
    """Lint files and folders; a file that cannot be read becomes ML001, never an exception.

    Results are cached in ``.memo-lint-cache/`` by content, pack, config and version; with
    many files the misses are linted in a process pool, in input order.
    """
    options = options or LintOptions()
    linter = Linter(options)
    memos = list(linter.discovery().files(paths))
    results = ResultCache(cache_dir(), _run_key(options)) if options.use_cache else None
    reports: list[FileReport | None] = [None] * len(memos)
    misses: list[int] = []
    for index, memo in enumerate(memos):
        hit = results.get(memo) if results else None
        if hit is not None:
            if options.keep_text and hit.violations:
                hit.lines = linter.text_lines(memo)  # the cache keeps findings, not text
            reports[index] = hit
            if progress:
                progress(1)
        else:
            misses.append(index)
    for index, report in zip(
        misses, _lint_many(linter, [memos[i] for i in misses], progress), strict=True
    ):
        reports[index] = report
        if results and not any(v.code == "ML001" for v in report.violations):
            results.put(memos[index], report, linter.dependencies(report))
    if results:
        results.save()
    done = [r for r in reports if r is not None]
    for report in done:
        linter.pack(report.pack_ref or report.pack)  # rule metadata for the reporters
    return linter.report(done)


def _lint_many(
    linter: Linter, memos: list[Path], progress: Callable[[int], None] | None
) -> Iterator[FileReport]:
    jobs = linter.options.jobs or (os.cpu_count() or 1 if len(memos) >= PARALLEL_THRESHOLD else 1)
    if jobs <= 1 or len(memos) < 2:
        for memo in memos:
            yield linter.lint_file(memo)
            if progress:
                progress(1)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Packs and configs are validated once here, so workers only read the cache.
    for memo in memos[:1]:
        linter.config_for(memo)
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with ProcessPoolExecutor(
            jobs, initializer=_init_worker, initargs=(linter.options,)
        ) as pool:
            chunk = max(1, min(64, len(memos) // (jobs * 8) or 1))
            for report in pool.map(_lint_in_worker, [str(m) for m in memos], chunksize=chunk):
                done += 1
                yield report
                if progress:
                    progress(1)
    except BrokenProcessPool:
        # A worker died (a crash in a native library): finish here, one file at a time.
        for memo in memos[done:]:
            yield linter.lint_file(memo)
            if progress:
                progress(1)


def add_suppressions(report: LintReport) -> dict[str, int]:
    """Baseline: suppress every current violation in the Markdown memos of a report.

    Other formats are never modified. Each file is rewritten atomically and only when it is
    unchanged since it was linted. Returns the number of comments added per file.
    """
    from memo_lint.cache import write_atomic
    from memo_lint.readers.markdown import read as read_markdown
    from memo_lint.suppressions import baseline

    added: dict[str, int] = {}
    for file in report.files:
        path = Path(file.path)
        found = [(v.code, v.span.line) for v in file.violations if v.code != "ML001"]
        if path.suffix.lower() not in (".md", ".markdown") or not found:
            continue
        data = path.read_bytes()
        source = read_markdown(file.path, data, Limits())
        if [line.text for line in source.lines] != file.lines:
            continue  # changed since it was linted: do not guess
        skipped = source.front_matter_span.end_line if source.front_matter_span else 0
        first = next(
            (n.number for n in source.lines if n.number > skipped and n.text.strip()), skipped + 1
        )
        safe = {
            line.number
            for line in source.lines
            if line.heading_level
            or (line.number > 1 and not source.lines[line.number - 2].text.strip())
        } - {c.line for row in source.table_rows for c in row}
        new_lines, count = baseline(file.lines, found, first, safe)
        newline = "\r\n" if b"\r\n" in data else "\n"
        write_atomic(path, newline.join(new_lines) + newline)
        added[file.path] = count
    return added


def lint_text(
    text: str, path: str = "memo.md", options: LintOptions | None = None
) -> list[Violation]:
    """Lint a memo given as text; ``path`` only picks the reader (by suffix) and the config."""
    linter = Linter(options or LintOptions())
    return linter.lint_bytes(path, text.encode("utf-8"), Path(path)).violations
