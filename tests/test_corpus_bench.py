"""bench/corpus.py --set: a second set of documents (the lead's hold-out) is linted and reported
on its own, without judgements: per rule the errors and warnings, every error with file:line
and message, and every document's recognition against its '# type:' line. Tried on a tiny
synthetic folder, never on bench/holdout2/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT

HEADER = "# source: synthetic\n# type: {type}\n# complete: yes\n# ---\n"
PROPOSAL = """Voorstel van het college inzake de verkoop van grond aan de Dorpsstraat

Inleiding
Het college wil grond verkopen.

Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:
De raad van de gemeente Den Haag, gezien het voorstel van het college van 31 februari 2025,
besluit:
I. de grond te verkopen.
"""
MOTIE = """Motie: Meer bomen
Indiener: A. Jansen
De raad van de gemeente Den Haag, in vergadering bijeen op 18 december 2024,
verzoekt het college
- bomen te planten,
en gaat over tot de orde van de dag.
"""


def run_set(folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), "--set", "tiny", "--dir", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_a_set_is_reported_per_rule_with_every_error(tmp_path: Path) -> None:
    (tmp_path / "gemeente").mkdir()
    (tmp_path / "gemeente" / "voorstel.txt").write_text(
        HEADER.format(type="raadsvoorstel") + PROPOSAL, "utf-8"
    )
    (tmp_path / "motie.txt").write_text(HEADER.format(type="NOT a memo: motie") + MOTIE, "utf-8")
    out = run_set(tmp_path)
    assert "set tiny: 2 documents (1 memos, 1 non-memos" in out
    assert "  ML704 1 0 0" in out  # per rule: errors, warnings, info
    assert "  ML003 0 0 1" in out
    assert "gemeente/voorstel.txt:11 ML704 '31 februari 2025' is geen bestaande datum." in out
    assert "non-memos with ML003 and nothing else: 1 of 1; errors on non-memos: 0" in out
    assert "decided wrongly" not in out


def test_a_memo_taken_for_a_non_memo_is_pointed_out(tmp_path: Path) -> None:
    (tmp_path / "motie.txt").write_text(HEADER.format(type="raadsvoorstel") + MOTIE, "utf-8")
    out = run_set(tmp_path)
    assert "memos not checked (taken for a non-memo or not recognised): 1" in out
    assert "motie.txt | raadsvoorstel | motie (not checked)" in out
    assert "<-- memo/non-memo decided wrongly" in out
