"""Flags users of ruff and markdownlint expect: --exit-zero, -V, --color, stdin, explain."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_MD = REPO / "examples" / "zwolle-beslisnota-citydeal.md"
BROKEN = REPO / "examples" / "broken" / "ML301-no-publicity.txt"


def test_exit_zero_reports_but_passes(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(BROKEN), "--exit-zero", "--format", "concise")
    assert result.exit_code == 0
    assert "ML301" in result.output


def test_exit_zero_keeps_usage_errors_at_2(run) -> None:  # type: ignore[no-untyped-def]
    assert run("check", "nope.md", "--exit-zero").exit_code == 2


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(run, flag: str) -> None:  # type: ignore[no-untyped-def]
    result = run(flag)
    assert result.exit_code == 0 and result.output.startswith("memo-lint, version ")


def test_color_always_survives_a_pipe(run) -> None:  # type: ignore[no-untyped-def]
    coloured = run("check", str(BROKEN), "--format", "concise", "--color", "always")
    plain = run("check", str(BROKEN), "--format", "concise")
    assert "\x1b[" in coloured.output
    assert "\x1b[" not in plain.output  # auto: the runner's stdout is no terminal


def test_stdin_without_a_name_is_reported_as_dash(run) -> None:  # type: ignore[no-untyped-def]
    memo = SEED_MD.read_text("utf-8").replace("- [x] Openbaar", "- [ ] Openbaar")
    result = run("check", "-", "--format", "concise", stdin=memo)
    assert result.exit_code == 1
    assert "-:33:3: ML301" in result.output  # read as Markdown: the checkbox is seen


def test_stdin_filename_needs_dash(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", str(SEED_MD), "--stdin-filename", "memo.md")
    assert result.exit_code == 2
    assert "--stdin-filename" in result.output


def test_explain_finds_a_code_of_any_built_in_pack(run) -> None:  # type: ignore[no-untyped-def]
    result = run("explain", "ML505")  # introduced by raadsvoorstel, not the default pack
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ML505 ")


def test_explain_unknown_code_is_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("explain", "ML999", "--lang", "en")
    assert result.exit_code == 2
    assert "any built-in pack" in result.output


def test_force_exclude_skips_a_named_readme(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    (tmp_path / "README.md").write_text("# Memo's\n\nDeze map bevat memo's.\n", "utf-8")
    named = json.loads(run("check", "README.md", "--format", "json").output)
    assert named["summary"]["files"] == 1  # named explicitly: checked, as before
    forced = run("check", "README.md", "--force-exclude", "--format", "json")
    assert forced.exit_code == 0
    assert json.loads(forced.output)["summary"]["files"] == 0


def test_help_lists_every_input_format(run) -> None:  # type: ignore[no-untyped-def]
    text = run("check", "--help").output
    for suffix in (".txt", ".md", ".docx", ".pdf", ".odt"):
        assert suffix in text
