"""What a user sees when a command refuses bad input: shared by the command-line tests."""

from __future__ import annotations


def one_line_error(r, *words: str, quiet: bool = True) -> str:
    """A non-zero exit and one line on stderr, "verify: error: ...", naming each of ``words``; never a
    traceback, and (``quiet``) nothing on stdout. Returns the line."""
    assert r.exit_code != 0, r.stdout
    if quiet:
        assert r.stdout == "", r.stdout
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("verify: error: "), r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]
