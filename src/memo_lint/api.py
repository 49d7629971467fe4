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
from memo_lint.cache import Fingerprint, ResultCache, Store, cache_root, read_bounded
from memo_lint.cache import enabled as cache_enabled
from memo_lint.codes import Catalogue
from memo_lint.config import Config, discover
from memo_lint.config import load as load_config
from memo_lint.discovery import Discovery
from memo_lint.engine import Settings, lint_source, unreadable
from memo_lint.errors import ConfigError, MemoLintError, UnreadableFile
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
    extend_select: tuple[str, ...] = ()  # added to the config's (or --select's) selection
    extend_ignore: tuple[str, ...] = ()  # as ignore (ruff's name for it)
    fail_on: str | None = None
    lang: str | None = None
    today: dt.date | None = None
    config: Path | None = None  # an explicit config file instead of discovery
    # Reuse results and validated packs from the per-user cache; None: yes, except in CI.
    use_cache: bool | None = None
    jobs: int | None = None  # None: the CPU count when there are many files
    # Keep each memo's text in its report (context for the full and HTML reports). Off for
    # formats that print findings only, so a run over thousands of memos stays small.
    keep_text: bool = True
    limits: Limits = field(default_factory=Limits)
    force_exclude: bool = False  # apply excludes to files named explicitly (pre-commit)


def iter_memo_files(
    paths: Sequence[str | Path], options: LintOptions | None = None
) -> Iterator[Path]:
    """The files a run over ``paths`` checks (see :mod:`memo_lint.discovery`)."""
    linter = Linter(options or LintOptions())
    yield from linter.discovery().files(paths)


