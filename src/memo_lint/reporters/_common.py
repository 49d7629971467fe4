"""What several reporters share: ordering, wording, rule lookup, colour and JSON output.

Kept here so that a change to, say, the summary line or the rule fallback shows up in every
format at once instead of drifting apart between copies.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from memo_lint.messages import LANGUAGES, say
from memo_lint.messages import count_noun as count_noun  # the reporters' way to count
from memo_lint.model import Severity, Violation
from memo_lint.report import FileReport, LintReport, RuleInfo
from memo_lint.reporters import RenderOptions

# Where SARIF's ``informationUri`` points. Replace with the repository's
# real address once it is published (pyproject.toml has no [project.urls] yet).
PROJECT_URL = "https://github.com/memo-lint/memo-lint"

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def language(lang: str) -> str:
    """The report language we have words for; English for anything else."""
    return lang if lang in LANGUAGES else "en"


def phrase(lang: str, key: str, **values: str) -> str:
    return say(f"report.{key}", language(lang), **values)


def severity_counts(lang: str, counts: dict[Severity, int]) -> list[str]:
    """The non-zero counts per severity, most severe first."""
    return [count_noun(lang, s.value, counts[s]) for s in SEVERITIES if counts.get(s)]


def summary_line(report: LintReport) -> str:
    """The closing line: ``Found 3 errors, 1 warning in 2 files.`` or its Dutch form.

    "in N files" counts the memos with findings; a clean run names how many were checked.
    """
    counts = severity_counts(report.lang, report.counts())
    if not counts:
        return phrase(
            report.lang, "clean", files=count_noun(report.lang, "file", len(report.files))
        )
    with_findings = sum(1 for f in report.files if f.violations)
    files = count_noun(report.lang, "file", with_findings)
    text = phrase(report.lang, "found", counts=", ".join(counts), files=files)
    return text[0].upper() + text[1:]


def statistics_lines(report: LintReport) -> list[str]:
    """Counts per rule, most frequent first, in aligned columns: count, code, name, severity."""
    counter = Counter(v.code for v in report.violations)
    rules = {v.code: rule_for(report, v) for v in report.violations}
    rows = [
        (str(count), code, rules[code].name, f"[{rules[code].severity.value}]")
        for code, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return [
        f"{count:>{widths[0]}}  {code:<{widths[1]}}  {name:<{widths[2]}}  {severity}"
        for count, code, name, severity in rows
    ]


def trailer_lines(report: LintReport, options: RenderOptions, *, after_output: bool) -> list[str]:
    """The statistics table (when asked) and the summary line, each after a blank line."""
    blocks = [statistics_lines(report)] if options.statistics else []
    blocks.append([summary_line(report)])
    lines: list[str] = []
    for block in filter(None, blocks):
        if lines or after_output:
            lines.append("")
        lines.extend(block)
    return lines


def sorted_files(report: LintReport) -> list[FileReport]:
    return sorted(report.files, key=lambda f: f.path)


def sorted_violations(violations: Iterable[Violation]) -> list[Violation]:
    return sorted(violations, key=Violation.sort_key)


def rule_for(report: LintReport, violation: Violation) -> RuleInfo:
    """The rule behind a violation; synthesised when the pack does not list it (ML001)."""
    info = report.rules.get(violation.code)
    if info is not None:
        return info
    return RuleInfo(
        code=violation.code,
        name=violation.rule,
        severity=violation.severity,
        summary=violation.message,
        hint=violation.hint,
        rationale="",
    )


def rules_in_use(report: LintReport) -> list[RuleInfo]:
    """Every rule the run knows or reported, sorted by code: SARIF and JUnit index them."""
    found = dict(report.rules)
    for violation in report.violations:
        found.setdefault(violation.code, rule_for(report, violation))
    return [found[code] for code in sorted(found)]


def source_line(file: FileReport, number: int, violation: Violation | None = None) -> str | None:
    """Text of line ``number`` of the memo, or the violation's own copy when we lack the text."""
    if 1 <= number <= len(file.lines):
        return file.lines[number - 1]
    if violation is not None and number == violation.span.line:
        return violation.source_line
    return None


# One memo line under a span: (line number, text, start, end), 0-based, end exclusive.
Covered = tuple[int, str, int, int]


