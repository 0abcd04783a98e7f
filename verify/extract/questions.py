"""Questions put to the one addressed: "Do you support the levy?", "What do you think of the plan?"
ask for a view and report none, so the "you" of a question is no one's source."""

from __future__ import annotations

from .found import Found


def asked_of_you(found: list[Found]) -> list[Found]:
    """The claims of a sentence ending in a question mark, less those whose only source is "you"."""
    return [f for f in found if not (f.sources and all(s.mention.lower() == "you" for s in f.sources))]
