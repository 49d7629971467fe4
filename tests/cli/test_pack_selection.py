"""Which pack checks a memo, and why (`--show-pack`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_MD = (REPO / "examples" / "zwolle-beslisnota-citydeal.md").read_text("utf-8")


def test_front_matter_type_chooses_the_pack(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.md"
    memo.write_text(SEED_MD.replace("type: collegevoorstel", "type: raadsvoorstel"), "utf-8")
    result = run("check", str(memo), "--show-pack", "--format", "concise")
    assert f"{memo}: pack raadsvoorstel (front matter 'type: raadsvoorstel')" in result.output


def test_unknown_front_matter_type_falls_back_and_says_so(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.md"
    memo.write_text(SEED_MD.replace("type: collegevoorstel", "type: raadsvoorstl"), "utf-8")
    result = run("check", str(memo), "--show-pack", "--format", "concise")
    assert "front matter 'type: raadsvoorstl' names no pack; " in result.output
    assert result.exit_code in (0, 1)


def test_config_types_glob_and_pack_option(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "raad").mkdir()
    memo = tmp_path / "raad" / "memo.md"
    memo.write_text(SEED_MD.replace("type: collegevoorstel\n", ""), "utf-8")
    (tmp_path / ".memo-lint.toml").write_text('[types]\n"raad/*.md" = "raadsvoorstel"\n', "utf-8")
    by_glob = run("check", str(memo), "--show-pack", "--format", "concise")
    assert "pack raadsvoorstel ('types' glob 'raad/*.md' in" in by_glob.output
    by_option = run(
        "check", str(memo), "--show-pack", "--pack", "informatienota", "--format", "concise"
    )
    assert "pack informatienota (--pack option)" in by_option.output


def test_detection_from_the_memo_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "rib.txt"
    memo.write_text("Raadsinformatiebrief\n\nOnderwerp Iets\n\nInleiding\nTekst.\n", "utf-8")
    result = run("check", str(memo), "--show-pack", "--format", "concise")
    assert "detected: line 1 'Raadsinformatiebrief'" in result.output