def covered_lines(file: FileReport, violation: Violation) -> list[Covered]:
    """Each memo line a violation covers as ``(number, text, start, end)``, 0-based columns.

    ``end`` is exclusive and at least ``start + 1`` so an empty or past-the-end span still
    gets one marker. A multi-line span that ends at column 1 stops at the line before. Empty
    when the memo's text is unknown.
    """
    span = violation.span
    last = span.end_line
    if last > span.line and span.end_column <= 1:
        last -= 1
    covered: list[Covered] = []
    for number in range(span.line, last + 1):
        text = source_line(file, number, violation)
        if text is None:
            return []
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(text)
        covered.append((number, text, start, max(end, start + 1)))
    return covered


def visible(text: str) -> str:
    """Control characters (tabs, PDF form feeds) as spaces: one column each, nothing hidden."""
    return "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)


def to_json(data: object) -> str:
    """Readable, UTF-8 JSON (memo text is Dutch: keep ``ë`` rather than ``\\u00eb``)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def placeholder(name: str) -> str:
    """A string no report contains (NUL is in no path or message): stands for a streamed list."""
    return f"\0{name}\0"


def json_chunks(data: object, *lists: tuple[str, Iterable[object]]) -> Iterator[str]:
    """``to_json`` of ``data`` in pieces, with each ``(placeholder, items)`` pair's placeholder
    (a value in ``data``; pairs in the order the text has them) replaced by the JSON array of
    the items, encoded one item at a time: the whole array is never built (issue 15).

    The text equals ``to_json`` of the data with the lists in place: an item inside the array
    is ``json.dumps(item, indent=2)`` with every line after its first indented one level deeper
    than the key that holds the array (JSON strings escape their newlines, so every newline in
    an item is layout).
    """
    text = to_json(data)
    for name, items in lists:
        before, text = text.split(json.dumps(name), 1)
        line = before[before.rfind("\n") + 1 :]
        outer = line[: len(line) - len(line.lstrip(" "))]
        inner = outer + "  "
        yield before
        opening = "[\n"
        for item in items:
            yield opening + inner + _indented(item, inner)
            opening = ",\n"
        yield "[]" if opening == "[\n" else "\n" + outer + "]"
    yield text


_SCALARS = frozenset({str, int, float, bool, type(None)})
# Per indentation: the encoder of an object's members, the indentation as their separator.
_ENCODERS: dict[str, Callable[[object, int], Sequence[str]]] = {}


def _indented(item: object, inner: str) -> str:
    """``json.dumps(item, ensure_ascii=False, indent=2)`` with every line after the first
    indented by ``inner`` more, as :func:`json_chunks` places it.

    The json module encodes with ``indent`` in Python (~15 µs a file entry; 10,000 of them were
    a sixth of a cached re-run): a non-empty object of scalars, which every file entry and
    finding is, goes through its C encoder instead, with the indentation as the separator
    between members (the same text). Anything else takes the json module's own way.
    """
    if not (isinstance(item, dict) and item and _SCALARS.issuperset(map(type, item.values()))):
        return json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
    encode = _ENCODERS.get(inner)
    if encode is None:
        encode = _ENCODERS[inner] = _members_encoder(",\n" + inner + "  ")
    return "{\n" + inner + "  " + "".join(encode(item, 0))[1:-1] + "\n" + inner + "}"


def _members_encoder(separator: str) -> Callable[[object, int], Sequence[str]]:
    """What ``JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode`` runs:
    the json module's C encoder, made once here (``encode`` makes it again for every object,
    a third of its time on a file entry); the module's own way where there is no C encoder
    (another interpreter). No cycle check: an object of scalars holds none."""
    from json import encoder

    plain = json.JSONEncoder(ensure_ascii=False, separators=(separator, ": "))
    make = getattr(encoder, "c_make_encoder", None)
    if make is None:
        return lambda item, level: (plain.encode(item),)
    made: Callable[[object, int], Sequence[str]] = make(
        None, plain.default, encoder.encode_basestring, None, ": ", separator, False, False, True
    )
    return made


_ANSI = {"bold": "1", "red": "31", "yellow": "33", "blue": "34", "cyan": "36"}
_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class Palette:
    """ANSI styling that collapses to plain text when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles or not text:
            return text
        codes = ";".join(_ANSI[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def severity(self, text: str, severity: Severity, *styles: str) -> str:
        return self(text, _SEVERITY_COLOURS[severity], *styles)
