"""A memo is read as its fstat size and one byte more, then on while it grew: the same bytes
as one read of the limit and one byte more (which allocated the whole limit)."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from memo_lint.linter import _read_up_to


@given(st.binary(max_size=200), st.data())
def test_the_bytes_of_one_read_of_the_limit(data: bytes, draw: st.DataObject) -> None:
    # size: what fstat said (the file may have grown or shrunk since); most: limit + 1
    size = draw.draw(st.integers(min_value=0, max_value=len(data) + 5))
    most = draw.draw(st.integers(min_value=1, max_value=len(data) + 5))
    assert _read_up_to(io.BytesIO(data), size, most) == data[:most]


def test_a_file_grown_past_its_size_by_more_than_a_piece() -> None:
    data = bytes(range(256)) * 1_000
    assert _read_up_to(io.BytesIO(data), 10, len(data)) == data
    assert _read_up_to(io.BytesIO(data), 10, 200_000) == data[:200_000]
