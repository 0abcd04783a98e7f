"""The source registry in the database: starter entries, additions, aliases, grades, claim counts."""

from __future__ import annotations

import json

import pytest

from verify.errors import NotFound, VerifyError
from verify.models import Claim, SourceMention
from verify.registry import Registry
from verify.store.sources import make_source
from verify.store.tables import AliasRow, SourceRow


def test_registry_starts_as_the_starter_registry(store):
    reg = store.registry()
    assert {s.canonical for s in reg} == {s.canonical for s in Registry.starter()}
    # one government above both: the hierarchy the rules count independence by
    assert reg.independence_key("White House") == reg.independence_key("Pentagon") == "Government of the United States"


def test_added_source_is_resolved_by_its_aliases(store):
    store.add_source(
        make_source("Odesa Port Authority", "organisation", affiliation="Kyiv", aliases=["port authority"], tags=["infrastructure"])
    )
    reg = store.registry()
    src = reg.resolve("the port authority")
    assert src is not None and src.canonical == "Odesa Port Authority"
    # the affiliation was given by an alias and is stored by its canonical name
    assert src.affiliation == "Government of Ukraine"
    assert "party-to-conflict" in reg.tags("Odesa Port Authority")


def test_add_refuses_a_name_or_alias_already_taken(store):
    with pytest.raises(VerifyError, match="already in the registry"):
        store.add_source(make_source("the Pentagon", "organisation"))
    with pytest.raises(VerifyError, match="already names 'Pentagon'"):
        store.add_source(make_source("Naval Command", "organisation", aliases=["Defense Department"]))


def test_alias_and_set_change_what_the_registry_says(store):
    store.add_alias("Pentagon", "DoD")
    assert store.registry().resolve("DoD").canonical == "Pentagon"
    with pytest.raises(VerifyError, match="already names 'Pentagon'"):
        store.add_alias("White House", "dod")

    store.set_source("DoD", reliability="b", tags=["military"])
    src = store.get_source("Pentagon")
    assert src.reliability == "B" and src.tags == ["military"]
    # the starter aliases survive alongside the stored one
    assert {"DoD", "the Pentagon"} <= set(src.aliases)

    store.set_source("Pentagon", affiliation="")
    assert store.get_source("Pentagon").affiliation is None
    assert store.registry().independence_key("Pentagon") == "Pentagon"


def test_unknown_sources_and_bad_values_are_clear_errors(store):
    with pytest.raises(NotFound, match="no source named 'Ministry of Silly Walks'"):
        store.get_source("Ministry of Silly Walks")
    with pytest.raises(NotFound):
        store.add_alias("Ministry of Silly Walks", "MSW")
    with pytest.raises(VerifyError, match="unknown source kind"):
        store.set_source("Pentagon", kind="robot")
    with pytest.raises(VerifyError, match="unknown reliability grade"):
        store.set_source("Pentagon", reliability="Z")
    with pytest.raises(VerifyError, match="circle"):
        store.set_source("Government of the United States", affiliation="White House")


def test_sync_sources_stores_a_whole_registry(store):
    extra = make_source("Harbour Watch", "organisation", aliases=["the watchers"], tags=["ngo"])
    assert store.sync_sources([extra]) == 1
    assert store.get_source("the watchers").canonical == "Harbour Watch"
    store.sync_sources([make_source("Harbour Watch", "outlet", aliases=["the watchers"])])
    assert store.get_source("Harbour Watch").kind == "outlet"


def _ingest_one(store, sources, relays=()):
    import hashlib
    from dataclasses import dataclass
    from pathlib import Path

    from verify.models import Article

    @dataclass
    class Loaded:
        path: Path
        article: Article
        text: str

    text = "Shelling hit the depot, two agencies said, citing a third."
    claim = Claim(
        text="Shelling hit the depot",
        span=(0, 22),
        attribution="indirect",
        sources=[SourceMention(mention=s, canonical=s, kind="organisation") for s in sources],
        relayed_by=[SourceMention(mention=s, canonical=s, kind="organisation") for s in relays],
    )
    art = Article(sha256=hashlib.sha256(text.encode()).hexdigest())
    return store.ingest(Loaded(Path("depot.txt"), art, text), [claim])


def test_list_counts_claims_per_source(store):
    _ingest_one(store, ["White House", "Pentagon"], relays=["United Nations"])
    by_name = {x.source.canonical: x for x in store.list_sources()}
    assert (by_name["Pentagon"].claims, by_name["Pentagon"].relayed) == (1, 0)
    assert (by_name["United Nations"].claims, by_name["United Nations"].relayed) == (0, 1)
    assert by_name["NATO"].claims == 0 and not by_name["NATO"].stored
    # most-cited first
    assert [x.source.canonical for x in store.list_sources()][:2] == ["Pentagon", "White House"]


# -- the CLI ------------------------------------------------------------------------------------


def test_cli_add_show_alias_set(cli, db_url):
    r = cli("sources", "add", "Harbour Watch", "--kind", "organisation", "--alias", "the watchers", "--tag", "ngo", "--affiliation", "NATO")
    assert r.exit_code == 0, r.stderr
    r = cli("sources", "alias", "the watchers", "HW")
    assert r.exit_code == 0 and "HW now names Harbour Watch" in r.stdout
    r = cli("sources", "set", "HW", "--reliability", "C", "--kind", "outlet")
    assert r.exit_code == 0, r.stderr
    r = cli("sources", "show", "Harbour Watch", "--format", "json")
    data = json.loads(r.stdout)
    assert data["kind"] == "outlet" and data["reliability"] == "C"
    assert data["affiliation_chain"] == ["NATO"]
    assert set(data["aliases"]) == {"the watchers", "HW"}
    r = cli("sources", "show", "HW")
    assert "Harbour Watch" in r.stdout and "NATO" in r.stdout


