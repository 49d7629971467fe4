"""Which files a run checks: the files named, and the memo files found by walking folders.

Like ruff: folders are walked without recursion (a tree thousands of levels deep is no
RecursionError), hidden and symlinked folders are not entered, only regular files are
collected, a symlinked file pointing out of the walked folder is left alone, and
``.gitignore`` (inside a git repository) and the config's ``exclude`` / ``extend-exclude``
are honoured. Files named on the command line are always checked, unless ``force_exclude``:
pre-commit names every staged file, so its hook passes ``--force-exclude``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from fnmatch import translate
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from memo_lint.config import matches
from memo_lint.readers import supported_suffixes

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from memo_lint.config import Config

# What no memo repository wants linted: environments, build output, and the files every
# repository has that are not memos. `exclude` in a config replaces this list;
# `extend-exclude` adds to it.
DEFAULT_EXCLUDE = (
    "venv",
    "site-packages",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    "README.md",
    "README.txt",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "CODE_OF_CONDUCT.md",
    "SECURITY.md",
    "LICENSE.md",
    "LICENSE.txt",
)

ConfigFor = Callable[[Path], "Config"]
Walked = Callable[[Path, Path], None]


class _Excludes:
    """A config's ``exclude`` + ``extend-exclude``, compiled once (a walk asks for every file).

    A pattern without '/' matches a file or folder name anywhere; one with '/' matches the
    path relative to the config's folder (``archive/2019``, ``**/concept-*.md``).
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        patterns = (*(DEFAULT_EXCLUDE if config.exclude is None else config.exclude),)
        patterns += config.extend_exclude
        bare = [pattern.rstrip("/") for pattern in patterns]
        names = [pattern for pattern in bare if "/" not in pattern]
        # fnmatch's own translation, one alternative per pattern: the same verdict as
        # fnmatch(name, pattern) for each (normcase is the identity on POSIX; elsewhere the
        # name is normalised as fnmatch does).
        joined = "|".join(f"(?:{translate(os.path.normcase(n))})" for n in names)
        self.names = re.compile(joined).match if names else None
        self.paths = [p.removeprefix("/") for p in bare if "/" in p]

    def excludes(self, path: Path, name: str | None = None) -> bool:
        """``name``: the path's last part, when the caller has it (a walk: no Path property)."""
        if self.names is not None and self.names(os.path.normcase(name or path.name)):
            return True
        if not self.paths:
            return False
        relative = _relative_to_config(path, self.config)
        return any(matches(relative, pattern) for pattern in self.paths)


def _relative_to_config(path: Path, config: Config) -> PurePosixPath:
    base = config.path.parent if config.path else Path.cwd()
    try:
        return PurePosixPath(os.path.relpath(os.path.abspath(path), os.path.abspath(base)))
    except ValueError:  # another drive (Windows)
        return PurePosixPath(path.as_posix())


class _GitIgnore:
    """The ``.gitignore`` files that apply in one git repository, deepest last."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        info = root / ".git" / "info" / "exclude"
        self._root_extra = self._load(info) if info.is_file() else None

    @staticmethod
    def find_root(start: Path) -> Path | None:
        folder = Path(os.path.abspath(start if start.is_dir() else start.parent))
        for candidate in (folder, *folder.parents):
            if (candidate / ".git").exists():
                return candidate
        return None

    @staticmethod
    def _load(path: Path) -> GitIgnoreSpec | None:
        from pathspec import GitIgnoreSpec  # only when a repository has a .gitignore

        try:
            with path.open("r", encoding="utf-8", errors="replace") as handle:
                lines = handle.read(1 << 20).splitlines()
        except OSError:
            return None
        return GitIgnoreSpec.from_lines(lines)

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            candidate = folder / ".gitignore"
            self._specs[folder] = self._load(candidate) if candidate.is_file() else None
        return self._specs[folder]

    def ignores(self, path: Path, is_dir: bool) -> bool:
        """Git's verdict for one path: the deepest ``.gitignore`` that has an opinion wins."""
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.root)
        except ValueError:
            return False
        verdict: bool | None = None
        folders = [self.root, *(self.root / p for p in _prefixes(relative.parent))]
        for folder in folders:
            specs = [self._spec(folder)]
            if folder == self.root:
                specs.insert(0, self._root_extra)
            for spec in specs:
                if spec is None:
                    continue
                local = absolute.relative_to(folder).as_posix() + ("/" if is_dir else "")
                result = spec.check_file(local).include
                if result is not None:
                    verdict = result
        return bool(verdict)


def _prefixes(relative: PurePosixPath | Path) -> list[Path]:
    parts = Path(relative).parts
    return [Path(*parts[: i + 1]) for i in range(len(parts)) if parts[i] != "."]


