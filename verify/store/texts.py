"""What the store holds of an article beyond its claims: its text and its web address."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from .records import session_scope
from .tables import ArticleRow

CHUNK = 900  # ids per IN (...): under SQLite's bound-parameter limit


def article_text(db: Any, article_id: int) -> str:
    """The stored text of an article; empty for one the store does not hold."""
    with session_scope(db) as s:
        return s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id)) or ""


def article_pages(db: Any, article_ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
    """The (URL, title) of each of these articles that has a URL stored (any URL: callers choose)."""
    wanted = sorted(set(article_ids))
    out: dict[int, tuple[str, str | None]] = {}
    with session_scope(db) as s:
        for i in range(0, len(wanted), CHUNK):
            for aid, url, title in s.execute(select(ArticleRow.id, ArticleRow.url, ArticleRow.title)
                                             .where(ArticleRow.id.in_(wanted[i : i + CHUNK]), ArticleRow.url.is_not(None))):
                out[aid] = (url, title)
    return out
