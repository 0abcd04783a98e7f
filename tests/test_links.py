"""``verify link A B --corroborates|--contradicts``: claims linked by a person, with who and when."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import verify
from rules_support import claim, store_article
from verify.errors import InputError, NotFound
from verify.store.links import link_claims, links_of, unlink_claims
from verify.store.tables import EventRow, LinkRow


def _history(store, claim_id):
    return sorted(verify.claim(store, claim_id).history, key=lambda e: e.id)


@pytest.fixture
def ids(store):
    return store_article(store, [
        claim("Two prisoners were taken near the border.", "Zelenskyy", cue="said"),
        claim("Two prisoners were being held in Kyiv.", "Institute for the Study of War", cue="said"),
        claim("No prisoners were taken.", "Kremlin", cue="said"),
    ])


def test_link_from_the_command_line_records_who_and_when(store, ids, cli):
    res = cli("link", ids[0], ids[1], "--corroborates", "--note", "same two men", "--reviewer", "desk")
    assert res.exit_code == 0, res.stderr
    assert "corroborates" in res.stdout
    [view] = links_of(store, ids[1])
    assert (view.other, view.relation, view.reviewer, view.note) == (ids[0], "corroborates", "desk", "same two men")
    assert view.at is not None
    events = {cid: [e for e in _history(store, cid) if e.action == "link"] for cid in ids}
    assert [cid for cid in ids if events[cid]] == [ids[0], ids[1]]
    assert all(len(events[cid]) == 1 and events[cid][0].reviewer == "desk" for cid in ids[:2])


def test_link_is_symmetric_and_idempotent(store, ids):
    link_claims(store, ids[1], ids[0], "corroborates", reviewer="a")
    link_claims(store, ids[0], ids[1], "corroborates", reviewer="b")
    with store.session() as s:
        rows = list(s.scalars(select(LinkRow)))
    assert len(rows) == 1 and (rows[0].claim_a, rows[0].claim_b) == (ids[0], ids[1])


def test_conflicting_and_bad_links_are_refused(store, ids, cli):
    link_claims(store, ids[0], ids[2], "contradicts", reviewer="desk")
    with pytest.raises(InputError, match="already linked as contradicting"):
        link_claims(store, ids[2], ids[0], "corroborates", reviewer="desk")
    with pytest.raises(InputError, match="itself"):
        link_claims(store, ids[0], ids[0], "corroborates", reviewer="desk")
    with pytest.raises(NotFound, match="no claim with ID 999"):
        link_claims(store, ids[0], 999, "corroborates", reviewer="desk")
    for args in ((ids[0], ids[1]), (ids[0], ids[1], "--corroborates", "--contradicts"), (ids[0], 999, "--contradicts")):
        res = cli("link", *args)
        assert res.exit_code != 0 and res.stderr.startswith("verify: error:") and res.stderr.count("\n") == 1
    assert links_of(store, ids[1]) == []


def test_unlink_keeps_history(store, ids):
    link_claims(store, ids[0], ids[1], "corroborates", reviewer="desk")
    assert unlink_claims(store, ids[1], ids[0], reviewer="desk", note="different men") == 1
    assert links_of(store, ids[0]) == []
    actions = [e.action for e in _history(store, ids[0])]
    assert actions == ["link", "unlink"]
    with pytest.raises(NotFound):
        unlink_claims(store, ids[0], ids[1], reviewer="desk")


def test_unlink_from_the_command_line_records_the_withdrawal(store, ids, cli):
    assert cli("link", ids[0], ids[2], "--contradicts", "--reviewer", "desk").exit_code == 0
    res = cli("link", ids[2], ids[0], "--corroborates", "--reviewer", "desk")
    # the refusal names the command that withdraws the link
    assert res.exit_code != 0 and f"verify unlink {ids[0]} {ids[2]}" in res.stderr
    res = cli("unlink", ids[2], ids[0], "--note", "wrong claim picked", "--reviewer", "editor")
    assert res.exit_code == 0, res.stderr
    assert "no longer linked" in res.stdout and links_of(store, ids[0]) == []
    events = _history(store, ids[2])
    assert [(e.action, e.reviewer) for e in events] == [("link", "desk"), ("unlink", "editor")]
    assert "wrong claim picked" in events[1].note and events[1].at >= events[0].at
    # now the other relation may be stored
    assert cli("link", ids[2], ids[0], "--corroborates", "--reviewer", "desk").exit_code == 0
    res = cli("unlink", ids[0], ids[1])
    assert res.exit_code != 0 and "not linked" in res.stderr and res.stderr.count("\n") == 1


def test_a_withdrawn_link_no_longer_counts(store, ids):
    from verify.rules import check, load_rulebook

    from rules_support import claim_row

    link_claims(store, ids[0], ids[2], "contradicts", reviewer="desk")
    check(store, load_rulebook())
    assert claim_row(store, ids[0]).status == "disputed"
    unlink_claims(store, ids[0], ids[2], reviewer="desk")
    check(store, load_rulebook())
    assert claim_row(store, ids[0]).status != "disputed"


@pytest.mark.parametrize("bad, said", [
    ("99999999999999999999", "no claim with ID 99999999999999999999"),
    ("9223372036854775808", "no claim with ID 9223372036854775808"),
    ("2147483648", "no claim with ID 2147483648"),
    ("abc", "not a claim ID: 'abc'"),
])
def test_ids_nobody_has_get_the_claims_show_line(store, ids, cli, bad, said):
    for args in (("link", bad, ids[0], "--corroborates"), ("link", ids[0], bad, "--contradicts"),
                 ("unlink", bad, ids[0])):
        res = cli(*args)
        assert res.exit_code != 0
        assert res.stderr.startswith("verify: error: ") and said in res.stderr and res.stderr.count("\n") == 1
        shown = cli("claims", "show", bad)
        assert shown.stderr.split(" (")[0] == res.stderr.split(" (")[0]


def test_a_link_stored_meanwhile_by_someone_else_is_answered_like_a_repeat(store, ids, monkeypatch):
    # another writer commits the same link between this one's read and its write: the unique
    # constraint stops the second row, and the answer is the stored link
    import verify.store.links as links

    link_claims(store, ids[0], ids[1], "corroborates", reviewer="first")
    real = links._existing
    calls = []

    def racing(s, lo, hi):
        calls.append(1)
        return [] if len(calls) == 1 else real(s, lo, hi)

    monkeypatch.setattr(links, "_existing", racing)
    view = link_claims(store, ids[1], ids[0], "corroborates", reviewer="second")
    assert (view.other, view.reviewer) == (ids[0], "first") and len(calls) == 2
    with store.session() as s:
        assert len(list(s.scalars(select(LinkRow)))) == 1
        assert len(list(s.scalars(select(EventRow).where(EventRow.action == "link")))) == 2


def test_concurrent_identical_links_all_succeed(store, ids):
    from concurrent.futures import ThreadPoolExecutor

    def one(i):
        return link_claims(store, ids[0], ids[1], "corroborates", reviewer=f"desk{i}")

    with ThreadPoolExecutor(6) as pool:
        views = list(pool.map(one, range(6)))
    assert {v.other for v in views} == {ids[1]}
    with store.session() as s:
        assert len(list(s.scalars(select(LinkRow)))) == 1
