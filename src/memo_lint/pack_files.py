"""Rule pack files: where they are, how big they may be, and the ``extends`` chain read as raw
bytes (no YAML parser, so a cache hit never imports PyYAML).

Both loading (:mod:`memo_lint.packs`) and validation (:mod:`memo_lint.pack_validation`) read
packs through here; neither imports the other at module level, so the two form no cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from memo_lint import __version__
from memo_lint.cache import read_bounded
from memo_lint.digests import blake2b
from memo_lint.errors import PackError, Phrase

BUILTIN_DIR = Path(__file__).parent / "rules"
SCHEMA_DIR = Path(__file__).parent / "schemas"
# Built-in packs validated at build/test time: one file per pack, and index.json with what
# recognition and rule selection need of every pack, so a run builds only the packs it uses.
COMPILED = BUILTIN_DIR / "compiled"
MAX_EXTENDS_DEPTH = 8
DEFAULT_PACK = "collegevoorstel"  # the kind pack every built-in pack extends; recognition's kinds
MAX_YAML_BYTES = 2 * 1024 * 1024


def builtin_names() -> list[str]:
    return sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))


def builtin_signature(chains: dict[str, list[tuple[Path, bytes]]]) -> str:
    """The installed built-in packs by file and content (:func:`file_digest`), from their
    chains as the run read them (:func:`builtin_chains`): detection picks among all of them and a
    selection's rule names come from all of them, so every cached run's key holds this. The
    bytes are those recognition reads and hashes anyway: a cache miss pays nothing here that
    ``--no-cache`` does not (a stat of each file was 0.17 M instructions of one), and a pack
    changed with its size and mtime kept is no stale hit."""
    files = {str(path): data for chain in chains.values() for path, data in chain}
    return ",".join(f"{path}:{file_digest(files[path])}" for path in sorted(files))


def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """A built-in pack name, or a path to a YAML file (relative to the extending pack)."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        if not candidate.is_absolute() and relative_to is not None:
            candidate = relative_to / candidate
        if not candidate.is_file():
            raise PackError(Phrase("pack.not-found", path=name_or_path))
        return candidate
    builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
    if builtin.is_file():
        return builtin
    raise PackError(Phrase("pack.unknown", name=name_or_path, names=", ".join(builtin_names())))


def read_chain(path: Path) -> list[tuple[Path, bytes]]:
    """The pack's file and every file it extends, nearest first, as raw bytes.

    Only the ``extends:`` line is read here (no YAML parser), so a cache hit never imports
    PyYAML.
    """
    chain: list[tuple[Path, bytes]] = []
    seen: set[Path] = set()
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            names = " → ".join(p.name for p, _ in chain) + f" → {current.name}"
            closing, data = chain[-1]  # the file whose 'extends:' closes the cycle
            where = f"{closing}:{_extends_line(data)}"
            raise PackError(Phrase("pack.cycle", where=where, names=names))
        if len(chain) >= MAX_EXTENDS_DEPTH:
            raise PackError(Phrase("pack.too-deep", path=path, limit=MAX_EXTENDS_DEPTH))
        seen.add(resolved)
        data = _read_pack_file(current)
        chain.append((current, data))
        parent = extends_of(data)
        current = resolve(parent, current.parent) if parent else None
    return chain


def builtin_chains() -> dict[str, list[tuple[Path, bytes]]]:
    """Every built-in pack's chain (:func:`read_chain`), each file read once: the chains share
    their files, and every one ends in the 85 KB base pack. A chain this does not follow (an
    ``extends:`` path, a cycle, too deep) is read by :func:`read_chain`, which says why."""
    names = builtin_names()
    files = {name: _read_pack_file(BUILTIN_DIR / f"{name}.yaml") for name in names}
    parents = {name: extends_of(data) for name, data in files.items()}
    chains = {}
    for name in names:
        chain: list[tuple[Path, bytes]] = []
        current: str | None = name
        while current in files and len(chain) < MAX_EXTENDS_DEPTH:
            chain.append((BUILTIN_DIR / f"{current}.yaml", files[current]))
            current = parents[current]
        chains[name] = chain if current is None else read_chain(resolve(name))
    return chains


