"""``verify check``: a rulebook applied to stored claims, traced rule by rule, on both backends."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from rules_support import claim, claim_row, set_review, store_article, write_rules
from verify.rules import check, load_rulebook
from verify.store.tables import CheckRunRow, RuleResultRow

HOUSE = """Feature: House rules
  Our desk's own policy on Ukrainian security-service statements.

  Scenario: Nothing the SBU says stands alone
    Given a claim attributed to "SBU"
    Then its status is "disputed"
    And flag it as "house-rule"
"""


def _results(store, claim_id: int) -> list[RuleResultRow]:
    with store.session() as s:
        return list(s.scalars(select(RuleResultRow).where(RuleResultRow.claim_id == claim_id).order_by(RuleResultRow.id)))


def _kyiv_article(store) -> list[int]:
    return store_article(store, [
        claim("Two soldiers from the north were taken prisoner near the border.", "Zelenskyy", cue="said"),
        claim("The prisoners were being questioned in Kyiv.", "the SBU", cue="reported"),
        claim("The security service said one prisoner had asked to stay.", "SBU", cue="said"),
        claim("Thousands of troops had been sent to the front.", "the White House", "the Pentagon", cue="confirmed"),
        claim("The fighting began in August.", attribution="unattributed"),
    ], name="kyiv")


def _snapshot(store, ids):
    return {i: (r.status, r.rule_status, tuple(r.flags), r.reliability, r.credibility, r.needs_review)
            for i in ids for r in [claim_row(store, i)]}


def test_a_users_rule_changes_exactly_the_claims_it_selects(store, tmp_path, cli):
    # issue 4: after a default check, a house rule file changes only the claims it selects
    ids = _kyiv_article(store)
    assert cli("check").exit_code == 0
    before = _snapshot(store, ids)
    assert before[ids[0]][0] == "single-source" and before[ids[4]][2]  # the default outcomes are there
    rules = tmp_path / "house"
    write_rules(rules, "sbu.feature", HOUSE)

    res = cli("check", "--rules", rules, "--format", "json")
    assert res.exit_code == 0, res.stderr
    report = json.loads(res.stdout)
    [house] = [r for r in report["rules"] if r["file"].startswith(str(rules))]
    assert house["selected"] == 2
    assert house["rule"] == f"{rules}/sbu.feature:4 Nothing the SBU says stands alone"

    after = _snapshot(store, ids)
    changed = {i for i in ids if after[i] != before[i]}
    assert changed == {ids[1], ids[2]}
    for i in changed:
        row = claim_row(store, i)
        assert row.status == "disputed" and row.rule_status == "disputed"
        assert "house-rule" in row.flags and set(before[i][2]) <= set(row.flags)
        [status] = [r for r in _results(store, i) if r.rule_file.endswith("sbu.feature") and r.outcome == "status"]
        assert (status.value, status.applied) == ("disputed", True)


def test_no_default_rules_applies_only_the_given_rulebook(store, tmp_path, cli):
    ids = _kyiv_article(store)
    assert cli("check").exit_code == 0
    write_rules(tmp_path / "house", "sbu.feature", HOUSE)
    res = cli("check", "--no-default-rules", "--rules", tmp_path / "house")
    assert res.exit_code == 0, res.stderr
    row = claim_row(store, ids[0])  # no house rule says anything of Zelenskyy's claim
    assert row.rule_status is None and row.flags == [] and _results(store, ids[0]) == []
    assert claim_row(store, ids[1]).flags == ["house-rule"]
    res = cli("check", "--no-default-rules")
    assert res.exit_code != 0 and "needs at least one --rules" in res.stderr


def test_a_rulebook_without_rules_is_refused_and_changes_nothing(store, tmp_path, cli):
    ids = _kyiv_article(store)
    assert cli("check").exit_code == 0
    before = _snapshot(store, ids)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.feature").write_text("", encoding="utf-8")
    for extra in ((), ("--no-default-rules",)):
        res = cli("check", "--rules", tmp_path / "empty", *extra)
        assert res.exit_code != 0
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "holds no rules" in lines[0] and "empty" in lines[0]
    assert _snapshot(store, ids) == before


def test_each_check_records_its_rulebooks_for_the_next(store, tmp_path):
    from verify.config import DEFAULT_RULEBOOK
    from verify.rules import last_rulebooks

    assert last_rulebooks(store) is None
    _kyiv_article(store)
    check(store, load_rulebook())
    assert last_rulebooks(store) == [str(DEFAULT_RULEBOOK.resolve())]
    write_rules(tmp_path / "house", "sbu.feature", HOUSE)
    check(store, load_rulebook([tmp_path / "house"], with_default=True))
    paths = last_rulebooks(store)
    assert paths == [str(DEFAULT_RULEBOOK.resolve()), str((tmp_path / "house").resolve())]
    # a check recorded before paths were (the shown name) still names the shipped rulebook
    with store.transaction() as s:
        s.add(CheckRunRow(rulebook="features/rulebook + house"))
    assert last_rulebooks(store) == [str(DEFAULT_RULEBOOK.resolve()), "house"]
    # the recorded paths load the same rules again
    assert len(load_rulebook(paths).rules) == len(load_rulebook([tmp_path / "house"], with_default=True).rules)


def test_a_check_of_some_claims_leaves_the_others_alone(store, tmp_path):
    from verify.store.links import link_claims

    ids = _kyiv_article(store)
    check(store, load_rulebook())
    before = _snapshot(store, ids)
    more = store_article(store, [
        claim("The bridge was closed to traffic overnight.", "the SBU", cue="said"),
        claim("A second bridge stayed open.", "Zelenskyy", cue="said"),
    ], name="bridges")
    link_claims(store, more[0], ids[3], "contradicts", reviewer="desk")
    write_rules(tmp_path / "house", "sbu.feature", HOUSE)
    report = check(store, load_rulebook([tmp_path / "house"], with_default=True), claim_ids=[more[0], more[1]])
    assert report.claims == 3  # the two new claims and the one linked to the first
    assert claim_row(store, more[0]).status == "disputed" and "house-rule" in claim_row(store, more[0]).flags
    assert claim_row(store, more[1]).status == "single-source"
    assert claim_row(store, ids[3]).status == "disputed"  # linked: checked again
    after = _snapshot(store, ids)
    assert {i for i in ids if after[i] != before[i]} == {ids[3]}  # the SBU claims of kyiv were not re-checked


def test_house_rules_on_top_of_the_shipped_ones_change_only_what_they_select(store, tmp_path, cli):
    ids = _kyiv_article(store)
    assert cli("check").exit_code == 0
    before = _snapshot(store, ids)
    write_rules(tmp_path / "house", "sbu.feature", HOUSE)
    res = cli("check", "--rules", "features/rulebook", "--rules", tmp_path / "house")
    assert res.exit_code == 0, res.stderr
    after = _snapshot(store, ids)
    assert {i for i in ids if after[i] != before[i]} == {ids[1], ids[2]}
    row = claim_row(store, ids[1])
    assert row.status == "disputed" and "house-rule" in row.flags and "party-to-conflict" in row.flags
    overruled = [r for r in _results(store, ids[1]) if r.outcome == "status" and not r.applied]
    assert overruled and all("sbu.feature:4" in r.reason for r in overruled)


def test_another_rulebook_replaces_the_results_of_the_last(store, tmp_path, cli):
    ids = _kyiv_article(store)
    check(store, load_rulebook())
    write_rules(tmp_path / "house", "sbu.feature", HOUSE)
    check(store, load_rulebook(tmp_path / "house"))
    row = claim_row(store, ids[0])  # no rule of the house rulebook says anything of Zelenskyy's claim
    assert row.rule_status is None and row.status == "unverified" and row.flags == []
    assert _results(store, ids[0]) == []


def test_results_are_replaced_on_each_check_and_runs_are_kept(store, tmp_path):
    ids = _kyiv_article(store)
    book = load_rulebook()
    first = check(store, book)
    n_first = len(_results(store, ids[0]))
    report = check(store, book)
    assert len(_results(store, ids[0])) == n_first > 0
    assert report.changed == 0 and report.results == first.results
    assert report.rewritten == 0  # nothing changed: the rows of the first check stand
    with store.session() as s:
        runs = list(s.scalars(select(CheckRunRow).order_by(CheckRunRow.id)))
    assert len(runs) == 2 and runs[1].claims == 5 and runs[1].results == report.results
    assert {r.run_id for r in _results(store, ids[0])} == {runs[0].id}
    # a changed rulebook rewrites what changed, and drops what no rule says any more
    write_rules(tmp_path / "r", "sbu.feature", HOUSE)
    report = check(store, load_rulebook(tmp_path / "r"))
    assert {r.run_id for r in _results(store, ids[1])} == {report.run_id}
    assert _results(store, ids[0]) == []


def test_a_review_outranks_every_rule_and_the_record_shows_both(store, tmp_path):
    ids = _kyiv_article(store)
    set_review(store, ids[1], "confirmed")
    write_rules(tmp_path / "r", "sbu.feature", HOUSE)
    report = check(store, load_rulebook(tmp_path / "r"))
    row = claim_row(store, ids[1])
    assert row.status == "confirmed" and row.review_status == "confirmed" and row.rule_status == "disputed"
    status = next(r for r in _results(store, ids[1]) if r.outcome == "status")
    assert not status.applied and "reviewed it as confirmed" in status.reason
    assert report.disagreements == 1
    assert claim_row(store, ids[2]).status == "disputed"


def test_rules_that_select_nothing_are_reported_and_noskip_fails(store, tmp_path, cli):
    _kyiv_article(store)
    write_rules(tmp_path / "r", "quiet.feature", """Feature: Quiet
  @noskip
  Scenario: Claims from the Kremlin need review
    Given a claim attributed to "Kremlin"
    Then it needs review

  Scenario: Claims from NATO are flagged
    Given a claim attributed to "NATO"
    Then flag it as "nato"
