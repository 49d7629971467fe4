"""Every date form in the corpus is read, or left unread for a recorded reason (issue 13).

The candidates come from a pattern broader than the reader (any d-m-y shape, any number before
a word that starts like a month, years with a letter o); the reasons live in
tests/fixtures/dates/unread.yaml. Since session 10 every body of the corpus is tuning data
(the new hold-out, bench/holdout2/, is never read here).

The memo date of every corpus document, as a reader finds it in the header, is data in
tests/fixtures/dates/memo_dates.yaml; memo-lint must read exactly that (or say ML705).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from memo_lint.dutch import find_dates

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REASONS = ROOT / "tests" / "fixtures" / "dates" / "unread.yaml"
MEMO_DATES = ROOT / "tests" / "fixtures" / "dates" / "memo_dates.yaml"
_MONTHISH = r"(?:jan|feb|maa?r|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)\w*"
CANDIDATE = re.compile(
    r"(?<![\w.,/-])\d{1,4}[-/.]\d{1,2}[-/.][\doO]{2,4}(?![\w/-]|[.,]\d)"
    rf"|(?<![\w.,])\d{{1,2}}(?:e|ste|de)?\s+{_MONTHISH}\b\.?(?:\s+[\doO']{{2,4}}\b)?",
    re.IGNORECASE,
)


def tuning_texts() -> list[Path]:
    """Every text of the corpus: session 9's hold-out is tuning data since session 10."""
    return sorted(CORPUS.rglob("*.txt"))


@lru_cache(maxsize=1)
def forms() -> list[dict[str, str]]:
    data = yaml.safe_load(REASONS.read_text(encoding="utf-8"))
    return list(data["forms"])


def unread(paths: list[Path]) -> list[tuple[str, int, str]]:
    """(file, line, text) of every date-like candidate the reader leaves unread."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.split("\n"), start=1):
            read = list(find_dates(line))
            for match in CANDIDATE.finditer(line):
                if any(d.start < match.end() and match.start() < d.end for d in read):
                    continue
                found.append((str(path.relative_to(CORPUS)), number, match.group()))
    return found


def reason_for(text: str) -> dict[str, str] | None:
    return next((f for f in forms() if re.fullmatch(f["pattern"], text)), None)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to the repository")
def test_every_date_form_is_read_or_has_a_recorded_reason() -> None:
    paths = tuning_texts()
    assert len(paths) > 100  # the corpus really was read
    missing = [
        f"{file}:{line}: {text!r}" for file, line, text in unread(paths) if not reason_for(text)
    ]
    assert missing == [], "unread date forms without a reason in tests/fixtures/dates/unread.yaml"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to the repository")
def test_every_recorded_reason_is_still_needed() -> None:
    texts = [text for _, _, text in unread(tuning_texts())]
    stale = [f["pattern"] for f in forms() if not any(re.fullmatch(f["pattern"], t) for t in texts)]
    assert stale == []


@pytest.mark.parametrize(
    "text", ["24 juni 2o25", "1-4-24", "1 april a.s.", "29 juni-3 juli", "1e april", "3 mei jl."]
)
def test_the_candidate_pattern_sees_what_the_reader_must_read(text: str) -> None:
    assert CANDIDATE.search(text)


def corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to the repository")
def test_every_memo_date_is_read_as_stated() -> None:
    import datetime as dt

    from memo_lint.api import LintOptions, lint_paths

    expected = yaml.safe_load(MEMO_DATES.read_text(encoding="utf-8"))["documents"]
    documents = corpus_documents()
    assert sorted(expected) == [str(p.relative_to(CORPUS)) for p in documents]
    options = LintOptions(
        select=("ML003", "ML704", "ML705"), today=dt.date(2026, 11, 28), use_cache=False
    )
    report = lint_paths([str(p) for p in documents], options)
    wrong = []
    for file in report.files:
        rel = str(Path(file.path).relative_to(CORPUS))
        want = expected[rel]
        codes = {v.code for v in file.violations}
        memo = "ML003" not in codes
        read = None if want.get("read") is False else want.get("date")
        got = dt.date.fromisoformat(file.memo_date) if file.memo_date else None
        if memo != want.get("memo", True) or got != read or "ML705" in codes:
            wrong.append(f"{rel}: memo={memo} date={got} ML705={'ML705' in codes}, want {want}")
    assert wrong == []
