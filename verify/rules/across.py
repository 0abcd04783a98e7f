"""Steps about what matching found across articles: the claim stated elsewhere, and how it drifted.

Each drift kind has its own phrasing; ``its version in another article shows "KIND"`` takes any of
them by name, for rules that list several.
"""

from __future__ import annotations

from ..match import DRIFT_KINDS
from .steps import StepError, given, when


@given(
    'a claim matched in another article',
    description="Claims that matching found stated in another stored article (a match no reviewer rejected).",
    example="Given a claim matched in another article",
)
@when(
    'it is stated in another article',
    description="Matching found the same claim in another stored article (a match no reviewer rejected).",
    example="When it is stated in another article",
)
def matched():
    return lambda f: f.matched > 0


def _drift(kind: str):
    return lambda f: kind in f.drift


@when(
    'another article attributes it to a different source',
    description="The same claim is attributed to another source, government or organisation in an article"
    " that repeats its wording (`attribution-mismatch`).",
    example="When another article attributes it to a different source",
)
def mismatch():
    return _drift("attribution-mismatch")


@when(
    'it states as fact what another article attributes',
    description="This claim names no source, where another article attributes it (`attribution-dropped`).",
    example="When it states as fact what another article attributes",
)
def dropped():
    return _drift("attribution-dropped")


@when(
    'it names a source that an earlier article left unnamed',
    description="An earlier article gave the claim to an unnamed source; this one names it (`source-named`).",
    example="When it names a source that an earlier article left unnamed",
)
def named():
    return _drift("source-named")


@when(
    'it hides a source that an earlier article named',
    description="An earlier article named the claim's source; this one leaves it unnamed (`source-hidden`).",
    example="When it hides a source that an earlier article named",
)
def hidden():
    return _drift("source-hidden")


@when(
    "its figures disagree with another article's",
    description="Another article states the claim's figures differently, beyond the precision either states"
    " (\"about 200\" against \"2,000\"; not \"10,000 to 12,000\" against \"11,000\") (`number-conflict`).",
    example="When its figures disagree with another article's",
)
def number_conflict():
    return _drift("number-conflict")


@when(
    'it drops a hedge an earlier article kept',
    description="An earlier article hedged the claim (\"alleged\", \"reportedly\", \"may\"); this one states"
    " it without (`hedge-dropped`).",
    example="When it drops a hedge an earlier article kept",
)
def hedge_dropped():
    return _drift("hedge-dropped")


@when(
    'its version in another article shows "{kind}"',
    description=f"Any drift kind by name: {', '.join(DRIFT_KINDS)}.",
    example='When its version in another article shows "number-conflict"',
)
def drift_kind(kind: str):
    if kind not in DRIFT_KINDS:
        raise StepError(f"unknown drift {kind!r}; one of: {', '.join(DRIFT_KINDS)}")
    return _drift(kind)