class Linter:
    """Holds what is shared between files of one run: loaded configs and packs."""

    def __init__(self, options: LintOptions, cache: Store | None = None) -> None:
        self.options = options
        # One reference date for the whole run: what a cached result is compared with.
        self.today = options.today or dt.date.today()
        self.cache = cache  # validated packs and configs by content hash (None: cache off)
        self._configs: dict[Path | None, Config] = {}
        self._folders: dict[Path, Path | None] = {}  # folder → its config file, this run
        self._packs: dict[str, Pack] = {}
        self._candidates: list[packs.Candidate] | None = None
        self._digests: dict[str, str] = {}
        self._catalogues: dict[Path | None, Catalogue] = {}
        self._selections: dict[Path | None, tuple[tuple[str, ...], ...]] = {}

    def config_for(self, memo: Path) -> Config:
        path = self.options.config or discover(memo, self._folders)
        if path not in self._configs:
            loaded = load_config(path, self.cache) if path else Config()
            self._configs[path] = self._resolve_config(loaded)
        return self._configs[path]

    def discovery(self) -> Discovery:
        return Discovery(self.config_for, self.options.force_exclude)

    def catalogue(self, config: Config) -> Catalogue:
        """Every rule a selection may name: built-in packs, --pack and the config's packs."""
        if config.path not in self._catalogues:
            pairs = packs.builtin_rules(self.cache)
            references = [self.options.pack] if self.options.pack else []
            references += [
                ref
                for ref in (
                    config.pack,
                    *config.types.values(),
                    *(o.pack for o in config.overrides),
                )
                if ref
            ]
            for reference in references:
                relative = not Path(reference).is_absolute()
                if config.path and reference.endswith((".yaml", ".yml")) and relative:
                    reference = str(config.path.parent / reference)
                if reference not in packs.builtin_names():
                    pairs += [(rule.code, rule.name) for rule in self.pack(reference).rules]
            self._catalogues[config.path] = Catalogue.of(pairs)
        return self._catalogues[config.path]

    def _resolve_config(self, config: Config) -> Config:
        """The config with rule names turned into codes; an unknown one is a config error."""
        if not (
            config.select
            or config.ignore
            or config.per_file_ignores
            or config.severity
            or any(o.select or o.ignore for o in config.overrides)
        ):
            return config
        known = self.catalogue(config)
        where = str(config.path)
        try:
            return replace(
                config,
                select=known.resolve_all(config.select, f"{where}: select"),
                ignore=known.resolve_all(config.ignore, f"{where}: ignore"),
                per_file_ignores={
                    glob: known.resolve_all(codes, f"{where}: per-file-ignores.{glob!r}")
                    for glob, codes in config.per_file_ignores.items()
                },
                severity={
                    code: level
                    for key, level in config.severity.items()
                    for code in known.resolve_exact(key, f"{where}: severity")
                },
                overrides=tuple(
                    replace(
                        o,
                        select=known.resolve_all(o.select, f"{where}: overrides[{i}].select"),
                        ignore=known.resolve_all(o.ignore, f"{where}: overrides[{i}].ignore"),
                    )
                    for i, o in enumerate(config.overrides)
                ),
            )
        except ValueError as error:
            raise ConfigError(str(error)) from None

    def selection(self, config: Config) -> tuple[tuple[str, ...], ...]:
        """--select, --ignore, --extend-select, --extend-ignore as codes, checked once per
        config (its packs may add rules); an unknown code or name is a usage error."""
        if config.path not in self._selections:
            options = self.options
            flags = (
                ("--select", options.select),
                ("--ignore", options.ignore),
                ("--extend-select", options.extend_select),
                ("--extend-ignore", options.extend_ignore),
            )
            if any(values for _, values in flags):
                known = self.catalogue(config)
                try:
                    resolved = tuple(known.resolve_all(v, flag) for flag, v in flags)
                except ValueError as error:
                    raise MemoLintError(str(error)) from None
            else:
                resolved = ((), (), (), ())
            self._selections[config.path] = resolved
        return self._selections[config.path]

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
        select, ignore, extend_select, extend_ignore = self.selection(config)
        return Settings(
            select=extend_selection(select or config.select_for(memo), extend_select),
            ignore=(*config.ignore, *config.ignores_for(memo), *ignore, *extend_ignore),
            severity={code: Severity(level) for code, level in config.severity.items()},
            lang=options.lang or config.lang,
            today=self.today,
        )

    def fail_on(self, config: Config) -> Severity:
        return Severity(self.options.fail_on or config.fail_on or "error")

    def lint_bytes(self, display_path: str, data: bytes, memo: Path) -> FileReport:
        return self._lint_bytes(display_path, data, memo)[0]

    def _lint_bytes(
        self, display_path: str, data: bytes, memo: Path
    ) -> tuple[FileReport, Fingerprint | None]:
        """The report and what it depended on (None: an unreadable file, not to be cached)."""
        import hashlib

        config = self.config_for(memo)
        settings = self.settings_for(memo, config)
        try:
            source = read_source(display_path, data, self.limits_for(config), str(memo))
        except UnreadableFile as error:
            pack, reason = self.pack_for(memo, config, None)
            violations = unreadable(display_path, error, pack, settings)
            return self._file_report(display_path, violations, pack, reason, [], settings), None
        pack, reason = self.pack_for(memo, config, source)
        document, violations = lint_source(source, pack, settings)
        report = self._file_report(
            display_path, violations, pack, reason, self._lines(source), settings
        )
        seen = Fingerprint(
            digest=hashlib.sha256(data).hexdigest(),
            config=self.config_fingerprint(config),
            today=None if document.memo_date else self.today.isoformat(),
            deps=tuple((path, digest) for path, digest in pack.files),
        )
        return report, seen

    def _lines(self, source: Source) -> list[str]:
        """The memo's text kept in its report: the same for a fresh and a cached result."""
        return [line.text for line in source.lines] if self.options.keep_text else []

    @staticmethod
    def config_fingerprint(config: Config) -> tuple[str, str] | None:
        return (str(config.path), config.digest or "") if config.path else None

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
        return self.lint_checked(memo)[0]

    def lint_checked(self, memo: Path) -> tuple[FileReport, Fingerprint | None]:
        """Lint one file; whatever goes wrong with it is reported on it, never raised.

        Also says what the result depended on, from the very bytes linted (a memo edited
        while a run is under way is cached under its old content, with its old findings).
        Pack and config errors (exit 2) still propagate: they concern the whole run.
        """
        try:
            return self._lint_bytes(str(memo), self._read(memo), memo)
        except UnreadableFile as error:
            return self._unreadable(memo, error), None
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
            ), None

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

    def cached(self, results: ResultCache, memo: Path) -> FileReport | None:
        """The stored result for this memo if a fresh run would give the same, else None."""
        config = self.config_for(memo)
        self.selection(config)  # a bad --select is an error, cached results or not
        limits = self.limits_for(config)
        found = read_bounded(memo, limits.max_file_bytes, follow=True)
        if found is None:
            return None
        import hashlib

        data = found[0]
        stored = results.get(
            memo,
            str(memo),
            hashlib.sha256(data).hexdigest(),
            self.config_fingerprint(config),
            self.today.isoformat(),
            self._file_digest,
        )
        if stored is None:
            return None
        try:
            report = FileReport.from_dict(stored)
            if self.options.keep_text:
                report.lines = self._lines(read_source(str(memo), data, limits))
        except (UnreadableFile, KeyError, TypeError, ValueError):
            return None
        return report

    def _file_digest(self, path: str) -> str:
        """SHA-256 of a pack file, once per run."""
        if path not in self._digests:
            import hashlib

            found = read_bounded(Path(path), packs.MAX_YAML_BYTES)
            self._digests[path] = hashlib.sha256(found[0]).hexdigest() if found else ""
        return self._digests[path]

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


