"""Root of the test suite: makes ``tests/helpers.py`` importable from every sub-folder
(``from helpers import lint``), whatever pytest's import mode."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
