"""Peak memory of `memo-lint check` per output format (issue 15: <= 150 MB on 10,000 memos).

    python bench/memory.py                            # every format, --jobs 1 and 2, 10,000 memos
    python bench/memory.py --count 1000 --formats html json --jobs 2
    python bench/memory.py --memo-lint OTHER/.venv/bin/memo-lint --keep before/   # compare
    python bench/memory.py --cached             # every memo a result-cache hit (quick)

The memos are bench/run.py's generated txt+md set (built on first use). Each run is
`memo-lint check FOLDER --no-cache --jobs J --format F --output-file OUT`, sampled every
50 ms with psutil over the whole process tree (the CLI and its workers):

- tree: the peak of the sum of the tree's RSS at one moment (workers are forked, so pages
  they share with the parent count twice: an upper bound);
- tree PSS: the same with each process's proportional set size (a shared page counted once,
  split between its sharers): what the tree really occupies;
- parent: the CLI process's own peak RSS (VmHWM, read just before it exits);
- largest: the kernel's maximum resident set of any one process of the tree (wait4).

`--keep DIR` keeps each report (DIR/FORMAT) so two installations can be compared byte for
byte (cmp). `--cached` fills a result cache once (bench/out/memory/cache, itself measured as
`json (fill)`), then measures every format with all 10,000 memos as cache hits: no workers,
the parent keeps and prints what a run without the cache does, in a fraction of the time (a
--no-cache run of every format and --jobs takes hours on a shared machine). Figures only, no
target enforced: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENV, MEMO_LINT, OUT, build_corpus

FORMATS = ["concise", "full", "json", "json-lines", "sarif", "junit", "github", "gitlab", "html"]


class Sampler(threading.Thread):
    """Peak summed RSS of a process and its descendants, and the process's own VmHWM."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.tree_peak = 0
        self.pss_peak = 0
        self.parent_peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = pss = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    full = process.memory_full_info()
                    total, pss = total + full.rss, pss + full.pss
            try:  # VmHWM: the kernel's own peak for the parent, sampling gaps included
                for line in Path(f"/proc/{self.root.pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.parent_peak = max(self.parent_peak, int(line.split()[1]) * 1024)
            except OSError:
                pass
            self.tree_peak = max(self.tree_peak, total)
            self.pss_peak = max(self.pss_peak, pss)
            time.sleep(0.05)


def measure(
    args: list[str], cwd: Path, env: dict[str, str]
) -> tuple[float, float, float, float, float, float]:
    """Wall seconds, CPU seconds and peak MB (tree RSS, tree PSS, parent, largest process)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = Sampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    sampler.done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"command failed ({status}): {' '.join(args)}\n{error}")
    mb = 1024 * 1024
    return (
        elapsed,
        usage.ru_utime + usage.ru_stime,
        sampler.tree_peak / mb,
        sampler.pss_peak / mb,
        sampler.parent_peak / mb,
        usage.ru_maxrss / 1024,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--formats", nargs="+", default=FORMATS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memo-lint", default=MEMO_LINT, help="the memo-lint to measure")
    parser.add_argument("--keep", type=Path, help="keep each report in this folder")
    parser.add_argument("--cached", action="store_true", help="every memo a cache hit")
    options = parser.parse_args()
    folder = build_corpus(options.count)
    work = OUT / "memory"
    work.mkdir(parents=True, exist_ok=True)
    env = {**ENV, "MEMO_LINT_CACHE_DIR": str(work / "cache")}
    env.pop("CI", None)  # the cache is off in CI
    mode = "result-cache hits" if options.cached else "--no-cache"
    print(f"{options.count:,} txt+md memos ({folder}), {mode}, {options.memo_lint}")
    print(
        f"{'format':<11} {'jobs':>4} {'tree MB':>8} {'tree PSS':>8} {'parent MB':>9} "
        f"{'largest MB':>10} {'wall s':>7} {'CPU s':>6} {'load':>5}"
    )

    def once(name: str, jobs: int, label: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        args = [
            options.memo_lint,
            "check",
            str(folder),
            "--jobs",
            str(jobs),
            "--format",
            name,
            "--output-file",
            str(target),
        ]
        if not options.cached:
            args.append("--no-cache")
        wall, cpu, tree, pss, parent, largest = measure(args, work, env)
        print(
            f"{label:<11} {jobs:>4} {tree:>8.0f} {pss:>8.0f} {parent:>9.0f} {largest:>10.0f} "
            f"{wall:>7.1f} {cpu:>6.1f} {os.getloadavg()[0]:>5.1f}",
            flush=True,
        )

    if options.cached:
        once("json", max(options.jobs), "json (fill)", work / "fill.json")
    for jobs in options.jobs:
        for name in options.formats:
            once(name, jobs, name, (options.keep or work) / f"{name}-{jobs}")
        if options.cached:
            break  # no worker runs when every memo is a hit: --jobs changes nothing


if __name__ == "__main__":
    main()
