"""`memo-lint init`: a commented config that loads, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import Result

from memo_lint import __version__
from memo_lint.config import load
from memo_lint.config_schema import SCHEMA_PATH
from memo_lint.config_validation import ConfigModel
from memo_lint.project_init import config_template

Run = Callable[..., Result]
KEYS = [f.alias or name for name, f in ConfigModel.model_fields.items()]
# A commented-out example line: a key, a quoted glob, a table header or an ML code.
EXAMPLE = re.compile(r'^# ((\[\[?[a-z-]+\]\]?)|("[^"]+" = )|([a-z-]+ = )|(ML\d+ = ))')


def _uncomment_examples(text: str) -> str:
    return "\n".join(line[2:] if EXAMPLE.match(line) else line for line in text.splitlines())


def test_init_writes_a_config_that_loads_and_a_pre_commit_config(run: Run, tmp_path: Path) -> None:
    result = run("init")
    assert result.exit_code == 0, result.output
    config = tmp_path / ".memo-lint.toml"
    assert "Geschreven: .memo-lint.toml" in result.stdout
    loaded = load(config)
    # No pack pinned: each document is recognised (issue 12); the line is there, commented.
    assert (loaded.pack, loaded.fail_on, loaded.lang) == (None, "error", "nl")
    assert '# pack = "collegevoorstel"' in config.read_text("utf-8")
    assert loaded.select == () and loaded.ignore == () and loaded.overrides == ()
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hooks["repos"][0]["repo"] == "local"
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "memo-lint",
        "memo-lint check --force-exclude",
        "system",
    )
    assert hook["require_serial"] is True  # one run per commit: one summary
    assert re.search(hook["files"], "memos/nota.docx") and not re.search(hook["files"], "a.py")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache") == [
        ".memo-lint.toml",
        ".pre-commit-config.yaml",
    ]  # no temp files left behind


def test_every_key_is_documented_in_dutch_and_english() -> None:
    text = config_template()
    comments = [line for line in text.splitlines() if line.startswith("#")]
    for key in KEYS:
        position = next(
            i
            for i, line in enumerate(text.splitlines())
            if re.match(rf"^(# )?(\[\[?)?{re.escape(key)}\b", line)
        )
        before = text.splitlines()[max(0, position - 4) : position]
        assert any(line.startswith("# ") for line in before), key
    assert any("Regelpakket" in line for line in comments)  # Dutch
    assert any("Rule pack" in line for line in comments)  # English


def test_commented_examples_are_valid_config_too(tmp_path: Path) -> None:
    """Uncommenting the examples must give a working config, not a validation error."""
    text = _uncomment_examples(config_template())
    assert len(text.splitlines()) == len(config_template().splitlines())
    target = tmp_path / ".memo-lint.toml"
    target.write_text(text, "utf-8")
    loaded = load(target)
    assert loaded.severity == {"ML105": "error"}
    assert loaded.per_file_ignores == {"archief/**/*.md": ("ML6", "ML701")}
    assert loaded.types == {"raad/**/*.md": "raadsvoorstel", "informatie/**": "informatienota"}
    assert loaded.overrides[0].files == ("oud/**/*.txt",)
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    jsonschema.validate(tomllib.loads(text), schema)
    jsonschema.validate(tomllib.loads(config_template()), schema)


def test_existing_config_is_refused_unless_force(run: Run, tmp_path: Path) -> None:
    config = tmp_path / ".memo-lint.toml"
    config.write_text('pack = "raadsvoorstel"\n', "utf-8")
    refused = run("init")
    assert refused.exit_code == 2
    assert refused.stderr.startswith("memo-lint: fout: ")
    assert "bestaat al" in refused.stderr and "--force" in refused.stderr
    assert config.read_text("utf-8") == 'pack = "raadsvoorstel"\n'
    english = run("init", "--lang", "en")
    assert english.exit_code == 2 and "already exists; use --force" in english.stderr
    forced = run("init", "--force", "--pack", "raadsvoorstel", "--lang", "en")
    assert forced.exit_code == 0, forced.output
    assert load(config).pack == "raadsvoorstel" and load(config).lang == "en"


def test_existing_pre_commit_config_is_left_alone_and_the_snippet_printed(
    run: Run, tmp_path: Path
) -> None:
    hooks = tmp_path / ".pre-commit-config.yaml"
    original = (
        "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
        "    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace\n"
    )
    hooks.write_text(original, "utf-8")
    result = run("init", "--repo", "https://git.example.org/memo-lint.git")
    assert result.exit_code == 0, result.output
    assert hooks.read_text("utf-8") == original
    assert "voeg onder 'repos:' toe" in result.stdout
    snippet = result.stdout.split("toe:\n", 1)[1]
    merged = yaml.safe_load(original + snippet)
    assert merged["repos"][1] == {
        "repo": "https://git.example.org/memo-lint.git",
        "rev": f"v{__version__}",
        "hooks": [{"id": "memo-lint"}],
    }
    (tmp_path / ".memo-lint.toml").unlink()
    hooks.write_text(original + snippet, "utf-8")
    again = run("init")
    assert "noemt memo-lint al" in again.stdout


def test_init_into_a_new_folder(run: Run, tmp_path: Path) -> None:
    result = run("init", "memos/2024")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "memos" / "2024" / ".memo-lint.toml").is_file()
    assert (tmp_path / "memos" / "2024" / ".pre-commit-config.yaml").is_file()


def test_unknown_pack_is_refused_before_anything_is_written(run: Run, tmp_path: Path) -> None:
    result = run("init", "--pack", "bestaat-niet")
    assert result.exit_code == 2 and "onbekend regelpakket" in result.stderr
    assert not (tmp_path / ".memo-lint.toml").exists()


PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (.[test])")
def test_pre_commit_accepts_the_written_config(run: Run, tmp_path: Path) -> None:
    assert run("init").exit_code == 0
    executable = str(PRE_COMMIT)
    checked = subprocess.run(
        [executable, "validate-config", ".pre-commit-config.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
