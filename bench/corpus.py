"""Lint every document of ../shared/corpus/ with detection on and write docs/corpus-findings.md.

    python bench/corpus.py                  # the whole corpus: lint, judge, write the document
    python bench/corpus.py --unjudged       # ... and print the unjudged errors as YAML keys
    python bench/corpus.py --set holdout2   # another set (bench/holdout2/**/*.txt), reported
                                            # on its own, nothing written: for the lead only
    python bench/corpus.py --set NAME --dir PATH   # the same for a set in another folder

What it measures (issue 12): per document what memo-lint recognised (kind, template) against
the corpus's own label (the `# type:` provenance line; for pdf/ the file name); per rule the
number of findings; and every error with a judgement read from the document, kept as data in
bench/judgements.yaml (key: path | code | line | the line's text). An error without a
judgement is listed as unjudged. Non-memos must get ML003 and nothing else.

Since session 10 all of ../shared/corpus/ is tuning data (bench/holdout.txt records session 9's
hold-out, measured once). A set linted with --set has no judgements: the report lists per rule
the errors and warnings, every error with file:line and message, and the recognition of every
document against its `# type:` line, so the lead can judge them by hand.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import fnmatch
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus")
SEED = Path("/work/shared/seed")
HOLDOUT = ROOT / "bench" / "holdout.txt"
JUDGEMENTS = ROOT / "bench" / "judgements.yaml"
DOC = ROOT / "docs" / "corpus-findings.md"
TODAY = dt.date(2026, 11, 28)  # memos without a date of their own are checked on this day

sys.path.insert(0, str(ROOT / "src"))

from memo_lint.api import LintOptions, lint_paths  # noqa: E402


@dataclass
class Doc:
    rel: str  # path relative to the corpus (seed/… for the seed)
    path: Path
    label: str  # the corpus's own description
    memo: bool
    holdout: bool  # in session 9's hold-out (bench/holdout.txt), now tuning data
    kind: str | None = None
    template: str | None = None
    checked: bool = True
    confidence: float = 0.0
    reason: str = ""
    findings: list[dict[str, object]] = field(default_factory=list)


def holdout_globs() -> list[str]:
    lines = HOLDOUT.read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _type_line(txt: Path) -> str:
    for line in txt.read_text("utf-8", "replace").splitlines()[:12]:
        if line.startswith("# type:"):
            return line.split(":", 1)[1].strip()
    return ""


PDF_LABELS = [  # pdf/<body>/ has no provenance header: the file name says what it is
    (r"preadvies", "preadvies"),
    (r"oplegger|oplegnotitie", "oplegger"),
    (r"initiatiefvoorstel", "initiatiefvoorstel"),
    (r"verzoek-intrekken", "informatienota (college letter asking to withdraw a proposal)"),
    (r"voorstel", "raadsvoorstel"),
]


def label_of(path: Path) -> str:
    if path.suffix == ".txt":
        return _type_line(path)
    sibling = path.with_suffix(".txt")
    if sibling.is_file():
        return _type_line(sibling)
    name = path.name.lower()
    return next((label for pattern, label in PDF_LABELS if re.search(pattern, name)), "memo")


def documents() -> list[Doc]:
    globs = holdout_globs()
    found = []
    for pattern in ("real/*.txt", "dev/*/*.txt", "dev/*/*.pdf", "pdf/*/*.pdf"):
        for path in sorted(CORPUS.glob(pattern)):
            rel = str(path.relative_to(CORPUS))
            label = label_of(path)
            memo = not label.startswith("NOT a memo")
            found.append(Doc(rel, path, label, memo, any(fnmatch.fnmatch(rel, g) for g in globs)))
    for path in sorted(SEED.glob("*.txt")):
        found.append(
            Doc(f"seed/{path.name}", path, "beslisnota (Zwolle, the reference memo)", True, False)
        )
    return found


def lint(docs: list[Doc]) -> None:
    options = LintOptions(use_cache=False, keep_text=True, today=TODAY, jobs=1)
    report = lint_paths([d.path for d in docs], options)
    by_path = {str(d.path): d for d in docs}
    for file in report.files:
        doc = by_path[file.path]
        doc.kind, doc.template, doc.checked = file.kind, file.template, file.memo
        doc.confidence, doc.reason = file.confidence, file.pack_reason
        for v in file.violations:
            text = file.lines[v.span.line - 1] if v.span.line <= len(file.lines) else ""
            doc.findings.append(
                {
                    "code": v.code,
                    "severity": v.severity.value,
                    "line": v.span.line,
                    "message": v.message,
                    "snippet": " ".join(text.split())[:70],
                }
            )


def key(doc: Doc | dict[str, object], finding: dict[str, object]) -> str:
    rel = doc.rel if isinstance(doc, Doc) else doc["rel"]
    return f"{rel} | {finding['code']} | {finding['line']} | {finding['snippet']}"


# The kind rules that look for a concept wherever a template puts it (issue 12): every finding
# is judged, whatever its severity, because their measured precision decides that severity.
CONCEPT_CODES = ("ML106", "ML207", "ML307", "ML403", "ML506")

TRUNCATED = "n/a"  # a missing section of a text the scraper cut off: not the memo's fault


def partial(doc: Doc) -> bool:
    """The corpus marks texts its scraper cut off (`# complete: partial`)."""
    if doc.path.suffix != ".txt":
        return False
    head = doc.path.read_text("utf-8", "replace").splitlines()[:12]
    return any(line.startswith("# complete:") and "partial" in line for line in head)


def verdict_of(doc: Doc, finding: dict[str, object], judgements: dict[str, dict[str, str]]) -> str:
    judged = judgements.get(key(doc, finding))
    if judged:
        return judged["verdict"]
    if finding["code"] in ("ML101", "ML103", *CONCEPT_CODES) and partial(doc):
        return TRUNCATED
    return "unjudged"


def load_judgements() -> dict[str, dict[str, str]]:
    if not JUDGEMENTS.is_file():
        return {}
    data = yaml.safe_load(JUDGEMENTS.read_text("utf-8")) or {}
    return {str(k): v for k, v in data.items()}


@dataclass
class Numbers:
    memos: int = 0
    non_memos: int = 0
    errors_on_memos: int = 0
    fp_errors_on_memos: int = 0
    unjudged_errors: int = 0
    truncated_errors: int = 0
    errors_on_non_memos: int = 0
    non_memos_ml003_only: int = 0
    memos_not_checked: int = 0
    per_rule: dict[str, collections.Counter[str]] = field(default_factory=dict)
    tp_fp: dict[str, collections.Counter[str]] = field(default_factory=dict)


def measure(docs: list[Doc], judgements: dict[str, dict[str, str]]) -> Numbers:
    numbers = Numbers()
    for doc in docs:
        if doc.memo:
            numbers.memos += 1
            numbers.memos_not_checked += not doc.checked
        else:
            numbers.non_memos += 1
            codes = [f["code"] for f in doc.findings]
            numbers.non_memos_ml003_only += codes == ["ML003"]
        for finding in doc.findings:
            code, severity = str(finding["code"]), str(finding["severity"])
            numbers.per_rule.setdefault(code, collections.Counter())[severity] += 1
            if severity != "error":
                continue
            if not doc.memo:
                numbers.errors_on_non_memos += 1
                numbers.tp_fp.setdefault(code, collections.Counter())["FP"] += 1
                continue
            numbers.errors_on_memos += 1
            verdict = verdict_of(doc, finding, judgements)
            numbers.tp_fp.setdefault(code, collections.Counter())[verdict] += 1
            numbers.fp_errors_on_memos += verdict == "FP"
            numbers.unjudged_errors += verdict == "unjudged"
            numbers.truncated_errors += verdict == TRUNCATED
    return numbers


def short_kind(label: str) -> str:
    label = label.lower()
    if label.startswith("not a memo"):
        return "not a memo: " + label.split(":", 1)[1].strip().split(" (")[0]
    return label.split(" (")[0].split(",")[0]


def section(title: str, docs: list[Doc], judgements: dict[str, dict[str, str]]) -> list[str]:
    numbers = measure(docs, judgements)
    per_memo = numbers.fp_errors_on_memos / numbers.memos if numbers.memos else 0.0
    out = [f"## {title}", ""]
    out += [
        f"- documents: {len(docs)} ({numbers.memos} memos, {numbers.non_memos} non-memos; "
        "a PDF and its text count as two documents)",
        f"- errors on memos: {numbers.errors_on_memos}, judged false positive: "
        f"{numbers.fp_errors_on_memos} (**{per_memo:.3f} per memo**), unjudged: "
        f"{numbers.unjudged_errors}, not judgeable ({TRUNCATED}: a section missing from a text "
        f"the corpus scraper cut off, `complete: partial`): {numbers.truncated_errors}",
        f"- non-memos that got ML003 and nothing else: {numbers.non_memos_ml003_only} of "
        f"{numbers.non_memos}; errors on non-memos: **{numbers.errors_on_non_memos}**",
        f"- memos memo-lint did not check (recognised as non-memo or not recognised): "
        f"{numbers.memos_not_checked}",
        "",
        "### Findings per rule",
        "",
        "| code | errors | warnings | info | errors judged true | errors judged false "
        "| unjudged | n/a |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for code in sorted(numbers.per_rule):
        counts = numbers.per_rule[code]
        verdicts = numbers.tp_fp.get(code, collections.Counter())
        out.append(
            f"| {code} | {counts['error']} | {counts['warning']} | {counts['info']} | "
            f"{verdicts['TP']} | {verdicts['FP']} | {verdicts['unjudged']} | "
            f"{verdicts[TRUNCATED]} |"
        )
    out += [
        "",
        "### Recognition",
        "",
        "| corpus label | recognised as | documents |",
        "|---|---|---|",
    ]
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    for doc in docs:
        got = (doc.kind or "not recognised") + ("" if doc.checked else " (not checked)")
        if doc.checked:
            got += f", template {doc.template or 'unknown'}"
        confusion[(short_kind(doc.label), got)] += 1
    for (label, got), count in sorted(confusion.items()):
        out.append(f"| {label} | {got} | {count} |")
    wrong = [d for d in docs if d.memo != d.checked]
    if wrong:
        out += ["", "Memo/non-memo decided wrongly:", ""]
        out += [f"- `{d.rel}` ({d.label}): {d.reason}" for d in wrong]
    out += ["", "### Every error, judged", ""]
    errors = [(d, f) for d in docs for f in d.findings if f["severity"] == "error"]
    if not errors:
        out.append("No error.")
    for doc, finding in errors:
        judgement = judgements.get(key(doc, finding), {})
        verdict = verdict_of(doc, finding, judgements) if doc.memo else "FP (non-memo)"
        note = judgement.get("note", "")
        out.append(
            f"- `{doc.rel}:{finding['line']}` {finding['code']} — {finding['message']} "
            f"— **{verdict}**{': ' + note if note else ''}"
        )
    out.append("")
    return out


def concepts(docs: list[Doc], judgements: dict[str, dict[str, str]]) -> list[str]:
    """Every finding of the concept (kind) rules, judged: their precision decides severity."""
    found = [(d, f) for d in docs if d.memo for f in d.findings if f["code"] in CONCEPT_CODES]
    out = ["### Concept rules (kind layer): every finding judged, any severity", ""]
    out += [
        "| code | findings | true | false | n/a | unjudged | precision |",
        "|---|---|---|---|---|---|---|",
    ]
    for code in CONCEPT_CODES:
        verdicts = collections.Counter(
            verdict_of(d, f, judgements) for d, f in found if f["code"] == code
        )
        judged = verdicts["TP"] + verdicts["FP"]
        precision = f"{verdicts['TP'] / judged:.0%}" if judged else "–"
        out.append(
            f"| {code} | {sum(verdicts.values())} | {verdicts['TP']} | {verdicts['FP']} | "
            f"{verdicts[TRUNCATED]} | {verdicts['unjudged']} | {precision} |"
        )
    out += [""]
    for doc, finding in found:
        judgement = judgements.get(key(doc, finding), {})
        note = judgement.get("note", "")
        out.append(
            f"- `{doc.rel}` {finding['code']} ({finding['severity']}) — "
            f"**{verdict_of(doc, finding, judgements)}**{': ' + note if note else ''}"
        )
    out.append("")
    return out


def policy(docs: list[Doc], judgements: dict[str, dict[str, str]]) -> list[str]:
    """The precision policy applied: every rule with errors on the corpus, its precision there
    (an error on a non-memo counts as false) and the severity it must ship with."""
    numbers = measure(docs, judgements)
    out = ["### Precision policy applied (README: an error means certain)", ""]
    out += ["| code | errors | true | false | precision | ships as |", "|---|---|---|---|---|---|"]
    for code, verdicts in sorted(numbers.tp_fp.items()):
        judged = verdicts["TP"] + verdicts["FP"]
        precision = verdicts["TP"] / judged if judged else 1.0
        ships = "warning (below 95 %)" if precision < 0.95 else "error"
        out.append(
            f"| {code} | {judged} | {verdicts['TP']} | {verdicts['FP']} | {precision:.0%} "
            f"| {ships} |"
        )
    out += [
        "",
        "Measured on the whole corpus, which is tuning data: an upper bound. The honest",
        "figures are the lead's, on bench/holdout2/ (`--set holdout2`).",
        "",
    ]
    return out


SESSION_9 = [
    "## Session 9's hold-out (measured once, now tuning data)",
    "",
    "Almere, Den Helder, Overijssel, the ministries (dev/rijk-*, real/17–20) and Zutphen",
    "(`bench/holdout.txt`) were set aside on 2026-11-29 before tuning and measured once, at",
    "22:35 UTC: 31 memos, 30 non-memos; 10 errors on memos, all false (**0.32 per memo**: ML701",
    "on underscore rules in Overijssel Statenbrieven 8, ML506 on a Statenvoorstel 2); 23 of 30",
    "non-memos got ML003 and nothing else, 2 errors on non-memos. The raw findings of that run",
    "are in `bench/holdout-findings.json`. Since session 10 these documents are tuning data,",
    "counted in the section above; the new hold-out is `bench/holdout2/`, measured by the lead.",
    "",
]


def render(docs: list[Doc], judgements: dict[str, dict[str, str]]) -> str:
    out = [
        "# Findings on the corpus, judged",
        "",
        "Generated by `python bench/corpus.py` (do not edit by hand): every document of",
        "`../shared/corpus/` (real/, dev/ texts and PDFs, pdf/) and the Zwolle seed, linted with",
        f"detection on (no configuration, no `--pack`), `--today {TODAY}`. Judgements of the",
        "errors are data in `bench/judgements.yaml`, read from each document: **TP** the memo",
        "really lacks or gets wrong what the rule says, **FP** the tool is wrong. Every error on",
        "a non-memo is a false positive by definition.",
        "",
        "All of the corpus is tuning data since session 10 (session 9's hold-out was measured",
        "once; its figures are below). Numbers on it say what the rules do on the documents they",
        "were written from, not what they do on a new body.",
        "",
        "How a document is read first: `memo_lint.recognition` scores each kind's cues (the",
        "default pack's `kinds:`, RE2 patterns with weights, written from the corpus bodies and",
        "the kinds' names), the first title in the head names the document, and it abstains",
        "(ML003) below the threshold or when memo and non-memo cues are too close. The",
        "recogniser is rule-based on purpose: every decision has a reason a user can read (the",
        "cue and its line), and the corpus has too few non-memos to train and check a",
        "classifier on. No library was evaluated for recognition; the text model under the rules",
        "(sentence splitting: pysbd, syntok, sentencex, sentence-splitter measured) is recorded",
        "in `docs/sentences.md`.",
        "",
    ]
    out += section(
        "Whole corpus (Den Haag, Zaanstad, Almere, Den Helder, Overijssel, Zutphen, "
        "the ministries, the Zwolle seed)",
        docs,
        judgements,
    )
    earlier = [d for d in docs if d.holdout]
    numbers = measure(earlier, judgements)
    per_memo = numbers.fp_errors_on_memos / numbers.memos if numbers.memos else 0.0
    out += [
        "Of these, session 9's hold-out bodies (now tuning data): "
        f"{numbers.memos} memos, {numbers.errors_on_memos} errors, "
        f"{numbers.fp_errors_on_memos} false ({per_memo:.3f} per memo); "
        f"{numbers.non_memos_ml003_only} of {numbers.non_memos} non-memos ML003 only, "
        f"{numbers.errors_on_non_memos} errors on non-memos; memos not checked "
        f"{numbers.memos_not_checked}.",
        "",
    ]
    out += concepts(docs, judgements)
    out += policy(docs, judgements)
    out += SESSION_9
    out += [
        "## Legal citations",
        "",
        "The legal work's own corpus findings and hold-out measurement (ML304, ML305, ML306,",
        "ML605, ML704, ML705) are in [legal-findings.md](legal-findings.md).",
        "",
    ]
    return "\n".join(out)


def set_documents(folder: Path) -> list[Doc]:
    """Every ``*.txt`` under ``folder`` (and the PDF beside it), labelled by its ``# type:``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".pdf") or not path.is_file():
            continue
        label = label_of(path)
        if path.suffix == ".pdf" and not path.with_suffix(".txt").is_file():
            continue  # a PDF is labelled by the text beside it
        memo = not label.startswith("NOT a memo")
        found.append(Doc(str(path.relative_to(folder)), path, label, memo, False))
    return found


