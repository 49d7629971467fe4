"""memo_lint.digests: SHA-256 from CPython's own module for a process's first bytes, from
hashlib's (OpenSSL) after them; the same digests either way."""

from __future__ import annotations

import hashlib

import pytest

from memo_lint import digests


@pytest.mark.parametrize("given", [0, digests.OWN_BYTES - 10, digests.OWN_BYTES + 1])
def test_the_digest_is_hashlibs_before_and_after_the_switch(
    given: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digests, "_given", given)
    data = bytes(range(256)) * 40
    made = digests.sha256(data)
    assert made.hexdigest() == hashlib.sha256(data).hexdigest()
    copy = made.copy()
    copy.update(b"more")
    assert copy.hexdigest() == hashlib.sha256(data + b"more").hexdigest()
    assert digests.sha256().hexdigest() == hashlib.sha256().hexdigest()


def test_the_first_bytes_are_hashed_without_openssl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "_given", 0)
    assert type(digests.sha256(b"memo")).__module__ != type(hashlib.sha256(b"memo")).__module__
    monkeypatch.setattr(digests, "_given", digests.OWN_BYTES)
    assert type(digests.sha256(b"memo")) is type(hashlib.sha256(b"memo"))


def test_blake2b_is_hashlibs() -> None:
    assert digests.blake2b is hashlib.blake2b
