"""Property-based and mutation testing: whatever the memo, memo-lint answers, and answers well.

Memos are generated from the document model (the default pack's sections in random order,
duplicated or dropped, field lines, checkboxes, dates valid and invalid, amounts, decision
points, footnotes, noise) and mutated from the seed and the real corpus (sections dropped,
duplicated, swapped, lines truncated, random bytes inserted, encodings switched, CRLF/CR/LF
mixed). For each memo:

- no exception escapes ``lint_paths`` or the CLI, and the exit code is 0, 1 or 2;
- every span lies inside the file as read (line within the line count, columns within the
  line length + 1, end >= start) and a single-line span covers text (a non-empty slice);
- the output is deterministic (the same input twice gives identical JSON);
- linting never changes the file (SHA-256 before and after).

CI runs a small number of examples; the full run (see SECURITY.md) is::

    MEMO_LINT_FUZZ_EXAMPLES=5000 python -m pytest tests/fuzz -q   # 2 x 5,000 memos
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memo_lint import packs
from memo_lint.api import LintOptions, lint_paths
from memo_lint.cli import main
from memo_lint.errors import UnreadableFile
from memo_lint.readers import read_source
from memo_lint.reporters import RenderOptions, reporter_for

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    ROOT / "examples" / "zwolle-beslisnota-citydeal.txt",
    ROOT / "examples" / "zwolle-beslisnota-citydeal.md",
]
SHARED = ROOT.parent / "shared"
CORPUS_TXT = sorted((SHARED / "corpus" / "real").glob("*.txt"))
CORPUS_PDF = sorted((SHARED / "corpus" / "pdf").rglob("*.pdf"))
EXAMPLES = int(os.environ.get("MEMO_LINT_FUZZ_EXAMPLES", "60"))
TODAY = dt.date(2023, 6, 1)
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # never write .hypothesis/ into the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="memo-lint-fuzz-"))
    old = os.environ.get("MEMO_LINT_CACHE_DIR")
    os.environ["MEMO_LINT_CACHE_DIR"] = str(folder / "cache")  # packs validated once
    try:
        yield folder
    finally:
        if old is None:
            os.environ.pop("MEMO_LINT_CACHE_DIR", None)
        else:
            os.environ["MEMO_LINT_CACHE_DIR"] = old
        shutil.rmtree(folder, ignore_errors=True)


# -- the properties ------------------------------------------------------------------------


def _lines_as_read(path: Path) -> tuple[list[str], bool]:
    """The file's lines as its reader sees them, and whether any text lies outside front matter."""
    try:
        source = read_source(str(path), path.read_bytes())
    except UnreadableFile:
        return [], False
    skipped = source.front_matter_span.end_line if source.front_matter_span else 0
    body = any(line.text.strip() for line in source.lines if line.number > skipped)
    return [line.text for line in source.lines], body


def _json(path: Path) -> str:
    report = lint_paths([path], LintOptions(use_cache=False, today=TODAY))
    return reporter_for("json")(report, RenderOptions())


def assert_span_inside(violation: dict[str, Any], lines: list[str], body: bool = True) -> None:
    line, column = violation["line"], violation["column"]
    end_line, end_column = violation["end_line"], violation["end_column"]
    where = f"{violation['code']} {line}:{column}-{end_line}:{end_column}"
    if not lines:  # unreadable or empty: the diagnostic sits at the start of the file
        assert (line, column) == (1, 1), where
        return
    assert 1 <= line <= end_line <= len(lines), f"{where} outside {len(lines)} lines"
    assert 1 <= column <= len(lines[line - 1]) + 1, f"{where}: line has {len(lines[line - 1])}"
    assert 1 <= end_column <= len(lines[end_line - 1]) + 1, where
    if line == end_line:
        assert end_column >= column, where
        if lines[line - 1].strip():
            assert lines[line - 1][column - 1 : end_column - 1], f"{where} is an empty slice"


