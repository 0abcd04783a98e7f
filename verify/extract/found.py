"""A claim while the article is being read, and the trimming every claim span goes through."""

from __future__ import annotations

from dataclasses import dataclass, field

from .sources import Src

Span = tuple[int, int]


@dataclass
class Found:
    """A claim while the article is being read (plain data; models are built at the end)."""

    frags: list[Span]
    attribution: str
    cue: Span | None = None
    sources: list[Src] = field(default_factory=list)
    relayed_by: list[Src] = field(default_factory=list)
    para: int = 0
    kind: str = "speech"  # which cue class found it: speech, belief, evidence, stance
    # content opened with a quotation that continues (multi-paragraph quotes)
    direct: bool = False


def trim_span(text: str, s: int, e: int) -> Span:
    """Strip spaces, a leading "that"/comma and a trailing comma or full stop outside quotes."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    if e > s and text[e - 1] in ".!?" and not text[s] in "\"“'":
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
