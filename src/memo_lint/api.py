"""The library API the CLI is a shell over: ``lint_paths`` and ``lint_text``.

from memo_lint import lint_paths
report = lint_paths(["memos/"])
for violation in report.violations: ...
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from memo_lint import __version__, packs
from memo_lint.cache import Fingerprint, ResultCache, Store, cache_root, read_bounded
from memo_lint.cache import enabled as cache_enabled
from memo_lint.checks import NOT_A_MEMO_KIND, TEMPLATE_UNKNOWN_KIND
from memo_lint.codes import Catalogue
from memo_lint.config import Config, discover
from memo_lint.config import load as load_config
from memo_lint.discovery import Discovery
from memo_lint.engine import Settings, lint_source, not_a_memo, reference_date, unreadable
from memo_lint.errors import ConfigError, MemoLintError, UnreadableFile
from memo_lint.model import Severity, Source, Violation
from memo_lint.pack import Pack, RuleDef
from memo_lint.readers import Limits, read_source
from memo_lint.recognition import Recognition, Template, forced, recognise_lines, templates
from memo_lint.recognition import text_lines as recognition_lines
from memo_lint.report import FileReport, LintReport, RuleInfo
from memo_lint.selection import front_matter_type

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

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
    jobs: int | None = None  # None: one per idle CPU when there are many files (default_jobs)
    # Keep each memo's text in its report (context for the full and HTML reports). Off for
    # formats that print findings only, so a run over thousands of memos stays small.
    keep_text: bool = True
    # ... also for memos without findings: only the HTML report shows those (issue 15.5).
    keep_clean_text: bool = True
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
        self._given: dict[Path, Path | None] = {}  # a path as given → its config file
        self._packs: dict[str, Pack] = {}
        self._templates: list[Template] | None = None
        self._digests: dict[str, str] = {}
        self._catalogues: dict[Path | None, Catalogue] = {}
        self._selections: dict[Path | None, tuple[tuple[str, ...], ...]] = {}

    def config_for(self, memo: Path) -> Config:
        path = self.options.config or self._config_path(memo)
        if path not in self._configs:
            loaded = load_config(path, self.cache) if path else Config()
            self._configs[path] = self._resolve_config(loaded)
        return self._configs[path]

    def _config_path(self, memo: Path) -> Path | None:
        """The config file for a memo or folder, found once per path as given in this run
        (a walk asks for each file and its folder; resolving paths is what costs)."""
        if memo not in self._given:
            folder = memo if memo.is_dir() else memo.parent
            if folder not in self._given:
                self._given[folder] = discover(folder, self._folders)
            self._given[memo] = self._given[folder]
        return self._given[memo]

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
        """The pack and the reason it was chosen (see :meth:`choose`)."""
        pack, recognition = self.choose(memo, config, source)
        return pack, recognition.reason

    def choose(self, memo: Path, config: Config, source: Source | None) -> tuple[Pack, Recognition]:
        """The pack that checks the memo, and what the memo was recognised as.

        In order: ``--pack``; front matter ``type:``; the config (``overrides``, ``types``,
        ``pack``) — each forces a check with that pack, its template known. Else the memo is
        recognised (:mod:`memo_lint.recognition`): a memo is checked with its template's pack,
        or its kind's pack with the template rules off; anything else is not checked (ML003).
        """
        base = self.pack(packs.DEFAULT_PACK)
        if self.options.pack:
            return self._forced(self.options.pack, base, "--pack option")
        declared = front_matter_type(source) if source else None
        unknown = ""
        if declared and declared in packs.builtin_names():
            return self._forced(declared, base, f"front matter 'type: {declared}'")
        if declared:  # a type that names no pack must not stop the gate: say so and go on
            unknown = f"front matter 'type: {declared}' names no pack; "
        from_config = self._config_pack(memo, config)
        if from_config:
            return self._forced(from_config[0], base, unknown + from_config[1])
        if source is None:
            return base, forced(base, base, unknown + "default pack")
        recognition = self.recognise(source)
        reason = unknown + "detected: " + recognition.reason
        recognition = replace(recognition, reason=reason)
        return (self.pack(recognition.pack) if recognition.pack else base), recognition

    def _forced(self, reference: str, base: Pack, why: str) -> tuple[Pack, Recognition]:
        pack = self.pack(reference)
        return pack, forced(pack, base, why)

    def recognise(self, source: Source) -> Recognition:
        """What the document is (kind, template, confidence, reason), from its text alone."""
        base = self.pack(packs.DEFAULT_PACK)
        if self._templates is None:
            kind_packs = {k.pack for k in base.kinds.values() if k.pack}
            self._templates = templates(packs.builtin_index(self.cache), kind_packs)
        return recognise_lines(recognition_lines(source), base, self._templates)

    def settings_for(self, memo: Path, config: Config) -> Settings:
        options = self.options
        select, ignore, extend_select, extend_ignore = self.selection(config)
        return Settings(
            select=extend_selection(select or config.select_for(memo), extend_select),
            ignore=(*config.ignore, *config.ignores_for(memo), *ignore, *extend_ignore),
            severity={code: Severity(level) for code, level in config.severity.items()},
            lang=options.lang or config.lang,
            today=self.today,
            today_given=options.today is not None,
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
            pack, recognition = self.choose(memo, config, None)
            violations = unreadable(display_path, error, pack, settings)
            return (
                self._file_report(display_path, violations, pack, recognition, [], settings),
                None,
            )
        pack, recognition = self.choose(memo, config, source)
        memo_date = None
        if recognition.memo:
            document, violations = lint_source(source, pack, settings, recognition)
            memo_date = document.memo_date
        else:
            violations = not_a_memo(source, recognition, pack, settings)
        dated = memo_date is not None
        report = self._file_report(
            display_path, violations, pack, recognition, self._lines(source, violations), settings
        )
        report.memo_date = memo_date.isoformat() if memo_date else None
        report.reader_warnings = source.reader_warnings()
        if not recognition.memo:
            report.rules_checked = [v.code for v in violations]
        # A detected document also depends on the packs it was recognised by.
        deps = list(pack.files)
        if recognition.origin == "detected":
            deps += [f for t in self._templates or [] for f in t.files if f not in deps]
        seen = Fingerprint(
            digest=hashlib.sha256(data).hexdigest(),
            config=self.config_fingerprint(config),
            today=None if dated else self.today.isoformat(),
            deps=tuple((path, digest) for path, digest in deps),
        )
        if recognition.memo:  # a document not checked measured nothing against a date
            day, origin = reference_date(document, settings)
            report.reference_date, report.reference_source = day.isoformat(), origin
        return report, seen

    def _lines(self, source: Source, violations: list[Violation]) -> list[str]:
        """The memo's text kept in its report: the same for a fresh and a cached result."""
        options = self.options
        if options.keep_text and (violations or options.keep_clean_text):
            return [line.text for line in source.lines]
        return []

    @staticmethod
    def config_fingerprint(config: Config) -> tuple[str, str] | None:
        return (str(config.path), config.digest or "") if config.path else None

    def _file_report(
        self,
        path: str,
        violations: list[Violation],
        pack: Pack,
        recognition: Recognition,
        lines: list[str],
        settings: Settings,
    ) -> FileReport:
        skipped = {NOT_A_MEMO_KIND}
        if recognition.template_known:
            skipped.add(TEMPLATE_UNKNOWN_KIND)
        codes = [
            rule.code
            for rule in pack.rules
            if settings.enabled(rule.code)
            and rule.kind not in skipped
            and (recognition.template_known or rule.layer != "template")
        ]
        reference = next((ref for ref, p in self._packs.items() if p is pack), pack.name)
        return FileReport(
            path,
            violations,
            pack.name,
            recognition.reason,
            lines,
            codes,
            reference,
            kind=recognition.kind,
            template=recognition.template,
            confidence=recognition.confidence,
            memo=recognition.memo,
        )

    def lint_file(self, memo: Path) -> FileReport:
        return self.lint_checked(memo)[0]

    def lint_checked(
        self, memo: Path, data: bytes | None = None
    ) -> tuple[FileReport, Fingerprint | None]:
        """Lint one file (or ``data``, its bytes as read elsewhere); whatever goes wrong with
        it is reported on it, never raised.

        Also says what the result depended on, from the very bytes linted (a memo edited
        while a run is under way is cached under its old content, with its old findings).
        Pack and config errors (exit 2) still propagate: they concern the whole run.
        """
        try:
            return self._lint_bytes(str(memo), self._read(memo) if data is None else data, memo)
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
            pack, recognition = self.choose(memo, config, None)
        except OSError:  # the path itself is broken (a symlink loop): default pack and settings
            config, pack = Config(), self.pack(packs.DEFAULT_PACK)
            recognition = forced(pack, pack, "default pack")
        settings = self.settings_for(memo, config)
        violations = unreadable(str(memo), error, pack, settings)
        return self._file_report(str(memo), violations, pack, recognition, [], settings)

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
            if self.options.keep_text and (report.violations or self.options.keep_clean_text):
                report.lines = self._lines(read_source(str(memo), data, limits), report.violations)
        except (UnreadableFile, KeyError, TypeError, ValueError):
            return None
        return report

    def baseline_file(self, memo: Path) -> tuple[FileReport, int, str]:
        """Suppress what the memo's current bytes violate (see :func:`add_suppressions`).

        Returns its report after the change, the number of comments added and, when the memo
        was left alone, why. The comments are checked by linting the new bytes: a violation
        they do not cover (a bare ``memo-lint-enable`` further on, front matter) is dropped
        from them and stays reported, so a second run adds nothing.
        """
        from memo_lint.readers.markdown import top_level_blocks
        from memo_lint.readers.text import decode, split_lines, without_final_line_end
        from memo_lint.suppressions import comment_targets, insert_comments, plan
        from memo_lint.writes import rewrite_memo

        try:
            data = self._read(memo)
            limits = self.limits_for(self.config_for(memo))
            text = decode(data, limits).text
        except UnreadableFile:
            return self.lint_file(memo), 0, ""
        current = self.lint_bytes(str(memo), data, memo)
        first, safe = comment_targets(
            top_level_blocks(text), split_lines(without_final_line_end(text))
        )
        targets = {(v.code, v.span.line) for v in current.violations if v.code != "ML001"}
        after, new_data = current, data
        while targets:
            comments = plan(targets, first, safe)
            try:
                new_data = insert_comments(data, comments)
            except ValueError as error:
                return current, 0, str(error)
            after = self.lint_bytes(str(memo), new_data, memo)
            if any(v.code == "ML001" for v in after.violations):  # e.g. beyond max-chars
                return (
                    current,
                    0,
                    "with the comments it would be unreadable: "
                    + next(v.message for v in after.violations if v.code == "ML001"),
                )
            inserted = sorted(comments)
            uncovered = {
                (v.code, original)
                for v in after.violations
                if (original := _original_line(v.span.line, inserted)) is not None
            }
            if not targets & uncovered:
                break
            targets -= uncovered
        if not targets:
            return current, 0, ""
        why = rewrite_memo(memo, data, new_data)
        if why:
            return current, 0, why
        return after, len(comments), ""

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