def assert_properties(path: Path, cli: bool = True) -> dict[str, Any]:
    """Every property on one file; returns the parsed JSON report."""
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    first = _json(path)
    second = _json(path)
    assert first == second, "same input, different output"
    report: dict[str, Any] = json.loads(first)
    assert report["summary"]["exit_code"] in (0, 1)  # a memo never makes a usage error
    lines, body = _lines_as_read(path)
    for violation in report["violations"]:
        assert_span_inside(violation, lines, body)
    if cli:
        args = ["check", "--no-cache", "--format", "json", "--today", TODAY.isoformat(), str(path)]
        result = CliRunner().invoke(main, args)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in (0, 1, 2)
        assert result.exit_code == report["summary"]["exit_code"]
        assert json.loads(result.stdout)["violations"] == report["violations"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "linting changed the file"
    return report


# -- memos generated from the document model -----------------------------------------------


@cache
def _sections() -> list[tuple[str, ...]]:
    pack = packs.load(packs.DEFAULT_PACK, None)
    return [(s.title, *s.aliases) for s in pack.sections]


@cache
def _fields() -> tuple[str, ...]:
    return packs.load(packs.DEFAULT_PACK, None).fields


_VOCABULARY = (
    "de het college besluit gemeente raad budget kosten Openbaar Geheim Woo artikel 5.1 "
    "Gemeentewet 87 opzeggen uiterlijk termijn bijlage [invullen] XXX TODO € ja nee"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))
_DATES = st.one_of(
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(lambda d: d.strftime("%d-%m-%Y")),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(lambda d: f"{d.day} mei {d.year}"),
    st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(0, 2100)).map(
        lambda t: f"{t[0]:02d}-{t[1]:02d}-{t[2]}"
    ),
    st.sampled_from(["31-02-2022", "32 mei 2023", "29 februari 2023", "00-00-0000"]),
)
_AMOUNTS = st.one_of(
    st.integers(0, 10**9).map(lambda n: f"€ {n:,}".replace(",", ".")),
    st.decimals(0, 10**6, places=2).map(lambda d: f"€ {d},-".replace(".", ",")),
    st.sampled_from(["€ 12 miljoen", "EUR 1.000,00", "€", "€ ,-", "twee miljoen euro"]),
)


@st.composite
def _body_line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        key = draw(st.sampled_from(_fields()))
        value = draw(st.one_of(st.sampled_from(["Ja", "Nee", "", "Openbaar"]), _AMOUNTS, _DATES))
        return f"{key}{draw(st.sampled_from([': ', ' ', ':']))}{value}"
    if kind == 1:
        box = draw(st.sampled_from(["☒", "☐", "", "[x]", "[ ]", "\uf078", "\uf0a8"]))
        return f"{box} {draw(st.sampled_from(['Openbaar', 'Geheim', 'Conform', 'Gewijzigd']))}"
    if kind == 2:
        return f"{draw(st.integers(0, 12))}. {' '.join(draw(st.lists(_WORDS, max_size=8)))}"
    if kind == 3:
        return f"{draw(st.integers(0, 9))}.{draw(st.integers(0, 9))} {draw(_WORDS)}"
    if kind == 4:
        return f"Besluit van {draw(_DATES)} over {draw(_AMOUNTS)} [^{draw(st.integers(0, 3))}]"
    if kind == 5:
        return f"[^{draw(st.integers(0, 3))}]: {draw(_WORDS)}"
    if kind == 6:
        return "Het college besluit:"
    if kind == 7:
        return draw(st.text(max_size=60))
    return " ".join(draw(st.lists(_WORDS, max_size=20)))


@st.composite
def generated_memo(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".txt", ".md"]))
    order = draw(st.lists(st.sampled_from(_sections()), max_size=22))
    out: list[str] = []
    if suffix == ".md" and draw(st.booleans()):
        out += ["---", f"datum: {draw(_DATES)}", f"type: {draw(_WORDS)}", "---"]
    for names in order:
        heading = draw(st.sampled_from(names)) + draw(st.sampled_from(["", " ", ":"]))
        if suffix == ".md":
            heading = draw(st.sampled_from(["# ", "## ", "### ", ""])) + heading
        out.append(heading)
        out += draw(st.lists(_body_line(), max_size=6))
        if draw(st.booleans()):
            out.append("")
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return suffix, newline.join(out).encode("utf-8", "surrogatepass")


