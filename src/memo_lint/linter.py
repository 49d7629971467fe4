"""One run's linter: each memo's config, settings, pack and recognition, then its report.

:class:`Linter` holds what the files of a run share (loaded configs, packs, rule selections);
:func:`memo_lint.api.lint_paths` drives it over many files (with :mod:`memo_lint.parallel`),
:mod:`memo_lint.baseline` uses it to add suppression comments.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from memo_lint import __version__, packs
from memo_lint.cache import Fingerprint, ResultCache, Store, read_bounded
from memo_lint.codes import Catalogue
from memo_lint.config import Config, discover
from memo_lint.config import load as load_config
from memo_lint.digests import sha256
from memo_lint.discovery import Discovery
from memo_lint.errors import ConfigError, MemoLintError, PackError, UnreadableFile
from memo_lint.model import FrozenRecord, Severity, Violation, field
from memo_lint.pack import KindTable, Pack, RuleDef
from memo_lint.plan import COMMAND_LINE, CONFIG, DEFAULT, MEMO, FilePlan, Origin, PackChoice
from memo_lint.readers import Limits, read_source
from memo_lint.report import FileReport, LintReport, RuleInfo
from memo_lint.selection import front_matter_type

if TYPE_CHECKING:  # linting imports these when it starts; a cache hit never does
    from memo_lint.engine import Settings
    from memo_lint.model import Source
    from memo_lint.recognition import Recognition, Template
    from memo_lint.writes import Identity


class LintOptions(FrozenRecord):
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
    # ... also for memos without findings (no report prints those; for library callers).
    keep_clean_text: bool = True
    limits: Limits = field(default_factory=Limits)
    force_exclude: bool = False  # apply excludes to files named explicitly (pre-commit)


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
        # The files a folder walk listed as regular files, each with its folder's config file;
        # by their text, whose hash a str keeps (a Path works its out from its parts).
        self._listed: dict[str, Path | None] = {}
        self._walking: tuple[Path | None, Path | None] = None, None  # a folder, its config
        # The memos read in this process, as reported, and the file each was (device, inode
        # from the fstat of the read): no report may replace them (writes.Protected).
        self._read: dict[str, Identity] = {}
        self._day = self.today.isoformat()
        # Per config (by id; the config is kept to tell a reused id): what a lookup needs.
        self._lookups: dict[int, tuple[Config, int, tuple[str, str] | None]] = {}
        self._packs: dict[str, Pack] = {}
        # The rules of every pack a file of this run was checked with, by the reference it was
        # loaded by: gathered while linting (workers send theirs) so the report loads no pack.
        self._used: dict[str, PackRules] = {}
        self._templates: list[Template] | None = None
        self._kinds: KindTable | None = None  # what recognition reads of the default pack
        self._digests: dict[str, str] = {}
        self._catalogues: dict[Path | None, Catalogue] = {}
        self._selections: dict[Path | None, tuple[tuple[str, ...], ...]] = {}
        self._builtin: frozenset[str] | None = None  # built-in pack names, listed once a run
        # A report's rules checked and pack reference, by pack, selection and template known.
        self._checked: dict[tuple[int, tuple[str, ...], tuple[str, ...], bool], Checked] = {}
        self._chains: packs.Chains | None = None  # the built-in packs' files, read once a run
        self._pack_files: dict[str, bytes] = {}  # ... by path

    def config_for(self, memo: Path) -> Config:
        path = self.options.config or self._config_path(memo)
        if path not in self._configs:
            loaded = load_config(path, self.cache) if path else Config()
            try:
                self._configs[path] = self._resolve_config(loaded)
            except MemoLintError as error:  # its codes or its pack: said in its language
                raise error.said_in(loaded.lang) from None
        return self._configs[path]

    def _config_path(self, memo: Path) -> Path | None:
        """The config file for a memo or folder, found once per path as given in this run
        (a walk asks for each file and its folder; resolving paths is what costs)."""
        listed = self._listed.get(str(memo), _UNLISTED)
        if listed is not _UNLISTED:
            return listed
        if memo not in self._given:
            folder = memo if memo.is_dir() else memo.parent
            if folder not in self._given:
                self._given[folder] = discover(folder, self._folders)
            self._given[memo] = self._given[folder]
        return self._given[memo]

    def discovery(self) -> Discovery:
        return Discovery(self.config_for, self.options.force_exclude, self._walked)

    def _walked(self, memo: Path, folder: Path) -> None:
        """A regular file a folder walk found: its config is its folder's, and neither needs
        a stat to tell (what it is, whether it is a folder)."""
        if folder is not self._walking[0]:  # a walk lists a folder's files in a row
            self._walking = folder, self._config_path(folder)
        self._listed[str(memo)] = self._walking[1]

    def catalogue(self, config: Config) -> Catalogue:
        """Every rule a selection may name: built-in packs, --pack and the config's packs."""
        if config.path not in self._catalogues:
            pairs = packs.builtin_rules(self.cache, self.builtin_chains())
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
                if reference not in self.builtin_names():
                    pairs += [(rule.code, rule.name) for rule in self.pack(reference).rules]
            self._catalogues[config.path] = Catalogue.of(pairs)
        return self._catalogues[config.path]

    def builtin_chains(self) -> packs.Chains:
        """Every built-in pack's files (:func:`memo_lint.pack_files.builtin_chains`), read
        once a run: the run's cache key, recognition, the rule catalogue and the check of a
        cached result's packs all see the same bytes, read once."""
        if self._chains is None:
            self._chains = packs.builtin_chains()
            self._pack_files = {str(p): data for c in self._chains.values() for p, data in c}
        return self._chains

    def builtin_names(self) -> frozenset[str]:
        """The built-in packs' names: a folder listing, not to be repeated for every memo."""
        if self._builtin is None:
            self._builtin = frozenset(packs.builtin_names())
        return self._builtin

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
            return config.replace(
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
                    o.replace(
                        select=known.resolve_all(o.select, f"{where}: overrides[{i}].select"),
                        ignore=known.resolve_all(o.ignore, f"{where}: overrides[{i}].ignore"),
                    )
                    for i, o in enumerate(config.overrides)
                ),
            )
        except ValueError as error:  # codes.Catalogue's, with its errors.Phrase
            raise ConfigError(error.args[0]) from None

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
                    raise MemoLintError(error.args[0], config.lang) from None
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

    def choose(
        self, memo: Path, config: Config, source: Source | None
    ) -> tuple[Pack, Recognition, PackChoice]:
        """The pack that checks the memo, what the memo was recognised as, and why.

        In order: ``--pack``; front matter ``type:``; the config (``overrides``, ``types``,
        ``pack``) — each forces a check with that pack, its template known. Else the memo is
        recognised (:mod:`memo_lint.recognition`): a memo is checked with its template's pack,
        or its kind's pack with the template rules off; anything else is not checked (ML003).
        """
        if self.options.pack:
            return self._forced(self.options.pack, PackChoice(COMMAND_LINE, "--pack option"))
        declared = front_matter_type(source) if source else None
        note = ""
        if declared and declared in self.builtin_names():
            choice = PackChoice(MEMO, f"front matter 'type: {declared}'")
            return self._forced(declared, choice)
        if declared:  # a type that names no pack must not stop the gate: say so and go on
            note = f"front matter 'type: {declared}' names no pack; "
        from_config = self._config_pack(memo, config)
        if from_config:
            return self._forced(from_config[0], PackChoice(CONFIG, from_config[1], note))
        if source is None:
            return self._forced(packs.DEFAULT_PACK, PackChoice(DEFAULT, "default pack", note))
        recognition = self.recognise(source)
        choice = PackChoice(MEMO, "detected: " + recognition.reason, note)
        recognition = recognition.replace(reason=choice.reason)
        pack = self.pack(recognition.pack or packs.DEFAULT_PACK)
        return pack, recognition, choice

    def _forced(self, reference: str, choice: PackChoice) -> tuple[Pack, Recognition, PackChoice]:
        from memo_lint.recognition import forced

        pack = self.pack(reference)
        return pack, forced(pack, self.kind_table(), choice.reason), choice

    def kind_table(self) -> KindTable:
        """What recognition reads of the default pack (kinds, recognition settings): the pack
        once loaded, else its part of the built-in index (:func:`memo_lint.packs.builtin_kinds`),
        else the pack, loaded now."""
        if self._kinds is None:
            table: KindTable | None = self._packs.get(packs.DEFAULT_PACK)
            if table is None:
                try:
                    table = packs.builtin_kinds(self.builtin_chains())
                except PackError:  # another built-in pack is unreadable: not this one's concern
                    table = None
            self._kinds = table or self.pack(packs.DEFAULT_PACK)
        return self._kinds

    def recognise(self, source: Source) -> Recognition:
        """What the document is (kind, template, confidence, reason), from its text alone."""
        from memo_lint.recognition import recognise_lines, templates, text_lines

        base = self.kind_table()
        if self._templates is None:
            kind_packs = {k.pack for k in base.kinds.values() if k.pack}
            index = packs.builtin_index(self.cache, self.builtin_chains())
            self._templates = templates(index, kind_packs)
        return recognise_lines(text_lines(source), base, self._templates)

    def plan(self, memo: Path, source: Source | None) -> FilePlan:
        """What the memo is checked with, and where each part came from: the one place a
        file's config, settings, limits and pack are resolved (``source`` None: the memo
        could not be read, or is not read, as for ``memo-lint config`` of a missing file)."""
        config = self.config_for(memo)
        try:
            return self._plan(memo, config, *self.choose(memo, config, source))
        except MemoLintError as error:  # the config's pack: said in the config's language
            raise error.said_in(config.lang) from None

    def _plan(
        self, memo: Path, config: Config, pack: Pack, recognition: Recognition, choice: PackChoice
    ) -> FilePlan:
        settings, select, ignored = self._settings(memo, config)
        options, where = self.options, config.path
        return FilePlan(
            memo,
            config,
            settings,
            self.limits_for(config),
            pack,
            choice,
            recognition,
            select,
            ignored,
            fail_on=_layered("fail-on", options.fail_on, config.fail_on, where, "built-in default"),
            lang=_layered(
                "lang", options.lang, config.lang, where, f"the language of pack {pack.name}"
            ),
        )

    def settings_for(self, memo: Path, config: Config) -> Settings:
        return self._settings(memo, config)[0]

    def _settings(
        self, memo: Path, config: Config
    ) -> tuple[Settings, Origin, tuple[tuple[str, Origin], ...]]:
        """The settings and the origins of their select and ignore lists (one computation
        for the run and for ``memo-lint config``)."""
        from memo_lint.engine import Settings

        options = self.options
        select, ignore, extend_select, extend_ignore = self.selection(config)
        if select:
            selected, select_from = select, Origin(COMMAND_LINE, "--select option")
        else:
            selected, where = config.select_for(memo)
            select_from = (
                Origin(CONFIG, where) if where else Origin(DEFAULT, "every rule of the pack")
            )
        ignored = (
            *((code, Origin(CONFIG, where)) for code, where in config.ignores_for(memo)),
            *((code, Origin(COMMAND_LINE, "--ignore option")) for code in ignore),
            *((code, Origin(COMMAND_LINE, "--extend-ignore option")) for code in extend_ignore),
        )
        settings = Settings(
            select=extend_selection(selected, extend_select),
            ignore=tuple(code for code, _ in ignored),
            severity={code: Severity(level) for code, level in config.severity.items()},
            lang=options.lang or config.lang,
            today=self.today,
            today_given=options.today is not None,
        )
        return settings, select_from, ignored

    def fail_on(self, config: Config) -> Severity:
        return Severity(self.options.fail_on or config.fail_on or "error")

    def lint_bytes(self, display_path: str, data: bytes, memo: Path) -> FileReport:
        return self._lint_bytes(display_path, data, memo)[0]

    def _lint_bytes(
        self, display_path: str, data: bytes, memo: Path, digest: str | None = None
    ) -> tuple[FileReport, Fingerprint | None]:
        """The report and what it depended on (None: an unreadable file, not to be cached);
        ``digest``: the SHA-256 of ``data`` when the cache lookup already took it."""
        from memo_lint import engine

        config = self.config_for(memo)
        try:
            source = read_source(display_path, data, self.limits_for(config), str(memo))
        except UnreadableFile as error:
            plan = self.plan(memo, None)
            violations = engine.unreadable(display_path, error, plan.pack, plan.settings)
            return self._file_report(display_path, violations, plan, []), None
        plan = self.plan(memo, source)
        pack, recognition, settings = plan.pack, plan.recognition, plan.settings
        memo_date = None
        if recognition.memo:
            document, violations = engine.lint_source(source, pack, settings, recognition)
            memo_date = document.memo_date
        else:
            violations = engine.not_a_memo(source, recognition, pack, settings)
        dated = memo_date is not None
        report = self._file_report(display_path, violations, plan, self._lines(source, violations))
        report.memo_date = memo_date.isoformat() if memo_date else None
        report.reader_warnings = source.reader_warnings()
        if not recognition.memo:
            report.rules_checked = [v.code for v in violations]
        # A detected document also depends on the packs it was recognised by.
        deps = list(pack.files)
        if recognition.origin == "detected":
            deps += [f for t in self._templates or [] for f in t.files if f not in deps]
        if digest is None:
            digest = sha256(data).hexdigest()
        seen = Fingerprint(
            digest=digest,
            config=self.config_fingerprint(config),
            today=None if dated else self.today.isoformat(),
            deps=tuple((path, digest) for path, digest in deps),
        )
        if recognition.memo:  # a document not checked measured nothing against a date
            day, origin = engine.reference_date(document, settings)
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
        self, path: str, violations: list[Violation], plan: FilePlan, lines: list[str]
    ) -> FileReport:
        from memo_lint.checks import NOT_A_MEMO_KIND, TEMPLATE_UNKNOWN_KIND

        pack, recognition, settings = plan.pack, plan.recognition, plan.settings
        known = recognition.template_known
        # What follows depends on these alone, and a run's memos share a few of them: worked
        # out once (~45 rules asked per memo; packs live as long as the linter, so their ids
        # stay theirs).
        key = (id(pack), settings.select, settings.ignore, known)
        found = self._checked.get(key)
        if found is None:
            skipped = {NOT_A_MEMO_KIND}
            if known:
                skipped.add(TEMPLATE_UNKNOWN_KIND)
            codes = tuple(
                rule.code
                for rule in pack.rules
                if settings.enabled(rule.code)
                and rule.kind not in skipped
                and (known or rule.layer != "template")
            )
            reference = next((ref for ref, p in self._packs.items() if p is pack), pack.name)
            self._used.setdefault(reference, PackRules.of(pack))
            found = self._checked[key] = codes, reference
        codes, reference = found
        return FileReport(
            path,
            violations,
            pack.name,
            plan.choice.reason,
            lines,
            list(codes),
            reference,
            kind=recognition.kind,
            template=recognition.template,
            confidence=recognition.confidence,
            memo=recognition.memo,
        )

    def lint_file(self, memo: Path) -> FileReport:
        return self.lint_checked(memo)[0]

    def lint_checked(
        self, memo: Path, data: bytes | None = None, digest: str | None = None
    ) -> tuple[FileReport, Fingerprint | None]:
        """Lint one file (or ``data``, its bytes as read elsewhere, and their ``digest`` when
        known); whatever goes wrong with it is reported on it, never raised.

        Also says what the result depended on, from the very bytes linted (a memo edited
        while a run is under way is cached under its old content, with its old findings).
        Pack and config errors (exit 2) still propagate: they concern the whole run.
        """
        try:
            if data is None:
                data, digest = self.read(memo), None
            return self._lint_bytes(str(memo), data, memo, digest)
        except UnreadableFile as error:
            return self._unreadable(memo, error), None
        except MemoLintError:
            raise
        except Exception as error:  # a bug must cost one file, not the whole gate
            detail = f"{type(error).__name__}: {error}"
            return self._unreadable(
                memo,
                UnreadableFile("file.internal-error", detail=detail),
            ), None

    def _unreadable(self, memo: Path, error: UnreadableFile) -> FileReport:
        from memo_lint.engine import unreadable
        from memo_lint.recognition import forced

        try:
            plan = self.plan(memo, None)
        except OSError:  # the path itself is broken (a symlink loop): default pack and settings
            pack, choice = self.pack(packs.DEFAULT_PACK), PackChoice(DEFAULT, "default pack")
            plan = self._plan(memo, Config(), pack, forced(pack, pack, choice.reason), choice)
        violations = unreadable(str(memo), error, plan.pack, plan.settings)
        return self._file_report(str(memo), violations, plan, [])

    def limits_for(self, config: Config) -> Limits:
        """The options' limits with the config's ``[limits]`` table on top."""
        return (
            self.options.limits.replace(**config.limits) if config.limits else self.options.limits
        )

    def read(self, memo: Path) -> bytes:
        """The memo's bytes within its limits; anything else is :class:`UnreadableFile`."""
        limit = self.limits_for(self.config_for(memo)).max_file_bytes
        try:
            info = memo.stat()
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFile("file.not-regular")
            if info.st_size > limit:
                raise UnreadableFile("file.too-large", size=info.st_size, limit=limit)
            with memo.open("rb", buffering=0) as stream:
                opened = os.fstat(stream.fileno())
                self._read[str(memo)] = opened.st_dev, opened.st_ino
                return _read_up_to(stream, opened.st_size, limit + 1)
        except OSError as error:
            why = error.strerror or str(error)
            raise UnreadableFile("file.cannot-open", why=why) from None

    def stored(
        self,
        results: ResultCache,
        memo: Path,
        misses: Misses | None = None,
        read: Read | None = None,
    ) -> FileReport | None:
        """The stored report if a fresh run would give the same, with the memo's text when
        the run keeps text; else None.

        ``misses``: on a miss the bytes read and their digest are put there for
        :meth:`lint_checked`, so a memo linted in this process is read and hashed once (a
        one-memo miss did both twice). ``read``: the digest of the memo's bytes and the file
        they came from, as another process read them (:func:`memo_lint.parallel.stored_many`);
        the memo is then read here only for a report that keeps its text."""
        config = self.config_for(memo)
        setting = self._lookups.get(id(config))
        if setting is None or setting[0] is not config:
            self.selection(config)  # a bad --select is an error, cached results or not
            fingerprint = self.config_fingerprint(config)
            setting = config, self.limits_for(config).max_file_bytes, fingerprint
            self._lookups[id(config)] = setting
        path, data = str(memo), None
        if read is None:
            found = self.digest_of(memo, setting[1])
            if found is None:
                return None
            data, digest, self._read[path] = found
        else:
            digest, self._read[path] = read
        report = results.get(path, path, digest, setting[2], self._day, self._file_digest)
        if report is None:
            if misses is not None and data is not None:
                misses[memo] = data, digest
            return None
        options = self.options
        if options.keep_text and (report.violations or options.keep_clean_text):
            if data is None:  # read elsewhere: the text of bytes with the same digest
                found = self.digest_of(memo, setting[1])
                if found is None or found[1] != digest:
                    return None  # changed since: linted as a miss
                data, _, self._read[path] = found
            try:
                # The text of the very bytes the hit was checked against.
                source = read_source(path, data, self.limits_for(config))
            except UnreadableFile:
                return None
            report.lines = [line.text for line in source.lines]
        reference = report.pack_ref or report.pack
        if reference not in self._used:  # the report names the rules of the pack it used
            self._used[reference] = PackRules.of(self.pack(reference))
        return report

    def digest_of(self, memo: Path, limit: int) -> tuple[bytes, str, Identity] | None:
        """A memo's bytes (a regular file within ``limit``), their SHA-256 and the file they
        were read from (device, inode); None when it cannot be read so."""
        found = read_bounded(memo, limit, follow=True, listed=str(memo) in self._listed)
        if found is None:
            return None
        data, info = found
        return data, sha256(data).hexdigest(), (info.st_dev, info.st_ino)

    def pack_rules(self, reference: str) -> PackRules | None:
        """The rules of a pack this linter checked a file with (a worker sends them back)."""
        return self._used.get(reference)

    def adopt(self, rules: PackRules | None, reference: str) -> None:
        """Take the rules of a pack a worker checked a file with."""
        if rules is not None:
            self._used.setdefault(reference, rules)

    def _file_digest(self, path: str) -> str:
        """SHA-256 of a pack file, once per run (a built-in one from the bytes the run read)."""
        if path not in self._digests:
            data = self._pack_files.get(path)
            if data is None:
                found = read_bounded(Path(path), packs.MAX_YAML_BYTES)
                data = found[0] if found else None
            self._digests[path] = packs.file_digest(data) if data is not None else ""
        return self._digests[path]

    def report(self, files: list[FileReport]) -> LintReport:
        """The run's report, with the metadata of every rule of the packs its files were
        checked with, as gathered while linting: no pack is loaded and no memo read here."""
        used = {id(p): p for p in (self._used[f.pack_ref or f.pack] for f in files)}
        first = next(iter(used.values()), None)
        config = self.config_for(Path(files[0].path)) if files else Config()
        # As a file's messages: --lang, else its config's, else its pack's.
        lang = self.options.lang or config.lang or (first.language if first else "nl")
        rules: dict[str, RuleInfo] = {}
        # The default pack's wording first (as when every pack was loaded by the run).
        for pack in sorted(used.values(), key=lambda p: p.name != packs.DEFAULT_PACK):
            for rule in pack.rules:
                rules.setdefault(rule.code, rule_info(rule, lang))
        return LintReport(files, rules, self.fail_on(config), lang, __version__, self._read)


