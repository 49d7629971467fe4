"""Reporters write in pieces (issue 15): the pieces join to the text a whole-report build gives."""

from __future__ import annotations

import json
import json.encoder
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memo_lint.report import LintReport
from memo_lint.reporters import (
    REPORTER_MODULES,
    RenderOptions,
    _common,
    batched,
    junit,
    reporter_for,
    writer_for,
)
from memo_lint.reporters._common import json_chunks, placeholder, sorted_files, to_json
from memo_lint.writes import write_file

ITEMS = placeholder("items")
MORE = placeholder("more")


@pytest.mark.parametrize(
    "items",
    [[], [1], [{"a": [1, {"b": "x\ny"}], "c": {}}, [], "ë €", None, {"d": []}]],
)
def test_json_chunks_equal_the_whole_document(items: list[object]) -> None:
    data = {"head": 1, "runs": [{"deep": {"items": ITEMS, "tail": "t"}}], "more": MORE, "z": 0}
    whole = {"head": 1, "runs": [{"deep": {"items": items, "tail": "t"}}], "more": items, "z": 0}
    pieces = list(json_chunks(data, (ITEMS, iter(items)), (MORE, iter(items))))
    assert "".join(pieces) == to_json(whole)
    assert len(pieces) >= 2 * len(items)  # an item at a time, not the array at once


@pytest.mark.parametrize("items", [[], [{"a": 1}, {"b": [2, 3]}]])
def test_json_chunks_of_a_top_level_array(items: list[object]) -> None:
    assert "".join(json_chunks(ITEMS, (ITEMS, iter(items)))) == to_json(items)


SCALARS = st.one_of(
    st.text(),
    st.integers(),
    st.floats(),  # NaN and infinities too: both encoders write NaN, Infinity
    st.booleans(),
    st.none(),
)


@given(
    items=st.lists(
        st.dictionaries(st.text(), SCALARS, max_size=6)
        | st.dictionaries(st.text(), st.lists(SCALARS, max_size=2) | SCALARS, max_size=4),
        max_size=4,
    )
)
def test_json_chunks_of_flat_objects_equal_the_whole_document(items: list[object]) -> None:
    """File entries and findings are objects of scalars, encoded by the C encoder with the
    indentation as separator: the same text as the json module's indented encoding."""
    data = {"a": {"items": ITEMS}}
    whole = {"a": {"items": items}}
    assert "".join(json_chunks(data, (ITEMS, iter(items)))) == to_json(whole)


@pytest.mark.parametrize("accelerated", [True, False])
def test_flat_objects_without_the_c_encoder_are_the_same_text(
    monkeypatch: pytest.MonkeyPatch, accelerated: bool
) -> None:
    """Where the json module has no C encoder (another interpreter), its own way, same text."""
    items = [{"a": 'ë\n"', "b": 1.5, "c": None, "d": True, "e": float("nan")}, {"x": 2**70}]
    monkeypatch.setattr(_common, "_ENCODERS", {})
    if not accelerated:
        monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    data = {"a": {"items": ITEMS}}
    whole = {"a": {"items": items}}
    assert "".join(json_chunks(data, (ITEMS, iter(items)))) == to_json(whole)


def whole_junit(report: LintReport) -> str:
    """JUnit as one tree, as the reporter built it before it wrote suite by suite."""
    root = ET.Element("testsuites", name="memo-lint")
    suites = [junit.testsuite(report, file) for file in sorted_files(report)]
    root.extend(suites)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(len(report.violations)))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def test_junit_suite_by_suite_is_the_whole_tree(report: LintReport) -> None:
    assert reporter_for("junit")(report, RenderOptions()) == whole_junit(report)
    one = LintReport(report.files[:1], report.rules, report.fail_on, report.lang, report.version)
    assert reporter_for("junit")(one, RenderOptions()) == whole_junit(one)
    empty = LintReport([], report.rules, report.fail_on, report.lang, report.version)
    assert reporter_for("junit")(empty, RenderOptions()) == whole_junit(empty)


@pytest.mark.parametrize("name", sorted(REPORTER_MODULES))
def test_every_format_comes_in_pieces(name: str, report: LintReport) -> None:
    pieces = list(writer_for(name)(report, RenderOptions()))
    assert all(isinstance(piece, str) for piece in pieces)
    if name in {"full", "html", "json", "junit", "sarif", "gitlab"}:
        assert len(pieces) > 2  # memo by memo or finding by finding, not one text
    assert "".join(batched(iter(pieces), size=10)) == "".join(pieces)


def test_json_report_still_parses_with_placeholders_gone(report: LintReport) -> None:
    text = reporter_for("json")(report, RenderOptions())
    data = json.loads(text)
    assert len(data["files"]) == 2 and len(data["violations"]) == len(report.violations)
    assert "\\u0000" not in text


def test_a_report_in_pieces_is_written_whole(tmp_path: Path, report: LintReport) -> None:
    target = tmp_path / "report.html"
    write_file(target, batched(writer_for("html")(report, RenderOptions()), size=100))
    assert target.read_text("utf-8") == reporter_for("html")(report, RenderOptions())
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_a_reporter_that_fails_midway_leaves_no_file(tmp_path: Path) -> None:
    def pieces() -> object:
        yield "<html>"
        raise RuntimeError("reporter bug")

    target = tmp_path / "report.html"
    with pytest.raises(RuntimeError):
        write_file(target, pieces())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
