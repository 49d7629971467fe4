"""The rule engine: a Source and a Pack in, violations out.

It analyses the source once, runs each enabled rule's check kind, turns findings into
messages in the chosen language, applies select/ignore, severity overrides and suppression
comments.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from memo_lint.checks import (
    ENGINE_KINDS,
    NOT_A_MEMO_KIND,
    TEMPLATE_UNKNOWN_KIND,
    UNDECODABLE_BYTES_KIND,
    UNREADABLE_FILE_KIND,
    UNUSED_SUPPRESSION_KIND,
    CheckFunction,
    Context,
    Finding,
)
from memo_lint.checks import kinds as check_kinds
from memo_lint.codes import Catalogue
from memo_lint.errors import UnreadableFile
from memo_lint.model import Document, FrozenRecord, Severity, Source, Span, Violation, field
from memo_lint.pack import Pack, RuleDef
from memo_lint.recognition import Recognition
from memo_lint.suppressions import ALL, Suppression, is_suppressed, parse


class Settings(FrozenRecord):
    """What decides which rules run and how they report, per file (config + CLI)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    today: dt.date | None = None
    today_given: bool = True  # ``today`` came from --today (else it is the real date)

    def enabled(self, code: str) -> bool:
        # startswith with a tuple of prefixes: one call, asked for every rule of every memo
        if self.select and not code.startswith(tuple(self.select)):
            return False
        return not code.startswith(tuple(self.ignore))


_PARSER = string.Formatter()


