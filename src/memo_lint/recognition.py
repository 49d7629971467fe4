"""What a document is: its kind (raadsvoorstel, informatienota, motie, …) and its template.

A linter that demands the Zwolle template's ten sections of a motie cries wolf, so before any
rule runs the document is recognised. Each kind in the default pack's ``kinds:`` lexicon has
cues (RE2 patterns with a weight, searched in the document's head or anywhere); the kind with
the highest total wins. A document whose best kind scores below the threshold, or whose memo
and non-memo cues are too close to call, is not recognised: memo-lint abstains and says why
(ML003) instead of guessing. The template (a body's own form: Zwolle beslisnota, Den Haag
raadsvoorstel, …) is a template pack whose title or formula patterns match, or whose required
headings are mostly present, and which belongs to the recognised kind.

``recognise`` is the library entry point (also used by ``memo-lint audit``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from memo_lint.messages import LocalText, say
from memo_lint.model import FrozenRecord, Line, Source, field, joined
from memo_lint.pack import KindDef, KindTable, Pack, title_key
from memo_lint.patterns import compile_pattern, first_starts, may_match, present
from memo_lint.text import unspaced

MARGIN = 2.0  # a memo kind must beat every non-memo kind by this much, else abstain
SIGNATURE_SHARE = 0.6  # share of a template's required headings that recognises it
SIGNATURE_MIN = 4  # ... and at least this many of them
_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|[a-h][.)])?\s*")


class Evidence(FrozenRecord):
    """One cue that matched: which kind it speaks for, where, and the line's text."""

    kind: str
    line: int
    text: str
    weight: float
    where: str = "anywhere"

    def describe(self, lang: str = "en") -> str:
        return say("recognition.cue", lang, line=self.line, text=self.text)


class Recognition(FrozenRecord):
    """The answer to "what is this document?", with its confidence and reason.

    ``kind`` is None when memo-lint abstains. ``template`` is the template pack when it is
    known; ``pack`` is what checks the document (the template, else the kind's pack; None for
    a non-memo). ``origin`` says whether it was detected or forced (``--pack``, front matter
    ``type:``, config), in which case the document is checked whatever it looks like.
    """

    kind: str | None
    memo: bool
    template: str | None
    pack: str | None
    confidence: float
    reason: str
    origin: str = "detected"
    kind_title: LocalText | None = None
    evidence: tuple[Evidence, ...] = field(default=(), repr=False)
    scores: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def template_known(self) -> bool:
        return self.template is not None

    def title(self, lang: str) -> str:
        if self.kind_title is not None:
            return self.kind_title.get(lang)
        return say("recognition.unknown-kind", lang)

    def reason_in(self, lang: str) -> str:
        """Why, in the report's language: the strongest cue, or why memo-lint abstained."""
        best = next((e for e in self.evidence if e.kind == self.kind), None)
        if self.kind is None:
            if best is None and not self.evidence:
                return say("recognition.no-cues", lang)
            cues = "; ".join(e.describe(lang) for e in self.evidence[:2])
            return say("recognition.weak-cues", lang, cues=cues)
        return best.describe(lang) if best else self.reason

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "memo": self.memo,
            "template": self.template,
            "confidence": self.confidence,
            "reason": self.reason,
            "origin": self.origin,
        }


class Template(FrozenRecord):
    """What recognition needs of a template pack (read from rules/compiled/index.json, so a
    run builds only the pack it picks): how to spot it and which kind's pack it extends."""

    name: str
    family: str  # the kind pack it extends (raadsvoorstel, informatienota, collegevoorstel)
    depth: int  # how many packs it extends: more specific templates are tried first
    detect: dict[str, Any]
    header_lines: int
    required: tuple[tuple[str, str], ...]  # (section id, title) its ML101 asks for
    files: tuple[tuple[str, str], ...]  # (path, digest) of its chain: the cache depends on them


def templates(entries: list[dict[str, Any]], kind_packs: set[str]) -> list[Template]:
    """The built-in template packs (:func:`memo_lint.packs.builtin_index`): every pack that is
    not a kind's pack and extends one, with that family."""
    found = []
    for entry in entries:
        if entry["name"] in kind_packs:
            continue
        family = next((name for name in entry["chain"][1:] if name in kind_packs), None)
        if family is None:
            continue
        found.append(
            Template(
                entry["name"],
                family,
                len(entry["chain"]) - 1,
                entry["detect"],
                entry["header_lines"],
                tuple((section, title) for section, title in entry["required"]),
                tuple((path, digest) for path, digest in entry["files"]),
            )
        )
    return sorted(found, key=lambda t: (-t.depth, t.name))


def text_lines(source: Source) -> list[Line]:
    """The document's lines of text: no front matter or provenance header, no blank lines;
    a title in spaced capitals ("P E R S B E R I C H T") read as its word."""
    skipped: set[int] = set()
    if source.front_matter_span:
        span = source.front_matter_span
        skipped = set(range(span.line, span.end_line + 1))
    return [
        line if (text := unspaced(line.text)) == line.text else line.replace(text=text)
        for line in source.lines
        if line.number not in skipped and line.text.strip()
    ]


