"""pack_files: the ``extends:`` line read from raw bytes, and the digests that key packs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memo_lint import __version__, pack_files
from memo_lint.errors import PackError
from memo_lint.pack_files import (
    BUILTIN_DIR,
    builtin_chains,
    builtin_names,
    chain_digest,
    extends_of,
    file_digest,
    read_chain,
    resolve,
)


def _extends_by_lines(data: bytes) -> str | None:
    """The definition: the first of the decoded text's lines that starts with ``extends:``."""
    for raw in data.decode("utf-8", "replace").splitlines():
        if raw.startswith("extends:"):
            return raw.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"") or None
    return None


PIECES = [
    b"extends:",
    b" base # comment",
    b"'quoted'",
    b"\n",
    b"\r",
    b"\r\n",
    b"\x0b",
    b"\x1c",
    b"\xc2\x85",
    b"\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80",
    b"\xf0",
    b"x",
    b"rules: []",
    b"#",
    b" ",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_extends_is_read_as_the_decoded_lines_read(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert extends_of(data) == _extends_by_lines(data)


def test_extends_of_the_builtin_packs() -> None:
    for path in BUILTIN_DIR.glob("*.yaml"):
        data = path.read_bytes()
        assert extends_of(data) == _extends_by_lines(data), path.name
    assert extends_of((BUILTIN_DIR / "collegevoorstel.yaml").read_bytes()) is None
    assert extends_of((BUILTIN_DIR / "zwolle-beslisnota.yaml").read_bytes()) == "collegevoorstel"


def test_digests_follow_the_bytes() -> None:
    data = b"name: a\n"
    same_length = b"name: b\n"
    assert file_digest(data) == hashlib.blake2b(data, digest_size=32).hexdigest()
    assert file_digest(same_length) == hashlib.blake2b(same_length, digest_size=32).hexdigest()
    assert file_digest(bytes(data)) == hashlib.blake2b(data, digest_size=32).hexdigest()
    chain = [(BUILTIN_DIR / "a.yaml", data), (BUILTIN_DIR / "b.yaml", same_length)]
    expected = hashlib.blake2b(__version__.encode(), digest_size=32)
    for _, part in chain:
        expected.update(hashlib.blake2b(part, digest_size=32).hexdigest().encode() + b"\0")
    assert chain_digest(chain) == expected.hexdigest()
    assert chain_digest(chain[:1]) != chain_digest(chain)
    assert chain_digest([chain[1], chain[0]]) != chain_digest(chain)


def test_builtin_chains_are_the_chains_read_one_by_one() -> None:
    assert builtin_chains() == {name: read_chain(resolve(name)) for name in builtin_names()}


@pytest.mark.parametrize(
    ("files", "error"),
    [
        ({"a": "extends: b\n", "b": "extends: a\n"}, "in a cycle"),
        ({"a": "extends: ./b.yaml\n", "b": "rules: []\n"}, None),  # a path: read_chain's
        ({f"p{i}": f"extends: p{i + 1}\n" for i in range(9)} | {"p9": ""}, "more than 8"),
    ],
)
def test_builtin_chains_it_does_not_follow_are_read_chain_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], error: str | None
) -> None:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, "utf-8")
    monkeypatch.setattr(pack_files, "BUILTIN_DIR", tmp_path)
    if error is None:
        assert builtin_chains() == {name: read_chain(resolve(name)) for name in files}
        assert [path.name for path, _ in builtin_chains()["a"]] == ["a.yaml", "b.yaml"]
    else:
        with pytest.raises(PackError, match=error):
            builtin_chains()


def test_the_builtin_signature_names_every_file_by_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Part of every cached run's key: a pack added, removed or changed (also with its size
    and mtime kept) changes it; the same files give the same signature."""
    (tmp_path / "a.yaml").write_text("extends: b\nname: a\n", "utf-8")
    (tmp_path / "b.yaml").write_text("name: b\n", "utf-8")
    monkeypatch.setattr(pack_files, "BUILTIN_DIR", tmp_path)
    signature = pack_files.builtin_signature(builtin_chains())
    assert signature == pack_files.builtin_signature(builtin_chains())
    for path in (tmp_path / "a.yaml", tmp_path / "b.yaml"):
        assert f"{path}:{file_digest(path.read_bytes())}" in signature.split(",")
    before = (tmp_path / "b.yaml").stat()
    (tmp_path / "b.yaml").write_text("name: c\n", "utf-8")  # same size
    os.utime(tmp_path / "b.yaml", ns=(before.st_atime_ns, before.st_mtime_ns))
    changed = pack_files.builtin_signature(builtin_chains())
    assert changed != signature
    (tmp_path / "c.yaml").write_text("name: c\n", "utf-8")
    assert pack_files.builtin_signature(builtin_chains()) not in (signature, changed)
