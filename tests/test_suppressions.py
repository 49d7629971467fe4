"""Suppression comments in Markdown, unused suppressions, and the --add-suppressions baseline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from memo_lint.api import LintOptions, lint_paths, lint_text
from memo_lint.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED_MD = (REPO / "examples" / "zwolle-beslisnota-citydeal.md").read_text("utf-8")
OPTIONS = LintOptions(use_cache=False, today=dt.date(2024, 3, 1))


def _found(text: str) -> list[tuple[str, int]]:
    return [(v.code, v.span.line) for v in lint_text(text, "memo.md", OPTIONS)]


def test_disable_until_end_and_enable() -> None:
    broken = SEED_MD.replace("Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk", "TODO")
    assert ("ML701", 59) in _found(broken)
    disabled = broken.replace("## Kader\n", "<!-- memo-lint-disable ML701 ML401 -->\n## Kader\n")
    assert [c for c, _ in _found(disabled)] == []
    enabled_again = disabled.replace(
        "## Beoogd effect", "<!-- memo-lint-enable ML701 -->\n## Beoogd effect"
    )
    enabled_again = enabled_again.replace(
        "regionale initiatieven op het gebied", "TODO initiatieven op het gebied"
    )
    assert [c for c, _ in _found(enabled_again)] == ["ML701"]


def test_disable_next_line_and_bare_disable() -> None:
    broken = SEED_MD.replace(
        "Collegevoorstel 31-05-2022: Deelname", "Collegevoorstel 31-02-2022: Deelname"
    )
    assert ("ML704", 59) in _found(broken)
    next_line = broken.replace(
        "Collegevoorstel 31-02", "<!-- memo-lint-disable-next-line ML704 -->\nCollegevoorstel 31-02"
    )
    assert [c for c, _ in _found(next_line) if c == "ML704"] == []
    bare = "<!-- memo-lint-disable -->\n" + broken
    assert _found(bare) == []


def test_unused_suppressions_are_reported() -> None:
    text = SEED_MD.replace("## Kader\n", "<!-- memo-lint-disable ML701 -->\n## Kader\n")
    found = _found(text)
    assert found == [("ML002", 57)]


def test_unused_suppression_of_a_rule_not_run_is_not_reported(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(
        SEED_MD.replace("## Kader\n", "<!-- memo-lint-disable ML701 -->\n## Kader\n"), "utf-8"
    )
    report = lint_paths([memo], LintOptions(use_cache=False, ignore=("ML7",)))
    assert report.violations == []


def test_add_suppressions_baseline_then_clean(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    broken = (REPO / "examples" / "broken" / "ML202-budget-change-without-details.md").read_text(
        "utf-8"
    )
    memo = tmp_path / "memo.md"
    memo.write_text(broken, "utf-8")
    text_memo = tmp_path / "memo.txt"
    text_memo.write_bytes((REPO / "examples" / "broken" / "ML301-no-publicity.txt").read_bytes())
    before_txt = text_memo.read_bytes()
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "check",
            str(memo),
            str(text_memo),
            "--add-suppressions",
            "--no-cache",
            "--format",
            "concise",
        ],
    )
    # The .txt memo cannot carry comments: its findings are still reported and fail the run.
    assert result.exit_code == 1, result.output
    assert "added 4 suppression comment(s) to 1 Markdown file(s)" in result.stderr
    assert f"{text_memo}: not baselined" in result.stderr
    assert f"{text_memo}:" in result.stdout and f"{memo}:" not in result.stdout
    assert text_memo.read_bytes() == before_txt  # never other formats
    after = memo.read_text("utf-8")
    assert "<!-- memo-lint-disable ML202 -->" in after
    assert "<!-- memo-lint-disable-next-line ML701 -->\n[invullen]" in after
    again = runner.invoke(main, ["check", str(memo), "--no-cache", "--format", "concise"])
    assert again.exit_code == 0, again.output
