"""Which pack checks a memo, and why (`--show-pack`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_MD = (REPO / "examples" / "zwolle-beslisnota-citydeal.md").read_text("utf-8")


def test_front_matter_type_chooses_the_pack(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "memo.md"
    memo.write_text(SEED_MD.replace("type: collegevoorstel", "type: raadsvoorstel"), "utf-8")
    result = run("check", str(memo), "--show-pack", "--format", "concise")
    assert (
        f"{memo}: pack raadsvoorstel (kind raadsvoorstel, template raadsvoorstel" in result.output
    )
    assert "confidence 1.00; front matter 'type: raadsvoorstel')" in result.output


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
    assert "pack raadsvoorstel (kind raadsvoorstel, template raadsvoorstel" in by_glob.output
    assert "; 'types' glob 'raad/*.md' in" in by_glob.output
    by_option = run(
        "check", str(memo), "--show-pack", "--pack", "informatienota", "--format", "concise"
    )
    assert "pack informatienota (kind informatienota, template informatienota" in by_option.output
    assert "--pack option)" in by_option.output


def test_detection_from_the_memo_text(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memo = tmp_path / "rib.txt"
    memo.write_text("Raadsinformatiebrief\n\nOnderwerp Iets\n\nInleiding\nTekst.\n", "utf-8")
    result = run("check", str(memo), "--show-pack", "--format", "concise")
    assert "pack informatienota (kind informatienota, template unknown" in result.output
    assert "detected: informatienota: line 1 'Raadsinformatiebrief'" in result.output
    assert "ML004" in result.output and result.exit_code == 0


def test_a_non_memo_is_not_checked_and_says_why(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    motie = tmp_path / "motie.txt"
    motie.write_text(
        "GEMEENTERAAD\nMotie: Meer bankjes in het park\nIndiener: A. Jansen\n"
        "De raad van de gemeente Voorbeeld, in vergadering bijeen op 1 mei 2025,\n"
        "constaterende, dat:\n- er te weinig bankjes zijn;\nverzoekt het college\n"
        "- meer bankjes te plaatsen,\nen gaat over tot de orde van de dag.\n",
        "utf-8",
    )
    result = run("check", str(motie), "--show-pack", "--format", "concise")
    assert result.exit_code == 0
    assert f"{motie}: not checked (kind motie" in result.output
    findings = [line for line in result.output.splitlines() if line.startswith(str(motie) + ":")]
    assert [line for line in findings if " ML" in line] == [
        f"{motie}:1:1: ML003 [info] Niet gecontroleerd: dit is geen besluitvormend memo maar "
        "motie (regel 2 'Motie: Meer bankjes in het park')."
    ]
    forced = run("check", str(motie), "--pack", "raadsvoorstel", "--format", "concise")
    assert "ML003" not in forced.output and "ML101" in forced.output
