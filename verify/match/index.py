"""Candidates for matching from an inverted index of content words and figures, never all pairs.

The in-memory index serves ``verify compare`` and tests; the store keeps the same index in its
``claim_terms`` table (:mod:`verify.store.matches`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .score import MIN_SHARED

# a term filed under more claims than this says little about which of them match; the claims
# still meet through their rarer terms
MAX_POSTINGS = 1000


class MatchIndex:
    def __init__(self) -> None:
        self._postings: dict[str, list[tuple[Any, Any]]] = defaultdict(list)

    def add(self, claim_id: Any, article: Any, terms: Iterable[str]) -> None:
        for t in terms:
            self._postings[t].append((claim_id, article))

    def candidates(self, terms: Iterable[str], article: Any) -> list[Any]:
        """Claims of other articles sharing at least MIN_SHARED terms with these, most shared first."""
        counts: Counter = Counter()
        for t in set(terms):
            posting = self._postings.get(t, ())
            if len(posting) > MAX_POSTINGS:
                continue
            counts.update(cid for cid, art in posting if art != article)
        return [cid for cid, n in counts.most_common() if n >= MIN_SHARED]