def render(template: str, args: dict[str, Any]) -> str:
    """A message with its ``{placeholders}`` filled in, never an error.

    Pack validation refuses anything but plain names the kind fills in; a template that
    slipped through anyway (a plugin's) keeps what it cannot fill visible, as written, and
    never evaluates an index, an attribute or a format spec (``{match:>1500000000}``).
    """
    try:
        parsed = list(_PARSER.parse(template))
    except ValueError:
        return template
    out = []
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if name in args and not spec and not conversion:
            out.append(str(args[name]))
        else:
            out.append(
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
    return "".join(out)


def language(pack: Pack, settings: Settings) -> str:
    return settings.lang or pack.language


def _violation(
    path: str,
    rule: RuleDef,
    finding: Finding,
    lang: str,
    settings: Settings,
    document: Document | None,
) -> Violation:
    message = render(rule.message_for(finding.variant).get(lang), finding.args)
    hint = render(rule.hint.get(lang), finding.args) if rule.hint else None
    line = (
        document.line(finding.span.line)
        if document and finding.span.line <= len(document.lines)
        else None
    )
    return Violation(
        path=path,
        span=finding.span,
        code=rule.code,
        rule=rule.name,
        severity=settings.severity.get(rule.code, rule.severity),
        message=message,
        hint=hint,
        page=line.page if line else None,
        source_line=line.text if line else None,
        variant=finding.variant,
    )


def unreadable(path: str, error: UnreadableFile, pack: Pack, settings: Settings) -> list[Violation]:
    """ML001 (or whatever code the pack gives the unreadable-file kind) for a file."""
    rule = next((r for r in pack.rules if r.kind == UNREADABLE_FILE_KIND), None)
    if rule is None or not settings.enabled(rule.code):
        return []
    lang = language(pack, settings)
    line = error.line
    finding = Finding(Span(line, 1, line, 2), {"reason": error.reason_in(lang)})
    return [_violation(path, rule, finding, lang, settings, None)]


def reference_date(document: Document, settings: Settings) -> tuple[dt.date, str]:
    """The date deadline rules measure against, and its source: memo, option or today."""
    if document.memo_date is not None:
        return document.memo_date, "memo"
    if settings.today is not None:
        return settings.today, "option" if settings.today_given else "today"
    return dt.date.today(), "today"


def not_a_memo(
    source: Source, recognition: Recognition, pack: Pack, settings: Settings
) -> list[Violation]:
    """ML003 for a document that is not a decision memo, or that memo-lint cannot recognise.

    One info finding with the reason, and nothing else: the rules are not run.
    """
    rule = next((r for r in pack.rules if r.kind == NOT_A_MEMO_KIND), None)
    if rule is None or not settings.enabled(rule.code):
        return []
    span = _first_text(source)
    suppressions = parse(source.comments, len(source.lines), {})
    if is_suppressed(suppressions, rule.code, span.line):
        return []
    lang = language(pack, settings)
    args = {"kind": recognition.title(lang), "reason": recognition.reason_in(lang)}
    variant = None if recognition.kind else "unrecognised"
    return [_violation(source.path, rule, Finding(span, args, variant), lang, settings, None)]


def _first_text(source: Source) -> Span:
    """The document's first line of text, where a finding about it as a whole points."""
    skipped = source.front_matter_span.end_line if source.front_matter_span else 0
    first = next((n for n in source.lines if n.number > skipped and n.text.strip()), None)
    if first is None:  # front matter only: its first line (as Document.start does)
        anything = next((line for line in source.lines if line.text), None)
        return Span.of_line(anything) if anything else Span(1, 1, 1, 1)
    start = len(first.text) - len(first.text.lstrip())
    return Span.of_line(first, start, len(first.text.rstrip()))


def lint_source(
    source: Source, pack: Pack, settings: Settings, recognition: Recognition | None = None
) -> tuple[Document, list[Violation]]:
    """Run the pack's rules. When the memo was recognised without its template, only the kind
    rules run, plus one info finding (ML004) that says how to name the template."""
    from memo_lint.analysis import analyse  # here: a run of cache hits imports no analysis

    template_known = recognition is None or recognition.template_known
    document = analyse(source, pack)
    lang = language(pack, settings)
    reference, reference_source = reference_date(document, settings)
    suppressions = _suppressions(source, document, pack) if source.comments else []
    violations: list[Violation] = []
    for rule, check in _checks(pack, settings, template_known):
        context = Context(pack, rule, reference, lang, reference_source)
        for finding in check(document, context):
            if is_suppressed(suppressions, rule.code, finding.span.line):
                continue
            violations.append(_violation(source.path, rule, finding, lang, settings, document))
    violations += _undecodable(source, suppressions, pack, settings, lang, document)
    ran = [r for r in pack.rules if template_known or r.layer != "template"]
    violations += _unused_suppressions(
        source.path, suppressions, ran, pack.name, settings, lang, document
    )
    unknown = next((r for r in pack.rules if r.kind == TEMPLATE_UNKNOWN_KIND), None)
    if not template_known and unknown is not None and settings.enabled(unknown.code):
        kind = recognition.title(lang) if recognition else pack.title.get(lang)
        finding = Finding(document.start(), {"kind": kind, "pack": pack.name})
        violations.append(_violation(source.path, unknown, finding, lang, settings, document))
    violations.sort(key=Violation.sort_key)
    return document, violations


# The rules a memo is checked with, and their kinds' checks, by pack and selection.
_CHECKS: dict[
    tuple[int, tuple[str, ...], tuple[str, ...], bool],
    tuple[Pack, list[tuple[RuleDef, CheckFunction]]],
] = {}


def _checks(
    pack: Pack, settings: Settings, template_known: bool
) -> list[tuple[RuleDef, CheckFunction]]:
    """The rules that run, each with its kind's check: the same for every memo a run checks
    with this pack and selection, so chosen once (not rule by rule for every memo)."""
    key = (id(pack), settings.select, settings.ignore, template_known)
    known = _CHECKS.get(key)
    if known is None or known[0] is not pack:
        kinds = check_kinds(rule.kind for rule in pack.rules)
        chosen = [
            (rule, kinds[rule.kind].check)
            for rule in pack.rules
            if rule.kind not in ENGINE_KINDS
            and settings.enabled(rule.code)
            and (template_known or rule.layer != "template")
        ]
        if len(_CHECKS) >= 64:
            _CHECKS.clear()
        known = _CHECKS[key] = (pack, chosen)
    return known[1]


def _unused_suppressions(
    path: str,
    suppressions: list[Suppression],
    rules: list[RuleDef],
    pack_name: str,
    settings: Settings,
    lang: str,
    document: Document,
) -> list[Violation]:
    """A suppression comment that suppressed nothing (ruff's RUF100): stale, so remove it.

    Codes whose rules did not run (``--select``, ``--ignore``) are not called unused; a value
    that names no rule of the pack (a typo, a rule of another pack) is always reported.
    """
    rule = next((r for r in rules if r.kind == UNUSED_SUPPRESSION_KIND), None)
    if rule is None or not settings.enabled(rule.code):
        return []
    ran = [r.code for r in rules if r.kind not in ENGINE_KINDS and settings.enabled(r.code)]
    found = []
    for suppression in suppressions:
        text = document.line(suppression.line).text
        start = max(text.find("<!--"), 0)
        span = Span.of_line(document.line(suppression.line), start, len(text.rstrip()))
        for value in suppression.unknown:
            finding = Finding(span, {"code": value, "pack": pack_name}, "unknown-code")
            found.append(_violation(path, rule, finding, lang, settings, document))
        for code in suppression.codes:
            if code == ALL:
                unused = not suppression.used
            else:
                unused = not any(u.startswith(code) for u in suppression.used) and any(
                    r.startswith(code) for r in ran
                )
            if unused:
                label = "memo-lint-disable" if code == ALL else code
                found.append(
                    _violation(path, rule, Finding(span, {"code": label}), lang, settings, document)
                )
    return found


MAX_LINES_NAMED = 10


def _undecodable(
    source: Source,
    suppressions: list[Suppression],
    pack: Pack,
    settings: Settings,
    lang: str,
    document: Document,
) -> list[Violation]:
    """One finding per file that had bytes that are not UTF-8, at the first such line."""
    rule = next((r for r in pack.rules if r.kind == UNDECODABLE_BYTES_KIND), None)
    lines = source.undecodable_lines
    if rule is None or not lines or not settings.enabled(rule.code):
        return []
    if is_suppressed(suppressions, rule.code, lines[0]):
        return []
    named = ", ".join(map(str, lines[:MAX_LINES_NAMED]))
    more = len(lines) - MAX_LINES_NAMED
    args = {"lines": named + (f" (+{more})" if more > 0 else ""), "count": len(lines)}
    span = Span.of_line(document.line(lines[0]))
    return [_violation(source.path, rule, Finding(span, args), lang, settings, document)]


def _suppressions(source: Source, document: Document, pack: Pack) -> list[Suppression]:
    """The memo's suppression comments, read against the pack's rules (only a memo with
    comments pays for the line map and the catalogue)."""
    known = Catalogue.of((rule.code, rule.name) for rule in pack.rules)
    next_content = _next_content_lines(document)
    return parse(source.comments, len(document.lines), next_content, known.resolve)


def _next_content_lines(document: Document) -> dict[int, int]:
    """For each line, the next line that is memo text (what disable-next-line applies to)."""
    numbers = [line.number for line in document.content]
    mapping: dict[int, int] = {}
    index = 0
    for number in range(1, len(document.lines) + 1):
        while index < len(numbers) and numbers[index] <= number:
            index += 1
        if index < len(numbers):
            mapping[number] = numbers[index]
    return mapping
