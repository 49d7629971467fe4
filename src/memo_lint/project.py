"""Starting and inspecting a memo repository: ``init``, ``template`` and ``config``.

The click commands in :mod:`memo_lint.cli_project` are thin shells over these functions, so
editors, scripts and tests can use them without the command line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memo_lint import __version__
from memo_lint.api import Linter, LintOptions
from memo_lint.config import CONFIG_FILE, Config
from memo_lint.pack import Pack, RuleDef
from memo_lint.writes import WriteError, write_file

SCHEMA_PATH = Path(__file__).parent / "schemas" / "config.schema.json"
PRE_COMMIT_FILE = ".pre-commit-config.yaml"
PLACEHOLDER = "[invullen]"
DEFAULT_MEMO_NAME = "memo.md"

# --------------------------------------------------------------------------------------------
# The config file's JSON Schema
# --------------------------------------------------------------------------------------------

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
            "python -c 'from memo_lint.project import write_config_schema; "
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


# --------------------------------------------------------------------------------------------
# memo-lint config: the effective settings for one memo, and where each came from
# --------------------------------------------------------------------------------------------

ORIGIN_CLI = "command-line"
ORIGIN_CONFIG = "config"
ORIGIN_MEMO = "memo"
ORIGIN_DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Setting:
    """One effective value with its origin (command-line/config/memo/default) and the detail."""

    key: str
    value: Any
    origin: str
    source: str


@dataclass(frozen=True, slots=True)
class EffectiveConfig:
    memo: Path
    exists: bool
    config_file: Path | None
    config_reason: str
    settings: list[Setting] = field(default_factory=list)

    def get(self, key: str) -> list[Setting]:
        return [s for s in self.settings if s.key == key]

    def as_dict(self) -> dict[str, Any]:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for setting in self.settings:
            grouped.setdefault(setting.key, []).append(
                {"value": setting.value, "origin": setting.origin, "source": setting.source}
            )
        return {
            "memo": str(self.memo),
            "exists": self.exists,
            "config_file": str(self.config_file) if self.config_file else None,
            "config_reason": self.config_reason,
            "settings": grouped,
        }


def _pack_origin(reason: str) -> str:
    if reason == "--pack option":
        return ORIGIN_CLI
    if reason.startswith(("front matter", "detected")):
        return ORIGIN_MEMO
    if reason == "default pack":
        return ORIGIN_DEFAULT
    return ORIGIN_CONFIG


def effective_config(memo: Path, options: LintOptions) -> EffectiveConfig:
    """What ``memo-lint check`` would use for ``memo``, value by value, with the reason.

    The values come from :class:`memo_lint.linter.Linter` itself (the same calls ``check``
    makes); only the attribution is computed here, so the report cannot drift from the run.
    Raises :class:`memo_lint.errors.MemoLintError` for an invalid config or pack.
    """
    from memo_lint.errors import UnreadableFile
    from memo_lint.readers import read_source

    linter = Linter(options)
    config = linter.config_for(memo)
    where = str(config.path)
    if options.config is not None:
        config_reason = "--config option"
    elif config.path is not None:
        config_reason = "nearest config file at or above the memo's folder"
    else:
        config_reason = "no config file found: built-in defaults"
    source = None
    exists = memo.is_file()
    if exists:
        try:
            source = read_source(str(memo), memo.read_bytes(), options.limits)
        except (UnreadableFile, OSError):
            source = None  # check reports it as ML001; the config is what it would have been
    pack, reason = linter.pack_for(memo, config, source)
    settings = linter.settings_for(memo, config)
    result: list[Setting] = []
    from memo_lint.packs import BUILTIN_DIR

    own_file = pack.source and Path(pack.source).parent.resolve() != BUILTIN_DIR.resolve()
    pack_value = f"{pack.name} ({pack.source})" if own_file else pack.name
    result.append(Setting("pack", pack_value, _pack_origin(reason), reason))
    result.append(_select(memo, options, config, settings.select, where))
    result.extend(_ignores(memo, options, config, where))
    for code, level in sorted(config.severity.items()):
        result.append(Setting("severity", {code: level}, ORIGIN_CONFIG, f"'severity' in {where}"))
    if not config.severity:
        result.append(Setting("severity", {}, ORIGIN_DEFAULT, "each rule's severity in the pack"))
    fail_on = linter.fail_on(config).value
    result.append(
        _layered("fail-on", fail_on, options.fail_on, config.fail_on, where, "built-in default")
    )
    lang = settings.lang or pack.language
    result.append(
        _layered(
            "lang", lang, options.lang, config.lang, where, f"the language of pack {pack.name}"
        )
    )
    return EffectiveConfig(memo, exists, config.path, config_reason, result)


def _layered(
    key: str, value: str, cli: str | None, configured: str | None, where: str, default: str
) -> Setting:
    """A value that is the option, else the config's, else a default."""
    option = "--" + key
    if cli:
        return Setting(key, value, ORIGIN_CLI, f"{option} option")
    if configured:
        return Setting(key, value, ORIGIN_CONFIG, f"'{key}' in {where}")
    return Setting(key, value, ORIGIN_DEFAULT, default)


