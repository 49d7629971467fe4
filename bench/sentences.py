"""Sentence splitting on Dutch government prose: memo-lint's splitter against libraries.

    python bench/sentences.py                 # memo-lint's own splitter and the old regex
    python bench/sentences.py --libraries     # also pysbd, syntok, sentencex, sentence-splitter
                                              # (install them first; none is a dependency)

The gold set, ``bench/data/sentences-gold.json``: 53 paragraphs drawn at random (seed 12) from
the paragraphs of the tuning corpus (Den Haag and Zaanstad in ../shared/corpus/dev and real/,
the Zwolle seed; never a hold-out body) that hold a citation or an abbreviation ("artikel 5.1,
tweede lid", "o.a.", "nr.", "d.d.", "mln."), with footnote dumps left out. Each paragraph lists
where its sentences after the first start, judged by hand. A splitter is scored on the
boundaries it finds: precision, recall, F1, and the wrong splits inside a citation or after an
abbreviation, which are what cut a rule's sentence window short. Cost: milliseconds to split
every paragraph of the 142 tuning documents (one memo's worth is that divided by 142).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "bench" / "data" / "sentences-gold.json"
# Labelled after the splitter was written, before it was run on them: the honest check.
CHECK = REPO / "bench" / "data" / "sentences-check.json"
CORPUS = REPO.parent.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO / "src"))

Splitter = Callable[[str], list[str]]
TUNING_REAL = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13", "14"}
TUNING_REAL = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13", "14"}


def _gold_ends(item: dict[str, object]) -> set[int]:
    text = str(item["text"])
    ends, position = set(), 0
    for prefix in item["starts"]:  # type: ignore[attr-defined]
        position = text.index(prefix, position + 1)
        ends.add(position)
    return ends


def _found_ends(text: str, pieces: list[str]) -> set[int]:
    """Where each piece after the first starts in ``text``."""
    ends, position = set(), 0
    for index, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece[:20], position)
        if found < 0:
            continue
        if index:
            ends.add(found)
        position = found + max(len(piece) - 1, 1)
    ends.discard(0)
    return ends


def memo_lint_splitter() -> Splitter:
    from memo_lint.text import split_sentences

    return lambda text: [text[a:b] for a, b in split_sentences(text)]


def old_regex_splitter() -> Splitter:
    """What deadline.py used before: a period and a capital."""
    pattern = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de0-9‘'\"“(])")
    return lambda text: pattern.split(text)


def library_splitters() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {}
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="nl", clean=False)
        found["pysbd 0.3 (nl)"] = segmenter.segment
    except ImportError:
        pass
    try:
        import syntok.segmenter as syntok_segmenter

        def syntok_split(text: str) -> list[str]:
            return [
                "".join(t.spacing + t.value for t in sentence).strip()
                for paragraph in syntok_segmenter.analyze(text)
                for sentence in paragraph
            ]

        found["syntok 1.4"] = syntok_split
    except ImportError:
        pass
    try:
        from sentencex import segment

        found["sentencex 1.0 (nl)"] = lambda text: list(segment("nl", text))
    except ImportError:
        pass
    try:
        from sentence_splitter import SentenceSplitter

        moses = SentenceSplitter(language="nl")
        found["sentence-splitter 1.4 (nl)"] = moses.split
    except ImportError:
        pass
    return found


def _paragraphs() -> tuple[list[str], int]:
    paths = [
        *sorted((CORPUS / "dev" / "denhaag").glob("*.txt")),
        *sorted((CORPUS / "dev" / "zaanstad").glob("*.txt")),
        *[p for p in sorted((CORPUS / "real").glob("*.txt")) if p.name[:2] in TUNING_REAL],
    ]
    paragraphs = []
    for path in paths:
        text = path.read_text(encoding="utf-8").split("# ---", 1)[-1]
        paragraphs += [
            " ".join(b.split()) for b in re.split(r"\n\s*\n", text.replace("\f", "\n\n"))
        ]
    return [p for p in paragraphs if p], len(paths)


def score(
    name: str,
    split: Splitter,
    sets: list[list[dict[str, object]]],
    paragraphs: list[str],
    documents: int,
) -> None:
    cells = [_counts(split, gold) for gold in sets]
    started = time.perf_counter()
    for paragraph in paragraphs:
        split(paragraph)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"| {name} | {' | '.join(cells)} | {elapsed:.0f} | {elapsed / documents:.2f} |")


def _counts(split: Splitter, gold: list[dict[str, object]]) -> str:
    """Right splits, wrong splits, missed boundaries and F1 on one labelled set."""
    tp = fp = fn = 0
    for item in gold:
        text = str(item["text"])
        want = _gold_ends(item)
        got = _found_ends(text, split(text))
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{tp} | {fp} | {fn} | {f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--libraries", action="store_true", help="also measure the libraries")
    args = parser.parse_args()
    sets = [json.loads(path.read_text(encoding="utf-8")) for path in (GOLD, CHECK)]
    paragraphs, documents = _paragraphs()
    for label, gold in zip(("gold (tuned on)", "check (unseen)"), sets, strict=True):
        boundaries = sum(len(item["starts"]) for item in gold)
        print(f"{label}: {len(gold)} paragraphs, {boundaries} boundaries")
    print(f"cost: {len(paragraphs)} paragraphs of {documents} documents\n")
    print(
        "| splitter | gold: right | wrong | missed | F1 | check: right | wrong | missed | F1 "
        "| ms all | ms/memo |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    splitters = {
        "memo-lint (memo_lint.text)": memo_lint_splitter(),
        "old regex (deadline.py)": old_regex_splitter(),
    }
    if args.libraries:
        splitters.update(library_splitters())
    for name, split in splitters.items():
        score(name, split, sets, paragraphs, documents)


if __name__ == "__main__":
    main()
