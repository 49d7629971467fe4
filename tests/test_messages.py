"""One message catalogue (issue 11.7): every text memo-lint itself writes for a reader is an
entry of :data:`memo_lint.messages.CATALOGUE` with Dutch and English, and ``--lang`` picks
the language of each mechanism that uses it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import SEED_MD
from memo_lint.cli import main
from memo_lint.messages import CATALOGUE, LocalText, say
from memo_lint.messages_errors import ERRORS, said

SRC = Path(__file__).resolve().parents[1] / "src" / "memo_lint"
# Entries whose Dutch and English are the same word.
SAME_IN_BOTH = {"personal.bsn", "personal.iban", "codes.where", "pack.lines", "pack.problem"}
# Keys built at run time from a prefix (f"report.{key}", f"count.{noun}.one", …).
BUILT_FROM = ("count.", "report.", "reference.", "personal.", "laws.verified.", "docs.")
EVERY = {**CATALOGUE, **ERRORS}  # the catalogue: what a run says, and what ends it with exit 2


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(EVERY))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    text = EVERY[key]
    assert text.nl.strip() and text.en.strip()
    assert placeholders(text.nl) == placeholders(text.en)
    if key not in SAME_IN_BOTH:
        assert text.nl != text.en


@pytest.mark.parametrize("key", sorted(EVERY))
def test_lang_switches_every_entry(key: str) -> None:
    values = {name: 1234567 for name in placeholders(EVERY[key].en)}
    say_it = said if key in ERRORS else say
    rendered = {lang: say_it(key, lang, **values) for lang in ("nl", "en")}
    assert rendered == {
        "nl": EVERY[key].nl.format(**values),
        "en": EVERY[key].en.format(**values),
    }


def test_the_two_halves_of_the_catalogue_share_no_key() -> None:
    assert set(CATALOGUE).isdisjoint(ERRORS)


def test_every_entry_is_used() -> None:
    code = "\n".join(
        p.read_text("utf-8")
        for p in SRC.rglob("*.py")
        if p.name not in ("messages.py", "messages_errors.py")
    )
    unused = [
        key
        for key in EVERY
        if f'"{key}"' not in code and f"'{key}'" not in code and not key.startswith(BUILT_FROM)
    ]
    assert unused == []


def test_no_bilingual_text_outside_the_catalogue() -> None:
    """No ``lang == "nl"`` choice between two literals and no ``{"nl": …, "en": …}`` table in
    src (pack files, the kinds' pack examples and the pack schema are data; dutch.py's month
    names are vocabulary)."""
    found = []
    for path in SRC.rglob("*.py"):
        if path.name in {"messages.py", "messages_errors.py", "dutch.py", "schema.py"}:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        examples = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Example"
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in examples:
                continue
            if isinstance(node, ast.Compare) and any(
                isinstance(c, ast.Constant) and c.value in ("nl", "en") for c in node.comparators
            ):
                found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Dict) and {"nl", "en"} <= {
                k.value for k in node.keys if isinstance(k, ast.Constant)
            }:
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


# -- --lang switches each mechanism that writes through the catalogue ---------------------


def check(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-29", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lang_switches_unreadable_reasons_and_the_summary(tmp_path: Path, lang: str) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(b"abc\x00def")
    output = check("--format", "concise", "--lang", lang, str(memo))
    assert say("text.nul-bytes", lang) in output
    assert (
        say(
            "report.found",
            lang,
            counts=say("count.error.one", lang, count=1),
            files=say("count.file.one", lang, count=1),
        )
        in output
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lang_switches_recognition_reasons(tmp_path: Path, lang: str) -> None:
    memo = tmp_path / "motie.txt"
    memo.write_text("GEMEENTERAAD\nMotie: Meer bankjes in het park\nIndiener: A. Jansen\n")
    output = check("--format", "concise", "--fail-on", "info", "--lang", lang, str(memo))
    assert say("recognition.cue", lang, line=2, text="Motie: Meer bankjes in het park") in output


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lang_switches_the_reporters_words(tmp_path: Path, lang: str) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text(SEED_MD.read_text("utf-8").replace("\nn.v.t.\n", "\n[TODO]\n"), "utf-8")
    output = check("--format", "html", "--lang", lang, str(memo))
    assert say("report.title", lang) in output
    assert f"{say('report.line', lang)} " in output


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_lang_switches_explain_and_init(tmp_path: Path, lang: str) -> None:
    explained = CliRunner().invoke(main, ["explain", "ML101", "--lang", lang]).output
    assert f"{say('docs.why', lang)}: " in explained
    first = CliRunner().invoke(main, ["init", str(tmp_path), "--lang", lang])
    assert first.exit_code == 0, first.output
    assert say("init.written", lang, path=tmp_path / ".memo-lint.toml") in first.output
    again = CliRunner().invoke(main, ["init", str(tmp_path), "--lang", lang])
    assert again.exit_code == 2
    assert say("init.exists", lang, path=tmp_path / ".memo-lint.toml") in again.output


def test_an_unreadable_file_says_why_in_both_languages() -> None:
    from memo_lint.errors import UnreadableFile

    error = UnreadableFile("pdf.too-many-pages", pages=600, limit=500)
    assert error.reason_in("en") == str(error) == error.reason
    assert "600" in error.reason_in("nl") and error.reason_in("nl") != error.reason_in("en")
    assert re.search(r"pagina", error.reason_in("nl"))
    assert isinstance(CATALOGUE["pdf.too-many-pages"], LocalText)
