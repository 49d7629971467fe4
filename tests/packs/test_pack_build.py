"""Building the run-time pack from validated data (pack._record_builder): each record is what
its own constructor makes of the same values, defaults, factories and ``__post_init__``
included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from memo_lint import packs
from memo_lint.model import Record, fields_of
from memo_lint.pack import ChoiceDef, Pack, SectionDef, _converter


def _records(value: Any) -> Iterator[Record]:
    """``value`` and every record it holds, in its fields, tuples and dictionaries."""
    if isinstance(value, Record):
        yield value
        for item in fields_of(type(value)):
            yield from _records(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for each in value:
            yield from _records(each)
    elif isinstance(value, dict):
        for each in value.values():
            yield from _records(each)


@pytest.mark.parametrize("name", packs.builtin_names())
def test_every_record_of_a_built_in_pack_is_what_its_constructor_makes(name: str) -> None:
    pack = packs.load(name)
    records = list(_records(pack))
    assert len(records) > 100
    for record in records:
        again = type(record)(**{field: getattr(record, field) for field in record._fields})
        assert again == record
        for item in fields_of(type(record)):  # the fields == leaves out (a pack's titles) too
            assert getattr(again, item.name) == getattr(record, item.name), item.name


def test_a_pack_built_runs_its_post_init() -> None:
    pack = packs.load("collegevoorstel")
    assert isinstance(pack, Pack)
    assert pack.section_for_title("Beslispunten") is not None
    assert pack.field_keys


def test_a_record_takes_its_defaults_its_key_and_says_what_it_lacks() -> None:
    section = _converter(SectionDef)({"id": "kader", "title": "Kader", "max": 2}, None)
    assert section == SectionDef(id="kader", title="Kader", aliases=(), max_count=2)
    assert _converter(SectionDef)({"id": "a", "title": "A"}, None).max_count == 1
    choice = _converter(ChoiceDef)({"options": ["Ja", "Nee"]}, "besluit")
    assert choice == ChoiceDef(id="besluit", options=("Ja", "Nee"))
    with pytest.raises(TypeError, match="needs 'title'"):
        _converter(SectionDef)({"id": "kader"}, None)