def _original_line(line: int, inserted: list[int]) -> int | None:
    """Line ``line`` after comments went above the (sorted) lines ``inserted``: where it was
    before, or ``None`` for a comment line."""
    shift = 0
    for index, above in enumerate(inserted):
        position = above + index  # the comment's own line in the new text
        if position == line:
            return None
        if position < line:
            shift += 1
    return line - shift


def rule_info(rule: RuleDef, lang: str) -> RuleInfo:
    summary = rule.summary.get(lang) if rule.summary else rule.name
    return RuleInfo(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        summary=summary,
        hint=rule.hint.get(lang) if rule.hint else None,
        rationale=rule.rationale.get(lang),
        sources=rule.sources,
    )


# Worker side of --jobs: each process builds its own Linter once.
_WORKER: Linter | None = None


def _init_worker(options: LintOptions, parent: int) -> None:
    """Build the worker's Linter; Ctrl-C is the parent's to handle (it stops the workers),
    and a worker whose parent died (SIGKILL) exits instead of waiting for work forever."""
    import signal
    import threading

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    _WORKER = Linter(options, Store(cache_root()) if cache_enabled(options.use_cache) else None)


def _exit_when_orphaned(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


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
    # closing(): an interruption (Ctrl-C, SIGTERM) stops the worker processes at once.
    with closing(_lint_many(linter, [memos[i] for i in misses], progress)) as linted:
        for index, (report, seen) in zip(misses, linted, strict=True):
            reports[index] = report
            if results and seen is not None:
                results.put(memos[index], str(memos[index]), report.to_dict(), seen)
    if store and misses:
        store.prune()
    done = [r for r in reports if r is not None]
    for report in done:
        linter.pack(report.pack_ref or report.pack)  # rule metadata for the reporters
    return linter.report(done)


def default_jobs() -> int:
    """Worker processes when ``--jobs`` is not given: one per CPU that is idle.

    Like ``make -l``: on a machine whose cores are already busy (the 1-minute load average), a
    pool only adds the cost of passing results between processes (bench/tiny.py: 9 % slower
    at a load of 18 on 2 cores), so the run stays in one process.
    """
    cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average on this platform
        busy = 0.0
    # A CPU only partly busy still helps: on 2 idle-ish cores (load 0.9) --jobs 2 linted
    # 50,000 tiny memos in 35 s against 59 s for one process.
    return max(1, min(cpus, math.ceil(cpus - busy)))


def _lint_many(
    linter: Linter, memos: list[Path], progress: Callable[[int], None] | None
) -> Generator[tuple[FileReport, Fingerprint | None], None, None]:
    jobs = linter.options.jobs or (default_jobs() if len(memos) >= PARALLEL_THRESHOLD else 1)
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
    pool = ProcessPoolExecutor(
        jobs, initializer=_init_worker, initargs=(linter.options, os.getpid())
    )
    try:
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
    finally:
        _stop(pool, finished=done == len(memos))


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down; when the run was interrupted (Ctrl-C, SIGTERM, an error), end the
    workers first: a plain shutdown would wait for every file still queued."""
    if not finished:
        # The executor has no public way to end its workers; its _processes is the only one.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=finished, cancel_futures=True)


MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(slots=True)
class Baseline:
    """What ``add_suppressions`` did: comments added per file, files it left alone and why,
    and the report a fresh ``check`` now gives (what is still not suppressed)."""

    added: dict[str, int]
    skipped: dict[str, str]
    report: LintReport


def add_suppressions(report: LintReport, options: LintOptions | None = None) -> Baseline:
    """Baseline: suppress every current violation in the Markdown memos of a report.

    Only Markdown can carry suppression comments: other formats are never modified and their
    findings stay in the returned report, as do findings no comment can cover (ML001, front
    matter). Each memo is read again within its ``[limits]``, its comments are checked by
    linting the result, and it is written only if its bytes are still those (see
    :func:`memo_lint.writes.rewrite_memo`); nothing but the added comment lines changes.
    """
    linter = Linter(options or LintOptions())
    added: dict[str, int] = {}
    skipped: dict[str, str] = {}
    files: list[FileReport] = []
    for file in report.files:
        suppressible = [v for v in file.violations if v.code != "ML001"]
        if suppressible and Path(file.path).suffix.lower() not in MARKDOWN_SUFFIXES:
            skipped[file.path] = (
                "only Markdown memos can carry suppression comments; its findings stay (use "
                "per-file-ignores) / alleen Markdown kan onderdrukkingscommentaar bevatten"
            )
        if not suppressible or file.path in skipped:
            files.append(file)
            continue
        current, count, why = linter.baseline_file(Path(file.path))
        files.append(current)
        if why:
            skipped[file.path] = why
        elif count:
            added[file.path] = count
    for file in files:
        linter.pack(file.pack_ref or file.pack)  # rule metadata for the reporters
    return Baseline(added, skipped, linter.report(files))


def recognise(
    text: str | bytes, path: str = "memo.txt", options: LintOptions | None = None
) -> Recognition:
    """What a document is: its kind, template, confidence and the reason (no rules run).

    ``path`` picks the reader by suffix (give bytes for .docx/.pdf); ``options.pack``
    forces a pack, as in ``check``. Raises :class:`UnreadableFile` when it cannot be read.
    """
    linter = Linter(options or LintOptions())
    data = text.encode("utf-8") if isinstance(text, str) else text
    source = read_source(path, data, linter.options.limits)
    config = linter.config_for(Path(path))
    return linter.choose(Path(path), config, source)[1]


def lint_text(
    text: str, path: str = "memo.md", options: LintOptions | None = None
) -> list[Violation]:
    """Lint a memo given as text; ``path`` only picks the reader (by suffix) and the config."""
    linter = Linter(options or LintOptions())
    return linter.lint_bytes(path, text.encode("utf-8"), Path(path)).violations
