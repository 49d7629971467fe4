"""Rule documentation from the pack itself: `memo-lint rules`, `memo-lint explain`, docs/rules.md."""

from __future__ import annotations

import json

from memo_lint.pack import Pack, RuleDef


def _summary(rule: RuleDef, lang: str) -> str:
    return rule.summary.get(lang) if rule.summary else rule.name


def render_rules(pack: Pack, lang: str, output_format: str) -> str:
    if output_format == "json":
        rows = [
            {"code": r.code, "name": r.name, "kind": r.kind, "severity": r.severity.value,
             "summary": _summary(r, lang)}
            for r in pack.rules
        ]
        return json.dumps({"pack": pack.name, "rules": rows}, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return render_markdown(pack, lang)
    width = max(len(r.name) for r in pack.rules)
    lines = [f"{pack.name}: {pack.title.get(lang)}"]
    for rule in pack.rules:
        lines.append(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {_summary(rule, lang)}")
    return "\n".join(lines) + "\n"


def render_markdown(pack: Pack, lang: str) -> str:
    heading = "Regels" if lang == "nl" else "Rules"
    lines = [f"## {pack.name}: {pack.title.get(lang)}", "", f"| code | name | severity | {heading.lower()} |",
             "|---|---|---|---|"]
    for rule in pack.rules:
        lines.append(f"| {rule.code} | {rule.name} | {rule.severity.value} | {_summary(rule, lang)} |")
    lines.append("")
    for rule in pack.rules:
        lines += [f"### {rule.code} {rule.name}", "", _summary(rule, lang), "",
                  rule.rationale.get(lang), ""]
        if rule.hint:
            lines += [f"*{'Oplossen' if lang == 'nl' else 'Fix'}:* {rule.hint.get(lang)}", ""]
    return "\n".join(lines)


def explain_rule(rule: RuleDef, lang: str) -> str:
    labels = {
        "nl": ("Controleert", "Waarom", "Oplossen", "Ernst", "Soort"),
        "en": ("Checks", "Why", "Fix", "Severity", "Kind"),
    }[lang]
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"{labels[0]}: {_summary(rule, lang)}",
        f"{labels[3]}: {rule.severity.value}    {labels[4]}: {rule.kind}",
        "",
        f"{labels[1]}: {rule.rationale.get(lang)}",
    ]
    if rule.hint:
        lines += ["", f"{labels[2]}: {rule.hint.get(lang)}"]
    return "\n".join(lines) + "\n"