# -- memos mutated from the seed and the corpus --------------------------------------------


def _bases() -> list[Path]:
    return [*SEEDS, *CORPUS_TXT]


@st.composite
def mutated_memo(draw: st.DrawFn) -> tuple[str, bytes]:
    base = draw(st.sampled_from(_bases()))
    lines = base.read_text("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        op = draw(st.sampled_from(["drop", "dup", "swap", "truncate", "bytes", "join"]))
        a = draw(st.integers(0, len(lines) - 1))
        b = draw(st.integers(a, min(len(lines), a + 40)))
        if op == "drop":
            del lines[a:b]
        elif op == "dup":
            lines[a:a] = lines[a:b]
        elif op == "swap":
            c = draw(st.integers(0, len(lines) - 1))
            lines[a], lines[c] = lines[c], lines[a]
        elif op == "truncate":
            lines[a] = lines[a][: draw(st.integers(0, len(lines[a])))]
        elif op == "join" and a + 1 < len(lines):
            lines[a : a + 2] = [lines[a] + lines[a + 1]]
    text = "\n".join(lines)
    if draw(st.booleans()):  # mixed line endings
        text = "".join(
            piece + (draw(st.sampled_from(["\n", "\r\n", "\r"])) if i < len(parts) - 1 else "")
            for parts in [text.split("\n")]
            for i, piece in enumerate(parts)
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 3))):  # random bytes inserted
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return base.suffix, bytes(data)


# -- the tests -----------------------------------------------------------------------------


def _write(workdir: Path, suffix: str, data: bytes) -> Path:
    path = workdir / f"memo{suffix}"
    path.write_bytes(data)
    return path


@FUZZ_SETTINGS
@given(memo=generated_memo())
def test_generated_memos(workdir: Path, memo: tuple[str, bytes]) -> None:
    assert_properties(_write(workdir, *memo))


@FUZZ_SETTINGS
@given(memo=mutated_memo())
def test_mutated_memos(workdir: Path, memo: tuple[str, bytes]) -> None:
    assert_properties(_write(workdir, *memo))


@pytest.mark.parametrize("path", SEEDS + CORPUS_TXT + CORPUS_PDF, ids=lambda p: p.name)
def test_real_memo(workdir: Path, path: Path) -> None:
    copy = workdir / path.name
    shutil.copy(path, copy)
    report = assert_properties(copy)
    assert "ML001" not in {v["code"] for v in report["violations"]}


def test_finding_in_front_matter_only_memo_points_at_text(workdir: Path) -> None:
    path = _write(workdir, ".md", b"---\ndatum: 01-01-2000\ntype: de\n---")
    lines, _ = _lines_as_read(path)
    for violation in json.loads(_json(path))["violations"]:
        assert_span_inside(violation, lines)


@pytest.mark.parametrize(
    "data", [b"\n\x0c\n", b"\n \n", b"\n\n\n"], ids=["form-feed", "space", "blank-lines"]
)
def test_finding_in_memo_without_text_points_inside(workdir: Path, data: bytes) -> None:
    path = _write(workdir, ".txt", data)
    lines, _ = _lines_as_read(path)
    found = json.loads(_json(path))["violations"]
    assert found
    for violation in found:
        assert_span_inside(violation, lines)


def test_real_corpus_is_present() -> None:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"no corpus at {SHARED / 'corpus'}")
    assert CORPUS_TXT and CORPUS_PDF


def test_corpus_output_is_the_same_in_other_processes(workdir: Path) -> None:
    """Determinism across processes: string hashing (set and dict order of str keys) differs
    per interpreter unless fixed, so two children with different PYTHONHASHSEED must agree."""
    paths = [str(p) for p in [*SEEDS, *CORPUS_TXT, *CORPUS_PDF]]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "memo_lint",
                "check",
                "--no-cache",
                "--format",
                "json",
                "--today",
                TODAY.isoformat(),
                *paths,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["summary"]["files"] == len(paths)