""")
    res = cli("check", "--no-default-rules", "--rules", tmp_path / "r")
    assert res.exit_code == 1
    assert "selected nothing" in res.stdout
    assert "@noskip" in res.stderr and "quiet.feature:3 Claims from the Kremlin need review" in res.stderr
    res = cli("check", "--no-default-rules", "--rules", tmp_path / "r", "--format", "json")
    report = json.loads(res.stdout)
    assert len(report["selected_nothing"]) == 2 and len(report["noskip_failures"]) == 1


def test_an_exception_with_an_expiry(store, tmp_path):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "x.feature", """Feature: Exceptions
  @skip-until:2025-03-01
  Scenario: Pentagon figures are disputed for now
    Given a claim attributed to "Pentagon"
    Then its status is "disputed"
""")
    book = load_rulebook(tmp_path / "r", today=date(2025, 2, 1))
    report = check(store, book, today=date(2025, 2, 1))
    assert report.rules[0].skipped and report.rules[0].skipped_until == date(2025, 3, 1)
    assert claim_row(store, ids[3]).status == "unverified"
    report = check(store, book, today=date(2025, 3, 1))
    assert not report.rules[0].skipped and report.rules[0].selected == 1
    assert claim_row(store, ids[3]).status == "disputed"


def test_warning_rules_flag_but_never_change_status(store, tmp_path):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "w.feature", """Feature: Warnings
  @warning
  Scenario: Zelenskyy's statements get a second look
    Given a claim attributed to "Zelenskyy"
    Then its status is "refuted"
    And flag it as "second-look"
