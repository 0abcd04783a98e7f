"""Precedence: when rules disagree, one documented order decides, never the order of files or rules."""

from __future__ import annotations

from itertools import permutations

import pytest

from rules_support import claim, claim_row, store_article, write_rules
from verify.rules import STATUS_ORDER, Outcome, Rule, check, decide, load_rulebook


def rule(name: str, line: int = 1, warning: bool = False) -> Rule:
    return Rule(file="r.feature", line=line, name=name, feature="F", tags=(), steps=[], warning=warning)


def test_the_most_cautious_status_wins_in_any_order():
    assert STATUS_ORDER == ("refuted", "disputed", "unverified", "single-source", "corroborated", "confirmed")
    for order in permutations(["confirmed", "single-source", "disputed", "corroborated"]):
        hits = [(rule(s, i), Outcome("status", s)) for i, s in enumerate(order)]
        d = decide(hits)
        assert d.rule_status == d.status == "disputed"
        applied = {r.name for r, o, ok, _ in d.results if ok}
        assert applied == {"disputed"}
        overruled = [why for r, o, ok, why in d.results if not ok]
        assert all(w.startswith("overruled by r.feature:") and "(disputed)" in w for w in overruled)


@pytest.mark.parametrize("a, b, winner", [
    ("refuted", "disputed", "refuted"), ("disputed", "unverified", "disputed"),
    ("unverified", "single-source", "unverified"), ("single-source", "corroborated", "single-source"),
    ("corroborated", "confirmed", "corroborated"),
])
def test_each_step_of_the_order(a, b, winner):
    for x, y in ((a, b), (b, a)):
        assert decide([(rule("x"), Outcome("status", x)), (rule("y"), Outcome("status", y))]).rule_status == winner


def test_grades_take_the_later_letter_and_the_higher_number():
    d = decide([(rule("a"), Outcome("reliability", "B")), (rule("b"), Outcome("reliability", "F")),
                (rule("c"), Outcome("credibility", "2")), (rule("d"), Outcome("credibility", "4"))])
    assert (d.reliability, d.credibility) == ("F", "4")
    assert [ok for _, _, ok, _ in d.results] == [False, True, False, True]


def test_flags_and_review_reasons_add_up_once_each():
    d = decide([(rule("a"), Outcome("flag", "x")), (rule("b"), Outcome("flag", "y")), (rule("c"), Outcome("flag", "x")),
                (rule("d"), Outcome("needs-review", "one")), (rule("e"), Outcome("needs-review", "two"))])
    assert d.flags == ("x", "y") and d.needs_review == "one; two"
    assert all(ok for _, _, ok, _ in d.results)


def test_no_status_rule_leaves_the_claim_unverified_and_a_review_decides():
    assert decide([]).status == "unverified" and decide([]).rule_status is None
    d = decide([(rule("a"), Outcome("status", "corroborated"))], review_status="refuted")
    assert (d.status, d.rule_status) == ("refuted", "corroborated")
    [(_, _, ok, why)] = d.results
    assert not ok and why == "a person reviewed it as refuted"
    d = decide([(rule("a"), Outcome("status", "refuted"))], review_status="refuted")
    assert d.results[0][2] is True


def test_warning_rules_never_set_status_or_grades():
    d = decide([(rule("w", warning=True), Outcome("status", "refuted")),
                (rule("w", warning=True), Outcome("reliability", "E")),
                (rule("w", warning=True), Outcome("flag", "look")),
                (rule("n"), Outcome("status", "corroborated"))])
    assert (d.status, d.reliability, d.flags) == ("corroborated", None, ("look",))


def test_file_order_does_not_matter(store, tmp_path):
    ids = store_article(store, [claim("The bridge was hit twice overnight.", "Kremlin", cue="said")])
    lenient = """Feature: {n}
  Scenario: Rule {n}
    Given a claim attributed to "Kremlin"
    Then its status is "{status}"
"""
    outcomes = []
    for first, second in (("corroborated", "disputed"), ("disputed", "corroborated")):
        d = tmp_path / f"book-{first}"
        write_rules(d, "a.feature", lenient.format(n="a", status=first))
        write_rules(d, "b.feature", lenient.format(n="b", status=second))
        check(store, load_rulebook(d))
        outcomes.append(claim_row(store, ids[0]).status)
    assert outcomes == ["disputed", "disputed"]


def test_the_registrys_grade_takes_part_in_precedence():
    wanted = Outcome("reliability", "registry")
    d = decide([(rule("a"), wanted), (rule("b"), Outcome("reliability", "C"))], registry_grade="E")
    assert d.reliability == "E" and [ok for *_, ok, _ in d.results] == [True, False]
    d = decide([(rule("a"), wanted)], registry_grade=None)
    assert d.reliability is None
    [(_, _, ok, why)] = d.results
    assert not ok and "no source of this claim has a reliability grade" in why
