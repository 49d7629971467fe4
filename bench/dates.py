"""How many date-like forms in the corpus the date reader reads (issue 13).

    python bench/dates.py              # every body of ../shared/corpus/ (all tuning since
                                       # session 10; bench/holdout2/ is never read here)

Uses the candidate pattern and the recorded reasons of tests/test_dates_corpus.py: a
candidate is read (overlaps a date the reader finds), unread with a recorded reason, or
unread without one (a gap).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import test_dates_corpus as corpus  # noqa: E402
from memo_lint.dutch import find_dates  # noqa: E402


def main() -> None:
    paths = corpus.tuning_texts()
    total = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            total += sum(1 for _ in corpus.CANDIDATE.finditer(line))
            del line
    unread = corpus.unread(paths)
    gaps = [u for u in unread if not corpus.reason_for(u[2])]
    print(f"{len(paths)} texts, {total} date-like candidates, {total - len(unread)} read,")
    print(f"{len(unread) - len(gaps)} unread with a recorded reason, {len(gaps)} unread without:")
    for file, line, text in gaps:
        print(f"  {file}:{line}: {text!r}")
    dates = sum(
        1
        for path in paths
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
        for _ in find_dates(line)
    )
    print(f"(the reader finds {dates} dates in these texts)")


if __name__ == "__main__":
    main()
