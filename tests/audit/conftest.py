from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="memo-lint[audit] not installed")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small archive: the approved memo (txt, md, md with a date), the broken ones, a
    corrupt Word file, a binary file posing as text, and a motion in another body's folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEMO_LINT_CACHE_DIR", str(tmp_path / ".cache"))
    root = tmp_path / "archive"
    zwolle = root / "zwolle"
    shutil.copytree(EXAMPLES / "broken", zwolle)
    for name in ("zwolle-beslisnota-citydeal.txt", "zwolle-beslisnota-citydeal.md"):
        shutil.copy(EXAMPLES / name, zwolle / name)
    dated = (EXAMPLES / "zwolle-beslisnota-citydeal.md").read_text("utf-8")
    (zwolle / "dated.md").write_text(dated.replace("---\n", "---\ndatum: 2024-03-01\n", 1))
    (zwolle / "corrupt.docx").write_bytes(b"PK\x03\x04 this is no zip archive")
    (zwolle / "binary.txt").write_bytes(bytes(range(256)) * 8)
    other = root / "denhaag"
    other.mkdir()
    (other / "motie.txt").write_text(
        "Motie vreemd aan de orde van de dag\n\nDe raad,\n\nverzoekt het college iets.\n", "utf-8"
    )
    return Path("archive")
