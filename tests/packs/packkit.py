"""Shared by the pack tests: the corpus copies and the clean synthetic memos, linted with a pack."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT, Finding, lint

PACK_FIXTURES = ROOT / "tests" / "fixtures" / "packs"
CORPUS = PACK_FIXTURES / "corpus"
# No corpus memo states a date the deadline rules could use unless a test gives one.
TODAY = "2026-11-28"


def corpus_path(prefix: str) -> Path:
    """The copy of ``../shared/corpus/real/<prefix>_*.txt``."""
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path


def corpus_text(prefix: str) -> str:
    return corpus_path(prefix).read_text("utf-8")


def fixture_text(name: str) -> str:
    return (PACK_FIXTURES / name).read_text("utf-8")


def lint_with(pack: str, text: str, path: str = "memo.txt", today: str = TODAY) -> list[Finding]:
    return lint(text, path, pack=pack, today=today)


def lint_corpus(pack: str, prefix: str, today: str = TODAY) -> list[Finding]:
    path = corpus_path(prefix)
    return lint(path.read_text("utf-8"), path.name, pack=pack, today=today)
