"""schema.org ClaimReview JSON-LD, one object per claim that a check or a person has rated.

The publisher comes from ``VERIFY_PUBLISHER_NAME`` and ``VERIFY_PUBLISHER_URL``; each review's
``url`` is the publisher's URL with the anchor ``#claim-<id>`` (the anchor the HTML report gives the
claim). ``claimReviewed`` is the claim's own text, shortened to 75 characters; the verdict is only in
``reviewRating``.

The rating scale (``worstRating`` 1, ``bestRating`` 5; higher is better supported):

==============  ===============  ===========
status          alternateName    ratingValue
==============  ===============  ===========
refuted         Refuted          1
disputed        Disputed         2
unverified      Unverified       3
single-source   Single source    3
corroborated    Corroborated     4
confirmed       Confirmed        5
==============  ===============  ===========

Unverified and single-source share the middle: neither is supported nor contradicted by an
independent source. The claimant (``itemReviewed.author``) is a Person for sources of kind person or
anonymous and an Organization otherwise; an unattributed claim's claimant is the outlet that made it.
"""

from __future__ import annotations

import json
import os
from typing import Any, TextIO

from ..errors import VerifyError
from ..models import ClaimRecord
from .common import STATUS_LABELS, Report

RATING = {
    "refuted": 1,
    "disputed": 2,
    "unverified": 3,
    "single-source": 3,
    "corroborated": 4,
    "confirmed": 5,
}
WORST, BEST = 1, 5
MAX_CLAIM_CHARS = 75


def publisher() -> tuple[str, str]:
    name = (os.environ.get("VERIFY_PUBLISHER_NAME") or "").strip()
    url = (os.environ.get("VERIFY_PUBLISHER_URL") or "").strip()
    if not name or not url:
        raise VerifyError(
            "ClaimReview needs the publisher: set VERIFY_PUBLISHER_NAME and VERIFY_PUBLISHER_URL "
            "(the page on your site where the reviews appear)"
        )
    if not url.lower().startswith(("http://", "https://")):
        raise VerifyError(f"VERIFY_PUBLISHER_URL must be an http(s) URL, not {url!r}")
    return name, url


def shorten(text: str, limit: int = MAX_CLAIM_CHARS) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def is_rated(rec: ClaimRecord) -> bool:
    """A claim a check or a person has rated (an unchecked claim has nothing to publish)."""
    return bool(rec.review_status or rec.rule_status or rec.history or rec.rules)


def _party(name: str, kind: str) -> dict[str, Any]:
    return {"@type": "Person" if kind in ("person", "anonymous") else "Organization", "name": name}


def claim_review(rec: ClaimRecord, name: str, url: str, today: str) -> dict[str, Any]:
    reviews = [e for e in rec.history if e.to_status]
    date = reviews[-1].at.date().isoformat() if reviews else today
    base = url.split("#", 1)[0]
    item: dict[str, Any] = {"@type": "Claim"}
    claimants = [_party(s.canonical, s.kind) for s in rec.sources]
    if not claimants and rec.outlet:
        claimants = [_party(rec.outlet, "outlet")]
    if claimants:
        item["author"] = claimants[0] if len(claimants) == 1 else claimants
    if rec.published:
        item["datePublished"] = rec.published.isoformat()
    if rec.article_url and rec.article_url.lower().startswith(("http://", "https://")):
        appearance = {"@type": "CreativeWork", "url": rec.article_url}
        if rec.article_title:
            appearance["headline"] = rec.article_title
        item["appearance"] = appearance
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base}#claim-{rec.id}",
        "claimReviewed": shorten(rec.text),
        "author": {"@type": "Organization", "name": name, "url": url},
        "datePublished": date,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": STATUS_LABELS[rec.status],
            "ratingValue": RATING[rec.status],
            "bestRating": BEST,
            "worstRating": WORST,
        },
    }


def write(report: Report, out: TextIO) -> None:
    """A JSON array of ClaimReview objects, written one at a time."""
    name, url = publisher()
    today = report.generated_at.date().isoformat()
    first = True
    out.write("[")
    for rec in report.claims():
        if not is_rated(rec):
            continue
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(claim_review(rec, name, url, today), ensure_ascii=False))
        first = False
    out.write("]\n" if first else "\n]\n")
