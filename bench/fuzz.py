"""The property tests of tests/test_properties.py, run long: 20,000 examples each instead of 150.

    python bench/fuzz.py [-k extraction]      # any further arguments go to pytest

Extraction, the rulebook loader and the renderers get random and hostile text (cues, quotation
marks, markup, control, bidirectional and zero-width characters, any Unicode); a failure prints
the smallest input that breaks a property, which belongs in a test of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long"}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_properties.py"),
           *sys.argv[1:]]
    sys.exit(subprocess.call(cmd, env=env, cwd=ROOT))
