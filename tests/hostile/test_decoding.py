"""One stray byte in a UTF-8 memo is read as Windows-1252 on its own, and reported (ML005);
pack files are size-checked before they are read (issue 10.15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostilekit import check_json

from memo_lint.readers import Limits
from memo_lint.readers.text import decode

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "zwolle-beslisnota-citydeal.txt"
SEED_MD = ROOT / "examples" / "zwolle-beslisnota-citydeal.md"


def test_decode_reads_each_stray_byte_alone_and_names_its_line() -> None:
    data = "Financiële\r\nregel twee € 5\nFinanci".encode() + b"\xeble\rlaatste \x81\n"
    text, lines = decode(data, Limits())
    assert text == "Financiële\r\nregel twee € 5\nFinanciële\rlaatste \ufffd\n"
    assert lines == [3, 4]
    assert decode("alles € goed\n".encode(), Limits()) == ("alles € goed\n", [])
    # A whole Windows-1252 file reads as before, every line with such a byte named.
    legacy = "Financiële\nniets\n€ 9.000\n".encode("cp1252")
    assert decode(legacy, Limits()) == ("Financiële\nniets\n€ 9.000\n", [1, 3])


@pytest.mark.parametrize("seed", [SEED, SEED_MD], ids=["txt", "md"])
def test_one_stray_byte_changes_nothing_but_adds_ml005(tmp_path: Path, seed: Path) -> None:
    data = seed.read_bytes()
    lines = data.split(b"\n")
    # The stray byte goes into an ordinary line; the headings with "ë" stay UTF-8.
    target = next(i for i, line in enumerate(lines) if b"Zwolle" in line and i > 20)
    lines[target] = lines[target].replace(b"Zwolle", b"Zw\xf6lle", 1)
    memo = tmp_path / f"stray{seed.suffix}"
    memo.write_bytes(b"\n".join(lines))
    run = check_json([str(memo)], tmp_path, "--today", "2023-01-01")
    baseline = check_json([str(seed)], tmp_path, "--today", "2023-01-01")
    found = [(v["code"], v["line"]) for v in run.violations]
    assert ("ML005", target + 1) in found
    assert [f for f in found if f[0] != "ML005"] == [
        (v["code"], v["line"]) for v in baseline.violations
    ]
    ml005 = next(v for v in run.violations if v["code"] == "ML005")
    assert ml005["severity"] == "info" and f"line {target + 1}" in ml005["message"]
    assert run.exit_code == baseline.exit_code


def test_a_3_gb_sparse_pack_costs_a_stat_not_the_memory(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    pack = tmp_path / "huge.yaml"
    with pack.open("wb") as stream:
        stream.truncate(3 * 1024**3)  # sparse: no disk used
    run = check_json([str(memo)], tmp_path, "--pack", str(pack))
    assert run.exit_code == 2
    assert "larger than 2,097,152 bytes" in run.stderr
    run.assert_bounded()
    assert run.peak_rss - run.rss_before < 50 * 1024**2
    os.unlink(pack)
