"""Regular expressions built from the word lists: one search finds any of many words at C speed."""

from __future__ import annotations

import re


def trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, branching on one character at a time."""
    heads: dict[str, list[str]] = {}
    optional = False
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            optional = True
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + trie(rest) for ch, rest in sorted(heads.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if optional else body