def _select(
    memo: Path, options: LintOptions, config: Config, value: tuple[str, ...], where: str
) -> Setting:
    if options.select:
        return Setting("select", list(value), ORIGIN_CLI, "--select option")
    # Config.select_for: the last matching override with a select replaces the top level.
    chosen = [o for o in config.overrides_for(config._relative(memo)) if o.select]
    if chosen:
        files = ", ".join(chosen[-1].files)
        return Setting("select", list(value), ORIGIN_CONFIG, f"'overrides' for {files} in {where}")
    if config.select:
        return Setting("select", list(value), ORIGIN_CONFIG, f"'select' in {where}")
    return Setting("select", [], ORIGIN_DEFAULT, "every rule of the pack")


def _ignores(memo: Path, options: LintOptions, config: Config, where: str) -> list[Setting]:
    """Each ignored code with its origin, in the order ``Linter.settings_for`` joins them."""
    from memo_lint.config import matches

    relative = config._relative(memo)
    found = [
        Setting("ignore", code, ORIGIN_CONFIG, f"'ignore' in {where}") for code in config.ignore
    ]
    for pattern, codes in config.per_file_ignores.items():
        if matches(relative, pattern):
            found += [
                Setting(
                    "ignore", code, ORIGIN_CONFIG, f"'per-file-ignores' glob '{pattern}' in {where}"
                )
                for code in codes
            ]
    for override in config.overrides_for(relative):
        files = ", ".join(override.files)
        found += [
            Setting("ignore", code, ORIGIN_CONFIG, f"'overrides' for {files} in {where}")
            for code in override.ignore
        ]
    found += [Setting("ignore", code, ORIGIN_CLI, "--ignore option") for code in options.ignore]
    return found or [Setting("ignore", None, ORIGIN_DEFAULT, "nothing ignored")]


def render_effective(effective: EffectiveConfig, output_format: str = "text") -> str:
    """The report of ``memo-lint config``: aligned text, or JSON for scripts."""
    if output_format == "json":
        return json.dumps(effective.as_dict(), indent=2, ensure_ascii=False) + "\n"
    state = "" if effective.exists else "  (hypothetical memo / denkbeeldig memo)"
    lines = [
        f"memo         {effective.memo}{state}",
        f"config file  {effective.config_file or '-'}  ({effective.config_reason})",
    ]
    for setting in effective.settings:
        shown = _show(setting.value)
        lines.append(f"{setting.key:<12} {shown:<24} {setting.origin}: {setting.source}")
    return "\n".join(lines) + "\n"


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(value) if value else "(all / alle)"
    if isinstance(value, dict):
        return ", ".join(f"{k} = {v}" for k, v in value.items()) or "-"
    return str(value)


# --------------------------------------------------------------------------------------------
# memo-lint init: a commented config and the pre-commit hook
# --------------------------------------------------------------------------------------------

