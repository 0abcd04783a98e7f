"""Rulebook plug-ins (``steps.py``): new steps without forking, run only with explicit permission."""

from __future__ import annotations

import pytest

from rules_support import claim, claim_row, store_article, write_rules
from verify.errors import RulebookError
from verify.rules import check, lint, load_rulebook

PLUGIN = '''
from verify.rules import Outcome, given, then


@given('a claim that mentions "{word}"', description="Claims whose text has this word.",
       example='Given a claim that mentions "Kursk"')
def mentions(word):
    w = word.lower()
    return lambda fact: w in fact.text.lower()


@then('send it to the {desk} desk', description="Flags the claim for a desk.", example="Then send it to the map desk")
def desk(desk):
    return Outcome("flag", f"desk:{desk}")
'''

RULES = """Feature: Our desk's own steps
  Scenario: Border claims go to the map desk
    Given a claim that mentions "border"
    Then send it to the map desk
"""


@pytest.fixture
def book_dir(tmp_path):
    d = tmp_path / "desk"
    write_rules(d, "steps.py", PLUGIN)
    write_rules(d, "desk.feature", RULES)
    return d


def test_without_permission_plugin_steps_are_unknown(book_dir, monkeypatch):
    monkeypatch.delenv("VERIFY_ALLOW_PLUGINS", raising=False)
    book = lint(book_dir)
    assert not book.plugin_loaded
    assert [p.line for p in book.errors] == [3, 4]
    assert any("not loaded" in p.message for p in book.warnings)
    with pytest.raises(RulebookError, match=r"desk\.feature:3"):
        load_rulebook(book_dir)


def test_allowed_plugin_steps_run_in_check(book_dir, store, cli, monkeypatch):
    monkeypatch.delenv("VERIFY_ALLOW_PLUGINS", raising=False)
    ids = store_article(store, [
        claim("Troops crossed the border at dawn.", "SBU", cue="said"),
        claim("Talks resumed in Geneva.", "Kremlin", cue="said"),
    ])
    book = load_rulebook(book_dir, allow_plugins=True)
    assert book.plugin_loaded and book.errors == []
    report = check(store, book)
    assert report.rules[0].selected == 1
    assert claim_row(store, ids[0]).flags == ["desk:map"]
    assert claim_row(store, ids[1]).flags == []
    assert cli("check", "--rules", book_dir).exit_code != 0
    assert cli("check", "--rules", book_dir, "--allow-plugins").exit_code == 0
    res = cli("rules", "steps", "--rules", book_dir, "--allow-plugins")
    assert 'Given a claim that mentions "<word>"' in res.stdout and "steps.py" in res.stdout


def test_configuration_allows_plugins(book_dir, monkeypatch):
    monkeypatch.setenv("VERIFY_ALLOW_PLUGINS", "1")
    assert load_rulebook(book_dir).plugin_loaded


def test_a_broken_plugin_is_one_line_with_its_line(tmp_path, cli):
    d = tmp_path / "broken"
    write_rules(d, "steps.py", "from verify.rules import given\n\nraise RuntimeError('not today')\n")
    write_rules(d, "x.feature", "Feature: X\n  Scenario: Y\n    Given any claim\n    Then flag it as \"y\"\n")
    with pytest.raises(RulebookError, match=r"steps\.py:3: the plug-in failed to load: RuntimeError: not today"):
        load_rulebook(d, allow_plugins=True)
    res = cli("rules", "lint", d, "--allow-plugins")
    assert res.exit_code != 0 and res.stderr.count("\n") == 1


def test_a_plugin_cannot_redefine_a_builtin_phrasing(tmp_path):
    d = tmp_path / "dup"
    write_rules(d, "steps.py", '''from verify.rules import given

@given("any claim", description="x", example="Given any claim")
def mine():
    return lambda f: False
''')
    write_rules(d, "x.feature", "Feature: X\n  Scenario: Y\n    Given any claim\n    Then flag it as \"y\"\n")
    with pytest.raises(RulebookError, match="already defined"):
        load_rulebook(d, allow_plugins=True)


def test_a_plugin_step_that_fails_on_a_claim_is_one_line_and_nothing_is_written(tmp_path, store, cli):
    from rules_support import claim_row

    d = tmp_path / "fragile"
    write_rules(d, "steps.py", '''from verify.rules import given

@given("a claim the desk distrusts", description="x", example="Given a claim the desk distrusts")
def distrust():
    return lambda fact: 1 / 0
''')
    write_rules(d, "x.feature", "Feature: X\n  Scenario: Y\n    Given a claim the desk distrusts\n    Then its status is \"refuted\"\n")
    [cid] = store_article(store, [claim("A bridge was hit.", "SBU", cue="said")])
    res = cli("check", "--rules", d, "--allow-plugins")
    assert res.exit_code != 0 and res.stderr.count("\n") == 1
    assert "x.feature:3 Given a claim the desk distrusts: the step failed on claim" in res.stderr
    assert "ZeroDivisionError" in res.stderr
    assert claim_row(store, cid).status == "unverified"


def test_a_plugin_factory_that_fails_is_a_lint_error_at_its_step(tmp_path):
    d = tmp_path / "factory"
    write_rules(d, "steps.py", '''from verify.rules import given

@given('a claim about "{topic}"', description="x", example='Given a claim about "x"')
def about(topic):
    raise KeyError(topic)
''')
    write_rules(d, "x.feature", "Feature: X\n  Scenario: Y\n    Given a claim about \"Kursk\"\n    Then flag it as \"k\"\n")
    [p] = lint(d, allow_plugins=True).errors
    assert p.line == 3 and "the step failed: KeyError" in p.message


def test_a_step_two_definitions_match_is_reported_as_ambiguous(tmp_path):
    d = tmp_path / "ambiguous"
    write_rules(d, "steps.py", '''from verify.rules import when

@when('a claim attributed to "{someone}"', description="x", example='When a claim attributed to "x"')
def mine(someone):
    return lambda f: True
''')
    write_rules(d, "x.feature", "Feature: X\n  Scenario: Y\n    Given a claim attributed to \"SBU\"\n    Then flag it as \"y\"\n")
    [p] = lint(d, allow_plugins=True).errors
    assert p.line == 3 and "more than one step definition matches" in p.message and "steps.py" in p.message
