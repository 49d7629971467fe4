"""Loading rule packs: YAML → ``extends`` chain → jsonschema → pydantic → run-time :class:`Pack`.

Validation costs far more start-up (PyYAML, jsonschema, pydantic imports) than linting a memo,
so its result is cached by the content hash of every file in the chain plus memo-lint's
version (see :mod:`memo_lint.cache`); a changed pack or a new version validates again.
The rule-pack JSON Schema is generated from the pack file's models and the check kinds' option
schemas (:func:`memo_lint.pack_validation.build_schema`); ``schemas/rule-pack.schema.json`` is
that output, and a test fails when it is stale.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from memo_lint import __version__
from memo_lint.cache import Store, read_bounded
from memo_lint.errors import PackError
from memo_lint.pack import Pack, pack_from_dict

BUILTIN_DIR = Path(__file__).parent / "rules"
SCHEMA_DIR = Path(__file__).parent / "schemas"
COMPILED = BUILTIN_DIR / "compiled.json"
DEFAULT_PACK = "collegevoorstel"
MAX_EXTENDS_DEPTH = 8
MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_RULES = 20_000


def builtin_names() -> list[str]:
    return sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))


def builtin_signature() -> str:
    """The installed built-in packs (name, size, mtime): detection picks among all of them."""
    parts = []
    for path in sorted(BUILTIN_DIR.iterdir()):
        info = path.stat()
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return ",".join(parts)


def resolve(name_or_path: str, relative_to: Path | None = None) -> Path:
    """A built-in pack name, or a path to a YAML file (relative to the extending pack)."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        if not candidate.is_absolute() and relative_to is not None:
            candidate = relative_to / candidate
        if not candidate.is_file():
            raise PackError(f"{name_or_path}: rule pack file not found")
        return candidate
    builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
    if builtin.is_file():
        return builtin
    raise PackError(
        f"unknown rule pack '{name_or_path}'; built-in packs: {', '.join(builtin_names())}, "
        "or give the path of a .yaml file"
    )


def _chain(path: Path) -> list[tuple[Path, bytes]]:
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
            raise PackError(
                f"{closing}:{_extends_line(data)}: ($.extends): rule packs extend each other "
                f"in a cycle ({names})"
            )
        if len(chain) >= MAX_EXTENDS_DEPTH:
            raise PackError(f"{path}: more than {MAX_EXTENDS_DEPTH} levels of 'extends'")
        seen.add(resolved)
        data = _read_pack_file(current)
        chain.append((current, data))
        parent = _extends_of(data)
        current = resolve(parent, current.parent) if parent else None
    return chain


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
        raise PackError(f"{path}: rule pack is larger than {MAX_YAML_BYTES:,} bytes")
    raise PackError(f"{path}: cannot read the rule pack (not a regular file, or no permission)")


def _extends_line(data: bytes) -> int:
    lines = data.decode("utf-8", "replace").splitlines()
    return next((n for n, raw in enumerate(lines, start=1) if raw.startswith("extends:")), 1)


def _extends_of(data: bytes) -> str | None:
    for raw in data.decode("utf-8", "replace").splitlines():
        if raw.startswith("extends:"):
            value = raw.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
            return value or None
    return None


def chain_digest(chain: list[tuple[Path, bytes]]) -> str:
    """Identifies a validated pack: memo-lint's version and the bytes of every file."""
    digest = hashlib.sha256(__version__.encode())
    for _, data in chain:
        digest.update(data + b"\0")
    return digest.hexdigest()


def _precompiled(name_or_path: str, digest: str) -> dict[str, Any] | None:
    """Built-in packs as validated at build/test time (rules/compiled.json), trusted by digest."""
    entry = _compiled().get(name_or_path)
    if isinstance(entry, dict) and entry.get("digest") == digest:
        pack: dict[str, Any] = dict(entry["pack"])
        return pack
    return None


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    try:
        data = json.loads(COMPILED.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(name_or_path: str, cache: Store | None = None) -> Pack:
    """The validated pack: pre-validated built-in, else from the cache, else validated now."""
    chain = _chain(resolve(name_or_path))
    digest = chain_digest(chain)
    cached = _precompiled(name_or_path, digest)
    if cached is None and cache:
        stored = cache.get("packs", digest)
        cached = stored if isinstance(stored, dict) else None
    if cached is None:
        from memo_lint.pack_validation import validate_chain

        cached = validate_chain(chain)
        if cache:
            cache.put("packs", digest, cached)
    _check_kinds(chain[0][0], cached)
    cached["source"] = str(chain[0][0])
    cached["depth"] = len(chain) - 1
    cached["files"] = [[str(path), hashlib.sha256(data).hexdigest()] for path, data in chain]
    return pack_from_dict(cached)


def _check_kinds(path: Path, pack: dict[str, Any]) -> None:
    """A pack validated earlier may name a kind whose plugin is no longer installed."""
    from memo_lint.checks import ENGINE_KINDS, registry

    wanted = {rule["kind"] for rule in pack["rules"] if rule.get("enabled", True)}
    known = registry(wanted)
    missing = sorted(wanted - set(known) - ENGINE_KINDS)
    if missing:
        raise PackError(
            f"{path}: unknown check kind(s) {', '.join(missing)}: install the plugin that "
            f"provides them (entry-point group 'memo_lint.checks') or remove those rules"
        )


def builtin_rules(cache: Store | None = None) -> list[tuple[str, str]]:
    """(code, name) of every rule of every built-in pack: what a selection may name."""
    pairs: list[tuple[str, str]] = []
    for name in builtin_names():
        data = _precompiled(name, chain_digest(_chain(resolve(name))))
        if data is not None:
            pairs += [(str(rule["code"]), str(rule["name"])) for rule in data["rules"]]
        else:
            pairs += [(rule.code, rule.name) for rule in load(name, cache).rules]
    return pairs


@dataclass(frozen=True, slots=True)
class Candidate:
    """What detection needs of a built-in pack, without building the whole pack."""

    name: str
    detect: dict[str, Any]
    header_lines: int
    depth: int


def detection_candidates(cache: Store | None = None) -> list[Candidate]:
    """Every built-in pack's detection patterns, most specific (deepest chain) first.

    Read from rules/compiled.json when it is current, so a run builds only the pack it uses.
    """
    candidates = []
    for name in builtin_names():
        chain = _chain(resolve(name))
        data = _precompiled(name, chain_digest(chain))
        if data is None:
            pack = load(name, cache)
            data = {"detect": pack.detect, "structure": pack.structure}
        candidates.append(
            Candidate(
                name=name,
                detect=data.get("detect") or {},
                header_lines=int((data.get("structure") or {}).get("header_lines", 30)),
                depth=len(chain) - 1,
            )
        )
    return sorted(candidates, key=lambda c: (-c.depth, c.name))