_UNLISTED = Path()  # no file a walk lists: _config_path's "not listed"

# A cache lookup's misses by memo: the bytes read and their SHA-256, for the lint to reuse.
Misses = dict[Path, tuple[bytes, str]]
# The codes of the rules a report says were checked, and the reference its pack was loaded by.
Checked = tuple[tuple[str, ...], str]
# A memo as another process read it: the SHA-256 of its bytes and the file (device, inode).
Read = tuple[str, tuple[int, int]]


class PackRules(FrozenRecord, eq=False):
    """What a report says about the pack a file was checked with: its language and rules."""

    name: str
    language: str
    rules: tuple[RuleDef, ...]

    @classmethod
    def of(cls, pack: Pack) -> PackRules:
        return cls(pack.name, pack.language, pack.rules)


def _layered(
    key: str, option: str | None, configured: str | None, where: Path | None, default: str
) -> Origin:
    """Where a value that is the option, else the config's, else a default comes from."""
    if option:
        return Origin(COMMAND_LINE, f"--{key} option")
    if configured:
        return Origin(CONFIG, f"'{key}' in {where}")
    return Origin(DEFAULT, default)


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
        sources=rule.sources,
    )


def _read_up_to(stream: BinaryIO, size: int, most: int) -> bytes:
    """At most ``most`` bytes of the stream, whose file had ``size`` bytes at its fstat: a read
    of ``most`` bytes allocates them all (the limit's megabytes, ~20 us for a memo of a few
    KB), so the file's size and one byte more, then on in pieces while it grew."""
    data = stream.read(min(size + 1, most))
    while len(data) < most:
        more = stream.read(min(most - len(data), 1 << 16))
        if not more:
            break
        data += more
    return data
