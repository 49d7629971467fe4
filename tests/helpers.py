"""Shared helpers for the rule, analysis and reader tests: lint a snippet, get (code, line)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from memo_lint import kind_docs, packs
from memo_lint.analysis import analyse
from memo_lint.api import Linter, LintOptions
from memo_lint.model import Document, Severity, Source, Violation
from memo_lint.pack import Pack
from memo_lint.readers import read_source

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_TXT = EXAMPLES / "zwolle-beslisnota-citydeal.txt"
SEED_MD = EXAMPLES / "zwolle-beslisnota-citydeal.md"
RULE_FIXTURES = ROOT / "tests" / "fixtures" / "rules"
RULE_CASES = RULE_FIXTURES / "cases.yaml"
CORPUS_FIXTURES = ROOT / "tests" / "fixtures" / "packs" / "corpus"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

Finding = tuple[str, int]


def seed_txt() -> str:
    return SEED_TXT.read_text(encoding="utf-8")


def seed_md() -> str:
    return SEED_MD.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """``text`` with ``old`` replaced by ``new``; fails loudly when ``old`` is not there.

    A variant built from the seed must really differ from it, or a firing test could pass
    on an unchanged memo after someone edits the seed.
    """
    found = text.count(old)
    assert found >= count, f"{old!r} occurs {found} times, expected at least {count}"
    return text.replace(old, new, count)


def rule_cases() -> dict[str, Any]:
    """tests/fixtures/rules/cases.yaml: ``today`` and ``cases`` (name → seed + edits or file,
    pack, findings)."""
    import yaml

    loaded: dict[str, Any] = yaml.safe_load(RULE_CASES.read_text("utf-8"))
    return loaded


def case_bytes(case: dict[str, Any]) -> bytes:
    """The memo a rule case describes: its own file, or its base with each edit applied once."""
    if "file" in case:
        return (RULE_FIXTURES / case["file"]).read_bytes()
    base: str = case["seed"]
    if base in ("seed.txt", "seed.md"):
        text = (SEED_TXT if base == "seed.txt" else SEED_MD).read_text("utf-8")
    else:
        text = (CORPUS_FIXTURES / base.removeprefix("corpus/")).read_text("utf-8")
    for change in case["edits"]:
        assert text.count(change["replace"]) == 1, f"not exactly once: {change['replace']!r}"
        text = text.replace(change["replace"], change["with"])
    return text.encode("utf-8")


def write_rule_cases(folder: Path) -> list[Path]:
    """Every rule case as a file named like the case (the suffix picks the reader)."""
    written = []
    for name, case in rule_cases()["cases"].items():
        path = folder / name
        path.write_bytes(case_bytes(case))
        written.append(path)
    return written


def date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def violations(
    text: str,
    path: str = "memo.md",
    *,
    today: str | None = None,
    select: Iterable[str] = (),
    pack: str | None = None,
) -> list[Violation]:
    """Lint ``text`` as if it were the file ``path`` (the suffix picks the reader)."""
    options = LintOptions(
        pack=pack,
        select=tuple(select),
        today=date(today) if today else None,
        use_cache=False,
    )
    return _linter(options).lint_bytes(path, text.encode("utf-8"), Path(path)).violations


@lru_cache(maxsize=64)
def _linter(options: LintOptions) -> Linter:
    """One linter per set of options: it keeps the validated pack between tests."""
    return Linter(options)


def lint(
    text: str,
    path: str = "memo.md",
    *,
    today: str | None = None,
    select: Iterable[str] = (),
    pack: str | None = None,
) -> list[Finding]:
    """``[(code, line), …]`` in report order: what the rule tests compare against."""
    found = violations(text, path, today=today, select=select, pack=pack)
    return [(v.code, v.span.line) for v in found]


def run_kind(
    kind: str,
    options: dict[str, Any],
    text: str,
    path: str = "memo.md",
    *,
    today: str | None = None,
    file_info: dict[str, Any] | None = None,
) -> list[tuple[str | None, int]]:
    """``[(variant, line), …]`` of one check kind with its own ``options`` on ``text`` (read as
    a file with ``file_info``, ``FileInfo`` fields, when given): kind tests test the kind, not
    a pack's rule (rule tests live under tests/packs/)."""
    found = kind_docs.run_kind(
        kind,
        options,
        text,
        default_pack(),
        path=path,
        today=date(today) if today else None,
        file_info=file_info,
    )
    return [(f.variant, f.span.line) for f in found]


def errors(found: Iterable[Violation]) -> list[Violation]:
    return [v for v in found if v.severity is Severity.ERROR]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based number of the line holding the ``occurrence``-th ``needle``: keeps tests readable."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} (occurrence {occurrence}) not in the text")


def default_pack() -> Pack:
    return packs.load(packs.DEFAULT_PACK, None)


def source(text: str, path: str = "memo.md") -> Source:
    return read_source(path, text.encode("utf-8"))


def document(text: str, path: str = "memo.md", pack: Pack | None = None) -> Document:
    """The analysed document of ``text``: what the checks see."""
    return analyse(source(text, path), pack or default_pack())


def modules_a_check_imports(path: Path, candidates: Iterable[str]) -> list[str]:
    """Which of ``candidates`` a one-file ``memo-lint check --no-cache`` of ``path`` imports,
    run in a fresh interpreter (a test's own imports would hide the answer)."""
    import subprocess
    import sys

    names = sorted(candidates)
    code = (
        "import sys\nfrom memo_lint.cli import main\n"
        f"try:\n    main(['check', '--no-cache', '--today', '2026-11-29', {str(path)!r}])\n"
        "except SystemExit as exit:\n    status = exit.code\n"
        f"print(status, *[m for m in {names!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status, *imported = out.stdout.strip().splitlines()[-1].split(" ")
    assert status in ("0", "1"), out.stderr  # linted, not a usage error (2)
    return imported