CONFIG_TEMPLATE = """\
# memo-lint: configuratie voor de memo's in deze map en de mappen eronder.
# memo-lint: configuration for the memos in this folder and the folders below it.
# Het bestand dat het dichtst bij een memo staat geldt; opties op de opdrachtregel gaan voor.
# The file nearest to a memo applies; command-line options take precedence.
# Sleutels en waarden / keys and values: memo_lint/schemas/config.schema.json (memo-lint {version})

# Regelpakket: een ingebouwde naam (collegevoorstel, raadsvoorstel, informatienota, …)
# of het pad naar een eigen pakket (.yaml, relatief aan dit bestand). Zonder 'pack' herkent
# memo-lint per document wat het is (soort en sjabloon) en slaat het moties, besluitenlijsten
# en brieven over; een 'pack' hier geldt voor elk bestand in de map. Kies per map met [types].
# Rule pack: a built-in name or the path of your own pack (.yaml, relative to this file).
# Without 'pack', memo-lint recognises each document (kind and template) and skips moties,
# lists of decisions and letters; a 'pack' here applies to every file below this folder.
# Choose per folder with [types].
{pack_line}

# Alleen deze regelcodes of voorvoegsels controleren; leeg = alle regels van het pakket.
# Only check these rule codes or prefixes; empty = every rule of the pack.
select = []

# Deze regelcodes of voorvoegsels nooit melden, bijv. ["ML103", "ML8"].
# Never report these rule codes or prefixes, e.g. ["ML103", "ML8"].
ignore = []

# Laagste ernst die de controle laat falen (exitcode 1): error | warning | info.
# Lowest severity that fails the check (exit code 1): error | warning | info.
fail-on = "error"

# Taal van de meldingen: nl | en.
# Language of the messages: nl | en.
lang = "{lang}"

# Overslaan bij het doorlopen van mappen, naast wat .gitignore negeert. Zonder '/' geldt een
# patroon voor elke naam, met '/' voor het pad vanaf dit bestand. Standaard: venv, build,
# dist, node_modules, README.md, CHANGELOG.md, LICENSE.md, … ('exclude' vervangt die lijst).
# Skipped when walking folders, besides what .gitignore ignores. A pattern without '/'
# matches any name, one with '/' the path from this file. Default: venv, build, dist,
# node_modules, README.md, CHANGELOG.md, LICENSE.md, … ('exclude' replaces that list).
# exclude = ["venv", "README.md"]

# Extra patronen naast de standaardlijst / extra patterns besides the default list.
extend-exclude = []

# Wat .gitignore negeert overslaan / skip what .gitignore ignores.
# respect-gitignore = true

# Ook bestanden die bij naam genoemd worden uitsluiten (de pre-commit-hook doet dit altijd).
# Exclude files named explicitly too (the pre-commit hook always does).
# force-exclude = false

# Ernst per regel aanpassen (error | warning | info).
# Change the severity of a rule (error | warning | info).
[severity]
# ML105 = "error"

# Regels uitzetten voor bepaalde bestanden (glob relatief aan dit bestand → codes).
# Word, PDF en tekst kennen geen commentaar in het memo; gebruik dan deze tabel.
# Turn rules off for some files (glob relative to this file → codes); for Word, PDF and text
# memos, which cannot carry suppression comments, this is the way.
[per-file-ignores]
# "archief/**/*.md" = ["ML6", "ML701"]

# Memotype per map of bestandsnaam (glob → pakket); 'type:' in de front matter gaat voor.
# Memo type per folder or file name (glob → pack); front matter 'type:' takes precedence.
[types]
# "raad/**/*.md" = "raadsvoorstel"
# "informatie/**" = "informatienota"

# Instellingen voor een groep bestanden: pakket, select (vervangt die hierboven) en extra ignore.
# Settings for a group of files: pack, select (replaces the one above) and extra ignores.
# [[overrides]]
# files = ["oud/**/*.txt"]
# pack = "collegevoorstel"
# select = ["ML1", "ML2", "ML3"]
# ignore = ["ML402"]

# Grenzen voor vijandige bestanden (zie SECURITY.md); verhoog ze alleen voor echte memo's.
# Bounds for hostile files (see SECURITY.md); raise them only for genuine memos beyond them.
[limits]
# max-file-bytes = 52428800
# max-unzipped-bytes = 209715200
# max-pdf-pages = 500
# max-chars = 1000000
"""

HOOK_ENTRY = "memo-lint check --force-exclude"
HOOK_FILES = r"\.(txt|md|markdown|docx|pdf|odt)$"


