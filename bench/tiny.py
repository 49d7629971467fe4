"""50,000 tiny memos: the default (parallel) run against --jobs 1, and the cached re-run's memory.

    python bench/tiny.py                  # 50,000 memos (several minutes)
    python bench/tiny.py --count 5000     # quicker

Issue 10.16: on many tiny memos the default run must not be slower than ``--jobs 1``, and a
cached re-run must not need gigabytes. It runs the installed ``memo-lint`` in a child process
and prints wall time and peak RSS (``os.wait4``'s ``ru_maxrss``) for each run. Nothing here
fails on a figure: the machines are too noisy for timed assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEMO = (
    "# Beslisnota {n}\n\n## Beslispunten\n\nHet college besluit:\n\n1. memo {n} vast te stellen.\n"
)


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB and exit code of ``memo-lint ARGS``."""
    command = [sys.executable, "-m", "memo_lint", *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50_000)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memo-lint-tiny-"))
    try:
        memos = work / "memos"
        for n in range(options.count):
            folder = memos / f"{n // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"memo-{n}.md").write_text(MEMO.format(n=n), "utf-8")
        env = dict(os.environ, MEMO_LINT_CACHE_DIR=str(work / "cache"))
        env.pop("CI", None)
        base = ["check", "memos", "--format", "concise", "-q", "--today", "2024-01-01"]
        print(f"{options.count:,} tiny memos, {os.cpu_count()} CPUs")
        for label, extra in [
            ("default (jobs auto), no cache", ["--no-cache"]),
            ("--jobs 1, no cache", ["--no-cache", "--jobs", "1"]),
            ("default, filling the cache", []),
            ("default, cached re-run", []),
        ]:
            seconds, rss, code = run(base + extra, work, env)
            print(f"  {label:<32} {seconds:7.1f} s  peak RSS {rss:5d} MiB  exit {code}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
