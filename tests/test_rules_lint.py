"""``verify rules lint``: every problem of a rulebook named by file and line, before any claim is touched."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rules_support import write_rules
from verify.errors import RulebookError
from verify.rules import lint, load_rulebook


def test_the_shipped_rulebook_lints_clean(cli):
    book = lint()
    assert book.errors == [] and len(book.rules) >= 15
    res = cli("rules", "lint")
    assert res.exit_code == 0 and "clean" in res.stdout


def test_an_unknown_step_names_file_line_and_the_closest_phrasings(tmp_path, cli):
    write_rules(tmp_path / "r", "typo.feature", """Feature: Typos
  Scenario: Anonymous officials
    Given a claim atributed to an anonymous sourse
    Then flag it as "anon"
""")
    [p] = lint(tmp_path / "r").errors
    assert p.file == f"{tmp_path / 'r'}/typo.feature" and p.line == 3
    assert "no step definition matches: Given a claim atributed to an anonymous sourse" in p.message
    assert p.suggestions[0] == "a claim attributed to an anonymous source"
    res = cli("rules", "lint", tmp_path / "r")
    assert res.exit_code != 0
    assert "typo.feature:3" in res.stderr and "a claim attributed to an anonymous source" in res.stderr


def test_a_broken_table_is_malformed_gherkin_at_its_line(tmp_path, cli):
    write_rules(tmp_path / "r", "table.feature", """Feature: Tables
  Scenario: Sources from a list
    Given a claim attributed to any of:
      | Zelenskyy |
      | SBU | Pentagon |
    Then flag it as "listed"
""")
    [p] = lint(tmp_path / "r").errors
    assert p.line == 5 and "inconsistent cell count" in p.message
    # in words an editor understands first, the parser's own after them
    assert p.message.startswith("this table row has a different number of cells from the rows above it")
    res = cli("rules", "lint", tmp_path / "r", "--format", "json")
    assert res.exit_code != 0
    out = json.loads(res.stdout)
    assert out["errors"] == 1 and out["problems"][0]["line"] == 5
    with pytest.raises(RulebookError, match=r"table\.feature:5"):
        load_rulebook(tmp_path / "r")


def test_malformed_structure_and_misplaced_steps(tmp_path):
    write_rules(tmp_path / "r", "a.feature", "Scenario: no feature line\n  Given any claim\n")
    write_rules(tmp_path / "r", "b.feature", """Feature: Misplaced
  Scenario: An outcome under Given
    Given its status is "disputed"
    Then flag it as "x"

  Scenario: A test under Then
    Given any claim
    Then it has evidence attached

  Scenario: Nothing to do
    Given any claim

  Scenario: Nothing selected
    Then flag it as "everything"

  Scenario: A bad value
    Given any claim
    Then its status is "probably"
""")
    problems = {(p.file.rsplit("/", 1)[1], p.line): p.message for p in lint(tmp_path / "r").errors}
    assert problems[("a.feature", 1)].startswith(
        "a rulebook file begins with a 'Feature:' line; 'Scenario: no feature line' comes before it (parser: ")
    assert "write it under Then" in problems[("b.feature", 3)]
    assert "write it under Given or When" in problems[("b.feature", 8)]
    assert "no Then step" in problems[("b.feature", 10)]
    assert "selects no claims" in problems[("b.feature", 13)]
    assert "unknown status 'probably'" in problems[("b.feature", 18)]


def test_a_file_that_ends_too_early_says_what_it_lacks(tmp_path):
    write_rules(tmp_path / "r", "a.feature", 'Feature: Notes\n  Scenario: A note\n    Given any claim\n    """\n  text\n')
    [p] = lint(tmp_path / "r").errors
    assert p.message.startswith('the file ends too early: expected the line that closes a text block (""" or ```)')
    assert "(parser: unexpected end of file" in p.message


def test_tags_unknown_expired_and_malformed(tmp_path):
    write_rules(tmp_path / "r", "t.feature", """Feature: Tags
  @warnng
  Scenario: Misspelt warning
    Given any claim
    Then flag it as "x"

  @skip-until:2025-13-01
  Scenario: Bad date
    Given any claim
    Then flag it as "y"

  @skip-until:2024-01-01 @label:desk-a
  Scenario: Expired exception
    Given any claim
    Then flag it as "z"
""")
    book = lint(tmp_path / "r", today=date(2025, 6, 1))
    errors = {p.line: p for p in book.errors}
    assert "unknown tag @warnng" in errors[2].message and errors[2].suggestions == ("@warning",)
    assert "YYYY-MM-DD" in errors[7].message
    [expired] = book.warnings
    assert expired.line == 12 and "expired" in expired.message


