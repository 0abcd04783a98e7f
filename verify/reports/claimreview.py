"""schema.org ClaimReview JSON-LD: the desk's published verdicts, one object per reviewed claim.

A ClaimReview is a publisher's fact-check, so by default only claims that a person reviewed (a status
event in their history) are written, rated by that person's latest status and dated by it.
``include_unreviewed=True`` (``verify report --format claimreview --include-unreviewed``) adds the
claims only the rules have rated; their rating says so in ``ratingExplanation``. A claim neither a
person nor a check has rated is never written.

The publisher comes from ``VERIFY_PUBLISHER_NAME`` and ``VERIFY_PUBLISHER_URL``; each review's
``url`` is the publisher's URL with the anchor ``#claim-<id>`` (the anchor the HTML report gives the
claim). The verdict is only in ``reviewRating``.

``claimReviewed`` is the claim's whole text (its whitespace made single): Google would like it short,
but a claim cut to fit rates a different claim ("200 troops were killed or wounded" cut before "or
wounded" is another statement), so it is never cut. ``reviewBody`` is the note of the person who
gave the verdict, and ``citation`` the web addresses of the evidence attached to the claim.

The claimant (``itemReviewed.author``) is what Google's Fact Check tools show as "Claim by ...", so
it names only who can be named: a Person for sources of kind person, an Organization for
organisations and outlets, and, for an unattributed claim, the outlet that asserted it. An anonymous
or vague source ("a senior official", "reports") is not a claimant anyone could look up: it is left
out of ``author`` (a claim with no named source has no ``author``), and ``itemReviewed.description``
says the claim was attributed to an unnamed source and how the article described it. An
unattributed claim of an article with no outlet has no claimant either; its description names the
article that stated it. A claim its source denies ("X denied that ...") has no claimant in the
article: ``author`` is left out and the description says who denied it.

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
independent source.
"""

from __future__ import annotations

import json
import os
from typing import Any, TextIO

from ..errors import VerifyError
from ..models import ClaimRecord
from ..store.matches import match_pairs
from ..store.texts import article_pages
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
NAMED = {"person": "Person", "organisation": "Organization", "outlet": "Organization"}
RULES_ONLY = "Rated by the desk's verification rules; not yet reviewed by a person."



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


def claim_text(text: str) -> str:
    """The claim as ``claimReviewed`` gives it: whole, its whitespace made single."""
    return " ".join(text.split())


def is_reviewed(rec: ClaimRecord) -> bool:
    """A person gave the claim a status (a review, not only a note)."""
    return rec.reviewed is not None


def is_rated(rec: ClaimRecord) -> bool:
    """A claim a check or a person has rated (an unchecked claim has nothing to publish)."""
    return bool(rec.review_status or rec.rule_status or rec.history or rec.rules)


def claimants(rec: ClaimRecord) -> tuple[list[dict[str, Any]], list[str]]:
    """The named claimants as schema.org parties, and how the article describes the unnamed ones."""
    named: list[dict[str, Any]] = []
    unnamed: list[str] = []
    for s in rec.sources:
        kind = NAMED.get(s.kind)
        if kind:
            named.append({"@type": kind, "name": s.canonical})
        else:
            unnamed.append(s.mention or s.canonical)
    if not rec.sources and rec.attribution == "unattributed" and rec.outlet:
        named.append({"@type": "Organization", "name": rec.outlet})
    return named, unnamed


