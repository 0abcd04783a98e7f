"""Stored claims read back as ClaimRecords: one by ID, or listed with filters."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from verify.errors import NotFound, VerifyError
from verify.reviews import add_note, review_claim
from verify.store import records
from verify.store.records import get_claim, list_claims
from verify.store.tables import ClaimRow, LinkRow

from _claims import RIVER_TEXT, seed


@pytest.fixture
def ids(store):
    return seed(store)


def test_get_claim_carries_sources_cue_numbers_rules(store, ids):
    rec = get_claim(store, ids["bridge"])
    assert rec.text == "a pontoon bridge near the island had been destroyed on Sunday"
    assert RIVER_TEXT[rec.span[0] : rec.span[1]] == rec.text
    assert rec.article_title == "Crossing Lost on the Lower Dnipro"
    assert rec.cue.text == "said"
    assert [s.canonical for s in rec.sources] == ["Government of Ukraine"]
    assert rec.sources[0].mention == "Officials in Kyiv"
    assert rec.status == "single-source"
    assert rec.grade == "C3"
    assert [h.rule for h in rec.rules] == [
        "features/rulebook/parties.feature:12 A party to the conflict speaking alone",
        "features/rulebook/parties.feature:13 A party to the conflict speaking alone",
    ]
    vehicles = get_claim(store, ids["vehicles"])
    assert [(n.text, n.value) for n in vehicles.numbers] == [("40", 40.0)]
    assert vehicles.sources[0].kind == "anonymous"


def test_source_tags_are_inherited_from_affiliations(store, ids):
    rec = get_claim(store, ids["struck"])
    moroz = rec.sources[0]
    assert moroz.affiliation == "Armed Forces of Ukraine"
    # the colonel speaks for the army, which speaks for the government, a party to the conflict
    assert "party-to-conflict" in moroz.tags
    assert records.independence_keys(store)["Ivan Moroz"] == "Government of Ukraine"


def test_unknown_id_is_not_found(store, ids):
    with pytest.raises(NotFound, match="no claim with ID 999999"):
        get_claim(store, 999999)


def test_history_and_links_come_back(store, ids):
    review_claim(store, ids["denied"], "refuted", note="satellite images show the crossing", reviewer="ana")
    with store.session() as s:
        s.add(LinkRow(claim_a=ids["bridge"], claim_b=ids["denied"], relation="contradicts", reviewer="ana"))
        s.commit()
    rec = get_claim(store, ids["denied"])
    assert [(e.reviewer, e.from_status, e.to_status) for e in rec.history] == [("ana", "disputed", "refuted")]
    assert rec.history[0].at.tzinfo is not None
    assert [(ln.other, ln.relation) for ln in rec.links] == [(ids["bridge"], "contradicts")]
    other = get_claim(store, ids["bridge"])
    assert [(ln.other, ln.relation) for ln in other.links] == [(ids["denied"], "contradicts")]


def test_list_all_in_article_order(store, ids):
    got = [r.id for r in list_claims(store)]
    river = [ids[k] for k in ("bridge", "struck", "denied", "vehicles", "river_rose")]
    assert got[:5] == river
    assert set(got[5:]) == {ids["evil"], ids["markup"]}


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"status": "single-source"}, ["bridge", "struck"]),
        ({"status": "refuted"}, ["evil"]),
        ({"attribution": "unattributed"}, ["river_rose", "markup"]),
        ({"flag": "estimate"}, ["vehicles"]),
        ({"flag": "anonymous"}, []),  # a flag matches whole, never as a part of another
        ({"flag": '<i>flag</i> "q"'}, ["evil"]),
        ({"source": "Government of Ukraine"}, ["bridge"]),
        ({"source": "the government of ukraine"}, ["bridge"]),  # normalised like any alias
        ({"source": "Ivan Moroz", "status": "single-source"}, ["struck"]),
    ],
)
def test_list_filters(store, ids, kw, expected):
    assert [r.id for r in list_claims(store, **kw)] == [ids[k] for k in expected]


def test_list_by_article_and_limit(store, ids):
    assert {r.id for r in list_claims(store, article=ids["hostile"])} == {ids["evil"], ids["markup"]}
    assert len(list(list_claims(store, limit=3))) == 3
    assert list(list_claims(store, limit=0)) == []


def test_list_by_alias_from_the_starter_registry(store, ids):
    # "Kyiv" is a starter-registry alias of the Government of Ukraine
    assert [r.id for r in list_claims(store, source="Kyiv")] == [ids["bridge"]]


def test_bad_filters_are_one_line_errors(store, ids):
    with pytest.raises(VerifyError, match="unknown status 'maybe'; use one of: unverified"):
        list(list_claims(store, status="maybe"))
    with pytest.raises(NotFound, match="no source named 'Nobody Known'"):
        list(list_claims(store, source="Nobody Known"))
    with pytest.raises(VerifyError, match="unknown attribution kind"):
        list(list_claims(store, attribution="rumour"))


def test_listing_pages_with_a_fixed_number_of_queries(store, ids, monkeypatch):
    """No N+1: the queries grow with pages, not with claims."""
    monkeypatch.setattr(records, "PAGE", 2)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        got = list(list_claims(store))
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(got) == 7
    pages = 4  # 2 + 2 + 2 + 1
    # per page: claims, sources, numbers, rule results, events, links; plus the source table once
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= pages * 7 + 2


@pytest.mark.parametrize("article", [999999, 2**31, 10**20])
def test_an_unknown_article_is_not_found(store, ids, article):
    # an empty list would read as "this article has no claims"
    with pytest.raises(NotFound, match=f"no article with ID {article}$"):
        list(list_claims(store, article=article))


def test_a_status_review_is_the_records_reviewed_summary(store, ids):
    assert get_claim(store, ids["denied"]).reviewed is None
    review_claim(store, ids["denied"], "refuted", note="checked", reviewer="ana")
    add_note(store, ids["denied"], note="the ministry did not answer", reviewer="ben")
    rec = get_claim(store, ids["denied"])
    # the latest *status* event, not the later note
    assert (rec.reviewed.reviewer, rec.reviewed.to_status) == ("ana", "refuted")


def test_checked_at_comes_back_aware(store, ids):
    from datetime import datetime

    with store.session() as s:
        s.get(ClaimRow, ids["vehicles"]).checked_at = datetime(2026, 1, 2, 3, 4, 5)
        s.commit()
    rec = get_claim(store, ids["vehicles"])
    assert rec.checked_at.year == 2026 and rec.checked_at.utcoffset() is not None
    assert get_claim(store, ids["bridge"]).checked_at is None


def test_pages_over_scattered_ids_keep_each_claims_own_rows(store, ids, monkeypatch):
    """Related rows are fetched by ID range where a page's IDs are contiguous and by list where not;
    either way a claim gets exactly its own sources."""
    monkeypatch.setattr(records, "PAGE", 2)
    expected = {r.id: [s.canonical for s in r.sources] for r in list_claims(store)}
    scattered = {r.id: [s.canonical for s in r.sources] for r in list_claims(store, attribution="indirect")}
    assert scattered == {k: v for k, v in expected.items() if k in scattered} and len(scattered) == 4
    assert records._ids_where(ClaimRow.id, [1, 2, 3]).operator.__name__ == "between_op"
    assert records._ids_where(ClaimRow.id, [1, 10_000]).operator.__name__ == "in_op"


def test_records_built_without_revalidation_are_complete_and_valid(store, ids):
    """Records are built from our own rows without a second validation; each must still hold every
    field of its model, and survive validation unchanged."""
    from verify.models import ClaimRecord

    review_claim(store, ids["vehicles"], "disputed", note="checked", reviewer="ana")
    with store.session() as s:
        s.add(LinkRow(claim_a=ids["bridge"], claim_b=ids["vehicles"], relation="contradicts", reviewer="ana"))
        s.commit()

    def models(m):
        yield m
        for name in type(m).model_fields:
            v = getattr(m, name)
            for x in v if isinstance(v, list) else [v]:
                if hasattr(type(x), "model_fields"):
                    yield from models(x)

    recs = list(list_claims(store)) + [get_claim(store, ids["vehicles"])]
    seen = set()
    for rec in recs:
        for m in models(rec):
            assert set(vars(m)) == set(type(m).model_fields), type(m).__name__
            seen.add(type(m).__name__)
        again = ClaimRecord.model_validate(rec.model_dump())
        assert again == rec and again.model_dump_json() == rec.model_dump_json()
    assert seen == {"ClaimRecord", "Cue", "SourceView", "Number", "RuleHit", "Event", "LinkView"}


def test_views_write_the_json_their_records_write(store, ids):
    """A JSON report writes each claim from its view, not its record: byte for byte the record's own
    JSON, for claims with reviews, links, figures, several rules, quotes, control characters and
    non-ASCII text, and for values written twice (the writer reuses what it wrote)."""
    from verify.store.views import record
    from verify.store.viewjson import ViewWriter

    review_claim(store, ids["vehicles"], "disputed", note='a "note"\twith\x01 контроль', reviewer="ana")
    review_claim(store, ids["bridge"], "confirmed", evidence="https://example.org/bridge-photos", reviewer="bo")
    with store.session() as s:
        s.add(LinkRow(claim_a=ids["bridge"], claim_b=ids["vehicles"], relation="contradicts", reviewer="ana"))
        row = s.get(ClaimRow, ids["denied"])
        row.text, row.needs_review = 'he said "no"\n\\ — \u2028 \x7f', "why\x1b[31m"
        s.commit()
    write = ViewWriter()
    views = list(list_claims(store, views=True))
    assert any(v.history for v in views) and any(v.links for v in views) and any(v.numbers for v in views)
    for v in views + views:
        assert write(v) == record(v).model_dump_json()
        assert write(v, credibility="1") == record(v).model_copy(update={"credibility": "1"}).model_dump_json()