def test_empty_missing_and_unreadable_rulebooks(tmp_path, cli):
    (tmp_path / "empty").mkdir()
    assert "no .feature files" in lint(tmp_path / "empty").errors[0].message
    res = cli("rules", "lint", tmp_path / "missing")
    assert res.exit_code != 0 and "no such file or directory" in res.stderr and res.stderr.count("\n") == 1
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "x.feature").write_bytes(b"Feature: \xff\xfe broken")
    [p] = lint(tmp_path / "bin").errors
    assert p.line == 1 and "not UTF-8" in p.message


def test_a_rulebook_from_elsewhere_runs_none_of_its_code_without_permission(tmp_path, cli, db_url):
    # linted, listed, checked with, ingested with and reported on: its steps.py never runs
    marker = tmp_path / "ran"
    write_rules(tmp_path / "r", "steps.py", f"open({str(marker)!r}, 'w').write('x')\n")
    write_rules(tmp_path / "r", "p.feature", """Feature: Plug-in steps
  Scenario: A desk's own step
    Given a claim about Kursk
    Then flag it as "kursk"
""")
    article = tmp_path / "a.txt"
    article.write_text("Kursk\n\nOfficials said the bridge near Kursk was hit on Monday.\n", encoding="utf-8")
    res = cli("rules", "lint", tmp_path / "r")
    assert res.exit_code != 0
    assert "p.feature:3" in res.stderr and "not loaded" in res.stdout
    assert cli("rules", "steps", "--rules", tmp_path / "r").exit_code == 0
    refused = cli("ingest", article, "--rules", tmp_path / "r")
    assert refused.exit_code != 0 and "nothing was stored" in refused.stderr
    assert "0 claims" in cli("report", "--format", "markdown").stdout  # and nothing was
    assert cli("ingest", article).exit_code == 0
    assert cli("check", "--rules", tmp_path / "r").exit_code != 0
    for fmt in ("table", "markdown", "html", "json", "csv"):
        assert cli("report", "--format", fmt).exit_code == 0
    assert not marker.exists()


def test_steps_listing(cli):
    res = cli("rules", "steps")
    assert res.exit_code == 0
    for phrase in ('Given a claim attributed to "<source>"', "Given a claim with no attributed source",
                   "When it is corroborated by fewer than <n> independent source(s)",
                   'Then its status is "<status>"', 'Then flag it as "<flag>"'):
        assert phrase in res.stdout
    listed = json.loads(cli("rules", "steps", "--format", "json").stdout)
    assert all(s["description"] and s["example"] for s in listed)


def test_a_directory_without_feature_files_is_named_without_a_line(tmp_path, cli):
    (tmp_path / "nofeatures").mkdir()
    res = cli("rules", "lint", tmp_path / "nofeatures")
    assert res.exit_code != 0
    assert f"{tmp_path / 'nofeatures'}: error: no .feature files in this directory" in res.stderr
    assert ":0:" not in res.stderr + res.stdout


def test_lint_checks_source_names_against_the_databases_registry(store, tmp_path, cli, db_url):
    from verify.registry import Source

    write_rules(tmp_path / "r", "desk.feature", """Feature: Local sources
  Scenario: The harbour master's word needs a second source
    Given a claim attributed to "Harbour Master of Odesa"
    Then it needs review because "a local official"
""")
    res = cli("rules", "lint", tmp_path / "r")
    assert res.exit_code == 0 and "knows no source 'Harbour Master of Odesa'" in res.stdout
    assert "checked against the starter registry" in res.stdout
    store.sync_sources([Source(canonical="Harbour Master of Odesa", kind="person")])
    res = cli("rules", "lint", tmp_path / "r", "--db", db_url)
    assert res.exit_code == 0, res.stderr
    assert "knows no source" not in res.stdout and "checked against the database's registry" in res.stdout


def test_check_warnings_say_warning_once(store, tmp_path, cli):
    write_rules(tmp_path / "r", "w.feature", """Feature: Unknown names
  Scenario: A source nobody registered
    Given a claim attributed to "Nobody In Particular"
    Then flag it as "odd"
""")
    res = cli("check", "--rules", tmp_path / "r")
    assert res.exit_code == 0, res.stderr
    [line] = [x for x in res.stderr.splitlines() if "Nobody In Particular" in x]
    assert line.count("warning:") == 1 and "w.feature:3: warning:" in line