def report_set(name: str, docs: list[Doc]) -> list[str]:
    """A set without judgements: what memo-lint said, for judging by hand."""
    numbers = measure(docs, {})
    out = [
        f"set {name}: {len(docs)} documents ({numbers.memos} memos, {numbers.non_memos} "
        f"non-memos by their '# type:' line)",
        f"errors on memos: {numbers.errors_on_memos} "
        f"({numbers.errors_on_memos / numbers.memos if numbers.memos else 0.0:.2f} per memo, "
        "unjudged)",
        f"non-memos with ML003 and nothing else: {numbers.non_memos_ml003_only} of "
        f"{numbers.non_memos}; errors on non-memos: {numbers.errors_on_non_memos}",
        f"memos not checked (taken for a non-memo or not recognised): {numbers.memos_not_checked}",
        "",
        "per rule: code errors warnings info",
    ]
    for code in sorted(numbers.per_rule):
        counts = numbers.per_rule[code]
        out.append(f"  {code} {counts['error']} {counts['warning']} {counts['info']}")
    out += ["", "recognition: file | label | recognised | reason"]
    for doc in docs:
        got = (doc.kind or "not recognised") + (
            f", template {doc.template or 'unknown'}" if doc.checked else " (not checked)"
        )
        flag = "" if doc.memo == doc.checked else "  <-- memo/non-memo decided wrongly"
        out.append(f"  {doc.rel} | {short_kind(doc.label)} | {got} | {doc.reason}{flag}")
    out += ["", "every error: file:line code message"]
    for doc in docs:
        for finding in doc.findings:
            if finding["severity"] == "error":
                out.append(f"  {doc.rel}:{finding['line']} {finding['code']} {finding['message']}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--unjudged", action="store_true", help="print unjudged errors as YAML keys"
    )
    parser.add_argument(
        "--set", dest="set_name", help="lint another set (bench/NAME/) and report it on its own"
    )
    parser.add_argument("--dir", type=Path, help="the folder of --set (default bench/NAME/)")
    args = parser.parse_args()
    if args.set_name:
        folder = args.dir or ROOT / "bench" / args.set_name
        if not folder.is_dir():
            parser.error(f"no folder {folder}")
        docs = set_documents(folder)
        lint(docs)
        print("\n".join(report_set(args.set_name, docs)))
        return
    docs = documents()
    lint(docs)
    judgements = load_judgements()
    DOC.write_text(render(docs, judgements), "utf-8")
    if args.unjudged:
        for doc in docs:
            for finding in doc.findings:
                if (
                    (finding["severity"] == "error" or finding["code"] in CONCEPT_CODES)
                    and doc.memo
                    and verdict_of(doc, finding, judgements) == "unjudged"
                ):
                    print(
                        f"{json.dumps(key(doc, finding), ensure_ascii=False)}:  "
                        f"# {finding['message']}"
                    )
    numbers = measure(docs, judgements)
    print(
        f"corpus: {numbers.memos} memos, {numbers.errors_on_memos} errors "
        f"({numbers.fp_errors_on_memos} FP = "
        f"{numbers.fp_errors_on_memos / max(numbers.memos, 1):.3f} per memo, "
        f"{numbers.unjudged_errors} unjudged), "
        f"{numbers.non_memos} non-memos ({numbers.non_memos_ml003_only} ML003 only, "
        f"{numbers.errors_on_non_memos} errors), memos not checked {numbers.memos_not_checked}"
    )
    for doc in docs:
        if doc.memo != doc.checked or (
            not doc.memo and [f["code"] for f in doc.findings] != ["ML003"]
        ):
            codes = ",".join(str(f["code"]) for f in doc.findings)
            label = short_kind(doc.label)
            print(f"  wrong: {doc.rel} ({label}): {doc.kind} [{codes}] {doc.reason}")


if __name__ == "__main__":
    main()
