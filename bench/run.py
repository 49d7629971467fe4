"""memo-lint benchmark: start-up, throughput, cache, memory, Word and PDF.

    python bench/run.py                 # N = 1,000 and 10,000 (several minutes)
    python bench/run.py --sizes 1000    # quicker

It builds its own corpus under bench/out/ from the reference memo and its Markdown rendition
(sections dropped, dates and amounts changed), runs the installed `memo-lint` as a user
would, and prints figures. Everything compared is measured in the same run, interleaved,
so ratios hold on a noisy shared machine. Targets (issue 6) are printed beside the figures;
nothing here fails on them — these machines are too noisy for timed assertions.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
SEED_TXT = REPO / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = REPO / "examples" / "zwolle-beslisnota-citydeal.md"
WORD = REPO / "tests" / "fixtures" / "docx" / "seed.docx"
PDF = REPO / "tests" / "fixtures" / "pdf" / "seed.pdf"
BIN = Path(sys.executable).parent
MEMO_LINT = str(BIN / "memo-lint")


def _vary(text: str, rng: random.Random, markdown: bool) -> str:
    """A realistic variant: a section dropped, other dates and amounts, a typo now and then."""
    if markdown:
        parts = re.split(r"(?m)^(?=## )", text)
        if rng.random() < 0.3 and len(parts) > 3:
            parts.pop(rng.randrange(2, len(parts)))
        text = "".join(parts)
    elif rng.random() < 0.3:
        for heading in ("Communicatie \n", "Vervolg \n", "Beoogd effect \n"):
            if rng.random() < 0.5:
                text = text.replace(heading, "")
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2024)
    text = text.replace("31-05-2022", f"{day:02d}-{month:02d}-{year}")
    text = text.replace("€9.000", f"€{rng.randint(1, 999)}.{rng.randint(0, 999):03d}")
    if rng.random() < 0.1:
        text = text.replace("Financiën", "Finacien")
    return text


def walk_despite_gitignore(folder: Path) -> None:
    """bench/out/ is in the repository's .gitignore, which a folder walk honours: not here."""
    (folder / ".memo-lint.toml").write_text("respect-gitignore = false\n", "utf-8")


def build_corpus(count: int) -> Path:
    folder = OUT / f"memos-{count}"
    if folder.is_dir() and sum(1 for _ in folder.glob("memo-*")) == count:
        walk_despite_gitignore(folder)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    walk_despite_gitignore(folder)
    rng = random.Random(count)
    sources = (SEED_TXT.read_text("utf-8"), SEED_MD.read_text("utf-8"))
    for index in range(count):
        markdown = index % 2 == 1
        text = _vary(sources[markdown], rng, markdown)
        (folder / f"memo-{index:05d}.{'md' if markdown else 'txt'}").write_text(text, "utf-8")
    return folder


def build_binary_corpus(kind: Path, count: int) -> Path:
    folder = OUT / f"{kind.suffix[1:]}-{count}"
    folder.mkdir(parents=True, exist_ok=True)
    walk_despite_gitignore(folder)
    for index in range(count):
        target = folder / f"memo-{index:04d}{kind.suffix}"
        if not target.exists():
            shutil.copy(kind, target)
    return folder


# As installed for a user: byte-code is written and reused (some shells here export
# PYTHONDONTWRITEBYTECODE, which would make every run compile memo-lint from source).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process of the tree) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"command failed ({status}): {' '.join(args)}")
    return elapsed, usage.ru_maxrss / 1024


def startup(repeats: int) -> None:
    work = OUT / "startup"
    work.mkdir(parents=True, exist_ok=True)
    seed = work / "seed.txt"
    shutil.copy(SEED_TXT, seed)
    run([MEMO_LINT, "check", str(seed)], work)  # fill the pack cache once
    lint, bare = [], []
    for _ in range(repeats):
        bare.append(run([sys.executable, "-c", "pass"], work)[0])
        lint.append(run([MEMO_LINT, "check", str(seed)], work)[0])
    ratio = statistics.median(lint) / statistics.median(bare)
    print(f"1. single memo: memo-lint check seed.txt  median {statistics.median(lint) * 1000:.0f} ms; "
          f"python -c pass {statistics.median(bare) * 1000:.0f} ms; ratio {ratio:.1f}x  (target <= 5x)")


def throughput(count: int) -> None:
    folder = build_corpus(count)
    work = OUT / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    base = [MEMO_LINT, "check", str(folder), "--format", "json", "--output-file", str(work / "r.json")]
    for jobs in (1, 2):
        seconds, rss = run([*base, "--no-cache", "--jobs", str(jobs)], work)
        print(f"2. {count:,} txt/md memos, --jobs {jobs}, no cache: {count / seconds:,.0f} memos/s "
              f"({seconds:.1f} s), peak RSS {rss:.0f} MB  (target >= 1,000/s with --jobs 2, <= 150 MB)")
    run(base, work)  # fill the result cache
    seconds, rss = run(base, work)
    print(f"3. {count:,} memos, unchanged re-run (cache hits): {count / seconds:,.0f} memos/s "
          f"({seconds:.2f} s), peak RSS {rss:.0f} MB  (target >= 10,000/s)")


def binary_formats(count: int) -> None:
    work = OUT / "work"
    work.mkdir(parents=True, exist_ok=True)
    for kind, target in ((WORD, 100), (PDF, None)):
        folder = build_binary_corpus(kind, count)
        seconds, rss = run([MEMO_LINT, "check", str(folder), "--no-cache", "--jobs", "1",
                            "--format", "json", "--output-file", str(work / "b.json")], work)
        goal = f"  (target >= {target}/s)" if target else ""
        print(f"5. {count} {kind.suffix} memos, --jobs 1: {count / seconds:,.0f} memos/s, "
              f"peak RSS {rss:.0f} MB{goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--binary-count", type=int, default=200)
    options = parser.parse_args()
    if not Path(MEMO_LINT).exists():
        raise SystemExit(f"{MEMO_LINT} not found: pip install . first")
    print(f"memo-lint benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    startup(options.repeats)
    for size in options.sizes:
        throughput(size)
    binary_formats(options.binary_count)
    print("4. peak RSS: shown per run above")


if __name__ == "__main__":
    main()
