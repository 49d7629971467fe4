"""Start-up (issue 15.2): a one-file check imports only what it needs, and the record classes
that replaced dataclasses on that path behave as the dataclasses did."""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import modules_a_check_imports
from memo_lint.model import FrozenRecord, Record, field, fields_of

SEED = Path(__file__).resolve().parents[1] / "examples" / "zwolle-beslisnota-citydeal.txt"


class Point(FrozenRecord):
    """A frozen record: compared and hashed by its fields."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=(), metadata={"doc": "labels"})


class Bag(Record, kw_only=True):
    name: str
    items: list[str] = field(default_factory=list)
    size: int = field(default=0, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.size = len(self.items)


class Labelled(Point):
    label: str = ""


class Token(Record, eq=False):
    text: str


def test_a_declared_record_is_built_compared_and_printed_as_a_dataclass() -> None:
    point = Point(1, tags=("a",))
    assert (point.x, point.y, point.tags) == (1, 0, ("a",))
    assert point == Point(1, 0, ("a",)) and point != Point(2)
    assert hash(point) == hash(Point(1, 0, ("a",)))
    assert repr(point) == "Point(x=1, y=0, tags=('a',))"
    assert point.replace(y=5) == Point(1, 5, ("a",))
    assert not hasattr(point, "__dict__")  # slotted
    assert [(f.name, f.metadata) for f in fields_of(Point)] == [
        ("x", {}),
        ("y", {}),
        ("tags", {"doc": "labels"}),
    ]


def test_defaults_factories_init_false_and_post_init() -> None:
    one, two = Bag(name="a"), Bag(name="b")
    one.items.append("x")
    assert two.items == []  # a new list each time
    bag = Bag(name="c", items=["p", "q"])
    assert bag.size == 2  # __post_init__ ran
    assert bag == Bag(name="c", items=["p", "q"])
    assert repr(bag) == "Bag(name='c', items=['p', 'q'])"
    with pytest.raises(TypeError):
        hash(bag)  # not frozen: unhashable, as a dataclass with eq


def test_inheritance_identity_equality_and_pickling() -> None:
    labelled = Labelled(1, 2, (), "here")
    assert labelled._fields == ("x", "y", "tags", "label")
    assert labelled != Point(1, 2)  # another class
    token = Token("a")
    assert token != Token("a") and token == token and hash(token) == object.__hash__(token)
    for value in (labelled, Bag(name="d", items=["z"]), Point(3)):
        assert pickle.loads(pickle.dumps(value)) == value  # workers send records back


@pytest.mark.parametrize(
    ("make", "args", "values"),
    [
        (Point, (), {}),  # x missing
        (Point, (1, 2, (), 4), {}),  # too many
        (Point, (1,), {"x": 1}),  # x twice
        (Point, (1,), {"z": 1}),  # no such field
        (Bag, ("a",), {}),  # keyword-only
        (Bag, (), {"name": "a", "size": 1}),  # not an __init__ field
    ],
)
def test_wrong_arguments_are_refused(make: Any, args: tuple[Any, ...], values: Any) -> None:
    with pytest.raises(TypeError):
        make(*args, **values)


def test_the_command_freezes_what_its_import_made_and_collects_again() -> None:
    """``memo-lint`` (memo_lint.__main__.run) imports the CLI with the collector off and
    freezes the result; the collector must be on again for the run itself."""
    code = (
        "import gc, sys\nfrom memo_lint.__main__ import run\n"
        "sys.argv = ['memo-lint', '--version']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == ["True", "True"]


def _modules_after(code: str, prefixes: tuple[str, ...], **env: str) -> list[str]:
    """The modules under ``prefixes`` a fresh interpreter has imported after ``code`` (on
    stderr: a report goes to stdout)."""
    found = f"sorted(m for m in sys.modules if m.startswith({prefixes!r}))"
    script = f"import sys\n{code}\nprint({found}, file=sys.stderr)"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    modules: list[str] = eval(out.stderr.strip().splitlines()[-1])
    return modules


def test_every_kind_module_is_registered_once_under_its_kind() -> None:
    from memo_lint import checks

    folder = Path(checks.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "base", "schema", "_publication"}
    assert sorted(checks.KIND_MODULES.values()) == sorted(modules)
    for kind, module in checks.KIND_MODULES.items():
        assert kind == importlib.import_module(f"memo_lint.checks.{module}").KIND


def test_a_kind_module_is_imported_when_a_pack_names_its_kind() -> None:
    code = "from memo_lint.checks import kinds\nkinds(['required-section', 'not-a-memo'])"
    assert _modules_after(code, ("memo_lint.checks.",)) == [
        "memo_lint.checks.base",
        "memo_lint.checks.required_section",
        "memo_lint.checks.schema",
    ]


def test_a_run_of_cache_hits_imports_no_kind_and_no_analysis(tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_bytes(SEED.read_bytes())
    check = f"main(['check', '--cache', '--today', '2026-11-29', {str(memo)!r}])"
    code = f"from memo_lint.cli import main\ntry:\n    {check}\nexcept SystemExit:\n    pass"
    env = {"MEMO_LINT_CACHE_DIR": str(tmp_path / "cache")}
    first = _modules_after(code, ("memo_lint.analysis", "memo_lint.checks."), **env)
    assert "memo_lint.analysis" in first and "memo_lint.checks.required_section" in first
    again = _modules_after(code, ("memo_lint.analysis", "memo_lint.checks."), **env)
    assert again == ["memo_lint.checks.base", "memo_lint.checks.schema"]


# Modules a one-file check of a .txt memo has no use for (what it used to import at start-up).
# hashlib: it loads OpenSSL (memo_lint.digests).
NOT_NEEDED = ["calendar", "dataclasses", "hashlib", "_hashlib"]


def test_a_one_file_check_imports_only_what_it_needs() -> None:
    assert modules_a_check_imports(SEED, NOT_NEEDED) == []