class _Searched:
    """The document's lines, joined once per prefix length (its head, a template's header, all
    of it) for every cue searched in them, instead of once per cue; a cue that matches nowhere
    in the whole text (one RE2 pass for all of them) is not searched for at all.

    With ``locate``, the cues are not compiled one by one: the line of each cue's first match
    is read from one anchored RE2 set of the cues the text may match, matched from every line
    (:func:`memo_lint.patterns.first_starts`). That is cheaper for one document (a cue that
    matches costs two RE2 programs, ~2 ms for some) and dearer for many, where each cue is
    compiled once and then searched in microseconds."""

    __slots__ = ("_headings", "_joined", "_may", "_present", "_starts", "lines")

    def __init__(
        self, lines: list[Line], patterns: tuple[str, ...] = (), locate: bool = False
    ) -> None:
        self.lines = lines
        self._joined: dict[int, tuple[str, list[int]]] = {}
        self._present: frozenset[str] | None = None
        self._may: tuple[str, ...] = ()
        # Per number of lines searched: each cue's first line (None: search cue by cue).
        self._starts: dict[int, dict[str, int] | None] | None = None
        self._headings: frozenset[str] | None = None
        if patterns and lines:
            whole = self._text(len(lines))[0]
            cues = tuple("(?m)" + p for p in patterns)
            if locate:
                self._may = tuple(cue for cue in cues if may_match(cue, whole))
                self._starts = {}
                if self._located(len(lines)) is None:
                    self._starts = None
            if self._starts is None:
                self._present = present(cues, whole)

    def _text(self, count: int) -> tuple[str, list[int]]:
        if count not in self._joined:
            head = self.lines[:count]
            self._joined[count] = joined(line.text.replace("\f", " ") for line in head)
        return self._joined[count]

    def _located(self, count: int) -> dict[str, int] | None:
        assert self._starts is not None
        if count not in self._starts:
            self._starts[count] = first_starts(self._may, *self._text(count))
        return self._starts[count]

    def headings(self) -> frozenset[str]:
        """Every line as a heading candidate (:func:`heading_key`), read once for all templates."""
        if self._headings is None:
            self._headings = frozenset(heading_key(line.text) for line in self.lines)
        return self._headings

    def first_match(self, pattern: str, count: int | None = None) -> Line | None:
        """The first of the first ``count`` lines (all by default) that ``pattern`` matches:
        one RE2 search, ``^``/``$`` meaning line start and end."""
        count = len(self.lines) if count is None else min(count, len(self.lines))
        if not count:
            return None
        located = self._located(count) if self._starts is not None else None
        if located is not None:
            index = located.get("(?m)" + pattern)
            return None if index is None else self.lines[index]
        if self._present is not None and "(?m)" + pattern not in self._present:
            return None
        text, starts = self._text(count)
        match = compile_pattern("(?m)" + pattern).search(text)
        return self.lines[bisect_right(starts, match.start()) - 1] if match else None


# Documents this process has recognised: the first one's cues are located through one set
# (_Searched's ``locate``); compiling each cue pays off from the second document on.
_RECOGNISED = [0]


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def score(lines: _Searched, kinds: dict[str, KindDef], head_lines: int) -> list[Evidence]:
    """Every cue that matches, strongest first."""
    found = []
    for kind in kinds.values():
        for cue in kind.cues:
            hit = lines.first_match(cue.pattern, head_lines if cue.where == "head" else None)
            if hit is not None:
                found.append(Evidence(kind.id, hit.number, _clip(hit.text), cue.weight, cue.where))
    return sorted(found, key=lambda e: (-e.weight, e.line))


def _template_cue(template: Template, lines: _Searched) -> str | None:
    """A title or formula line of the template (strong: the template's own words)."""
    detect = template.detect
    for pattern in detect.get("title_patterns", ()):
        hit = lines.first_match(pattern, template.header_lines)
        if hit is not None:
            return f"line {hit.number} '{_clip(hit.text)}'"
    for pattern in detect.get("formula_patterns", ()):
        hit = lines.first_match(pattern)
        if hit is not None:
            return f"formula on line {hit.number} '{_clip(hit.text)}'"
    return None


def _template_signature(template: Template, lines: _Searched) -> str | None:
    """Most of the template's required headings, each under the title the template gives it."""
    if len(template.required) < SIGNATURE_MIN:
        return None
    titles = {title_key(title): section for section, title in template.required}
    present = {titles[key] for key in lines.headings() if key in titles}
    if len(present) / len(template.required) >= SIGNATURE_SHARE:
        return f"{len(present)} of its {len(template.required)} headings"
    return None


