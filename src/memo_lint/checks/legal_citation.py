"""Legal citations checked against the law table (rules/laws/laws.yaml) on the memo date.

``aspect: invalid`` (ML306): a cited article, lid or sub that the law does not have ("artikel
10 Woo"), a law or article not yet in force, or an article cited for secrecy or refusal that
is no ground for it ("artikel 5.2 Woo" for secrecy). ``aspect: outdated`` (ML304): a law or
article that applied before the memo date but no longer ("artikel 10 Wob" in 2023, secrecy on
"artikel 86 Gemeentewet" after 1 April 2023), also when the law is named without an article
("op grond van de Wob").

What a citation is cited for is read from its juncto chain and its sentence: a chain with a
secrecy article of the Gemeentewet/Provinciewet, or a sentence about "geheim(houding)", cites
for secrecy; a sentence naming a "weigeringsgrond"/"uitzonderingsgrond" cites for refusal.
A memo that invokes transitional law ("overgangsrecht", per law in the table) may still cite
the law it keeps applying.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from memo_lint.checks.base import Context, Finding
from memo_lint.checks.schema import Example
from memo_lint.citations import Located, find_laws, in_document
from memo_lint.dutch import format_date
from memo_lint.laws import REFUSAL, SECRECY, LawTable, Verdict, grounds, judge, load_table
from memo_lint.messages import say
from memo_lint.model import Document, FrozenRecord, Span, joined_lines
from memo_lint.regex import compile_later
from memo_lint.text import split_sentences

KIND = "legal-citation"
OPTIONS = {
    "type": "object",
    "properties": {
        "aspect": {
            "enum": ["invalid", "outdated"],
            "description": "invalid: does not exist or is no ground for its purpose on the memo "
            "date; outdated: applied before the memo date, no longer.",
        }
    },
    "required": ["aspect"],
    "additionalProperties": False,
}
ARGUMENTS = {
    "citation": "the citation as written ('artikel 10, tweede lid, sub b en g van de Woo')",
    "law": "the law's short name (Woo, Wob, Gemeentewet, …)",
    "article": "the cited article number",
    "paragraph": "the cited lid that does not exist, or whose point does not (no-such-*)",
    "paragraphs": "the leden the article has (no-such-paragraph)",
    "point": "the cited point that does not exist (no-such-point)",
    "points": "the points the lid has, e.g. 'a–i' (no-such-point)",
    "instead": "where the law's grounds are and which law has that article (invalid), or ''",
    "grounds": "the secrecy grounds of the law on the memo date ('artikel 5.1 (lid 1 of 2)')",
    "refusal_grounds": "the refusal grounds of the law ('artikel 5.1 en 5.2')",
    "start": "the date the law or article starts to apply (law-not-yet, article-not-yet)",
    "end": "the first day the law or article no longer applied (outdated)",
    "successor": "the law that replaced it (outdated)",
    "replacement": "the article that replaced it (article-replaced)",
    "before": "the articles that applied before it (article-not-yet)",
    "until": "the first day a secrecy ground stopped being one, or '' (not-a-secrecy-ground)",
    "date": "the reference date, written out",
    "reference": "the reference date, YYYY-MM-DD",
}
VARIANTS = {
    "no-paragraphs": "a lid is cited of an article that has none (invalid)",
    "no-such-paragraph": "the article has no such lid (invalid)",
    "no-such-point": "the lid has no such point (invalid)",
    "law-not-yet": "the law applies only after the memo date (invalid)",
    "not-a-secrecy-ground": "cited for secrecy, but no secrecy ground on the memo date (invalid)",
    "not-a-refusal-ground": "cited as a refusal ground, but none (invalid)",
    "article-not-yet": "a secrecy article that applies only after the memo date (invalid)",
    "article-replaced": "a secrecy article replaced before the memo date (outdated)",
}
EXAMPLE = Example(
    options={"aspect": "invalid"},
    passes="---\ndatum: 2025-06-01\n---\n# Openbaarheid\n\nGeheim op grond van artikel 87 "
    "Gemeentewet juncto artikel 5.1, tweede lid, onder b, Woo.\n",
    fails="---\ndatum: 2025-06-01\n---\n# Openbaarheid\n\nGeheim op grond van artikel 87 "
    "Gemeentewet juncto artikel 10, tweede lid, onder b, Woo.\n",
)
_SECRECY_WORDS = compile_later(r"geheim|vertrouwelijk", re.I)
_REFUSAL_WORDS = compile_later(r"weigeringsgrond|uitzonderingsgrond|weigerings- of", re.I)
_BLANK_LINE = compile_later(r"\n[ \t\f]*\n")
# "op grond van de Wob": a law named as the basis of something, without an article.
_BASIS_CUE = compile_later(
    r"(?:op grond van|ingevolge|krachtens|gelet op|conform|volgens|o\.g\.v\.|in het kader van)"
    r"\s+(?:de|het)?\s*$",
    re.I,
)


class _Joined(FrozenRecord):
    """The memo's lines as one text (one search for all of them), and the way back to lines."""

    text: str
    starts: list[int]  # offset in ``text`` where each line starts
    numbers: list[int]  # each line's number

    @classmethod
    def of(cls, document: Document) -> _Joined:
        """The memo's joined lines, made once per memo for both aspects' rules."""
        found: _Joined | None = document.derived.get("legal-citation:joined")
        if found is None:
            text, starts = joined_lines(document.content)
            found = cls(text, starts, [line.number for line in document.content])
            document.derived["legal-citation:joined"] = found
        return found

    def offset(self, span: Span, end: bool = False) -> int:
        """Where ``span`` starts (or ends) in :attr:`text`."""
        index = bisect_right(self.numbers, span.end_line if end else span.line) - 1
        column = (span.end_column - 1) if end else (span.column - 1)
        return self.starts[index] + column


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]``, split as :mod:`memo_lint.text` does."""
    begin = 0
    for match in _BLANK_LINE.finditer(text, 0, start):
        begin = match.end()
    after = _BLANK_LINE.search(text, end)
    block = text[begin : after.start() if after else len(text)]
    spans = [(s, e) for s, e in split_sentences(block) if s < end - begin and start - begin < e]
    if not spans:
        return block
    return block[spans[0][0] : spans[-1][1]]


def _purpose(chain: list[Located], sentence: str, table: LawTable) -> str | None:
    for item in chain:
        law = table.law(item.citation.law)
        article = law.articles.get(item.citation.article) if law else None
        if article and any(
            p.purpose in ("secrecy-basis", "secrecy-procedure") for p in article.purposes
        ):
            return SECRECY
    if _SECRECY_WORDS.search(sentence):
        return SECRECY
    if _REFUSAL_WORDS.search(sentence):
        return REFUSAL
    return None


def _list(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {say('word.and', lang)} {items[-1]}"


def _grounds_text(
    table: LawTable, law_id: str, purpose: str, day: dt.date, lang: str, leden: bool = True
) -> str:
    found = [
        (article, leden) for law, article, leden in grounds(table, purpose, day) if law.id == law_id
    ]
    if not found:
        return ""
    parts = []
    for article, paragraphs in found:
        text = article.number
        if paragraphs and leden:
            joined = f" {say('word.or', lang)} ".join(str(n) for n in paragraphs)
            text += f" ({say('word.paragraph', lang)} {joined})"
        parts.append(text)
    return f"{say('word.article', lang)} {_list(parts, lang)}"


def _instead(table: LawTable, verdict: Verdict, law_id: str, day: dt.date, lang: str) -> str:
    """For a missing article: where the grounds are, and which law has that article."""
    law = table.laws[law_id]
    pieces = []
    where = _grounds_text(table, law_id, REFUSAL, day, lang, leden=False)
    if where:
        pieces.append(say("legal.grounds-in", lang, where=where))
    for other_id in (*law.predecessors, law.successor):
        other = table.law(other_id)
        if other is None or verdict.args["article"] not in other.articles:
            continue
        period = ""
        if other.end:
            period = say(
                "legal.until", lang, day=format_date(other.end + dt.timedelta(days=1), lang)
            )
        elif other.start:
            period = say("legal.from", lang, day=format_date(other.start, lang))
        pieces.append(
            say(
                "legal.article-in",
                lang,
                article=verdict.args["article"],
                law=other.name,
                period=period,
            )
        )
    return ("; " + " ".join(pieces)) if pieces else ""


def _arguments(
    table: LawTable, verdict: Verdict, law_id: str, day: dt.date, context: Context
) -> dict[str, Any]:
    lang = context.lang
    args: dict[str, Any] = {
        key: format_date(value, lang) if isinstance(value, dt.date) else value
        for key, value in verdict.args.items()
    }
    args["date"] = format_date(day, lang)
    args["reference"] = day.isoformat()
    if "paragraphs" in args:
        args["paragraphs"] = ", ".join(str(p) for p in args["paragraphs"])
    if "points" in args:
        points = list(args["points"])
        args["points"] = f"{points[0]}–{points[-1]}" if len(points) > 2 else ", ".join(points)
    if "end" in verdict.args:
        args["end"] = format_date(verdict.args["end"] + dt.timedelta(days=1), lang)
    args["instead"] = (
        _instead(table, verdict, law_id, day, lang) if verdict.variant == "no-such-article" else ""
    )
    args["grounds"] = _grounds_text(table, law_id, SECRECY, day, lang) or "—"
    args["refusal_grounds"] = _grounds_text(table, law_id, REFUSAL, day, lang, leden=False) or "—"
    if verdict.variant == "not-a-secrecy-ground":
        until = verdict.args.get("until")
        args["until"] = format_date(until + dt.timedelta(days=1), lang) if until else ""
    return args


def check(document: Document, context: Context) -> Iterator[Finding]:
    aspect = context.options["aspect"]
    table = load_table()
    day = context.reference_date
    located = in_document(document)
    lines = _Joined.of(document)
    text = lines.text
    chains: dict[int, list[Located]] = {}
    for item in located:
        chains.setdefault(item.chain, []).append(item)
    for chain in chains.values():
        start = lines.offset(chain[0].span)
        end = lines.offset(chain[-1].span, end=True)
        purpose = _purpose(chain, _sentence(text, start, end), table)
        for item in chain:
            verdict = judge(table, item.citation, day, purpose)
            if verdict is None or verdict.aspect != aspect or item.citation.law is None:
                continue
            if verdict.variant == "law-repealed" and _transitional(
                table, item.citation.law, document, text
            ):
                continue
            args = _arguments(table, verdict, item.citation.law, day, context)
            variant = None if verdict.variant == _DEFAULT[aspect] else verdict.variant
            yield Finding(item.span, args, variant=variant)
    if aspect == "outdated":
        yield from _named_laws(document, lines, located, table, context)


_DEFAULT = {"invalid": "no-such-article", "outdated": "law-repealed"}


def _transitional(table: LawTable, law_id: str, document: Document, text: str) -> bool:
    """Whether the memo (``text``: its joined lines) invokes transitional law for the law:
    asked only of a repealed law it cites or names, not of every law in the table, so the
    text is lowered only for a memo that has one (once)."""
    law = table.law(law_id)
    if law is None:
        return False
    lowered: str | None = document.derived.get("legal-citation:lowered")
    if lowered is None:
        lowered = document.derived["legal-citation:lowered"] = text.lower()
    return any(word.lower() in lowered for word in law.transitional)


def _named_laws(
    document: Document,
    lines: _Joined,
    located: list[Located],
    table: LawTable,
    context: Context,
) -> Iterator[Finding]:
    """A repealed law named as the basis of something without an article ("op grond van de Wob")."""

    day = context.reference_date
    cited = [(lines.offset(item.span), lines.offset(item.span, end=True)) for item in located]
    for law_id, start, end in find_laws(lines.text):
        law = table.law(law_id)
        if (
            law is None
            or law.end is None
            or day <= law.end
            or _transitional(table, law_id, document, lines.text)
        ):
            continue
        if any(begin <= start < finish for begin, finish in cited):
            continue
        if not _BASIS_CUE.search(lines.text[max(0, start - 30) : start]):
            continue
        index = bisect_right(lines.starts, start) - 1
        line = document.content[index]
        span = Span.of_line(line, start - lines.starts[index], end - lines.starts[index])
        successor = table.law(law.successor)
        verdict = Verdict(
            "outdated",
            "law-repealed",
            {
                "law": law.name,
                "article": "",
                "citation": lines.text[start:end],
                "end": law.end,
                "successor": successor.name if successor else "",
            },
        )
        yield Finding(span, _arguments(table, verdict, law_id, day, context))
