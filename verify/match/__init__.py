"""Matching claims across articles: the same proposition in other words, and how it drifted.

    >>> import verify
    >>> from verify.match import MatchClaim, drift, match
    >>> a = verify.extract_claims("A senior Western diplomat said about 200 soldiers were killed near Kursk on Monday.")[0]
    >>> b = verify.extract_claims("Ukraine said 2,000 soldiers were killed near Kursk on Monday.")[0]
    >>> ma, mb = MatchClaim.from_claim(a, 1, order=(1,)), MatchClaim.from_claim(b, 2, order=(2,))
    >>> match(ma, mb).reason
    'same name Kursk, same day Monday, 4 of 4 content words'
    >>> drift(ma, mb)
    (('attribution-mismatch', 'number-conflict'), ('attribution-mismatch', 'number-conflict'))

Pure: :mod:`.features` (what a claim offers), :mod:`.score` (match, drift, independence, shared
wording), :mod:`.index` (candidates). Stored matches are kept by :mod:`verify.store.matches`.
"""

from importlib import import_module
from typing import Any

from .words import DRIFT_KINDS

# loaded on first use: what matching finds needs its features (and extraction's words), what reads
# stored matches (a report) does not
_FROM = {
    "Interval": "features", "MatchClaim": "features", "interval": "features", "stem": "features",
    "MatchIndex": "index",
    **dict.fromkeys(("Match", "articles_rewrite", "drift", "independent", "match", "numbers_conflict", "rewrite",
                     "same_source"), "score"),
}

__all__ = [
    "DRIFT_KINDS", "Interval", "Match", "MatchClaim", "MatchIndex", "articles_rewrite", "drift", "independent",
    "interval", "match", "numbers_conflict", "rewrite", "same_source", "stem",
]


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
