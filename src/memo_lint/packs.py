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
from functools import lru_cache
from pathlib import Path
from typing import Any

from memo_lint.cache import Store
from memo_lint.errors import PackError
from memo_lint.pack import Pack, pack_from_dict

# Re-exported: callers name pack files through ``packs`` (``packs.builtin_names()``).
from memo_lint.pack_files import BUILTIN_DIR as BUILTIN_DIR
from memo_lint.pack_files import COMPILED as COMPILED
from memo_lint.pack_files import MAX_YAML_BYTES as MAX_YAML_BYTES
from memo_lint.pack_files import builtin_names as builtin_names
from memo_lint.pack_files import builtin_signature as builtin_signature
from memo_lint.pack_files import chain_digest as chain_digest
from memo_lint.pack_files import read_chain as read_chain
from memo_lint.pack_files import resolve as resolve

DEFAULT_PACK = "collegevoorstel"


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
    chain = read_chain(resolve(name_or_path))
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
        data = _precompiled(name, chain_digest(read_chain(resolve(name))))
        if data is not None:
            pairs += [(str(rule["code"]), str(rule["name"])) for rule in data["rules"]]
        else:
            pairs += [(rule.code, rule.name) for rule in load(name, cache).rules]
    return pairs