""")
    check(store, load_rulebook(tmp_path / "r"))
    row = claim_row(store, ids[0])
    assert row.status == "unverified" and row.rule_status is None and row.flags == ["second-look"]
    status = next(r for r in _results(store, ids[0]) if r.outcome == "status")
    assert not status.applied and "@warning" in status.reason


def test_outlines_backgrounds_and_rule_blocks(store, tmp_path):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "o.feature", """Feature: Outlines
  Background:
    Given any claim

  Rule: Each named source gets its own flag
    Scenario Outline: Flag claims from <who>
      When it is attributed to a source tagged "<tag>"
      Then flag it as "<flag>"

      Examples:
        | who     | tag               | flag  |
        | parties | party-to-conflict | party |
        | armies  | military          | army  |
""")
    report = check(store, load_rulebook(tmp_path / "r"))
    assert [(r.line, r.name, r.selected) for r in report.rules] == [
        (12, "Flag claims from parties", 3), (13, "Flag claims from armies", 1)]
    assert claim_row(store, ids[3]).flags == ["army"]
    [hit] = _results(store, ids[3])
    assert hit.rule_line == 13


def test_links_count_towards_corroboration(store, tmp_path):
    from verify.store.links import link_claims

    ids = _kyiv_article(store)
    other = store_article(store, [claim("Two prisoners from the north were held in Kyiv.",
                                        "Institute for the Study of War", cue="said")], name="isw")
    book = load_rulebook()
    check(store, book)
    assert claim_row(store, ids[0]).status == "single-source"
    link_claims(store, ids[0], other[0], "corroborates", reviewer="desk")
    check(store, book)
    assert claim_row(store, ids[0]).status == "corroborated"
    assert claim_row(store, other[0]).status == "corroborated"
    # a second voice of the same government does not corroborate
    link_claims(store, ids[1], ids[2], "corroborates", reviewer="desk")
    check(store, book)
    assert claim_row(store, ids[1]).status == "single-source"
    link_claims(store, ids[2], ids[3], "contradicts", reviewer="desk")
    check(store, book)
    row = claim_row(store, ids[2])
    assert row.status == "disputed" and "contradicted" in row.flags


def test_check_refuses_a_rulebook_that_does_not_lint_clean(store, tmp_path, cli):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "bad.feature", """Feature: Bad
  Scenario: A typo
    Given a claim atributed to "SBU"
    Then its status is "disputed"