def extend_selection(selected: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    """``--extend-select``: added to a selection; nothing selected already means everything."""
    return (*selected, *extra) if selected and extra else selected


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
    _WORKER = Linter(options, Store(cache_root()) if cache_enabled(options.use_cache) else None)


def _lint_in_worker(path: str) -> tuple[FileReport, Fingerprint | None]:
    assert _WORKER is not None
    return _WORKER.lint_checked(Path(path))


def run_key(options: LintOptions) -> str:
    """Everything of a run that a result depends on besides the memo, config, packs and date."""
    return "\0".join(
        [
            __version__,
            str(options.pack),
            ",".join(options.select),
            ",".join(options.ignore),
            ",".join(options.extend_select),
            ",".join(options.extend_ignore),
            str(options.lang),
            str(options.config.resolve() if options.config else None),
            repr(options.limits),
            packs.builtin_signature(),
        ]
    )


def lint_paths(
    paths: Sequence[str | Path],
    options: LintOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> LintReport:
    """Lint files and folders; a file that cannot be read becomes ML001, never an exception.

    Results come from the per-user cache (:mod:`memo_lint.cache`) when a fresh run would give
    the same; with many files the misses are linted in a process pool, in input order.
    """
    options = options or LintOptions()
    # One reference date for the run and its workers, whatever the clock does meanwhile.
    options = replace(options, today=options.today or dt.date.today())
    store = Store(cache_root()) if cache_enabled(options.use_cache) else None
    linter = Linter(options, store)
    memos = list(linter.discovery().files(paths))
    results = ResultCache(store, run_key(options)) if store else None
    reports: list[FileReport | None] = [None] * len(memos)
    misses: list[int] = []
    for index, memo in enumerate(memos):
        hit = linter.cached(results, memo) if results else None
        if hit is not None:
            reports[index] = hit
            if progress:
                progress(1)
        else:
            misses.append(index)
    for index, (report, seen) in zip(
        misses, _lint_many(linter, [memos[i] for i in misses], progress), strict=True
    ):
        reports[index] = report
        if results and seen is not None:
            results.put(memos[index], str(memos[index]), report.to_dict(), seen)
    if store and misses:
        store.prune()
    done = [r for r in reports if r is not None]
    for report in done:
        linter.pack(report.pack_ref or report.pack)  # rule metadata for the reporters
    return linter.report(done)


def _lint_many(
    linter: Linter, memos: list[Path], progress: Callable[[int], None] | None
) -> Iterator[tuple[FileReport, Fingerprint | None]]:
    jobs = linter.options.jobs or (os.cpu_count() or 1 if len(memos) >= PARALLEL_THRESHOLD else 1)
    if jobs <= 1 or len(memos) < 2:
        for memo in memos:
            yield linter.lint_checked(memo)
            if progress:
                progress(1)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Packs and configs are validated once here, so workers only read the cache.
    for memo in memos[:1]:
        linter.settings_for(memo, linter.config_for(memo))
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
            yield linter.lint_checked(memo)
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