def recognise_lines(lines: list[Line], base: KindTable, candidates: list[Template]) -> Recognition:
    """Recognise a document from its lines of text: kind first, then its template."""
    settings = base.recognition
    threshold = float(settings.get("threshold", 4))
    searched = _Searched(lines, _cue_patterns(base, candidates), locate=not _RECOGNISED[0])
    _RECOGNISED[0] += 1
    evidence = score(searched, base.kinds, int(settings.get("head_lines", 30)))
    totals: dict[str, float] = {}
    for item in evidence:
        totals[item.kind] = totals.get(item.kind, 0.0) + item.weight
    title_weight = float(settings.get("title_weight", 6))
    titles = [e for e in evidence if e.where == "head" and e.weight >= title_weight]
    first = min(titles, key=lambda e: (e.line, -e.weight), default=None)
    if first is not None:
        totals[first.kind] += float(settings.get("first_title_bonus", 4))
    share = float(settings.get("family_share", 0.5))
    support = {
        kind: total
        + share
        * sum(
            other
            for name, other in totals.items()
            if name != kind
            and base.kinds[name].memo
            and base.kinds[name].pack == base.kinds[kind].pack
        )
        for kind, total in totals.items()
    }
    recognition = _decide(support, base, evidence, threshold)
    if recognition.kind is None and any(totals.values()) and max(totals.values()) >= threshold:
        return recognition  # too close to call: no template makes it a memo
    for template, why in _templates_in(candidates, searched):
        family = base.kinds.get(template.family)
        if recognition.memo and base.kinds[str(recognition.kind)].pack != template.family:
            continue
        if recognition.kind is None and family is not None:
            recognition = _decide({template.family: threshold}, base, evidence, threshold, why)
        if recognition.memo:
            return recognition.replace(
                template=template.name,
                pack=template.name,
                reason=f"{recognition.reason}; template {template.name}: {why}",
            )
    return recognition


def _cue_patterns(base: KindTable, candidates: list[Template]) -> tuple[str, ...]:
    """Every pattern recognition may search: the kinds' cues, the templates' title and formula
    lines. A run passes the same base pack and template list for every memo: listed once."""
    if _CUES and _CUES[0][0] is base and _CUES[0][1] is candidates:
        return _CUES[0][2]
    found = [cue.pattern for kind in base.kinds.values() for cue in kind.cues]
    for template in candidates:
        found += template.detect.get("title_patterns", ())
        found += template.detect.get("formula_patterns", ())
    patterns = tuple(dict.fromkeys(found))
    _CUES[:] = [(base, candidates, patterns)]
    return patterns


_CUES: list[tuple[KindTable, list[Template], tuple[str, ...]]] = []


def _templates_in(candidates: list[Template], lines: _Searched) -> Iterator[tuple[Template, str]]:
    """The templates whose own words or headings the document shows, strongest evidence first;
    looked for one by one, as recognition stops at the first template that fits."""
    for template in candidates:
        if why := _template_cue(template, lines):
            yield template, why
    for template in candidates:
        if why := _template_signature(template, lines):
            yield template, why


def _decide(
    totals: dict[str, float],
    base: KindTable,
    evidence: list[Evidence],
    threshold: float,
    template_why: str = "",
) -> Recognition:
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    scores = dict(ranked)
    if not ranked or ranked[0][1] < threshold:
        return Recognition(
            None, False, None, None, 0.0, "not recognised", evidence=tuple(evidence), scores=scores
        )
    best_id, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    kind = base.kinds[best_id]
    confidence = round(best / (best + second), 2)
    strongest = next((e for e in evidence if e.kind == best_id), None)
    cue = strongest.describe() if strongest else f"template {template_why}"
    if not kind.memo:
        return Recognition(
            best_id, False, None, None, confidence, f"{best_id}: {cue}", kind_title=kind.title,
            evidence=tuple(evidence), scores=scores,
        )  # fmt: skip
    rival = max((s for k, s in ranked if not base.kinds[k].memo), default=0.0)
    if best - rival < MARGIN:
        return Recognition(
            None, False, None, None, confidence, "memo and non-memo cues too close to call",
            evidence=tuple(evidence), scores=scores,
        )  # fmt: skip
    return Recognition(
        best_id, True, None, kind.pack, confidence, f"{best_id}: {cue}",
        kind_title=kind.title, evidence=tuple(evidence), scores=scores,
    )  # fmt: skip


def forced(pack: Pack, base: KindTable, why: str) -> Recognition:
    """A pack chosen by ``--pack``, front matter or config: the document is checked with it.

    Its kind is the kind whose pack the chosen pack is or extends; the template is known.
    """
    chain = [Path(path).stem for path, _ in pack.files] or [pack.name]
    kind = next(
        (
            k
            for name in chain
            for k in base.kinds.values()
            if k.memo and k.pack == name and k.id == name
        ),
        None,
    ) or next((k for name in chain for k in base.kinds.values() if k.memo and k.pack == name), None)
    return Recognition(
        kind.id if kind else None, True, pack.name, pack.name, 1.0, why, origin="forced",
        kind_title=kind.title if kind else None,
    )  # fmt: skip


def heading_key(text: str) -> str:
    """A line as a heading candidate: numbering, Markdown marks and a colon removed.

    ``count=1``: the anchored pattern matches at the start only, and ``sub`` would try it at
    every further character of the line."""
    return title_key(_NUMBERING.sub("", text.replace("\f", " "), count=1).strip("#*_ "))
