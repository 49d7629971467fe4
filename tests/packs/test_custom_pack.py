"""A team's own pack: `extends: collegevoorstel` in a temporary folder, checked end to end
through the library; and invalid packs, which must name the file, the line and the JSON path."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from helpers import edit, seed_txt
from memo_lint.api import LintOptions, lint_paths
from memo_lint.errors import PackError

TODAY = dt.date(2024, 3, 1)

TEAM_PACK = """\
name: team
extends: collegevoorstel
title: {nl: Ons team, en: Our team}
sections:
  # Our template calls "Risico's" "Aandachtspunten".
  - {id: risicos, aliases: [Aandachtspunten]}
rules:
  # We do not fill in a Kader section.
  - code: ML101
    options:
      sections_remove: [kader]
  - {code: ML401, enabled: false}
  - {code: ML403, enabled: false}
  # Downgrade: an out-of-order section is only information for us.
  - {code: ML103, severity: info}
  - code: TM001
    name: no-city-deal-jargon
    kind: pattern
    severity: warning
    options:
      forbid:
        - pattern: "(?i)\\\\bdatagedreven\\\\b"
    message: {nl: "Vermijd het woord '{match}'.", en: "Avoid the word '{match}'."}
    rationale: {nl: Wij schrijven B1., en: We write plain language.}
"""


def lint_file(memo: Path, pack: Path) -> list[tuple[str, int, str]]:
    report = lint_paths([memo], LintOptions(pack=str(pack), today=TODAY, use_cache=False))
    return [(v.code, v.span.line, v.severity.value) for f in report.files for v in f.violations]


@pytest.fixture
def team(tmp_path: Path) -> Path:
    pack = tmp_path / "rules" / "team.yaml"
    pack.parent.mkdir()
    pack.write_text(TEAM_PACK, "utf-8")
    return pack


def test_custom_pack_end_to_end(tmp_path: Path, team: Path) -> None:
    text = edit(seed_txt(), "Risico’s \n", "Aandachtspunten \n")
    text = edit(text, "Kader \nCollegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n", "")
    memo = tmp_path / "memo.txt"
    memo.write_text(text, "utf-8")
    jargon = [
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if re.search(r"(?i)\bdatagedreven\b", line)
    ]
    assert len(jargon) == 2
    # Renamed section found, no Kader required, the new rule fires on each use of the word.
    assert lint_file(memo, team) == [("TM001", line, "warning") for line in jargon]
    # The same memo under the parent pack: the alias is unknown and Kader is missing.
    report = lint_paths([memo], LintOptions(pack="collegevoorstel", today=TODAY, use_cache=False))
    codes = [v.code for f in report.files for v in f.violations]
    assert codes.count("ML101") == 2  # 'Kader' and 'Risico's'
    assert "TM001" not in codes


def test_severity_override_and_disabled_rule(tmp_path: Path, team: Path) -> None:
    text = seed_txt()
    kader = "Kader \nCollegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk \n\n"
    moved = edit(edit(text, kader, ""), "Vervolg \n", kader + "Vervolg \n")
    moved = edit(
        moved, "Collegevoorstel 31-05-2022: Deelname City deal Slim Maatwerk", "Zie hierboven"
    )
    memo = tmp_path / "memo.txt"
    memo.write_text(moved, "utf-8")
    found = [(c, s) for c, _, s in lint_file(memo, team)]
    assert ("ML103", "info") in found  # downgraded
    assert not any(c == "ML401" for c, _ in found)  # disabled: 'Zie hierboven' names no framework


INVALID = {
    "bad-yaml": (
        "name: bad\ntitle: {nl: x, en: x\nrules: [\n",
        r"bad-yaml\.yaml:3:6: invalid YAML",
    ),
    "unknown-kind": (
        "name: k\nextends: collegevoorstel\ntitle: {nl: K, en: K}\nrules:\n  - code: TM001\n"
        "    name: x\n    kind: no-such-kind\n    severity: error\n"
        "    message: {nl: a, en: a}\n    rationale: {nl: a, en: a}\n",
        r"unknown-kind\.yaml:7: rule TM001 \(\$\.rules\[0\]\.kind\): 'no-such-kind' is not one of",
    ),
    "wrong-option": (
        "name: o\nextends: collegevoorstel\ntitle: {nl: O, en: O}\nrules:\n  - code: ML103\n"
        "    options:\n      orde: [inleiding, kader]\n",
        r"wrong-option\.yaml:7: rule ML103 \(\$\.rules\[0\]\.options\.orde\): "
        r"unknown key 'orde'; did you mean 'order'\?",
    ),
    "unknown-section": (
        "name: s\nextends: collegevoorstel\ntitle: {nl: S, en: S}\nrules:\n  - code: ML103\n"
        "    options:\n      order: [inleiding, kaders]\n",
        r"unknown-section\.yaml:\d+: .*unknown section 'kaders'",
    ),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_pack_names_file_line_and_path(tmp_path: Path, name: str) -> None:
    text, expected = INVALID[name]
    pack = tmp_path / f"{name}.yaml"
    pack.write_text(text, "utf-8")
    memo = tmp_path / "memo.txt"
    memo.write_text(seed_txt(), "utf-8")
    with pytest.raises(PackError, match=expected):
        lint_paths([memo], LintOptions(pack=str(pack), today=TODAY, use_cache=False))


def test_extends_cycle_names_the_closing_extends_line(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: a\nextends: b.yaml\ntitle: {nl: A, en: A}\n", "utf-8")
    (tmp_path / "b.yaml").write_text("name: b\n\nextends: a.yaml\ntitle: {nl: B, en: B}\n", "utf-8")
    memo = tmp_path / "memo.txt"
    memo.write_text(seed_txt(), "utf-8")
    with pytest.raises(
        PackError, match=r"b\.yaml:3: \(\$\.extends\): .*cycle \(a\.yaml → b\.yaml → a\.yaml\)"
    ):
        lint_paths([memo], LintOptions(pack=str(tmp_path / "a.yaml"), today=TODAY, use_cache=False))
