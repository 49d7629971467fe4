"""Every date form in the corpus is read, or left unread for a recorded reason (issue 13).

The candidates come from a pattern broader than the reader (any d-m-y shape, any number before
a word that starts like a month, years with a letter o); the reasons live in
tests/fixtures/dates/unread.yaml. The hold-out bodies (bench/holdout.txt) are not read here:
they are measured once, at the end, by bench/dates.py.
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from memo_lint.dutch import find_dates

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REASONS = ROOT / "tests" / "fixtures" / "dates" / "unread.yaml"
_MONTHISH = r"(?:jan|feb|maa?r|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)\w*"
CANDIDATE = re.compile(
    r"(?<![\w.,/-])\d{1,4}[-/.]\d{1,2}[-/.][\doO]{2,4}(?![\w/-]|[.,]\d)"
    rf"|(?<![\w.,])\d{{1,2}}(?:e|ste|de)?\s+{_MONTHISH}\b\.?(?:\s+[\doO']{{2,4}}\b)?",
    re.IGNORECASE,
)


def holdout() -> list[str]:
    lines = (ROOT / "bench" / "holdout.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def tuning_texts() -> list[Path]:
    globs = holdout()
    return [
        path
        for path in sorted(CORPUS.rglob("*.txt"))
        if not any(fnmatch.fnmatch(str(path.relative_to(CORPUS)), g) for g in globs)
    ]


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