""")
    res = cli("check", "--rules", tmp_path / "r")
    assert res.exit_code != 0
    assert res.stderr.count("\n") == 1 and "bad.feature:3" in res.stderr
    assert claim_row(store, ids[1]).status == "unverified"


def test_the_lint_command_a_refusal_suggests_runs_as_written(store, tmp_path, cli):
    import shlex

    rules = tmp_path / "house rules"
    write_rules(rules, "bad.feature", """Feature: Bad
  Scenario: A typo
    Given a claim atributed to "SBU"
    Then its status is "disputed"

  Scenario: Another
    Given a claim atributed to "Police"
    Then its status is "disputed"
""")
    res = cli("check", "--rules", rules)
    assert res.exit_code != 0 and "more problem" in res.stderr
    suggested = res.stderr.split("run `", 1)[1].split("`", 1)[0]
    assert suggested.startswith("verify rules lint ")
    linted = cli(*shlex.split(suggested)[1:])
    # the command reads the rulebook with the problems and names both, rather than failing to start
    assert linted.exit_code != 0 and "bad.feature:3" in linted.stdout + linted.stderr
    assert "bad.feature:7" in linted.stdout + linted.stderr


def test_check_json_and_table_output_escape_stored_text(store, tmp_path, cli):
    store_article(store, [claim("A [bold red]styled[/] claim.", "SBU", cue="said")], name="markup")
    write_rules(tmp_path / "r", "m.feature", """Feature: Markup
  Scenario: [red]Looks like markup[/red]
    Given any claim
    Then flag it as "[blink]x[/blink]"
""")
    res = cli("check", "--rules", tmp_path / "r")
    assert res.exit_code == 0
    assert "[red]Looks like markup[/red]" in res.stdout
    res = cli("check", "--no-default-rules", "--rules", tmp_path / "r", "--format", "json")
    assert json.loads(res.stdout)["flags"] == {"[blink]x[/blink]": 1}


def test_unknown_source_names_are_reported_not_guessed(store, tmp_path):
    _kyiv_article(store)
    write_rules(tmp_path / "r", "u.feature", """Feature: Unknown
  Scenario: A source nobody stored
    Given a claim attributed to "Ministry of Silly Walks"
    Then flag it as "silly"
