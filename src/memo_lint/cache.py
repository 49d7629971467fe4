"""A small content-addressed JSON cache in ``.memo-lint-cache/`` (validated packs, configs).

Writes are atomic (temp file + rename) and failures to write are ignored: a read-only
checkout must still lint, only slower.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CACHE_DIR_NAME = ".memo-lint-cache"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file in the same folder and rename: readers never see half a file."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class JsonCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str) -> Any:
        try:
            return json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by memo-lint\n*\n", "utf-8")
            import tempfile

            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(value, stream, ensure_ascii=False, default=str)
            os.replace(temporary, self._path(key))
        except OSError:
            pass


class ResultCache:
    """Lint results of one kind of run (same version, options and reference date).

    One file per run kind, loaded once: an unchanged re-run of thousands of memos must not
    open thousands of cache files. An entry is reused when the memo's size and mtime are
    unchanged (or, failing that, its SHA-256) and every dependency — the pack chain, the
    config — still has the digest it had.
    """

    def __init__(self, directory: Path, run_key: str) -> None:
        import hashlib

        self.path = directory / f"results-{hashlib.sha256(run_key.encode()).hexdigest()[:20]}.json"
        self._store = JsonCache(directory)
        loaded = self._store.get(self.path.stem)
        self.entries: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
        self._digests: dict[str, str] = {}
        self._dirty = False

    @staticmethod
    def digest_file(path: Path) -> str:
        import hashlib

        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return ""

    def _dependency_digest(self, path: str) -> str:
        if path not in self._digests:
            self._digests[path] = self.digest_file(Path(path))
        return self._digests[path]

    def get(self, memo: Path) -> Any:
        from memo_lint.report import FileReport

        entry = self.entries.get(str(memo))
        if entry is None:
            return None
        try:
            info = memo.stat()
        except OSError:
            return None
        if [info.st_size, info.st_mtime_ns] != entry["stat"]:
            if self.digest_file(memo) != entry["sha256"]:
                return None
            entry["stat"] = [info.st_size, info.st_mtime_ns]
            self._dirty = True
        if any(self._dependency_digest(p) != digest for p, digest in entry["deps"]):
            return None
        return FileReport.from_dict(entry["report"])

    def put(self, memo: Path, report: Any, deps: list[tuple[str, str]]) -> None:
        try:
            info = memo.stat()
        except OSError:
            return
        self.entries[str(memo)] = {
            "stat": [info.st_size, info.st_mtime_ns],
            "sha256": self.digest_file(memo),
            "deps": [list(d) for d in deps],
            "report": report.to_dict(),
        }
        # The memo itself is on disk: keeping its text here would make the cache as large as
        # the archive. Reports that show findings in context read it again (Linter.text_lines).
        self.entries[str(memo)]["report"]["lines"] = []
        self._dirty = True

    def save(self) -> None:
        if self._dirty:
            self._store.put(self.path.stem, self.entries)