def test_cli_list_json_has_every_source(cli, db_url):
    r = cli("sources", "list", "--format", "json")
    assert r.exit_code == 0
    names = {x["canonical"] for x in json.loads(r.stdout)}
    assert names == {s.canonical for s in Registry.starter()}


def test_cli_errors_are_one_line(cli, db_url):
    for args, code in [
        (("sources", "show", "Nobody At All"), 3),
        (("sources", "add", "X", "--kind", "robot"), 1),
        (("sources", "alias", "Pentagon", "the White House"), 1),
        (("sources", "set", "Pentagon", "--reliability", "Q"), 1),
    ]:
        r = cli(*args)
        assert r.exit_code == code, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("verify: error: ")


def test_stored_names_are_shown_as_text_not_markup(cli, db_url):
    name = "[bold red]Fake[/bold red] Agency [link=http://x]"
    r = cli("sources", "add", name, "--kind", "organisation", "--tag", "[blink]t[/blink]")
    assert r.exit_code == 0, r.stderr
    r = cli("sources", "show", name)
    assert r.exit_code == 0, r.stderr
    assert "[bold red]Fake[/bold red] Agency [link=http://x]" in r.stdout
    assert "[blink]t[/blink]" in r.stdout
    r = cli("sources", "list")
    assert r.exit_code == 0 and "[bold red]Fake" in r.stdout


def test_untouched_starter_copies_follow_the_starter_registry(store, db_url):
    from verify.store import open_store
    from verify.store.tables import SourceRow

    _ingest_one(store, ["Pentagon", "White House"])
    store.set_source("White House", tags=["edited-by-us"])
    # as if an older verify had copied entries that the starter registry has since changed
    with store.transaction() as s:
        for row in s.query(SourceRow).filter(SourceRow.canonical.in_(["Pentagon", "White House"])):
            row.affiliation = "Somewhere Else"
    assert store.registry().get("Pentagon").affiliation == "Government of the United States"

    with open_store(db_url) as again, again.session() as s:
        rows = {r.canonical: r for r in s.query(SourceRow)}
        assert rows["Pentagon"].affiliation == "Government of the United States"
        # what a person set stays as they set it
        assert rows["White House"].affiliation == "Somewhere Else"
        assert rows["White House"].tags == ["edited-by-us"]


def test_syncing_the_same_sources_again_changes_nothing(store):
    from verify.store.tables import SourceRow

    src = make_source("Harbour Watch", "organisation", aliases=["the watchers"], tags=["ngo"])
    store.sync_sources([src])
    with store.session() as s:
        first = s.query(SourceRow).filter_by(canonical="Harbour Watch").one().edited_at
    store.sync_sources([src])
    with store.session() as s:
        assert s.query(SourceRow).filter_by(canonical="Harbour Watch").one().edited_at == first


ESC_NAME = "Gen. \x1b[2J\x1b]8;;http://evil.example\x07Ivanov"


def test_a_registry_file_with_control_characters_is_refused_whole(cli, db_url, tmp_path, store):
    reg = tmp_path / "escreg.toml"
    reg.write_text(
        '[[source]]\ncanonical = "Gen. \\u001b[2J\\u001b]8;;http://evil.example\\u0007Ivanov"\n'
        'kind = "person"\naliases = ["Ivanov"]\n',
        encoding="utf-8",
    )
    art = tmp_path / "ivanov.txt"
    art.write_text("Ivanov said the bridge at Kherson was destroyed on Monday.\n", encoding="utf-8")
    r = cli("ingest", art, "--registry", reg, "--no-check")
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "control character" in lines[0] and "\x1b" not in r.stderr
    assert "Ivanov" not in cli("sources", "list", "--format", "json").stdout


def test_control_characters_in_stored_names_never_reach_the_terminal(cli, db_url, store):
    # a name stored by other means (an older version, another tool writing the database)
    with store.transaction() as s:
        row = SourceRow(canonical="Gen. \x1b[2J\x1b]8;;http://evil.example\x07Ivanov", kind="person", tags=[])
        row.aliases.append(AliasRow(alias="Ivanov", key="ivanov"))
        s.add(row)
    for args in (("sources", "list"), ("sources", "show", "Ivanov"), ("sources", "alias", "Ivanov", "Gen Ivanov"),
                 ("sources", "set", "Ivanov", "--reliability", "C")):
        r = cli(*args)
        assert r.exit_code == 0, (args, r.stderr)
        assert not any(c in r.stdout for c in "\x1b\x07"), args
        if args[1] in ("list", "show"):
            assert "\ufffd" in r.stdout


@pytest.mark.parametrize("args", [
    ("sources", "add", "Evil\x1b[2JSource", "--kind", "person"),
    ("sources", "add", "Plain Source", "--kind", "person", "--alias", "Bell\x07Alias"),
    ("sources", "alias", "Pentagon", "Pent\x1b]8;;x\x07agon"),
    ("sources", "set", "Pentagon", "--affiliation", "US\x1bGov"),
])
def test_control_characters_are_refused_in_names_and_aliases(cli, db_url, args):
    r = cli(*args)
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("verify: error: ") and "control characters" in lines[0]
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    listed = cli("sources", "list", "--format", "json").stdout
    assert "Evil" not in listed and "Plain Source" not in listed and "Bell" not in listed