""")
    report = check(store, load_rulebook(tmp_path / "r"))
    assert report.rules[0].selected == 0
    assert any("Ministry of Silly Walks" in w for w in report.warnings)


def test_grades_the_newsroom_keeps_in_the_registry(store, tmp_path):
    from verify.models import Source

    ids = _kyiv_article(store)
    isw = store_article(store, [claim("Prisoners were held in Kyiv.", "ISW", cue="said")], name="isw")
    store.sync_sources([Source(canonical="Institute for the Study of War", kind="organisation", reliability="B",
                               aliases=["ISW"])])
    write_rules(tmp_path / "r", "g.feature", """Feature: Grades
  Scenario: Graded sources carry their grade
    Given a claim attributed to a source the registry grades
    Then its source reliability is the registry's grade
""")
    report = check(store, load_rulebook(tmp_path / "r"))
    assert report.rules[0].selected == 1
    assert claim_row(store, isw[0]).reliability == "B"
    assert claim_row(store, ids[0]).reliability is None


def test_rule_blocks_with_their_own_background_and_but(store, tmp_path):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "b.feature", """Feature: Rule blocks
  Rule: Ukrainian sources
    Background:
      Given a claim attributed to a source affiliated with "Government of Ukraine"

    Scenario: Ukrainian claims are flagged
      Then flag it as "ukraine"
      But its information credibility is "4"

  Rule: Everything else
    Scenario: Everyone else is flagged too
      Given a claim not attributed to any source tagged "party-to-conflict"
      Then flag it as "elsewhere"
""")
    report = check(store, load_rulebook(tmp_path / "r"))
    assert [(r.line, r.selected) for r in report.rules] == [(6, 3), (11, 2)]
    assert claim_row(store, ids[0]).flags == ["ukraine"] and claim_row(store, ids[0]).credibility == "4"
    assert claim_row(store, ids[4]).flags == ["elsewhere"]


def test_a_single_feature_file_is_a_rulebook_too(store, tmp_path, cli):
    ids = _kyiv_article(store)
    path = write_rules(tmp_path / "r", "sbu.feature", HOUSE)
    res = cli("check", "--no-default-rules", "--rules", path, "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["rules"][0]["rule"] == f"{path}:4 Nothing the SBU says stands alone"
    assert claim_row(store, ids[1]).status == "disputed"
    (tmp_path / "notes.txt").write_text("not rules")
    res = cli("check", "--rules", tmp_path / "notes.txt")
    assert res.exit_code != 0 and "directory of .feature files" in res.stderr


def test_unchanged_results_are_recognised_whatever_their_text(store, tmp_path):
    _kyiv_article(store)
    write_rules(tmp_path / "r", "u.feature", """Feature: Ünïcode
  Scenario: Zelenskyy’s words — «reviewed» twice
    Given a claim attributed to "Zelenskyy"
    Then its status is "disputed"
    And it needs review because "a “quoted” reason; with | pipes"

  Scenario: Everyone is single-source
    Given any claim
    Then its status is "single-source"
""")
    book = load_rulebook(tmp_path / "r")
    first = check(store, book)
    again = check(store, book)
    assert first.rewritten == first.results > 0
    assert again.rewritten == 0 and again.results == first.results


def test_a_reviewed_claim_no_longer_counts_as_needing_review(store, tmp_path, cli):
    ids = _kyiv_article(store)
    write_rules(tmp_path / "r", "all.feature", """Feature: Everything waits for the desk
  Scenario: Every claim goes to a reviewer
    Given any claim
    Then its status is "disputed"
    And it needs review because "the desk reads everything twice"
""")
    set_review(store, ids[0], "confirmed")
    res = cli("check", "--no-default-rules", "--rules", tmp_path / "r")
    assert res.exit_code == 0, res.stderr
    assert "4 claim(s) need review; 1 reviewed claim(s) where the rules now disagree" in res.stdout
    report = json.loads(cli("check", "--no-default-rules", "--rules", tmp_path / "r", "--format", "json").stdout)
    assert report["needs_review"] == 4 and report["disagreements_with_review"] == 1
    # the rule's reason is still recorded on the reviewed claim
    assert claim_row(store, ids[0]).needs_review == "the desk reads everything twice"