class Discovery:
    """Walks paths for one run; the config of each folder decides what is excluded there."""

    def __init__(
        self, config_for: ConfigFor, force_exclude: bool = False, walked: Walked | None = None
    ) -> None:
        self.config_for = config_for
        self.force_exclude = force_exclude
        # Told of each file a walk yields and its folder (the linter then knows the file's
        # config without asking the file system whether it is a folder).
        self.walked = walked or (lambda file, folder: None)
        self._gitignores: dict[Path, _GitIgnore] = {}
        self._excludes: dict[int, _Excludes] = {}  # by id(config): each config's patterns

    def _excludes_of(self, config: Config) -> _Excludes:
        found = self._excludes.get(id(config))
        if found is None or found.config is not config:
            found = self._excludes[id(config)] = _Excludes(config)
        return found

    def _gitignore(self, path: Path) -> _GitIgnore | None:
        if not self.config_for(path).respect_gitignore:
            return None
        root = _GitIgnore.find_root(path)
        if root is None:
            return None
        if root not in self._gitignores:
            self._gitignores[root] = _GitIgnore(root)
        return self._gitignores[root]

    def excluded(self, path: Path, is_dir: bool, use_gitignore: bool = True) -> bool:
        """Excluded by the config of its folder or by ``.gitignore``."""
        if self._excludes_of(self.config_for(path.parent)).excludes(path):
            return True
        gitignore = self._gitignore(path) if use_gitignore else None
        return gitignore is not None and gitignore.ignores(path, is_dir)

    def _named_file_excluded(self, path: Path) -> bool:
        """For ``--force-exclude``: the file or one of its folders is excluded."""
        absolute = Path(os.path.abspath(path))
        if self.excluded(absolute, is_dir=False):
            return True
        return any(self.excluded(folder, is_dir=True) for folder in absolute.parents[:-1])

    def files(self, paths: Sequence[str | Path]) -> Iterator[Path]:
        suffixes = supported_suffixes()
        seen: set[Path] = set()
        # One folder's walk lists every file once: only more paths can name a file twice.
        overlap = len(paths) > 1
        for raw in paths:
            path = Path(raw)
            if not path.is_dir():
                force = self.force_exclude or self.config_for(path).force_exclude
                if path not in seen and not (force and self._named_file_excluded(path)):
                    seen.add(path)
                    yield path
                continue
            root = os.path.realpath(path)
            # A folder named explicitly is walked even when .gitignore ignores it (as a named
            # file is checked): `memo-lint check build/memos` means those memos.
            gitignored = self._gitignore(path)
            use_gitignore = gitignored is None or not gitignored.ignores(path, is_dir=True)
            pending = [path]  # an explicit stack: no recursion, however deep the tree
            while pending:
                folder = pending.pop()
                try:
                    entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
                except OSError:
                    continue
                # What excludes a file here is the same for every file of the folder: its
                # config's patterns and its repository's .gitignore, looked up once.
                excludes = self._excludes_of(self.config_for(folder))
                ignores = self._gitignore(folder) if use_gitignore else None
                subfolders: list[Path] = []
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        candidate = folder / name
                        if not self.excluded(candidate, True, use_gitignore):
                            subfolders.append(candidate)
                        continue
                    # os.path.splitext's suffix of a name that does not start with a dot
                    dot = name.rfind(".")
                    if dot < 0 or name[dot:].lower() not in suffixes:
                        continue
                    candidate = folder / name
                    if (overlap and candidate in seen) or not _regular_file_inside(entry, root):
                        continue
                    if excludes.excludes(candidate, name) or (
                        ignores is not None and ignores.ignores(candidate, False)
                    ):
                        continue
                    self.walked(candidate, folder)
                    if overlap:
                        seen.add(candidate)
                    yield candidate
                pending.extend(reversed(subfolders))  # depth first, in name order


def _regular_file_inside(entry: os.DirEntry[str], root: str) -> bool:
    """A regular file, or a symlink to one that stays inside the walked folder.

    A FIFO or socket in a memo folder would block the run; a symlink out of the tree would
    lint (and embed in an HTML report) a file nobody asked for. A broken link is kept, so it
    is reported as unreadable.
    """
    try:
        if not entry.is_symlink():
            return entry.is_file(follow_symlinks=False)  # the folder listing says: no stat
        target = os.path.realpath(entry.path)
        if os.path.commonpath([root, target]) != root:
            return False
        return stat.S_ISREG(entry.stat().st_mode)
    except (OSError, ValueError):
        return True  # reported as unreadable when linted
