"""A ``ClaimView`` written as JSON byte for byte as ``ClaimRecord.model_dump_json()`` writes it, without
building the record or a dict of it first.

A JSON report writes every claim this way, and making a dict per claim and its items for pydantic's
serialiser was most of its time. The claim's own fields are written here; what repeats across claims
(an article's fields, a source's, a rule result, a figure's values, flags, times) is serialised once by
pydantic's serialiser and reused. Strings are escaped by ``json``'s own escaper, which writes what
pydantic writes (``ensure_ascii`` off: only quotes, backslashes and control characters escaped);
items that are rare in a claim (history, links, matches) go through pydantic's serialiser whole.
tests/test_records.py checks the output against the record's own on stored claims of every shape.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _str
from typing import Any

from pydantic_core import to_json

from ..models import ClaimRecord, Event, LinkView, MatchView

_F_EVENT, _F_LINK, _F_MATCH = (tuple(m.model_fields) for m in (Event, LinkView, MatchView))
assert tuple(ClaimRecord.model_fields) == (
    "id", "article_id", "article_title", "article_path", "article_url", "outlet", "published", "text", "span",
    "attribution", "polarity", "cue", "sources", "relayed_by", "numbers", "status", "rule_status", "review_status", "flags",
    "reliability", "credibility", "needs_review", "checked_at", "rules", "history", "links", "matches",
), "ClaimRecord's fields changed: update view_json"


def _dump(value: Any) -> str:
    return to_json(value, inf_nan_mode="null").decode()


def _j(value: str | None) -> str:
    return "null" if value is None else _str(value)


class _Memo(dict):  # type: ignore[type-arg]
    """value -> its JSON, made by ``make`` the first time a value is asked for."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        if len(self) >= 20_000:  # bounded: a store with many distinct values only loses the reuse
            self.clear()
        text = self[key] = self.make(key)
        return text


def _article(key: tuple[Any, ...]) -> str:
    title, path, url, outlet, published = key
    return (f'"article_title":{_j(title)},"article_path":{_j(path)},"article_url":{_j(url)},'
            f'"outlet":{_j(outlet)},"published":{_dump(published)},')


def _source(key: tuple[Any, ...]) -> tuple[str, str]:
    canonical, kind, affiliation, tags, reliability = key
    return (f'{{"canonical":{_str(canonical)},"kind":{_str(kind)},"mention":',
            f',"affiliation":{_j(affiliation)},"tags":{_dump(list(tags))},"reliability":{_j(reliability)}}}')


def _number_tail(key: tuple[Any, ...]) -> str:
    value, low, high, unit, approximate, bound = key
    return (f',"value":{_dump(value)},"low":{_dump(low)},"high":{_dump(high)},"unit":{_j(unit)},'
            f'"approximate":{_dump(approximate)},"bound":{_str(bound)}}}')


def _rule(h: tuple[Any, ...]) -> str:
    rule, outcome, value, reason, applied = h
    return (f'{{"rule":{_str(rule)},"outcome":{_str(outcome)},"value":{_str(value)},"reason":{_j(reason)},'
            f'"applied":{"true" if applied else "false"}}}')


def _state(key: tuple[Any, ...]) -> str:
    status, rule_status, review_status, flags, reliability, credibility, needs_review = key
    return (f',"status":{_j(status)},"rule_status":{_j(rule_status)},"review_status":{_j(review_status)},'
            f'"flags":{_dump(list(flags)) if flags else "[]"},"reliability":{_j(reliability)},'
            f'"credibility":{_j(credibility)},"needs_review":{_j(needs_review)},"checked_at":')


class ViewWriter:
    """Writes views as JSON, remembering the JSON of repeated parts (keep one per report: the memory
    it keeps grows with the distinct articles, sources, rule results and flags it meets)."""

    def __init__(self) -> None:
        self.articles = _Memo(_article)
        self.sources = _Memo(_source)
        self.numbers = _Memo(_number_tail)
        self.rules = _Memo(_rule)
        self.strings = _Memo(_j)  # short, repeated strings: attribution kinds
        self.states = _Memo(_state)  # statuses, flags, grade and review reason: few combinations recur
        self.times = _Memo(lambda t: _dump(t[0]))  # keyed with the zone: equal times in two zones differ

    def _sources(self, views: Any) -> str:
        memo = self.sources
        out = []
        for canonical, kind, mention, span, affiliation, tags, rel in views:
            head, tail = memo[(canonical, kind, affiliation, tags, rel)]
            out.append(f'{head}{_str(mention)},"span":{"null" if span is None else f"[{span[0]},{span[1]}]"}{tail}')
        return ",".join(out)

    def _numbers(self, numbers: Any) -> str:
        memo = self.numbers
        out = []
        for text, span, value, low, high, unit, approximate, bound in numbers:
            key = (value, low, high, unit, approximate, bound)
            # 0.0 and -0.0 are one key but two texts: zeros are not remembered
            out.append(f'{{"text":{_str(text)},"span":{"null" if span is None else f"[{span[0]},{span[1]}]"}'
                       + (memo[key] if value and low and high else _number_tail(key)))
        return ",".join(out)

    def __call__(self, v: Any, credibility: Any = ..., end: str = "}") -> str:
        """The view's JSON (``credibility``: written in place of the stored one; ``end``: what closes the
        object, for a caller that adds fields of its own)."""
        (cid, article_id, title, path, url, outlet, published, text, span, attribution, polarity, cue, sources,
         relayed_by, numbers, status, rule_status, review_status, flags, reliability, cred, needs_review, checked_at,
         rules, history, links, matches) = v
        if credibility is not ...:
            cred = credibility
        rmemo = self.rules
        return (
            f'{{"id":{cid},"article_id":{article_id},{self.articles[(title, path, url, outlet, published)]}'
            f'"text":{_str(text)},"span":[{span[0]},{span[1]}],"attribution":{self.strings[attribution]},'
            f'"polarity":{self.strings[polarity]},"cue":'
            f'{"null" if cue is None else f"""{{"text":{_str(cue[0])},"span":[{cue[1][0]},{cue[1][1]}]}}"""}'
            f',"sources":[{self._sources(sources) if sources else ""}]'
            f',"relayed_by":[{self._sources(relayed_by) if relayed_by else ""}]'
            f',"numbers":[{self._numbers(numbers) if numbers else ""}]'
            f'{self.states[(status, rule_status, review_status, flags, reliability, cred, needs_review)]}'
            f'{"null" if checked_at is None else self.times[(checked_at, checked_at.tzinfo)]}'
            f',"rules":[{",".join([rmemo[h] for h in rules]) if rules else ""}]'
            f',"history":{_dump([dict(zip(_F_EVENT, e)) for e in history]) if history else "[]"}'
            f',"links":{_dump([dict(zip(_F_LINK, k)) for k in links]) if links else "[]"}'
            f',"matches":{_dump([dict(zip(_F_MATCH, m)) for m in matches]) if matches else "[]"}{end}'
        )
