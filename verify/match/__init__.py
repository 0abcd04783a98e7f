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

from .features import Interval, MatchClaim, interval, stem
from .index import MatchIndex
from .score import Match, articles_rewrite, drift, independent, match, numbers_conflict, rewrite, same_source
from .words import DRIFT_KINDS

__all__ = [
    "DRIFT_KINDS", "Interval", "Match", "MatchClaim", "MatchIndex", "articles_rewrite", "drift", "independent",
    "interval", "match", "numbers_conflict", "rewrite", "same_source", "stem",
]