def pre_commit_snippet(repo: str | None = None) -> str:
    """The ``repos:`` entry for memo-lint: the published hook, or a local one.

    Without a repository URL the hook is ``repo: local`` running the installed
    ``memo-lint``: it works at once, in every environment where ``init`` itself ran.
    """
    if repo:
        return f"  - repo: {repo}\n    rev: v{__version__}\n    hooks:\n      - id: memo-lint\n"
    return (
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: memo-lint\n"
        "        name: memo-lint\n"
        f"        entry: {HOOK_ENTRY}\n"
        "        language: system\n"
        f"        files: '{HOOK_FILES}'\n"
        "        require_serial: true\n"  # one run, one summary: memo-lint has its own --jobs
    )


def pre_commit_config(repo: str | None = None) -> str:
    return (
        "# pre-commit: controleer memo's bij elke commit / check memos on every commit.\n"
        "# Installeren / install: pre-commit install\n"
        "repos:\n" + pre_commit_snippet(repo)
    )


def config_template(pack: str | None = None, lang: str = "nl") -> str:
    """The commented config ``init`` writes; ``pack`` only when asked for (it turns
    recognition off for the whole tree), else the line stays a comment."""
    pack_line = f'pack = "{pack}"' if pack else '# pack = "collegevoorstel"'
    return CONFIG_TEMPLATE.format(version=__version__, pack_line=pack_line, lang=lang)


@dataclass(frozen=True, slots=True)
class InitResult:
    """What ``init`` did; ``snippet`` is set when an existing pre-commit config needs it."""

    config: Path
    pre_commit: Path
    wrote_pre_commit: bool
    snippet: str | None


class InitRefused(Exception):
    """``init`` would overwrite an existing config file without ``--force``."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def init_project(
    folder: Path,
    *,
    force: bool = False,
    pack: str | None = None,
    lang: str = "nl",
    repo: str | None = None,
) -> InitResult:
    """Write ``.memo-lint.toml`` and, when there is none, ``.pre-commit-config.yaml``.

    An existing config is never replaced silently (it holds a team's decisions); an existing
    pre-commit config is never edited (YAML comments and layout would be lost), the snippet is
    returned for the user to paste instead.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"cannot create {folder}: {error.strerror or error}") from None
    target = folder / CONFIG_FILE
    if target.exists() and not force:
        raise InitRefused(target)
    write_file(target, config_template(pack, lang))
    hook_file = folder / PRE_COMMIT_FILE
    if not hook_file.exists():
        write_file(hook_file, pre_commit_config(repo))
        return InitResult(target, hook_file, True, None)
    text = hook_file.read_text("utf-8", errors="replace")
    snippet = None if "memo-lint" in text else pre_commit_snippet(repo)
    return InitResult(target, hook_file, False, snippet)


# --------------------------------------------------------------------------------------------
# memo-lint template: a Markdown skeleton of a pack
# --------------------------------------------------------------------------------------------


def template_sections(pack: Pack) -> list[str]:
    """Section ids in the template's order: the section-order rule's, else the pack's.

    A pack that extends another inherits every section of its parent; its own ``order``
    (ML103) says which of them its template has. Required sections missing from that order
    are added after it, so the skeleton always satisfies the required-section rule.
    """
    order: list[str] = []
    for rule in pack.rules:
        if rule.kind == "section-order" and rule.options.get("order"):
            order = [s for s in rule.options["order"] if pack.section_def(s)]
    if not order:
        return [s.id for s in pack.sections]
    for rule in pack.rules:
        if rule.kind == "required-section":
            order += [
                s
                for s in rule.options.get("sections", ())
                if s not in order and pack.section_def(s)
            ]
    return order


def _rules_about(pack: Pack, section_id: str) -> list[RuleDef]:
    """Rules whose options name this section (its own rule kinds or a scope inside them)."""

    def mentions(value: Any) -> bool:
        if isinstance(value, dict):
            return any(
                (k in ("section", "scope") and v == section_id) or mentions(v)
                for k, v in value.items()
            )
        if isinstance(value, list):
            return any(mentions(v) for v in value)
        return False

    return [
        r
        for r in pack.rules
        if r.kind not in ("required-section", "section-order") and mentions(r.options)
    ]


