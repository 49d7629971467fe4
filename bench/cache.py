"""memo-lint benchmark: does a populated result cache slow a one-memo run down? (issue 15.1)

    python bench/cache.py                  # 10,000 cached entries, 15 interleaved repeats
    python bench/cache.py --count 1000 --repeats 5
    python bench/cache.py --instructions   # also valgrind instruction counts, one run each

It fills a private cache folder (bench/out/cache-bench/) by checking N memos, then times, in
interleaved order so the machine's noise hits each equally: `python -c pass`; one memo with
`--no-cache`; the same unchanged memo with the cache (a hit); and one memo edited before
every run (a miss that writes its entry). Every figure is a median and a ratio to
`python -c pass` of the same run. Target: neither cached figure slower than `--no-cache`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

from run import ENV, MEMO_LINT, OUT, SEED_TXT, build_corpus, instructions, run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each one-memo run's instructions with valgrind",
    )
    options = parser.parse_args()
    if not Path(MEMO_LINT).exists():
        raise SystemExit(f"{MEMO_LINT} not found: pip install . first")
    cache = OUT / "cache-bench"
    shutil.rmtree(cache, ignore_errors=True)
    ENV["MEMO_LINT_CACHE_DIR"] = str(cache)
    ENV.pop("CI", None)
    folder = build_corpus(options.count)
    work = OUT / "cache-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    run(
        [
            MEMO_LINT,
            "check",
            str(folder),
            "--jobs",
            "2",
            "--format",
            "json",
            "--output-file",
            str(work / "r.json"),
        ],
        work,
    )
    entries = sum(1 for _ in (cache / "results").rglob("*.json"))
    memo = work / "memo.txt"  # no config near it: --no-cache pays no config validation
    shutil.copy(sorted(folder.glob("memo-*"))[0], memo)
    edited = work / "edited.txt"
    text = SEED_TXT.read_text("utf-8")
    figures: dict[str, list[float]] = {
        "python -c pass": [],
        "--no-cache": [],
        "cache hit": [],
        "cache miss (edited)": [],
    }
    run([MEMO_LINT, "check", str(memo)], work)  # byte-code and this memo's entry in place
    for index in range(options.repeats):
        figures["python -c pass"].append(run([sys.executable, "-c", "pass"], work)[0])
        figures["--no-cache"].append(run([MEMO_LINT, "check", "--no-cache", str(memo)], work)[0])
        figures["cache hit"].append(run([MEMO_LINT, "check", str(memo)], work)[0])
        edited.write_text(text.replace("€9.000", f"€{index}.000"), "utf-8")
        figures["cache miss (edited)"].append(run([MEMO_LINT, "check", str(edited)], work)[0])
    bare = statistics.median(figures["python -c pass"])
    print(
        f"memo-lint cache benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
        f"{entries:,} entries in the cache"
    )
    for name, times in figures.items():
        median = statistics.median(times)
        print(f"  {name:22} median {median * 1000:6.0f} ms  {median / bare:5.1f}x python -c pass")
    uncached = statistics.median(figures["--no-cache"])
    for name in ("cache hit", "cache miss (edited)"):
        ratio = statistics.median(figures[name]) / uncached
        print(f"  {name} / --no-cache: {ratio:.2f}  (target <= 1.0)")
    if options.instructions:
        edited.write_text(text.replace("€9.000", "€1.234.000"), "utf-8")
        counts = {
            "python -c pass": instructions([sys.executable, "-c", "pass"], work, ENV),
            "--no-cache": instructions([MEMO_LINT, "check", "--no-cache", str(memo)], work, ENV),
            "cache hit": instructions([MEMO_LINT, "check", str(memo)], work, ENV),
            "cache miss (edited)": instructions([MEMO_LINT, "check", str(edited)], work, ENV),
        }
        base = counts["python -c pass"] or 1
        print("  instructions (valgrind callgrind, one run each; x = times python -c pass):")
        for name, count in counts.items():
            if count:
                print(f"  {name:22} {count / 1e6:8.0f} M  {count / base:5.1f}x")


if __name__ == "__main__":
    main()
