"""The README's "As a library" section runs as shown: its Python block prints its output block."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _section() -> tuple[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## As a library", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"```text\n(.*?)```", section, re.S).group(1)
    return code, shown


def test_readme_library_section_prints_what_it_shows(tmp_path):
    code, shown = _section()
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "lib.py").write_text(code, encoding="utf-8")
    run = subprocess.run([sys.executable, "lib.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown


def test_import_verify_extracts_from_text():
    import verify

    claims = verify.extract_claims("Shelling hit the port, officials said.")
    assert [c.attribution for c in claims] == ["indirect"]
    assert verify.grade_meaning("B2") == "source usually reliable, information probably true"
    assert "extract_claims" in dir(verify)


def test_every_library_call_stays_a_function_once_every_module_is_loaded():
    # a module named like a call (verify/report/, verify/review.py) would replace the call on import
    import importlib
    import inspect
    import pkgutil

    import verify

    for info in pkgutil.walk_packages(verify.__path__, "verify."):
        importlib.import_module(info.name)
    for name in verify.__all__:
        value = getattr(verify, name)
        assert not inspect.ismodule(value), f"verify.{name} is the module {value.__name__}"
