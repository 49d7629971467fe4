"""SHA-256 and BLAKE2b for memo-lint's digests, without loading OpenSSL for a small run.

Importing :mod:`hashlib` loads OpenSSL's libcrypto (``_hashlib``): 10.2 M instructions of a
one-memo check and ~3 ms of its time (a twentieth), to hash ~125 KB (the built-in packs, the
memo). CPython's own SHA-256, the module hashlib falls back to without OpenSSL, loads in
0.75 M but hashes slower (~31 us for 10 KB against OpenSSL's ~6.5 us with the CPU's SHA
instructions; under valgrind 49 against 29 instructions a byte): so a process hashes its first
:data:`OWN_BYTES` with it and everything after with hashlib's. Both give the same digests.
BLAKE2b is CPython's own either way (``hashlib.blake2b`` is ``_blake2.blake2b``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import _Hash

try:
    from _blake2 import blake2b as blake2b
except ImportError:  # a Python built without it: hashlib's, whatever it uses
    from hashlib import blake2b as blake2b

_own_sha256: Any
try:
    from _sha256 import sha256 as _own_sha256  # type: ignore[import-not-found,no-redef]
except ImportError:
    try:  # Python 3.12 and later
        from _sha2 import sha256 as _own_sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:  # built without them (OpenSSL only): hashlib's from the start
        _own_sha256 = None

OWN_BYTES = 1 << 20  # the break-even of loading OpenSSL (~3 ms) against its faster hashing
_given = 0  # bytes given to sha256() in this process


def sha256(data: bytes = b"") -> _Hash:
    """A SHA-256 hash object of ``data`` (``hashlib.sha256``'s interface)."""
    global _given
    _given += len(data)
    if _own_sha256 is not None and _given <= OWN_BYTES:
        made: _Hash = _own_sha256(data)
        return made
    import hashlib

    return hashlib.sha256(data)
