"""Matching as a desk runs it: ingest, check, list, show, compare and review matches from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import verify
from verify.rules.facts import SourceIndex, iter_facts
from verify.store.facts import FactReader
from cli_support import one_line_error as _one_line_error

ACROSS = Path(__file__).parent / "articles" / "across"
FIRST, REWRITE = ACROSS / "vovchansk-first.txt", ACROSS / "vovchansk-rewrite.txt"


def _stating(claims: list[dict], words: str) -> list[dict]:
    found = [c for c in claims if words in c["text"]]
    assert len(found) == 2, [c["text"] for c in found]
    return found


def test_ingest_check_and_list_show_the_drift_of_a_rewrite(cli, db_url):
    r = cli("ingest", FIRST, REWRITE, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    assert "matched 5 claim pairs across articles" in r.stdout
    assert cli("check").exit_code == 0
    claims = json.loads(cli("claims", "list", "--format", "json").stdout)

    estimate = _stating(claims, "soldiers were killed")
    for c in estimate:
        assert {"attribution-mismatch", "number-conflict"} <= set(c["flags"]), c["flags"]
        other = next(o for o in estimate if o is not c)
        assert [m["other"] for m in c["matches"]] == [other["id"]]
        assert set(c["matches"][0]["drift"]) == {"attribution-mismatch", "number-conflict"}
        assert "Vovchansk" in c["matches"][0]["reason"]

    first, rewrite = sorted(_stating(claims, "rail depot"), key=lambda c: c["id"])
    assert "attribution-dropped" in rewrite["flags"] and rewrite["attribution"] == "unattributed"
    assert "attribution-dropped" not in first["flags"]

    for c in _stating(claims, "northern border"):
        assert c["matches"] and "number-conflict" not in c["flags"], c["flags"]

    shown = cli("claims", "show", str(estimate[1]["id"]))
    assert "Stated in other articles:" in shown.stdout
    assert f"claim {estimate[0]['id']} (article {estimate[0]['article_id']})" in shown.stdout
    assert "drift here: attribution-mismatch, number-conflict" in shown.stdout


def test_compare_shows_the_differences_side_by_side(cli):
    r = cli("compare", FIRST, REWRITE)
    assert r.exit_code == 0, r.stderr
    for text in ("source: senior Western diplomat → Government of Ukraine", "numbers: about 1,200 → 3,000",
                 "attribution-mismatch", "number-conflict", "attribution-dropped", "attribution: indirect → unattributed",
                 "numbers: between 10,000 and 12,000 → Roughly 11,000", "hedge-dropped"):
        assert text in r.stdout, text
    data = json.loads(cli("compare", FIRST, REWRITE, "--format", "json").stdout)
    assert len(data["pairs"]) == 5 and not data["only_a"] and not data["only_b"]
    troops = next(p for p in data["pairs"] if "northern border" in p["a"]["text"])
    assert troops["drift_a"] == troops["drift_b"] == [] and troops["rewrite"]
    estimate = next(p for p in data["pairs"] if "soldiers" in p["a"]["text"])
    assert estimate["drift_b"] == ["attribution-mismatch", "number-conflict"] and not estimate["independent"]


def test_compare_stored_articles_by_id(cli):
    cli("ingest", FIRST, REWRITE, "--jobs", "1")
    files = json.loads(cli("compare", FIRST, REWRITE, "--format", "json").stdout)
    stored = json.loads(cli("compare", "1", "2", "--format", "json").stdout)
    assert stored["article_a"].startswith("article 1")
    assert [(p["a"]["text"], p["b"]["text"], p["drift_b"]) for p in stored["pairs"]] == [
        (p["a"]["text"], p["b"]["text"], p["drift_b"]) for p in files["pairs"]]


def test_compare_refuses_bad_input_in_one_line(cli, tmp_path):
    _one_line_error(cli("compare", tmp_path / "missing.txt", FIRST), "missing.txt")
    _one_line_error(cli("compare", "7", FIRST), "no stored article with ID 7")


def test_each_pair_is_stored_once_and_only_across_articles(store, tmp_path):
    twice = tmp_path / "twice.txt"
    twice.write_text(FIRST.read_text(encoding="utf-8") + "\n" + FIRST.read_text(encoding="utf-8").split("\n", 2)[2],
                     encoding="utf-8")
    verify.ingest(store, [FIRST, REWRITE], jobs=1)
    depot = sorted(c.id for c in verify.claims(store) if "rail depot" in c.text)
    (m,) = verify.matches(store, depot[1])
    assert (m.other, m.drift, m.state) == (depot[0], ["attribution-dropped"], "proposed")
    confirmed = verify.review_match(store, depot[1], depot[0], "confirmed", reviewer="desk")
    assert (confirmed.other, confirmed.state, confirmed.reviewer) == (depot[0], "confirmed", "desk")
    first_round = {(m.other, m.score) for c in verify.claims(store) for m in c.matches}
    # matching again, or ingesting the same files again, finds nothing new
    assert verify.match_articles(store).found == 0
    verify.ingest(store, [FIRST, REWRITE], jobs=1)
    assert {(m.other, m.score) for c in verify.claims(store) for m in c.matches} == first_round
    # an article that repeats its own claims matches earlier articles, never itself
    verify.ingest(store, [twice], jobs=1)
    third = [c for c in verify.claims(store) if c.article_id == 3]
    for c in third:
        assert all(next(o for o in verify.claims(store) if o.id == m.other).article_id != 3 for m in c.matches)
    with store.session() as s:
        from verify.store.tables import MatchRow

        pairs = [(r.claim_a, r.claim_b) for r in s.query(MatchRow)]
    assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)


def test_the_count_of_claims_under_each_term_follows_the_index(store, tmp_path):
    # terms are weighed by these counts; they must stay what counting the index itself gives,
    # however articles come in (one at a time, several at once, again)
    from sqlalchemy import func, select

    from verify.store.tables import TermCountRow, TermRow

    verify.ingest(store, [FIRST], jobs=1)
    verify.ingest(store, [REWRITE, FIRST], jobs=1)
    with store.session() as s:
        counted = dict(s.execute(select(TermRow.term, func.count()).group_by(TermRow.term)).all())
        kept = dict(s.execute(select(TermCountRow.term, TermCountRow.claims)).all())
    assert kept == counted and max(kept.values()) >= 2


def test_a_reviewer_confirms_or_rejects_a_match_and_the_history_says_so(cli):
    cli("ingest", ACROSS / "power-iaea.txt", ACROSS / "power-local.txt", "--jobs", "1")
    claims = json.loads(cli("claims", "list", "--format", "json").stdout)
    a, b = _stating(claims, "four hours")
    assert a["status"] == b["status"] == "corroborated"
    r = cli("matches", "reject", str(a["id"]), str(b["id"]), "--reviewer", "night desk", "--note", "two outages")
    assert r.exit_code == 0, r.stderr and "rejected" in r.stdout
    cli("check")
    after = {c["id"]: c for c in json.loads(cli("claims", "list", "--format", "json").stdout)}
    assert after[a["id"]]["status"] != "corroborated"
    assert after[a["id"]]["matches"][0]["state"] == "rejected"
    rejected = json.loads(cli("matches", "list", "--state", "rejected", "--format", "json").stdout)
    assert [(p["a"]["id"], p["b"]["id"]) for p in rejected] == [(a["id"], b["id"])]
    assert json.loads(cli("matches", "list", "--format", "json").stdout) == []
    _one_line_error(cli("matches", "list", "--state", "maybe"), "unknown match state 'maybe'")
    notes = [e["note"] for e in after[b["id"]]["history"] if e["action"] == "match"]
    assert notes == [f"match with claim {a['id']} rejected: two outages"]
    assert cli("matches", "confirm", str(a["id"]), str(b["id"]), "--reviewer", "night desk").exit_code == 0
    cli("check")
    assert json.loads(cli("claims", "show", str(a["id"]), "--format", "json").stdout)["status"] == "corroborated"
    _one_line_error(cli("matches", "reject", str(a["id"]), "999", "--reviewer", "x"), "not matched")


def test_unnamed_sources_of_one_description_are_someone_else_in_each_article(store, tmp_path):
    texts = ("A senior official said the convoy reached Kherson on Monday. A senior official said it carried insulin.",
             "A senior official said the bridge at Antonivka was closed to traffic.")
    paths = []
    for i, t in enumerate(texts):
        (p := tmp_path / f"a{i}.txt").write_text(t, encoding="utf-8")
        paths.append(p)
    verify.ingest(store, paths, jobs=1)
    with store.engine.connect() as conn:
        reader = FactReader(conn)
        reg, rows = reader.rules_registry(store.registry())
        facts = [f for page in iter_facts(reader, SourceIndex(reg, rows)) for f in page]
    assert [f.src.names for f in facts] == [frozenset({"senior official"})] * 3
    first, second, other = (f.independent for f in facts)
    assert first == second and first != other


def test_the_rules_list_the_steps_about_matches(cli):
    r = cli("rules", "steps")
    for phrasing in ("another article attributes it to a different source", "its figures disagree with another article's",
                     "it states as fact what another article attributes"):
        assert phrasing in r.stdout


def test_every_report_format_shows_the_matches_across_articles(store, monkeypatch):
    import csv
    import io

    import jsonschema

    from verify.reports.json import schema
    from verify.store.tables import ArticleRow

    verify.ingest(store, [FIRST, REWRITE], jobs=1)
    depot = [c for c in verify.claims(store) if "rail depot" in c.text]
    for fmt in ("table", "markdown", "html"):
        text = verify.report(store, fmt)
        assert "Across articles" in text, fmt
        assert "B: attribution-dropped" in text, fmt
    doc = json.loads(verify.report(store, "json"))
    jsonschema.validate(doc, schema())
    pair = next(p for p in doc["across_articles"] if p["a"]["id"] == depot[0].id)
    assert pair["b"]["id"] == depot[1].id and pair["b"]["drift"] == ["attribution-dropped"] and pair["rewrite"]
    assert doc["summary"]["drift"]["attribution-dropped"] == 1
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(verify.report(store, "csv")))}
    assert rows[str(depot[1].id)]["matched"] == f"{depot[0].id} (article 1, 1.00, attribution-dropped)"
    # ClaimReview lists the other articles the claim appears in
    with store.transaction() as s:
        for a in s.query(ArticleRow):
            a.url = f"https://news.example/{a.id}"
    verify.review(store, depot[1].id, "disputed", note="the port denies it", reviewer="desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_NAME", "Night Desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_URL", "https://desk.example/reviews")
    out = io.StringIO()
    from verify.reports import write_report

    write_report(store, "claimreview", out)
    (review,) = json.loads(out.getvalue())
    assert [a["url"] for a in review["itemReviewed"]["appearance"]] == ["https://news.example/2", "https://news.example/1"]


def test_a_denial_elsewhere_opposes_a_claim_and_does_not_corroborate_it(store, tmp_path):
    texts = ("Plant Loses Power\n\nThe plant's owner, Ridgeline Steel, said a drone strike had cut power to its "
             "rolling mill in Kryvyi Rih on Monday.\n",
             "Strike Claim Rejected\n\nThe Border Guard Service denied that a drone strike had cut power to the "
             "rolling mill of Ridgeline Steel in Kryvyi Rih late on Monday.\n",
             "Mill Halted\n\nThe regional governor, Serhiy Lysak, said a drone strike had cut power to the "
             "Ridgeline Steel rolling mill in Kryvyi Rih early on Monday.\n")
    paths = []
    for i, t in enumerate(texts):
        (p := tmp_path / f"mill{i}.txt").write_text(t, encoding="utf-8")
        paths.append(p)
    verify.ingest(store, paths[:2], jobs=1)
    stated, denied = (c for c in verify.claims(store) if "rolling mill" in c.text)
    assert (stated.polarity, denied.polarity) == ("asserted", "denied")
    # the same claim in other words (no rewrite of the other), one side stating it, one denying it
    assert [(m.other, m.rewrite) for m in stated.matches] == [(denied.id, False)]
    assert stated.status == "single-source" and verify.claim(store, denied.id).status == "single-source"
    # a second article that states it does corroborate it
    verify.ingest(store, paths[2:], jobs=1)
    verify.check(store)
    assert verify.claim(store, stated.id).status == "corroborated"
    assert verify.claim(store, denied.id).status == "single-source"
