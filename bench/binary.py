"""Word and PDF memos per CPU second in one process, and the reader's share (issue 15.5).

    python bench/binary.py FOLDER_OR_FILE ...     # e.g. ../shared/corpus bench/out/docx-100

For the .docx and .pdf files under each argument: ``memo-lint check --no-cache --jobs 1
--format json`` as a user runs it (CPU seconds of the process, start-up included: the
target "docx >= 250/s and real PDFs >= 100 files/s per process" is this figure), then in this
process, start-up left out, the best of ``--rounds`` rounds of linting them all
(``api.lint_paths``) and of reading them all (``readers.read_source``, what the readers
cost); the difference is analysis and checks. CPU time (process_time, rusage), so the
machine's load matters little; every line says the load.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from memo_lint.api import lint_paths
from memo_lint.errors import UnreadableFile
from memo_lint.linter import LintOptions
from memo_lint.readers import read_source

MEMO_LINT = str(Path(sys.executable).parent / "memo-lint")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def files_of(argument: Path, suffix: str) -> list[Path]:
    if argument.is_file():
        return [argument] if argument.suffix == suffix else []
    return sorted(argument.rglob(f"*{suffix}"))


def best(work: Callable[[], object], rounds: int) -> float:
    seconds = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        seconds.append(time.process_time() - started)
    return min(seconds)


def read_all(files: list[tuple[Path, bytes]]) -> None:
    for path, data in files:
        with contextlib.suppress(UnreadableFile):
            read_source(str(path), data)


def cli_cpu(files: list[Path]) -> float:
    """CPU seconds (user + system) of one ``check`` over the files, start-up included."""
    process = subprocess.Popen(
        [MEMO_LINT, "check", "--no-cache", "--jobs", "1", "--today", "2026-11-29",
         "--format", "json", *map(str, files)],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"memo-lint check failed ({status})")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    lint = LintOptions(today=dt.date(2026, 11, 29), use_cache=False, jobs=1, keep_text=False)
    for suffix in (".docx", ".pdf"):
        for argument in options.paths:
            files = files_of(argument, suffix)
            if not files:
                continue
            count = len(files)
            process = cli_cpu(files)
            loaded = [(path, path.read_bytes()) for path in files]
            whole = best(lambda files=files: lint_paths(files, lint), options.rounds)
            reader = best(lambda loaded=loaded: read_all(loaded), options.rounds)
            print(
                f"{argument} {count} {suffix}: check --jobs 1 {count / process:.0f} files per CPU s"
                f" ({process:.2f} s, start-up included); in one process {count / whole:.0f} "
                f"files per CPU s = {whole / count * 1000:.2f} ms a file: reader "
                f"{reader / count * 1000:.2f} ms ({reader / whole:.0%}), analysis and checks "
                f"{(whole - reader) / count * 1000:.2f} ms [load {os.getloadavg()[0]:.1f}]",
                flush=True,
            )


if __name__ == "__main__":
    main()
