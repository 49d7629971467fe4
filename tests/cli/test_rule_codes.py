"""One grammar for rule codes (issue 10 point 6): the CLI, the config and suppression comments
refuse a code, prefix or name no rule has — with where and the closest code — and accept rule
names as aliases everywhere, like markdownlint."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SEED_MD, edit, lint
from memo_lint.codes import Catalogue, form_problem, split

BROKEN = edit(SEED_MD.read_text("utf-8"), "\nn.v.t.\n", "\n[TODO]\n")  # ML701
CATALOGUE = Catalogue.of([("ML101", "required-section"), ("ML202", "budget-change-details")])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "ML9"], "--select: 'ML9' names no rule (no rule code starts with ML9)"),
        (["--select", "ML1O1"], "did you mean ML101?"),
        (["--ignore", "XX1"], "--ignore: 'XX1' names no rule"),
        (["--ignore", "budget-chnage-details"], "did you mean ML202 (budget-change-details)?"),
        (["--extend-select", "ML999"], "--extend-select: 'ML999' names no rule"),
        (["--extend-ignore", "ML1 O1"], "--extend-ignore: 'ML1 O1' is not a rule code"),
    ],
)
def test_unknown_codes_on_the_command_line_are_usage_errors(  # type: ignore[no-untyped-def]
    run, args: list[str], message: str
) -> None:
    Path("memo.md").write_text(BROKEN, "utf-8")
    result = run("check", *args, "memo.md", "--lang", "en")
    assert result.exit_code == 2
    assert message in result.output


def test_rule_names_are_aliases_on_the_command_line(run) -> None:  # type: ignore[no-untyped-def]
    Path("memo.md").write_text(BROKEN, "utf-8")
    assert "ML701" in run("check", "--format", "concise", "memo.md").output
    quiet = run("check", "--ignore", "template-placeholder", "--format", "concise", "memo.md")
    assert "ML701" not in quiet.output
    # ML701 is a warning (precision policy, docs/corpus-findings.md): fail on warnings here.
    extended = run(
        "check", "--select", "ML3", "--extend-select", "ml7", "--fail-on", "warning", "memo.md"
    )
    assert extended.exit_code == 1
    assert run("check", "--select", "ML3", "memo.md").exit_code == 0
    assert run("check", "--extend-ignore", "ML701", "memo.md").exit_code == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('select = ["ML9"]\n', ".memo-lint.toml: select: 'ML9' names no rule"),
        ('ignore = ["budget-chnage-details"]\n', "did you mean ML202"),
        ('[severity]\nML7 = "warning"\n', "severity: 'ML7' is a prefix"),
        ('[per-file-ignores]\n"*.md" = ["XX1"]\n', "per-file-ignores.'*.md': 'XX1' names no rule"),
        ('[[overrides]]\nfiles = ["*.md"]\nselect = ["ML1O1"]\n', "ML1O1"),
    ],
)
def test_unknown_codes_in_the_config_are_config_errors(  # type: ignore[no-untyped-def]
    run, config: str, message: str
) -> None:
    Path("memo.md").write_text(BROKEN, "utf-8")
    Path(".memo-lint.toml").write_text(config, "utf-8")
    result = run("check", "memo.md", "--lang", "en")
    assert result.exit_code == 2
    assert message in result.output


def test_rule_names_are_aliases_in_the_config(run) -> None:  # type: ignore[no-untyped-def]
    Path("memo.md").write_text(BROKEN, "utf-8")
    Path(".memo-lint.toml").write_text('[severity]\ntemplate-placeholder = "warning"\n', "utf-8")
    result = run("check", "--format", "concise", "memo.md")
    assert "ML701 [warning]" in result.output
    assert result.exit_code == 0


def test_a_suppression_naming_no_rule_is_reported_and_suppresses_nothing() -> None:
    text = edit(BROKEN, "\n[TODO]\n", "\n<!-- memo-lint-disable-next-line ML7O1 -->\n[TODO]\n")
    found = lint(text, today="2024-03-01")
    assert ("ML701", 30) in found
    assert ("ML002", 29) in found
    from helpers import violations

    (inert,) = [v for v in violations(text, today="2024-03-01") if v.code == "ML002"]
    assert "ML7O1" in inert.message and "collegevoorstel" in inert.message


def test_an_enable_comment_naming_no_rule_is_reported() -> None:
    text = edit(
        BROKEN,
        "\n[TODO]\n",
        "\n<!-- memo-lint-disable ML701 -->\n[TODO]\n<!-- memo-lint-enable ML7O1 -->\n",
    )
    found = lint(text, today="2024-03-01")
    assert ("ML002", 31) in found and ("ML701", 30) not in found


def test_a_suppression_may_name_the_rule() -> None:
    text = edit(
        BROKEN,
        "\n[TODO]\n",
        "\n<!-- memo-lint-disable-next-line template-placeholder -->\n[TODO]\n",
    )
    found = lint(text, today="2024-03-01")
    assert not [f for f in found if f[0] in ("ML701", "ML002")]


def test_the_grammar() -> None:
    assert split(["ml1, ML301", "budget-change-details"]) == (
        "ML1",
        "ML301",
        "budget-change-details",
    )
    assert form_problem("ML101") is None and form_problem("required-section") is None
    assert form_problem("ML1O1") and form_problem("ML 1") and form_problem("Required")
    assert CATALOGUE.resolve("ml1") == ("ML1",)
    assert CATALOGUE.resolve("budget-change-details") == ("ML202",)
    assert CATALOGUE.resolve("ML3") is None
    assert "did you mean ML101?" in CATALOGUE.problem("ML1O1", "--select").text("en")
    assert "bedoelde je ML101?" in CATALOGUE.problem("ML1O1", "--select").text("nl")


def test_packs_use_the_same_grammar() -> None:
    """A pack's rule codes and names are what the CLI, config and comments accept."""
    from memo_lint.codes import CODE, NAME
    from memo_lint.pack_model import file_schema

    text = str(file_schema())
    assert f"^{CODE}$" in text and f"^{NAME}$" in text
