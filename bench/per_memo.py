"""CPU per memo without start-up: lint a folder in one process (``--jobs 1``, no cache).

    python bench/per_memo.py bench/out/memos-1000            # CPU ms per memo, warm second round
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python bench/per_memo.py bench/out/memos-40 --rounds 1   # instructions (load-free)

Subtract the same run on a folder of one memo to leave the start-up out (docs/speed.md).
``bench/run.py --sizes N`` builds ``bench/out/memos-N``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time

from memo_lint.api import lint_paths
from memo_lint.linter import LintOptions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    options = LintOptions(today=dt.date(2026, 11, 29), use_cache=False, jobs=1, keep_text=False)
    seconds, count = [], 0
    for _ in range(args.rounds):
        started = time.process_time()
        count = len(lint_paths([args.folder], options).files)
        seconds.append(time.process_time() - started)
    best = min(seconds[1:] or seconds)
    print(
        f"{args.folder}: {count} files, CPU s per round {', '.join(f'{s:.2f}' for s in seconds)}; "
        f"{best * 1000 / max(count, 1):.2f} ms per memo (load {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
