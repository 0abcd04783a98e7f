"""What the store holds of an article beyond its claims: its text and its web address."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import bindparam, select

from .records import session_scope
from .tables import ArticleRow
from .views import fetch

CHUNK = 900  # ids per IN (...): under SQLite's bound-parameter limit


def article_text(db: Any, article_id: int) -> str:
    """The stored text of an article; empty for one the store does not hold."""
    with session_scope(db) as s:
        return s.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id)) or ""


_TEXT = select(ArticleRow.text).where(ArticleRow.id == bindparam("id"))


@contextmanager
def text_reader(db: Any) -> Iterator[Callable[[int], str]]:
    """``article_text`` for one article after another, on one session: a report reads one per article,
    and a session for each cost more than the reading."""
    with session_scope(db) as s:
        conn = s.connection()

        def text_of(article_id: int) -> str:
            rows = fetch(conn, _TEXT, {"id": article_id})
            return (rows[0][0] or "") if rows else ""

        yield text_of


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
