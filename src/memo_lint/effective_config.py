"""``memo-lint config``: what ``check`` would use for one memo, value by value, with where each
value came from."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memo_lint.config import Config
from memo_lint.linter import Linter, LintOptions

DEFAULT_MEMO_NAME = "memo.md"  # `memo-lint config FOLDER`: a memo there, existing or not

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
