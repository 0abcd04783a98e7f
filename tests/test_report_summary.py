"""The figures every report shows: by status, source, attribution; what claims rest on."""

from __future__ import annotations

from verify.models import ClaimRecord, SourceView
from verify.reports.summary import rests_on_anonymous, rests_on_nobody, rests_on_one_party, summarise

UA = SourceView(canonical="Ministry of Health", kind="organisation", mention="the ministry", tags=["party-to-conflict"])
UA2 = SourceView(canonical="Regional Governor", kind="person", mention="the governor", tags=["party-to-conflict"])
RU = SourceView(canonical="Defence Ministry", kind="organisation", mention="Moscow", tags=["party-to-conflict"])
UN = SourceView(canonical="UN monitors", kind="organisation", mention="monitors")
ANON = SourceView(canonical="a source", kind="anonymous", mention="a source")
VAGUE = SourceView(canonical="reports", kind="vague", mention="reports")
SIDES = {"Ministry of Health": "Kyiv", "Regional Governor": "Kyiv", "Defence Ministry": "Moscow", "UN monitors": "UN"}


def rec(i, sources=(), relays=(), attribution="indirect", status="unverified", article=1):
    return ClaimRecord(id=i, article_id=article, text=f"claim {i}", span=(0, 1), attribution=attribution,
                       sources=list(sources), relayed_by=list(relays), status=status)


def test_one_party_means_one_side_only():
    assert rests_on_one_party(rec(1, [UA]), SIDES)
    assert rests_on_one_party(rec(2, [UA, UA2]), SIDES)  # two voices of one government
    assert not rests_on_one_party(rec(3, [UA, RU]), SIDES)  # both sides say it
    assert not rests_on_one_party(rec(4, [UA, UN]), SIDES)  # an outside source too
    # a witness's words that reach us through one party rest on that party
    witness = SourceView(canonical="a detainee", kind="person", mention="one detainee")
    assert rests_on_one_party(rec(5, [witness], [UA]), SIDES)
    assert not rests_on_one_party(rec(6, attribution="unattributed"), SIDES)


def test_anonymous_and_nobody():
    assert rests_on_anonymous(rec(1, [ANON]))
    assert rests_on_anonymous(rec(2, [ANON, VAGUE]))
    assert not rests_on_anonymous(rec(3, [ANON, UN]))
    assert rests_on_nobody(rec(4, attribution="unattributed"))
    assert rests_on_nobody(rec(5, []))
    assert not rests_on_nobody(rec(6, [UN]))


def test_summarise_counts():
    s = summarise(
        [
            rec(1, [UA], status="single-source"),
            rec(2, [UA, RU], status="corroborated"),
            rec(3, [ANON], article=2),
            rec(4, attribution="unattributed", article=2),
        ],
        SIDES,
    )
    assert s.claims == 4
    assert s.by_status["single-source"] == 1 and s.by_status["unverified"] == 2
    assert s.by_attribution == {"direct": 0, "indirect": 3, "inherited": 0, "unattributed": 1}
    assert (s.one_party, s.anonymous_or_vague, s.nobody) == (1, 1, 1)
    # the claim both sides tell rests on neither alone: the fourth row, so the rows account for every claim
    assert s.beyond_one_party == 1
    assert [n for _, n in s.rests_on_rows()] == [1, 1, 1, 1]
    assert [a.claims for a in s.articles.values()] == [2, 2]
    assert s.sources["Ministry of Health"].claims == 2
    assert s.sources["Ministry of Health"].by_status["corroborated"] == 1
    d = s.to_dict()
    assert d["rests_on"]["one_party"] == {"claims": 1, "share": 0.25}
    assert d["rests_on"]["beyond_one_party"] == {"claims": 1, "share": 0.25}


def test_each_claim_counts_in_one_row_of_what_it_rests_on():
    # an unnamed official of one side is both anonymous and one party: counted once, as anonymous
    party_official = SourceView(canonical="a ministry official", kind="anonymous", mention="an official",
                                tags=["party-to-conflict"], affiliation="Ministry of Health")
    s = summarise([rec(1, [party_official]), rec(2, [UA]), rec(3, [UA, UN]), rec(4, attribution="unattributed")], SIDES)
    assert [(label, n) for label, n in s.rests_on_rows()] == [
        ("one party to the conflict", 1),
        ("anonymous or vague sources", 1),
        ("nobody (unattributed)", 1),
        ("named sources, not one party alone", 1),
    ]
    assert sum(n for _, n in s.rests_on_rows()) == s.claims
