"""Test data for the rules tests: articles of our own words stored through the real ingest path."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import update

import verify
from verify.models import Article, Claim, ClaimRecord, Cue, Number, SourceMention
from verify.registry import Registry
from verify.store.tables import ClaimRow

_REG = Registry.starter()


def mention(name: str, kind: str | None = None) -> SourceMention:
    known = _REG.resolve(name)
    if known is not None:
        return SourceMention(mention=name, canonical=known.canonical, kind=kind or known.kind)
    return SourceMention(mention=name, canonical=name, kind=kind or "person")


def claim(text: str, *sources: str | tuple[str, str], cue: str | None = None, relayed_by: tuple = (),
          numbers: tuple = (), attribution: str | None = None, polarity: str = "asserted") -> dict:
    """A claim to store: sources by name (or (name, kind)); numbers as (text, value[, approximate])."""
    return {
        "text": text,
        "sources": [mention(*s) if isinstance(s, tuple) else mention(s) for s in sources],
        "relayed_by": [mention(r) for r in relayed_by],
        "cue": cue,
        "numbers": numbers,
        "attribution": attribution or ("indirect" if sources else "unattributed"),
        "polarity": polarity,
    }


def store_article(store, claims: list[dict], *, outlet: str | None = None, published: date | None = None,
                  name: str = "article") -> list[int]:
    """Store one article holding ``claims`` (in order); their ids in the same order."""
    text, models = "", []
    for c in claims:
        start = len(text)
        body = c["text"]
        text += body + " "
        nums = []
        for n in c["numbers"]:
            t, value, *rest = n
            i = body.index(t)
            nums.append(Number(text=t, span=(start + i, start + i + len(t)), value=value, low=value, high=value,
                               approximate=bool(rest and rest[0]), bound="approximate" if rest and rest[0] else "exact"))
        cue = None
        if c["cue"]:
            i = body.find(c["cue"])
            cue = Cue(text=c["cue"], span=(start + max(i, 0), start + max(i, 0) + len(c["cue"])))
        models.append(Claim(text=body, span=(start, start + len(body)), attribution=c["attribution"], cue=cue,
                            sources=c["sources"], relayed_by=c["relayed_by"], numbers=nums, polarity=c["polarity"]))
    sha = hashlib.sha256((name + text).encode()).hexdigest()
    loaded = SimpleNamespace(path=Path(f"{name}.txt"), text=text,
                             article=Article(sha256=sha, outlet=outlet, published=published, title=name))
    res = store.ingest(loaded, models)
    return [c.id for c in sorted(verify.claims(store, article=res.article_id), key=lambda c: c.span[0])]


def set_review(store, claim_id: int, status: str) -> None:
    """A claim's status as a review leaves it (status follows the review), without the review's event:
    the tests that use it are about precedence, not about when the review was made."""
    with store.transaction() as s:
        s.execute(update(ClaimRow).where(ClaimRow.id == claim_id).values(review_status=status, status=status))


def claim_row(store, claim_id: int) -> ClaimRecord:
    return verify.claim(store, claim_id)


def write_rules(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    p = directory / name
    p.write_text(text, encoding="utf-8")
    return p
