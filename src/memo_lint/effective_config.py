"""``memo-lint config``: what ``check`` would use for one memo, value by value, with where each
value came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from memo_lint.linter import Linter, LintOptions
from memo_lint.model import FrozenRecord, field
from memo_lint.plan import CONFIG, DEFAULT

DEFAULT_MEMO_NAME = "memo.md"  # `memo-lint config FOLDER`: a memo there, existing or not


class Setting(FrozenRecord):
    """One effective value with its origin (command-line/config/memo/default) and the detail."""

    key: str
    value: Any
    origin: str
    source: str


class EffectiveConfig(FrozenRecord):
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


def effective_config(memo: Path, options: LintOptions) -> EffectiveConfig:
    """What ``memo-lint check`` would use for ``memo``, value by value, with the reason.

    Values and origins are the memo's :class:`~memo_lint.plan.FilePlan`, resolved by the
    same :meth:`memo_lint.linter.Linter.plan` call ``check`` makes, so the report cannot drift
    from the run. Raises :class:`memo_lint.errors.MemoLintError` for an invalid config or pack.
    """
    from memo_lint.errors import UnreadableFile
    from memo_lint.packs import BUILTIN_DIR
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
            source = read_source(str(memo), linter.read(memo), linter.limits_for(config))
        except UnreadableFile:
            source = None  # check reports it as ML001; the config is what it would have been
    plan = linter.plan(memo, source)
    pack, choice = plan.pack, plan.choice
    own_file = pack.source and Path(pack.source).parent.resolve() != BUILTIN_DIR.resolve()
    pack_value = f"{pack.name} ({pack.source})" if own_file else pack.name
    result = [
        Setting("pack", pack_value, choice.origin, choice.reason),
        Setting("select", list(plan.settings.select), plan.select.origin, plan.select.detail),
    ]
    ignored = [Setting("ignore", code, o.origin, o.detail) for code, o in plan.ignored]
    result += ignored or [Setting("ignore", None, DEFAULT, "nothing ignored")]
    for code, level in sorted(config.severity.items()):
        result.append(Setting("severity", {code: level}, CONFIG, f"'severity' in {where}"))
    if not config.severity:
        result.append(Setting("severity", {}, DEFAULT, "each rule's severity in the pack"))
    fail_on = linter.fail_on(config).value
    result.append(Setting("fail-on", fail_on, plan.fail_on.origin, plan.fail_on.detail))
    lang = plan.settings.lang or pack.language
    result.append(Setting("lang", lang, plan.lang.origin, plan.lang.detail))
    return EffectiveConfig(memo, exists, config.path, config_reason, result)


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
