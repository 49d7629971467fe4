"""`memo-lint config`: the effective settings for a memo and where each one comes from."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

from memo_lint.api import Linter, LintOptions
from memo_lint.effective_config import effective_config

Run = Callable[..., Result]

CONFIG = """
pack = "collegevoorstel"
select = ["ML1", "ML2", "ML3", "ML5", "ML7"]
ignore = ["ML103"]
fail-on = "warning"
lang = "en"

[per-file-ignores]
"archief/*.md" = ["ML701"]

[severity]
ML105 = "error"

[types]
"raad/*.md" = "raadsvoorstel"

[[overrides]]
files = ["archief/*.md"]
pack = "informatienota"
select = ["ML3"]
ignore = ["ML402"]
"""


def _json(run: Run, *args: str) -> dict[str, Any]:
    result = run("config", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _one(data: dict[str, Any], key: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = data["settings"][key]
    assert len(entries) == 1, entries
    return entries[0]


def test_without_config_every_value_is_the_builtin_default(run: Run) -> None:
    data = _json(run)
    assert data["config_file"] is None and data["exists"] is False
    assert data["memo"].endswith("memo.md")
    assert _one(data, "pack") == {
        "value": "collegevoorstel",
        "origin": "default",
        "source": "default pack",
    }
    assert _one(data, "select")["value"] == [] and _one(data, "select")["origin"] == "default"
    assert _one(data, "ignore")["value"] is None
    assert _one(data, "fail-on") == {
        "value": "error",
        "origin": "default",
        "source": "built-in default",
    }
    assert _one(data, "lang")["value"] == "nl" and _one(data, "lang")["origin"] == "default"


def test_values_from_the_config_file_name_the_file_and_key(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".memo-lint.toml").write_text(CONFIG, "utf-8")
    config = str(tmp_path / ".memo-lint.toml")
    data = _json(run, "nota.md")
    assert data["config_file"] == config
    pack = _one(data, "pack")
    assert (pack["value"], pack["origin"]) == ("collegevoorstel", "config")
    assert pack["source"] == f"'pack' in {config}"
    assert _one(data, "select") == {
        "value": ["ML1", "ML2", "ML3", "ML5", "ML7"],
        "origin": "config",
        "source": f"'select' in {config}",
    }
    assert data["settings"]["ignore"] == [
        {"value": "ML103", "origin": "config", "source": f"'ignore' in {config}"}
    ]
    assert _one(data, "severity")["value"] == {"ML105": "error"}
    assert _one(data, "fail-on")["source"] == f"'fail-on' in {config}"
    assert _one(data, "lang")["value"] == "en"


def test_per_file_ignores_types_and_overrides_matched_for_the_file(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / ".memo-lint.toml").write_text(CONFIG, "utf-8")
    archived = _json(run, "archief/oud.md")
    pack = _one(archived, "pack")
    assert pack["value"] == "informatienota"
    assert pack["source"].startswith("'overrides' for archief/*.md in ")
    assert _one(archived, "select")["value"] == ["ML3"]
    assert _one(archived, "select")["source"].startswith("'overrides' for archief/*.md")
    ignored = [(e["value"], e["source"].split(" in ")[0]) for e in archived["settings"]["ignore"]]
    assert ignored == [
        ("ML103", "'ignore'"),
        ("ML701", "'per-file-ignores' glob 'archief/*.md'"),
        ("ML402", "'overrides' for archief/*.md"),
    ]
    council = _one(_json(run, "raad/voorstel.md"), "pack")
    assert council["value"] == "raadsvoorstel"
    assert council["source"].startswith("'types' glob 'raad/*.md' in ")


def test_command_line_options_win_and_say_so(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".memo-lint.toml").write_text(CONFIG, "utf-8")
    data = _json(
        run,
        "archief/oud.md",
        "--pack",
        "raadsvoorstel",
        "--select",
        "ML5",
        "--ignore",
        "ml6",
        "--fail-on",
        "info",
        "--lang",
        "nl",
    )
    assert _one(data, "pack") == {
        "value": "raadsvoorstel",
        "origin": "command-line",
        "source": "--pack option",
    }
    assert _one(data, "select") == {
        "value": ["ML5"],
        "origin": "command-line",
        "source": "--select option",
    }
    assert data["settings"]["ignore"][-1] == {
        "value": "ML6",
        "origin": "command-line",
        "source": "--ignore option",
    }
    assert _one(data, "fail-on")["value"] == "info"
    assert _one(data, "lang") == {
        "value": "nl",
        "origin": "command-line",
        "source": "--lang option",
    }


def test_front_matter_type_comes_from_the_memo(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".memo-lint.toml").write_text('pack = "collegevoorstel"\n', "utf-8")
    (tmp_path / "typed.md").write_text("---\ntype: informatienota\n---\n\n# Brief\n", "utf-8")
    typed = _one(_json(run, "typed.md"), "pack")
    assert typed == {
        "value": "informatienota",
        "origin": "memo",
        "source": "front matter 'type: informatienota'",
    }


def test_detected_pack_names_the_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "raad.txt").write_text("Raadsvoorstel\n\nOnderwerp: parkeren\n", "utf-8")
    detected = _one(_json(run, "raad.txt"), "pack")
    assert detected["origin"] == "memo" and detected["value"] == "raadsvoorstel"
    assert detected["source"].startswith("detected: raadsvoorstel: line 1 'Raadsvoorstel'")


def test_pyproject_table_is_found_and_text_output_lists_every_key(run: Run, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "memos"\n\n[tool.memo-lint]\nignore = ["ML6"]\n', "utf-8"
    )
    (tmp_path / "memos").mkdir()
    result = run("config", "memos")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("memo ") and "memos/memo.md" in lines[0]
    assert str(tmp_path / "pyproject.toml") in lines[1]
    keys = [line.split()[0] for line in lines[2:]]
    assert keys == ["pack", "select", "ignore", "severity", "fail-on", "lang"]
    ignore = next(line for line in lines if line.startswith("ignore"))
    assert "ML6" in ignore and f"'ignore' in {tmp_path / 'pyproject.toml'}" in ignore


def test_invalid_config_exits_2_with_file_and_key(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".memo-lint.toml").write_text('fail-on = "fatal"\n', "utf-8")
    result = run("config")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("memo-lint: fout: ")  # Dutch unless --lang en
    assert str(tmp_path / ".memo-lint.toml") in result.stderr and "'fail-on'" in result.stderr


def test_unknown_pack_in_config_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / ".memo-lint.toml").write_text('pack = "bestaat-niet"\n', "utf-8")
    result = run("config")
    assert result.exit_code == 2
    assert "onbekend regelpakket 'bestaat-niet'" in result.stderr


def test_reported_values_are_the_ones_check_uses(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    (tmp_path / ".memo-lint.toml").write_text(CONFIG, "utf-8")
    memo = tmp_path / "archief" / "oud.md"
    options = LintOptions(ignore=("ML6",))
    effective = effective_config(memo, options)
    linter = Linter(options)
    plan = linter.plan(memo, None)
    assert [s.value for s in effective.get("ignore")] == list(plan.settings.ignore)
    assert effective.get("select")[0].value == list(plan.settings.select)
    assert effective.get("pack")[0].value == plan.pack.name


def test_a_front_matter_type_naming_no_pack_is_noted_but_the_config_decides(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / ".memo-lint.toml").write_text('pack = "collegevoorstel"\n', "utf-8")
    (tmp_path / "typed.md").write_text("---\ntype: bestaat-niet\n---\n\n# Brief\n", "utf-8")
    typed = _one(_json(run, "typed.md"), "pack")
    assert typed["value"] == "collegevoorstel" and typed["origin"] == "config"
    assert typed["source"] == (
        f"front matter 'type: bestaat-niet' names no pack; 'pack' in {tmp_path / '.memo-lint.toml'}"
    )
