"""Stored strings made safe to show: control characters replaced before they reach a terminal or a file.

Stored text comes from articles and from people (source names, notes); anything that shows it (the
reports, the CLI) or accepts a name (the store) uses these.
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 control characters but tab and newline: an escape sequence in a stored string must not
# reach a terminal (it could retitle the window, hide text or move the cursor), nor Markdown/HTML/CSV;
# nor may the bidirectional embeddings, overrides and isolates, which make text read other than it is
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")


def printable(value: object) -> str:
    """A stored string with control characters shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", value if isinstance(value, str) else str(value))


def printable_data(value: Any) -> Any:
    """``printable`` applied to every string in nested lists and dicts."""
    if isinstance(value, str):
        return _CONTROL.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: printable_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable_data(v) for v in value)
    return value
