"""``verify link A B --corroborates|--contradicts``: claims linked by a person, with who and when."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from rules_support import claim, store_article
from verify.errors import InputError, NotFound
from verify.store.links import link_claims, links_of, unlink_claims
from verify.store.tables import EventRow, LinkRow


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
    with store.session() as s:
        events = list(s.scalars(select(EventRow).where(EventRow.action == "link").order_by(EventRow.claim_id)))
    assert [e.claim_id for e in events] == [ids[0], ids[1]]
    assert all(e.reviewer == "desk" for e in events)


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
    with pytest.raises(NotFound, match="no claim with id 999"):
        link_claims(store, ids[0], 999, "corroborates", reviewer="desk")
    for args in ((ids[0], ids[1]), (ids[0], ids[1], "--corroborates", "--contradicts"), (ids[0], 999, "--contradicts")):
        res = cli("link", *args)
        assert res.exit_code != 0 and res.stderr.startswith("verify: error:") and res.stderr.count("\n") == 1
    assert links_of(store, ids[1]) == []


def test_unlink_keeps_history(store, ids):
    link_claims(store, ids[0], ids[1], "corroborates", reviewer="desk")
    assert unlink_claims(store, ids[1], ids[0], reviewer="desk", note="different men") == 1
    assert links_of(store, ids[0]) == []
    with store.session() as s:
        actions = [e.action for e in s.scalars(select(EventRow).where(EventRow.claim_id == ids[0]).order_by(EventRow.id))]
    assert actions == ["link", "unlink"]
    with pytest.raises(NotFound):
        unlink_claims(store, ids[0], ids[1], reviewer="desk")
