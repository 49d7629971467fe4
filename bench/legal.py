"""The legal and date findings on the whole corpus, judged as data; writes docs/legal-findings.md.

    python bench/legal.py            # lint, judge from bench/legal-judgements.yaml, write the doc
    python bench/legal.py --check    # exit 1 when a finding has no judgement

Two runs over every document of ../shared/corpus/ (all bodies are tuning data since session
10; bench/holdout2/ is never read): with recognition, as a user gets it, and with the default
pack forced on every file (so non-memos are linted too: the harder case for ML304-ML306).
Rules: ML301-ML306, ML605, ML704, ML705; the date every memo is checked against is its own
(else 2026-11-28). A judgement is keyed "path | code | line | message"; verdict: true (the
memo is wrong as the rule says), defensible, or false (the tool is wrong). ML605's precision
is measured on its two halves too: header fields saying "no deadline", and sentences naming
a date a decision is needed by (the text side), each judged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus")
JUDGEMENTS = ROOT / "bench" / "legal-judgements.yaml"
DOC = ROOT / "docs" / "legal-findings.md"
TODAY = dt.date(2026, 11, 28)
CODES = ("ML301", "ML302", "ML303", "ML304", "ML305", "ML306", "ML605", "ML704", "ML705")
ERROR_PRECISION = 0.95  # README: an error only when at least 95 % precise

sys.path.insert(0, str(ROOT / "src"))

from memo_lint.api import LintOptions, lint_paths  # noqa: E402


def documents() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")


def findings(pack: str | None) -> list[dict[str, object]]:
    options = LintOptions(select=CODES, today=TODAY, use_cache=False, pack=pack)
    report = lint_paths([str(p) for p in documents()], options)
    found = []
    for file in report.files:
        rel = str(Path(file.path).relative_to(CORPUS))
        for v in file.violations:
            if v.code in CODES:
                found.append(
                    {"path": rel, "code": v.code, "line": v.span.line, "message": v.message}
                )
    return found


def key(finding: dict[str, object]) -> str:
    return f"{finding['path']} | {finding['code']} | {finding['line']} | {finding['message']}"


def ml605_halves() -> tuple[list[str], list[str]]:
    """(header fields saying 'no deadline', text sentences naming a decision date)."""
    from memo_lint.analysis import matches_in
    from memo_lint.checks.deadline_field import text_deadlines
    from memo_lint.engine import lint_source
    from memo_lint.linter import Linter
    from memo_lint.readers import read_source

    linter = Linter(LintOptions(use_cache=False, today=TODAY, pack="collegevoorstel"), None)
    fields, texts = [], []
    for path in documents():
        data = path.read_bytes()
        source = read_source(str(path), data, linter.plan(path, None).limits, str(path))
        plan = linter.plan(path, source)
        document, _ = lint_source(source, plan.pack, plan.settings, plan.recognition)
        rule = next(r for r in plan.pack.rules if r.code == "ML605")
        rel = str(path.relative_to(CORPUS))
        field = next(iter(matches_in(rule.options["field"], document.content)), None)
        if field is not None:
            fields.append(f"{rel} | {field[0].number} | {' '.join(field[3].split())}")
        options = rule.options
        for sentence, date in text_deadlines(document, options["cue"], options["decision"]):
            line = sentence.span_of(date.start, date.end).line
            texts.append(f"{rel} | {line} | {sentence.text[date.start : date.end]}")
    return fields, texts


def ml605_synthetic(data: dict[str, object]) -> list[tuple[str, str, int, int]]:
    """(sentence, verdict, variants with an ML605 finding, variants): each judged synthetic
    sentence inserted after the field into each corpus memo whose header says there is no
    deadline, ML605 run on the variant (as text, the default pack, the memo's own date)."""
    from memo_lint.analysis import matches_in
    from memo_lint.engine import lint_source
    from memo_lint.linter import Linter
    from memo_lint.readers import read_source

    linter = Linter(LintOptions(use_cache=False, today=TODAY, pack="collegevoorstel"), None)
    texts = []
    for rel in data["ml605_fields"]:  # type: ignore[attr-defined]
        path = CORPUS / rel
        source = read_source(str(path), path.read_bytes(), linter.plan(path, None).limits, rel)
        plan = linter.plan(path, source)
        document, _ = lint_source(source, plan.pack, plan.settings, plan.recognition)
        rule = next(r for r in plan.pack.rules if r.code == "ML605")
        field = next(iter(matches_in(rule.options["field"], document.content)))
        lines = [line.text for line in document.content]
        # After the field (stacked: after its value), a paragraph of its own.
        after = field[0].number + field[3].count("\n")
        index = next(i for i, line in enumerate(document.content) if line.number == after)
        texts.append((lines[: index + 1], lines[index + 1 :]))
    rows = []
    for item in data["ml605_synthetic"]:  # type: ignore[attr-defined]
        fired = 0
        for head, tail in texts:
            text = "\n".join([*head, "", item["sentence"], "", *tail]) + "\n"
            variant = Path("variant.txt")
            limits = linter.plan(variant, None).limits
            source = read_source(str(variant), text.encode(), limits, "v")
            plan = linter.plan(variant, source)
            _, violations = lint_source(source, plan.pack, plan.settings, plan.recognition)
            fired += any(v.code == "ML605" for v in violations)
        rows.append((item["sentence"], item["verdict"], fired, len(texts)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    data = yaml.safe_load(JUDGEMENTS.read_text("utf-8"))
    judged: dict[str, dict[str, str]] = data["findings"]
    runs = {"recognised": findings(None), "forced": findings("collegevoorstel")}
    fields, texts = ml605_halves()
    synthetic = ml605_synthetic(data)
    unjudged = sorted(
        {key(f) for run in runs.values() for f in run if key(f) not in judged}
        | {t for t in texts if t not in data["ml605_text"]}
    )
    if args.check:
        print("\n".join(unjudged))
        sys.exit(1 if unjudged else 0)
    DOC.write_text(render(data, runs, fields, texts, synthetic, unjudged), "utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}; {len(unjudged)} unjudged")


def render(
    data: dict[str, object],
    runs: dict[str, list[dict[str, object]]],
    fields: list[str],
    texts: list[str],
    synthetic: list[tuple[str, str, int, int]],
    unjudged: list[str],
) -> str:
    judged: dict[str, dict[str, str]] = data["findings"]  # type: ignore[assignment]
    out = [
        "# Legal and date findings on the corpus (ML301-ML306, ML605, ML704, ML705) — issue 13",
        "",
        "Generated by `python bench/legal.py` from `bench/legal-judgements.yaml` (the",
        "judgements are data; edit them there, not here). Every document of",
        "`../shared/corpus/` (all bodies; since session 10 session 9's hold-out is tuning",
        f"data), reference date: the memo's own, else {TODAY.isoformat()}.",
        "",
    ]
    per_rule: dict[str, list[str]] = {}
    for name, run in runs.items():
        title = {
            "recognised": "With recognition (what a user gets)",
            "forced": "Default pack forced on every file (non-memos too)",
        }[name]
        out += [f"## {title}", "", f"{len(run)} findings.", ""]
        if run:
            out += ["| finding | verdict | why |", "|---|---|---|"]
        for f in run:
            j = judged.get(key(f), {"verdict": "UNJUDGED", "note": ""})
            per_rule.setdefault(str(f["code"]), []).append(j["verdict"])
            where = f"`{f['path']}:{f['line']}` {f['code']}"
            out.append(f"| {where} {f['message']} | **{j['verdict']}** | {j['note']} |")
        out.append("")
    out += [
        "## Precision per rule (both runs)",
        "",
        "| rule | findings | true | defensible | false | precision (true+defensible) |",
        "|---|---|---|---|---|---|",
    ]
    for code in sorted(per_rule):
        verdicts = per_rule[code]
        good = sum(v in ("true", "defensible") for v in verdicts)
        row = [
            code,
            len(verdicts),
            verdicts.count("true"),
            verdicts.count("defensible"),
            verdicts.count("false"),
            f"{good / len(verdicts):.0%}",
        ]
        out.append("| " + " | ".join(str(c) for c in row) + " |")
    text_judged: dict[str, dict[str, str]] = data["ml605_text"]  # type: ignore[assignment]
    good = sum(text_judged.get(t, {}).get("verdict") == "true" for t in texts)
    ml605 = sum(f["code"] == "ML605" for r in runs.values() for f in r)
    out += [
        "",
        "## ML605 `deadline-field-contradicted`: precision and severity",
        "",
        f"ML605 reports when a header field says there is no deadline **and** a sentence names a "
        f"date a decision is needed by. On the whole corpus the field half matches "
        f"{len(fields)} document(s) and the text half {len(texts)} sentence(s); the two never "
        f"meet, so ML605 reports nothing ({ml605} findings).",
        "",
        "Field half (every dated sentence of these memos read: does any name a date the "
        "decision is needed by, which ML605 then misses?):",
        "",
        *[
            f"- `{f}`: {data['ml605_fields'].get(f.split(' | ')[0], 'NOT READ')}"  # type: ignore[attr-defined]
            for f in fields
        ],
        "",
        f"Text half ({good} of {len(texts)} judged a real decision deadline):",
        "",
        *[
            f"- `{t}`: **{text_judged.get(t, {}).get('verdict', 'UNJUDGED')}** — "
            f"{text_judged.get(t, {}).get('note', '')}"
            for t in texts
        ],
        "",
        "**Synthetic variants** (stated as such: bench/legal-judgements.yaml `ml605_synthetic`): "
        f"each judged sentence inserted after the field into each of the {len(fields)} memos "
        "above; a variant with an ML605 finding counts as a true finding when the sentence "
        "names a date the decision is needed by, else as a false one.",
        "",
        "| sentence | verdict | variants with a finding |",
        "|---|---|---|",
        *[f"| {s} | {v} | {n} of {m} |" for s, v, n, m in synthetic],
        "",
        _synthetic_summary(synthetic),
        "",
        str(data["ml605_decision"]).strip(),
        "",
        "## ML303 `secrecy-terms`: parsed citations and dates instead of word windows",
        "",
        str(data["ml303_measurement"]).strip(),
        "",
    ]
    if unjudged:
        out += ["## Unjudged", "", *[f"- `{u}`" for u in unjudged], ""]
    return "\n".join(out)


def _synthetic_summary(rows: list[tuple[str, str, int, int]]) -> str:
    true_found = sum(n for _, v, n, _ in rows if v == "true")
    false_found = sum(n for _, v, n, _ in rows if v != "true")
    true_all = sum(m for _, v, _, m in rows if v == "true")
    found = true_found + false_found
    precision = f"{true_found / found:.0%}" if found else "n/a"
    return (
        f"On the synthetic variants ML605 reports {found} findings, {true_found} true: "
        f"precision {precision}; it finds {true_found} of the {true_all} variants with a real "
        f"decision deadline (recall {true_found / true_all:.0%})."
    )


if __name__ == "__main__":
    main()
