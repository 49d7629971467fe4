"""Loading rule packs: YAML → ``extends`` chain → jsonschema → pydantic → run-time :class:`Pack`.

Validation costs far more start-up (PyYAML, jsonschema, pydantic imports) than linting a memo,
so its result is cached by the content hash of every file in the chain plus memo-lint's
version (see :mod:`memo_lint.cache`); a changed pack or a new version validates again.
The rule-pack JSON Schema is generated from the pack file's models and the check kinds' option
schemas (:func:`memo_lint.pack_validation.build_schema`); ``schemas/rule-pack.schema.json`` is
that output, and a test fails when it is stale.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from memo_lint.cache import Store
from memo_lint.errors import PackError, Phrase
from memo_lint.pack import Kinds, Pack, kinds_from_dict, pack_from_dict

# Re-exported: callers name pack files through ``packs`` (``packs.builtin_names()``).
from memo_lint.pack_files import BUILTIN_DIR as BUILTIN_DIR
from memo_lint.pack_files import COMPILED as COMPILED
from memo_lint.pack_files import DEFAULT_PACK as DEFAULT_PACK
from memo_lint.pack_files import MAX_YAML_BYTES as MAX_YAML_BYTES
from memo_lint.pack_files import builtin_chains as builtin_chains
from memo_lint.pack_files import builtin_names as builtin_names
from memo_lint.pack_files import builtin_signature as builtin_signature
from memo_lint.pack_files import chain_digest as chain_digest
from memo_lint.pack_files import file_digest as file_digest
from memo_lint.pack_files import index_entry as index_entry
from memo_lint.pack_files import read_chain as read_chain
from memo_lint.pack_files import resolve as resolve


def _precompiled(name_or_path: str, digest: str) -> dict[str, Any] | None:
    """A built-in pack as validated at build/test time (rules/compiled/), trusted by digest."""
    if _indexed(name_or_path, digest) is None:
        return None
    try:
        entry = json.loads((COMPILED / f"{name_or_path}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(entry, dict) and entry.get("digest") == digest:
        pack: dict[str, Any] = dict(entry["pack"])
        return pack
    return None


def _indexed(name: str, digest: str) -> dict[str, Any] | None:
    """A built-in pack's entry in rules/compiled/index.json when it is current."""
    entry = _index().get(name)
    return entry if isinstance(entry, dict) and entry.get("digest") == digest else None


@lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    try:
        data = json.loads((COMPILED / "index.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(name_or_path: str, cache: Store | None = None) -> Pack:
    """The validated pack: pre-validated built-in, else from the cache, else validated now."""
    chain = read_chain(resolve(name_or_path))
    cached = _validated(name_or_path, chain, chain_digest(chain), cache)
    _check_kinds(chain[0][0], cached)
    cached["source"] = str(chain[0][0])
    cached["depth"] = len(chain) - 1
    cached["files"] = [[str(path), file_digest(data)] for path, data in chain]
    return pack_from_dict(cached)


def _validated(
    name_or_path: str, chain: list[tuple[Path, bytes]], digest: str, cache: Store | None
) -> dict[str, Any]:
    """The pack's validated data: pre-validated built-in, else from the cache, else now."""
    cached = _precompiled(name_or_path, digest)
    if cached is None and cache:
        stored = cache.get("packs", digest)
        cached = stored if isinstance(stored, dict) else None
    if cached is None:
        from memo_lint.pack_validation import validate_chain

        cached = validate_chain(chain)
        if cache:
            cache.put("packs", digest, cached)
    return cached


def _check_kinds(path: Path, pack: dict[str, Any]) -> None:
    """A pack validated earlier may name a kind whose plugin is no longer installed."""
    from memo_lint.checks import unknown_kinds

    wanted = {rule["kind"] for rule in pack["rules"] if rule.get("enabled", True)}
    missing = sorted(unknown_kinds(wanted))
    if missing:
        raise PackError(Phrase("pack.unknown-kinds", path=path, kinds=", ".join(missing)))


Chains = dict[str, list[tuple[Path, bytes]]]  # pack_files.builtin_chains()


def builtin_kinds(chains: Chains) -> Kinds | None:
    """The default pack's kinds and recognition settings from rules/compiled/index.json when
    it is current (None: it is not, or the index has none): recognition without building the
    default pack, so a memo of a template builds only its template's pack (the seed: 9 M
    instructions fewer)."""
    chain = chains.get(DEFAULT_PACK)
    entry = _indexed(DEFAULT_PACK, chain_digest(chain)) if chain else None
    if entry is None or not isinstance(entry.get("base"), dict):
        return None
    return kinds_from_dict(entry["base"])


def builtin_rules(
    cache: Store | None = None, chains: Chains | None = None
) -> list[tuple[str, str]]:
    """(code, name) of every rule of every built-in pack: what a selection may name."""
    index = builtin_index(cache, chains)
    return [(code, name) for entry in index for code, name in entry["rules"]]


def builtin_index(cache: Store | None = None, chains: Chains | None = None) -> list[dict[str, Any]]:
    """Every built-in pack's index entry (:func:`index_entry`) plus its ``name``, ``chain``
    (the names of the packs it extends, nearest first) and ``files`` (path, digest): read from
    rules/compiled/index.json when current, so a run builds only the packs it uses.
    ``chains``: the built-in chains as the run has read them (else read now)."""
    entries = []
    for name, chain in (builtin_chains() if chains is None else chains).items():
        digest = chain_digest(chain)
        entry = _indexed(name, digest)
        if entry is None:
            entry = index_entry(_validated(name, chain, digest, cache), digest, name)
        entries.append(
            {
                **entry,
                "name": name,
                "chain": [path.stem for path, _ in chain],
                "files": [(str(path), file_digest(data)) for path, data in chain],
            }
        )
    return entries
