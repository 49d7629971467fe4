"""Hostile rule packs and configs, end to end through the CLI: exit 2 with a message that names
the file (and the rule or key), or a run that finishes in bounded time — never a hang.

Each child starts with an empty pack cache, so the timed check includes validating the pack.
"""

from __future__ import annotations

import shutil
import string
from pathlib import Path

import pytest
from hostilekit import check_json

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
MiB = 1024 * 1024

PACK_HEAD = """extends: collegevoorstel
name: hostile
title: {nl: Vijandig, en: Hostile}
sections:
  - {id: kader, aliases: [Juridisch kader]}
rules:
"""


def _pattern_rule(code: str, pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"  - {{code: {code}, name: r-{code.lower()}, kind: pattern, severity: warning, "
        f'options: {{forbid: [{{pattern: "{escaped}"}}]}}, '
        'message: {nl: "{match}", en: "{match}"}, rationale: {nl: T, en: T}}\n'
    )


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    target = tmp_path / "memo.txt"
    shutil.copy(SEED, target)
    return target


def test_yaml_billion_laughs_pack(tmp_path: Path, memo: Path) -> None:
    laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
    )
    pack = tmp_path / "laughs.yaml"
    pack.write_text("name: laughs\n" + laughs, "utf-8")
    run = check_json([str(memo)], tmp_path, "--pack", str(pack))
    assert run.exit_code == 2
    assert "laughs.yaml" in run.stderr and "aliases expand it by more than 200,000" in run.stderr
    run.assert_bounded()


def test_catastrophic_backtracking_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    """``(a+)+$`` on 'aaa…ab' takes exponential time on a backtracking engine; RE2 is linear."""
    pack = tmp_path / "backtrack.yaml"
    pack.write_text(PACK_HEAD + _pattern_rule("HX001", "(a+)+$"), "utf-8")
    memo = tmp_path / "memo.txt"
    memo.write_text(SEED.read_text("utf-8") + "\n" + "a" * 100_000 + "b\naaaa\n", "utf-8")
    run = check_json([str(memo)], tmp_path, "--pack", str(pack), "--today", "2023-01-01")
    hits = [v for v in run.violations if v["code"] == "HX001"]
    last = len(memo.read_text("utf-8").split("\n")) - 1
    assert [(v["line"], v["column"], v["end_column"]) for v in hits] == [(last, 1, 5)]
    assert run.exit_code == 0  # HX001 is a warning
    run.assert_bounded()


def test_invalid_re2_pattern_names_the_rule(tmp_path: Path, memo: Path) -> None:
    pack = tmp_path / "lookbehind.yaml"
    pack.write_text(PACK_HEAD + _pattern_rule("HX002", "(?<=Gemeente )Zwolle"), "utf-8")
    run = check_json([str(memo)], tmp_path, "--pack", str(pack))
    assert run.exit_code == 2
    assert "lookbehind.yaml" in run.stderr and "rule HX002" in run.stderr
    assert "RE2" in run.stderr
    run.assert_bounded()


def test_pack_extending_itself(tmp_path: Path, memo: Path) -> None:
    pack = tmp_path / "self.yaml"
    pack.write_text(PACK_HEAD.replace("collegevoorstel", "self.yaml") + _pattern_rule("HX003", "x"))
    run = check_json([str(memo)], tmp_path, "--pack", str(pack))
    assert run.exit_code == 2
    assert "cycle (self.yaml → self.yaml)" in run.stderr
    run.assert_bounded()


def test_two_packs_extending_each_other(tmp_path: Path, memo: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nname: a\n")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n")
    run = check_json([str(memo)], tmp_path, "--pack", str(tmp_path / "a.yaml"))
    assert run.exit_code == 2
    assert "cycle (a.yaml → b.yaml → a.yaml)" in run.stderr
    run.assert_bounded()


def _code(index: int) -> str:
    high, low = divmod(index // 1000, 26)
    return "X" + string.ascii_uppercase[high] + string.ascii_uppercase[low] + f"{index % 1000:03d}"


def test_pack_with_10000_rules(tmp_path: Path) -> None:
    """Written out without aliases, 10,000 rules are ~290,000 YAML nodes: within the limits.

    Measured here: ~18 s to validate it the first time (jsonschema over every rule, twice),
    ~2 s to lint with it once validated (see SECURITY.md). The bound catches a hang or a
    quadratic step, not a slow machine.
    """
    pack = tmp_path / "many.yaml"
    pack.write_text(
        PACK_HEAD + "".join(_pattern_rule(_code(i), f"\\bwoord{i}\\b") for i in range(10_000)),
        "utf-8",
    )
    assert pack.stat().st_size < 2 * MiB  # the pack size limit
    memo = tmp_path / "memo.txt"
    memo.write_text(SEED.read_text("utf-8") + "\nwoord77 en woord9999\n", "utf-8")
    first = check_json(
        [str(memo)], tmp_path, "--pack", str(pack), "--today", "2023-01-01", hang_seconds=300
    )
    codes = [v["code"] for v in first.violations]
    assert codes == [_code(77), _code(9999)]
    first.assert_bounded(max_seconds=180.0, max_rss=600 * MiB)


@pytest.mark.parametrize(
    ("config", "fragments"),
    [
        ('pack = "collegevoorstel"\nselect = [ML1]\n', ["invalid TOML", ".memo-lint.toml:2:"]),
        ('pack = "collegevoorstel"\nfail-onn = "error"\n', ["fail-onn"]),
        ("fail-on = 3\n", ["fail-on"]),
        ('select = "ML1"\n', ["select"]),
        ('[severity]\nML101 = "fatal"\n', ["severity", "ML101"]),
    ],
    ids=["bad-toml", "unknown-key", "wrong-type", "string-not-list", "bad-level"],
)
def test_broken_config_is_exit_2_naming_file_and_key(
    tmp_path: Path, memo: Path, config: str, fragments: list[str]
) -> None:
    (tmp_path / ".memo-lint.toml").write_text(config, "utf-8")
    run = check_json([str(memo)], tmp_path)
    assert run.exit_code == 2, run.stdout
    assert ".memo-lint.toml" in run.stderr
    for fragment in fragments:
        assert fragment in run.stderr, run.stderr
    assert run.stdout == ""
    run.assert_bounded()