def claim_review(rec: ClaimRecord, name: str, url: str, today: str,
                 elsewhere: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The ClaimReview of one claim; ``elsewhere`` are the other articles matching found it in,
    listed after its own as further appearances."""
    review = rec.reviewed
    status = review.to_status if review is not None else rec.status
    date = review.at.date().isoformat() if review is not None else today
    base = url.split("#", 1)[0]
    item: dict[str, Any] = {"@type": "Claim"}
    named, unnamed = claimants(rec)
    if rec.polarity == "denied":
        # the claim is what its source denies: the source is no claimant of it
        who = "; ".join([n["name"] for n in named] + [f"“{u}”" for u in unnamed]) or "its source"
        item["description"] = f"Denied in the article by {who}; no claimant is named."
    else:
        if named:
            item["author"] = named[0] if len(named) == 1 else named
        if unnamed:
            said = "; ".join(f"“{u}”" for u in unnamed)
            item["description"] = f"Attributed by the article to an unnamed source ({said}); no claimant is named."
        elif not named:
            # no source, and no outlet to name as the claimant: say at least where the claim was made
            where = f"the article “{rec.article_title}”" if rec.article_title else "the article"
            item["description"] = f"Stated by {where} without attributing it to anyone."
    if rec.published:
        item["datePublished"] = rec.published.isoformat()
    if rec.article_url and rec.article_url.lower().startswith(("http://", "https://")):
        appearance = {"@type": "CreativeWork", "url": rec.article_url}
        if rec.article_title:
            appearance["headline"] = rec.article_title
        item["appearance"] = appearance
    if elsewhere:
        own = [item["appearance"]] if "appearance" in item else []
        item["appearance"] = own + [a for a in elsewhere if a not in own]
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": STATUS_LABELS[status],
        "ratingValue": RATING[status],
        "bestRating": BEST,
        "worstRating": WORST,
    }
    if review is None:
        rating["ratingExplanation"] = RULES_ONLY
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base}#claim-{rec.id}",
        "claimReviewed": claim_text(rec.text),
        "author": {"@type": "Organization", "name": name, "url": url},
        "datePublished": date,
        "itemReviewed": item,
        "reviewRating": rating,
    }
    if review is not None and review.note:
        out["reviewBody"] = review.note
    cited = [e.evidence_url for e in rec.history
             if e.evidence_url and e.evidence_url.lower().startswith(("http://", "https://"))]
    if cited:
        out["citation"] = [{"@type": "CreativeWork", "url": u} for u in dict.fromkeys(cited)]
    return out


def write(report: Report, out: TextIO, include_unreviewed: bool = False) -> None:
    """A JSON array of ClaimReview objects, written one at a time."""
    name, url = publisher()
    today = report.generated_at.date().isoformat()
    wanted = is_rated if include_unreviewed else is_reviewed
    elsewhere = _appearances(report)
    first = True
    out.write("[")
    batch: list[str] = []
    # json.dumps(..., ensure_ascii=False) makes an encoder per call; one does for the whole report
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for rec in report.claims():
        if not wanted(rec):
            continue
        batch.append(encode(claim_review(rec, name, url, today, elsewhere.get(rec.id))))
        if len(batch) == 500:  # written in batches: a write is a Python call on most streams
            out.write(("\n  " if first else ",\n  ") + ",\n  ".join(batch))
            first, batch = False, []
    if batch:
        out.write(("\n  " if first else ",\n  ") + ",\n  ".join(batch))
        first = False
    out.write("]\n" if first else "\n]\n")


def _appearances(report: Report) -> dict[int, list[dict[str, Any]]]:
    """Each matched claim's other articles (those with a web address), as CreativeWork appearances.

    An article whose source denies what the claim states is no appearance of the claim."""
    others: dict[int, set[int]] = {}
    for p in match_pairs(report.db):
        if p.polarity_a != p.polarity_b:
            continue
        others.setdefault(p.a, set()).add(p.article_b)
        others.setdefault(p.b, set()).add(p.article_a)
    if not others:
        return {}
    works: dict[int, dict[str, Any]] = {}
    for aid, (url, title) in article_pages(report.db, {a for arts in others.values() for a in arts}).items():
        if url.lower().startswith(("http://", "https://")):
            works[aid] = {"@type": "CreativeWork", "url": url, **({"headline": title} if title else {})}
    return {cid: [works[a] for a in sorted(arts) if a in works] for cid, arts in others.items()}
