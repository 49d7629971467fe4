"""The law table (rules/laws/laws.yaml): which articles exist, when, and what they ground.

Data, not code: a municipality's lawyer can read and correct the table, and each entry says
where it was checked. :func:`judge` is the one place that compares a parsed
:class:`~memo_lint.citations.Citation` with the table on a date, for ML304 (outdated) and
ML306 (invalid).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from memo_lint.citations import LAW_NAMES, Citation
from memo_lint.digests import blake2b
from memo_lint.messages import CATALOGUE, say
from memo_lint.model import FrozenRecord, field

TABLE_PATH = Path(__file__).parent / "rules" / "laws" / "laws.yaml"
# The table as JSON with the digest of the YAML it was made from (write_compiled_table): a run
# reads it without importing PyYAML; a stale copy is ignored.
COMPILED_TABLE = TABLE_PATH.with_suffix(".json")
SECRECY = "secrecy"
REFUSAL = "refusal"
_GROUND = {SECRECY: "secrecy-ground", REFUSAL: "refusal-ground"}
_SECRECY_ARTICLE = ("secrecy-basis", "secrecy-procedure")


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


class Purpose(FrozenRecord):
    """What an article (or lid) is a ground for, from ``start`` until ``end`` (inclusive)."""

    purpose: str
    start: dt.date | None = None
    end: dt.date | None = None

    def on(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


class Paragraph(FrozenRecord):
    number: int
    points: tuple[str, ...] | None
    purposes: tuple[Purpose, ...]


class Article(FrozenRecord):
    number: str
    title: str
    verified: str
    sources: tuple[str, ...]
    purposes: tuple[Purpose, ...]
    paragraphs: dict[int, Paragraph]
    paragraphs_complete: bool
    replaced_by: str | None = None
    before: tuple[str, ...] = ()

    def purposes_for(self, paragraphs: tuple[int, ...]) -> tuple[Purpose, ...]:
        """The article's own purposes plus those of the cited leden (of all leden if none is
        cited): what a citation of this article, so specific, is a ground for."""
        chosen = [self.paragraphs[p] for p in paragraphs if p in self.paragraphs]
        if not paragraphs:
            chosen = list(self.paragraphs.values())
        return self.purposes + tuple(purpose for p in chosen for purpose in p.purposes)


class Law(FrozenRecord):
    id: str
    title: str
    bwb: str | None
    start: dt.date | None
    end: dt.date | None
    numbering: str | None
    predecessors: tuple[str, ...]
    successor: str | None
    verified: str
    sources: tuple[str, ...]
    articles: dict[str, Article] = field(default_factory=dict)
    # Words by which a memo says transitional law keeps this law applying after ``end``.
    transitional: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return LAW_NAMES.get(self.id, self.title)


class LawTable(FrozenRecord):
    laws: dict[str, Law]
    sources: dict[str, dict[str, str]]

    def law(self, law_id: str | None) -> Law | None:
        return self.laws.get(law_id) if law_id else None


def _purposes(data: list[dict[str, Any]] | None) -> tuple[Purpose, ...]:
    return tuple(
        Purpose(item["purpose"], _date(item.get("from")), _date(item.get("until")))
        for item in data or ()
    )


def _article(number: str, data: dict[str, Any]) -> Article:
    paragraphs = {
        int(key): Paragraph(
            int(key),
            tuple(value["points"]) if "points" in (value or {}) else None,
            _purposes((value or {}).get("purposes")),
        )
        for key, value in (data.get("paragraphs") or {}).items()
    }
    return Article(
        number=number,
        title=data.get("title", ""),
        verified=str(data.get("verified", "no")),
        sources=tuple(data.get("sources", ())),
        purposes=_purposes(data.get("purposes")),
        paragraphs=paragraphs,
        paragraphs_complete=bool(data.get("paragraphs_complete", False)),
        replaced_by=data.get("replaced_by"),
        before=tuple(data.get("before", ())),
    )


def table_from_dict(data: dict[str, Any]) -> LawTable:
    laws = {}
    for law_id, law in data["laws"].items():
        predecessors = law.get("predecessor") or ()
        laws[law_id] = Law(
            id=law_id,
            title=law["title"],
            bwb=law.get("bwb"),
            start=_date(law.get("from")),
            end=_date(law.get("until")),
            numbering=law.get("numbering"),
            predecessors=(predecessors,) if isinstance(predecessors, str) else tuple(predecessors),
            successor=law.get("successor"),
            verified=str(law.get("verified", "no")),
            sources=tuple(law.get("sources", ())),
            articles={
                str(number): _article(str(number), article)
                for number, article in (law.get("articles") or {}).items()
            },
            transitional=tuple(law.get("transitional", ())),
        )
    return LawTable(laws, data.get("sources") or {})


@lru_cache(maxsize=1)
def load_table() -> LawTable:
    raw = TABLE_PATH.read_bytes()
    digest = _digest(raw)
    try:
        compiled = json.loads(COMPILED_TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        compiled = None
    if isinstance(compiled, dict) and compiled.get("digest") == digest:
        return table_from_dict(compiled["table"])
    return table_from_dict(_parse_yaml(raw))


def _digest(raw: bytes) -> str:
    """What laws.json says it was made from: BLAKE2b-256 of laws.yaml (a third of the
    instructions of CPython's own SHA-256 for its 27 KB, which every check of a memo reads)."""
    return blake2b(raw, digest_size=32).hexdigest()


def _parse_yaml(raw: bytes) -> dict[str, Any]:
    from memo_lint import yamlsafe

    data, _ = yamlsafe.load(raw.decode("utf-8"))
    return dict(data)


def write_compiled_table() -> Path:
    """Regenerate rules/laws/laws.json from laws.yaml (dates as ISO text, which the table
    reads the same); the staleness test runs this comparison."""
    raw = TABLE_PATH.read_bytes()
    compiled = {"digest": _digest(raw), "table": _parse_yaml(raw)}
    text = json.dumps(compiled, ensure_ascii=False, sort_keys=True, default=str, indent=1)
    COMPILED_TABLE.write_text(text + "\n", encoding="utf-8")
    return COMPILED_TABLE


class Verdict(FrozenRecord):
    """What is wrong with a citation: ``outdated`` (ML304) or ``invalid`` (ML306).

    ``variant`` picks the rule's message; ``args`` fills it (dates as ``datetime.date``).
    """

    aspect: str
    variant: str
    args: dict[str, Any]


def _numbering_fits(law: Law, article: str) -> bool:
    if law.numbering == "dotted":
        return "." in article and ":" not in article
    if law.numbering == "plain":
        return "." not in article and ":" not in article
    return True


def grounds(
    table: LawTable, purpose: str, day: dt.date
) -> list[tuple[Law, Article, tuple[int, ...]]]:
    """The articles (and leden) that are a ground for ``purpose`` on ``day``."""
    wanted = _GROUND[purpose]
    found: list[tuple[Law, Article, tuple[int, ...]]] = []
    for law in table.laws.values():
        if (law.start and day < law.start) or (law.end and day > law.end):
            continue
        for article in law.articles.values():
            if any(p.purpose == wanted and p.on(day) for p in article.purposes):
                found.append((law, article, ()))
                continue
            leden = tuple(
                number
                for number, paragraph in article.paragraphs.items()
                if any(p.purpose == wanted and p.on(day) for p in paragraph.purposes)
            )
            if leden:
                found.append((law, article, leden))
    return found


def _structure(law: Law, citation: Citation) -> Verdict | None:
    """A cited article, lid or sub that the law does not have."""
    base = {"law": law.name, "article": citation.article, "citation": citation.text}
    if not _numbering_fits(law, citation.article):
        return Verdict("invalid", "no-such-article", base)
    article = law.articles.get(citation.article)
    if article is None or article.verified == "no":
        return None
    if citation.paragraphs and article.paragraphs_complete and not article.paragraphs:
        return Verdict("invalid", "no-paragraphs", base)
    for number in citation.paragraphs:
        paragraph = article.paragraphs.get(number)
        if paragraph is None:
            if article.paragraphs_complete:
                known = tuple(sorted(article.paragraphs))
                return Verdict(
                    "invalid",
                    "no-such-paragraph",
                    {**base, "paragraph": number, "paragraphs": known},
                )
            continue
        for point in citation.points:
            if paragraph.points is not None and point not in paragraph.points:
                return Verdict(
                    "invalid",
                    "no-such-point",
                    {**base, "paragraph": number, "point": point, "points": paragraph.points},
                )
    return None


def judge(table: LawTable, citation: Citation, day: dt.date, purpose: str | None) -> Verdict | None:
    """What is wrong with ``citation`` in a memo dated ``day``, cited for ``purpose``."""
    law = table.law(citation.law)
    if law is None:
        return None
    base: dict[str, Any] = {"law": law.name, "article": citation.article, "citation": citation.text}
    structure = _structure(law, citation)
    if structure is not None:
        return structure
    if law.start and day < law.start:
        return Verdict("invalid", "law-not-yet", {**base, "start": law.start, "day": day})
    if law.end and day > law.end:
        successor = table.law(law.successor)
        return Verdict(
            "outdated",
            "law-repealed",
            {**base, "end": law.end, "successor": successor.name if successor else ""},
        )
    article = law.articles.get(citation.article)
    if article is not None and article.verified == "no":
        return None  # an entry nobody checked never decides a finding on its own
    if purpose == SECRECY and article is not None:
        return _secrecy(table, law, article, citation, day, base)
    if purpose == REFUSAL and law.id in ("woo", "wob"):
        # The table lists every refusal ground of these two laws: another article is none.
        purposes = article.purposes_for(citation.paragraphs) if article else ()
        if not any(p.purpose == _GROUND[REFUSAL] and p.on(day) for p in purposes):
            return Verdict("invalid", "not-a-refusal-ground", base)
    return None


def _secrecy(
    table: LawTable,
    law: Law,
    article: Article,
    citation: Citation,
    day: dt.date,
    base: dict[str, Any],
) -> Verdict | None:
    purposes = article.purposes_for(citation.paragraphs)
    if law.id in ("woo", "wob"):
        if any(p.purpose == _GROUND[SECRECY] and p.on(day) for p in purposes):
            return None
        ended = [p.end for p in purposes if p.purpose == _GROUND[SECRECY] and p.end and p.end < day]
        return Verdict(
            "invalid",
            "not-a-secrecy-ground",
            {**base, "until": max(ended) if ended else None},
        )
    secrecy = [p for p in purposes if p.purpose in _SECRECY_ARTICLE]
    if not secrecy or any(p.on(day) for p in secrecy):
        return None
    if all(p.end and p.end < day for p in secrecy):
        end = max(p.end for p in secrecy if p.end)
        return Verdict(
            "outdated",
            "article-replaced",
            {**base, "end": end, "replacement": article.replaced_by or ""},
        )
    start = min(p.start for p in secrecy if p.start)
    return Verdict(
        "invalid",
        "article-not-yet",
        {**base, "start": start, "before": " / ".join(article.before)},
    )


def source_lines(lang: str) -> list[str]:
    """One line per law of the table: name, BWB id, in force, how it was checked, where."""
    table = load_table()
    lines = []
    for law in table.laws.values():
        parts = [f"{law.name} ({law.title})"]
        if law.bwb:
            parts.append(law.bwb)
        if law.start:
            parts.append(f"{say('laws.from', lang)} {law.start.isoformat()}")
        if law.end:
            parts.append(f"{say('laws.until', lang)} {law.end.isoformat()}")
        verified = f"laws.verified.{law.verified}"
        parts.append(say(verified, lang) if verified in CATALOGUE else law.verified)
        urls = [table.sources[s]["url"] for s in law.sources if s in table.sources]
        lines.append("- " + ", ".join(parts) + (f": {' ; '.join(urls)}" if urls else ""))
    return lines