def decision_formula_text(pack: Pack) -> str:
    """Readable operative formula: the longest quoted example in the decision rule's texts
    that the pack's formula pattern accepts, with its ellipses as placeholders."""
    from memo_lint.patterns import compile_pattern

    formula = pack.structure.get("decision_formula")
    if not formula:
        return PLACEHOLDER
    compiled = compile_pattern(str(formula))
    texts: list[str] = []
    for rule in pack.rules:
        if rule.kind == "decision-formula":
            for local in (rule.message, rule.hint, *rule.messages.values()):
                if local is not None:
                    texts += [local.nl, local.en]
    import re

    candidates = {m for text in texts for m in re.findall(r"'([^']{4,})'", text)}
    accepted = [
        c.replace("…", PLACEHOLDER)
        for c in candidates
        if compiled.search(c.replace("…", PLACEHOLDER))
    ]
    if not accepted:
        return f"{PLACEHOLDER} besluit:"
    return str(max(accepted, key=lambda c: (len(c), c)))


def _header_fields(pack: Pack) -> list[str]:
    """Fields an unconditional rule requires outside any section (e.g. Onderwerp)."""
    keys: list[str] = []
    for rule in pack.rules:
        if rule.kind != "conditional":
            continue
        for case in rule.options.get("cases") or [rule.options]:
            if case.get("when"):
                continue
            for item in case.get("require", ()):
                unscoped = isinstance(item, dict) and "field" in item and "scope" not in item
                if unscoped and item["field"] not in keys:
                    keys.append(str(item["field"]))
    return keys


def _table(rows: list[tuple[str, str]], lang: str) -> list[str]:
    head = ("Veld", "Waarde") if lang == "nl" else ("Field", "Value")
    lines = [f"| {head[0]} | {head[1]} |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in rows]
    return lines


def _field_placeholder(allowed: list[str] | None, lang: str) -> str:
    if not allowed:
        return PLACEHOLDER
    joiner = " of " if lang == "nl" else " or "
    text = ", ".join(allowed[:-1]) + joiner + allowed[-1] if len(allowed) > 1 else allowed[0]
    return f"[invullen: {text}]"


def memo_template(pack: Pack, lang: str = "nl") -> str:
    """A Markdown memo of ``pack`` with every section and what its rules ask for.

    Every blank is ``[invullen]`` or ``[invullen: …]``, which the template-placeholder rule
    (ML701) reports, so an unfinished memo cannot pass the gate by accident.
    """
    order = template_sections(pack)
    decision = pack.structure.get("decision_section")
    choice_rules = {r.options.get("group") for r in pack.rules if r.kind == "choice"}
    placed_choices: set[str] = set()
    out = [
        "---",
        f"type: {pack.name}",
        f"datum: {PLACEHOLDER}",
        "---",
        "",
        f"# {pack.title.get(lang)}: [invullen: onderwerp]",
        "",
    ]
    header = _header_fields(pack)
    if header:
        out += [*_table([(key, PLACEHOLDER) for key in header], lang), ""]
    for section_id in order:
        section = pack.section_def(section_id)
        assert section is not None  # template_sections keeps only defined sections
        out += [f"## {section.title}", ""]
        about = _rules_about(pack, section_id)
        for rule in about:
            summary = rule.summary.get(lang) if rule.summary else rule.name
            out.append(f"<!-- {rule.code}: {summary} -->")
        if about:
            out.append("")
        body: list[str] = []
        rows: list[tuple[str, str]] = []
        for rule in pack.rules:
            if rule.kind == "field" and rule.options.get("section") == section_id:
                for wanted in rule.options.get("fields", ()):
                    if wanted["key"] not in [key for key, _ in rows]:
                        value = _field_placeholder(wanted.get("allowed"), lang)
                        rows.append((wanted["key"], value))
        if rows:
            body += [*_table(rows, lang), ""]
        for choice in pack.choices.values():
            if choice.id in placed_choices or choice.id not in choice_rules:
                continue
            # Only in the group's own (first) section: the college-decision block belongs in
            # Collegebesluit, never in a raadsvoorstel's decision that merely may hold it.
            if choice.sections[:1] == (section_id,):
                placed_choices.add(choice.id)
                body += [f"- [ ] {option}" for option in choice.options] + [""]
        if section_id == decision:
            body += [decision_formula_text(pack), "", f"1. {PLACEHOLDER}", ""]
        if not body:
            body = [PLACEHOLDER, ""]
        out += body
    return "\n".join(out).rstrip("\n") + "\n"