def _read_pack_file(path: Path) -> bytes:
    """A pack file's bytes, its size checked before reading (``cache.read_bounded``): a 3 GB
    sparse file or a link to ``/dev/zero`` costs a ``stat()``, never the memory."""
    found = read_bounded(path, MAX_YAML_BYTES, follow=True)
    if found is not None:
        return found[0]
    try:
        too_large = path.stat().st_size > MAX_YAML_BYTES
    except OSError:
        too_large = False
    if too_large:
        raise PackError(Phrase("pack.too-large", path=path, limit=f"{MAX_YAML_BYTES:,}"))
    raise PackError(Phrase("pack.unreadable", path=path))


def _extends_line(data: bytes) -> int:
    lines = data.decode("utf-8", "replace").splitlines()
    return next((n for n, raw in enumerate(lines, start=1) if raw.startswith("extends:")), 1)


# What str.splitlines() ends a line at: "extends:" starts a line after one of these.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def extends_of(data: bytes) -> str | None:
    """The value of the first line that starts with ``extends:`` (lines as ``splitlines`` of
    the text decoded with replacement characters), found without decoding the whole file:
    the base pack is 85 KB and every chain read reads it."""
    at = data.find(b"extends:")
    while at >= 0:
        before = data[:at].decode("utf-8", "replace")[-1:]
        if not before or before in _LINE_BREAKS:
            end = data.find(b"\n", at)
            raw = data[at : None if end < 0 else end].decode("utf-8", "replace").splitlines()[0]
            value = raw.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
            return value or None
        at = data.find(b"extends:", at + 1)
    return None


def chain_digest(chain: list[tuple[Path, bytes]]) -> str:
    """Identifies a validated pack: memo-lint's version and the digest of every file (each
    file hashed once, though every built-in chain repeats the 85 KB base pack)."""
    digest = blake2b(__version__.encode(), digest_size=32)
    for _, data in chain:
        digest.update(file_digest(data).encode() + b"\0")
    return digest.hexdigest()


# The files hashed by this process, by length: a run reads each pack file more than once
# (recognition's index reads every chain, then the packs it uses); comparing the bytes read
# with the bytes hashed (memcmp) is ~100x cheaper than hashing them again, and exact.
_HASHED: dict[int, list[tuple[bytes, str]]] = {}
_HASHED_MAX = 64


def file_digest(data: bytes) -> str:
    """BLAKE2b-256 of a pack file's bytes: every run hashes all the built-in packs (~112 KB)
    to trust rules/compiled/ and key its cache, and CPython's own BLAKE2b costs a third of the
    instructions of its own SHA-256 (5.5 M -> 1.8 M of a one-memo check)."""
    known = _HASHED.setdefault(len(data), [])
    for seen, digest in known:
        if seen == data:
            return digest
    digest = blake2b(data, digest_size=32).hexdigest()
    if sum(map(len, _HASHED.values())) < _HASHED_MAX:
        known.append((data, digest))
    return digest


def index_entry(pack: dict[str, Any], digest: str, name: str) -> dict[str, Any]:
    """What rules/compiled/index.json keeps of a validated built-in pack: its rules' codes and
    names (rule selection), what recognition reads of a template (detection patterns, the
    header's length, the sections its ML101 requires with their titles) and, of the default
    pack, its kinds and recognition settings (``base``: :func:`memo_lint.packs.builtin_kinds`)."""
    titles = {section["id"]: section["title"] for section in pack.get("sections", ())}
    required = next((r for r in pack["rules"] if r["kind"] == "required-section"), None)
    sections = required["options"].get("sections", ()) if required else ()
    entry = {
        "digest": digest,
        "rules": [[str(rule["code"]), str(rule["name"])] for rule in pack["rules"]],
        "detect": pack.get("detect") or {},
        "header_lines": int((pack.get("structure") or {}).get("header_lines", 30)),
        "required": [[section, titles.get(section, section)] for section in sections],
    }
    if name == DEFAULT_PACK:
        entry["base"] = {"kinds": pack.get("kinds", {}), "recognition": pack.get("recognition", {})}
    return entry
