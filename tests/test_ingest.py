"""Ingesting articles: idempotent by SHA-256, one transaction per article, sources from the registry."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from process_support import ctrl_c, left_running, start_with_workers
from verify.pipeline import store_files
from verify.models import Article, Claim, Cue, Number, SourceMention
from verify.store.tables import ArticleRow, ClaimRow, ClaimSourceRow, NumberRow, SourceRow

TEXT = (
    "The harbour master in the port city said on Tuesday that three grain ships had left overnight. "
    "According to the Pentagon, about 40 trucks were queuing at the crossing. "
    "The White House and the Pentagon said they were watching closely. "
    "Fuel prices doubled within a week."
)


@dataclass
class Loaded:
    """The shape ``verify.articles.read_article`` returns."""

    path: Path
    article: Article
    text: str


def loaded(text: str = TEXT, path: str = "harbour.txt", title: str | None = "Grain ships leave port") -> Loaded:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Loaded(Path(path), Article(title=title, sha256=sha, outlet="Example Wire"), text)


def span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return (i, i + len(part))


def mention(text: str, words: str, canonical: str, kind: str = "organisation") -> SourceMention:
    return SourceMention(mention=words, span=span(text, words), canonical=canonical, kind=kind)


def claims_for(text: str = TEXT) -> list[Claim]:
    ships = "three grain ships had left overnight"
    trucks = "about 40 trucks were queuing at the crossing"
    watching = "they were watching closely"
    fuel = "Fuel prices doubled within a week."
    return [
        Claim(
            text=ships,
            span=span(text, ships),
            attribution="indirect",
            cue=Cue(text="said", span=span(text, "said")),
            sources=[mention(text, "The harbour master in the port city", "harbour master", "person")],
        ),
        Claim(
            text=trucks,
            span=span(text, trucks),
            attribution="indirect",
            cue=Cue(text="According to", span=span(text, "According to")),
            sources=[mention(text, "the Pentagon", "Pentagon")],
            numbers=[Number(text="about 40", span=span(text, "about 40"), value=40, low=40, high=40, approximate=True, bound="approximate")],
        ),
        Claim(
            text=watching,
            span=span(text, watching),
            attribution="indirect",
            sources=[
                mention(text, "The White House", "White House"),
                SourceMention(mention="the Pentagon", span=None, canonical="Pentagon", kind="organisation"),
            ],
        ),
        Claim(text=fuel, span=span(text, fuel), attribution="unattributed"),
    ]


def count(store, table) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_ingest_stores_article_claims_and_sources(store):
    result = store.ingest(loaded(), claims_for())
    assert result.created and result.claims == 4

    with store.session() as s:
        article = s.get(ArticleRow, result.article_id)
        assert article.title == "Grain ships leave port" and article.text == TEXT
        rows = s.scalars(select(ClaimRow).order_by(ClaimRow.start)).all()
        assert [r.status for r in rows] == ["unverified"] * 4
        assert [r.attribution for r in rows] == ["indirect", "indirect", "indirect", "unattributed"]
        trucks = rows[1]
        # the claim can be found again from its quoted context (TextQuoteSelector)
        assert TEXT[trucks.start - len(trucks.prefix) : trucks.start] == trucks.prefix
        assert len(trucks.prefix) == 32 and len(trucks.suffix) == 32
        assert TEXT[trucks.end : trucks.end + 32] == trucks.suffix
        assert (trucks.cue_text, trucks.cue_start) == ("According to", TEXT.index("According to"))
        assert [(n.text, n.value, n.approximate) for n in trucks.numbers] == [("about 40", 40.0, True)]
        watching = rows[2]
        assert sorted(cs.source.canonical for cs in watching.sources) == ["Pentagon", "White House"]
        assert rows[3].sources == []
        pentagon = s.scalars(select(SourceRow).where(SourceRow.canonical == "Pentagon")).one()
        # the registry's knowledge travels into the row, hierarchy included
        assert pentagon.affiliation == "Government of the United States"
        assert "military" in pentagon.tags
        canon = set(s.scalars(select(SourceRow.canonical)))
        assert "Government of the United States" in canon
        unknown = s.scalars(select(SourceRow).where(SourceRow.canonical == "harbour master")).one()
        assert unknown.kind == "person" and unknown.affiliation is None


def test_same_article_twice_creates_nothing_new(store):
    first = store.ingest(loaded(), claims_for())
    before = {t: count(store, t) for t in (ArticleRow, ClaimRow, ClaimSourceRow, NumberRow, SourceRow)}
    again = store.ingest(loaded(path="copy-of-harbour.txt"), claims_for())
    assert again.article_id == first.article_id
    assert not again.created and again.claims == 4
    assert {t: count(store, t) for t in before} == before


def test_a_different_article_reuses_source_rows(store):
    store.ingest(loaded(), claims_for())
    sources = count(store, SourceRow)
    other = TEXT.replace("on Tuesday", "on Wednesday")
    result = store.ingest(loaded(other, "other.txt"), claims_for(other))
    assert result.created
    assert count(store, ArticleRow) == 2 and count(store, ClaimRow) == 8
    assert count(store, SourceRow) == sources


def test_failure_mid_ingest_leaves_nothing(store, monkeypatch):
    from verify.store import repository

    calls = {"n": 0}
    real = repository.Store._add_claims
    # one claim per batch, so the failure comes after two claims were written
    monkeypatch.setattr(repository, "BATCH", 1)

    def failing(self, *args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(self, *args, **kw)

    monkeypatch.setattr(repository.Store, "_add_claims", failing)
    with pytest.raises(RuntimeError):
        store.ingest(loaded(), claims_for())
    for table in (ArticleRow, ClaimRow, ClaimSourceRow, NumberRow, SourceRow):
        assert count(store, table) == 0, table.__tablename__

    monkeypatch.setattr(repository.Store, "_add_claims", real)
    result = store.ingest(loaded(), claims_for())
    assert result.created and result.claims == 4


def test_claims_sharing_a_span_are_stored_once_with_all_sources(store):
    claims = claims_for()
    twin = claims[1].model_copy(update={"sources": [mention(TEXT, "The White House", "White House")]})
    result = store.ingest(loaded(), [*claims, twin])
    assert result.claims == 4
    with store.session() as s:
        row = s.scalars(select(ClaimRow).where(ClaimRow.start == claims[1].span[0])).one()
        assert sorted(cs.source.canonical for cs in row.sources) == ["Pentagon", "White House"]


def test_relayed_claim_keeps_source_and_relay(store):
    text = "A prisoner claimed the unit had no maps, the security service reported."
    claim = Claim(
        text="the unit had no maps",
        span=span(text, "the unit had no maps"),
        attribution="indirect",
        cue=Cue(text="claimed", span=span(text, "claimed")),
        sources=[mention(text, "A prisoner", "captured North Korean soldier", "person")],
        relayed_by=[mention(text, "the security service", "Security Service of Ukraine")],
    )
    store.ingest(loaded(text, "relay.txt"), [claim])
    with store.session() as s:
        roles = sorted((cs.role, cs.source.canonical) for cs in s.scalars(select(ClaimSourceRow)))
    assert roles == [("relay", "Security Service of Ukraine"), ("source", "captured North Korean soldier")]


# -- files: read, extract, store ---------------------------------------------------------------

PORT = (
    "Grain ships leave the southern port\n\n"
    "The Pentagon said on Monday that four vessels had left the harbour with wheat on board. "
    "According to the port authority, the convoy was not fired upon. "
    "Insurance costs have risen by 30 percent since spring.\n"
)
RIVER = (
    "Flooding closes the river crossing\n\n"
    "The River Watch Group said the water had risen two metres overnight. "
    "The White House said it was following the situation.\n"
)


@pytest.fixture
def articles(tmp_path) -> dict[str, Path]:
    files = {"port": PORT, "river": RIVER, "empty": "   \n", "binary": None}
    out = {}
    for name, text in files.items():
        p = tmp_path / f"{name}.txt"
        if text is None:
            p.write_bytes(b"\x00\x01\x02binary\x00" * 20)
        else:
            p.write_text(text, encoding="utf-8")
        out[name] = p
    out["missing"] = tmp_path / "missing.txt"
    return out


def test_store_files_stores_good_files_and_reports_bad_ones(store, articles):
    order = ["port", "empty", "river", "missing", "binary"]
    outcomes = list(store_files(store, [articles[n] for n in order], jobs=1))
    assert [o.path for o in outcomes] == [str(articles[n]) for n in order]
    assert [o.ok for o in outcomes] == [True, False, True, False, False]
    for o in outcomes:
        if not o.ok:
            assert "\n" not in str(o.error) and o.path in str(o.error)
    assert count(store, ArticleRow) == 2
    port = outcomes[0].result
    assert port.created and port.claims >= 2
    with store.session() as s:
        texts = {r.text for r in s.scalars(select(ArticleRow))}
        stored = s.scalars(select(ClaimRow).where(ClaimRow.article_id == port.article_id)).all()
    assert texts == {PORT, RIVER}
    assert len(stored) == port.claims
    for c in stored:
        # spans index the file's text exactly as read
        assert PORT[c.start : c.end].startswith(c.text[:10])


def test_store_files_again_skips_extraction(store, articles, monkeypatch):
    first = list(store_files(store, [articles["port"], articles["river"]], jobs=1))
    import verify.extract

    def boom(*a, **kw):
        raise AssertionError("an already stored article was extracted again")

    monkeypatch.setattr(verify.extract, "extract_claims", boom)
    again = list(store_files(store, [articles["port"], articles["river"]], jobs=1))
    assert [o.result.created for o in again] == [False, False]
    assert [o.result.article_id for o in again] == [o.result.article_id for o in first]
    assert [o.result.claims for o in again] == [o.result.claims for o in first]


def test_parallel_ingest_matches_serial(db_url, articles, tmp_path):
    from verify.store import open_store

    paths = [articles[n] for n in ("port", "empty", "river", "binary")]
    with open_store(db_url) as store:
        parallel = list(store_files(store, paths, jobs=3))
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    with open_store(serial_url) as other:
        serial = list(store_files(other, paths, jobs=1))
    assert [(o.ok, o.result.claims if o.ok else None) for o in parallel] == [
        (o.ok, o.result.claims if o.ok else None) for o in serial
    ]


def test_cli_ingest_prints_each_file_and_a_total(cli, db_url, articles):
    r = cli("ingest", articles["port"], articles["river"], "--no-check")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("new") and str(articles["port"]) in lines[0]
    assert "2 files: 2 new, 0 already stored" in lines[-1]

    r = cli("ingest", articles["port"])
    assert r.exit_code == 0
    assert r.stdout.startswith("already stored") and "1 file: 0 new, 1 already stored; 0 claims stored" in r.stdout
    # nothing new, but the claims --no-check left waiting are checked now
    assert "checked" in r.stdout
    r = cli("ingest", articles["port"], articles["river"])
    assert "0 new, 2 already stored" in r.stdout
    # nothing new and nothing waiting: nothing to check
    assert "checked" not in r.stdout


def test_cli_ingest_applies_the_rulebook_unless_told_not_to(cli, db_url, articles, store):
    r = cli("ingest", articles["port"], "--no-check")
    assert r.exit_code == 0, r.stderr
    with store.session() as s:
        assert set(s.scalars(select(ClaimRow.rule_status))) == {None}

    r = cli("ingest", articles["river"])
    assert r.exit_code == 0, r.stderr
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("checked ") and "features/rulebook" in last
    with store.session() as s:
        checked = s.scalars(select(ClaimRow.checked_at)).all()
    # the check covers the new claims and those no check has touched yet
    assert checked and all(c is not None for c in checked)


def test_cli_ingest_refuses_a_broken_rulebook_before_storing(cli, db_url, articles, tmp_path, store):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.feature").write_text(
        "Feature: House rules\n  Scenario: Nonsense\n    Given the moon is made of cheese\n"
        '    Then its status is "disputed"\n',
        encoding="utf-8",
    )
    r = cli("ingest", articles["port"], "--rules", rules)
    assert r.exit_code != 0
    assert len(r.stderr.strip().splitlines()) == 1 and "house.feature:3" in r.stderr
    assert count(store, ArticleRow) == 0


def test_cli_ingest_bad_files_one_line_each_others_stored(cli, db_url, articles, store):
    r = cli("ingest", articles["empty"], articles["port"], articles["missing"], "--jobs", "2", "--no-check")
    assert r.exit_code != 0
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("verify: error: ") for e in errors)
    assert str(articles["empty"]) in errors[0] and str(articles["missing"]) in errors[1]
    assert "Traceback" not in r.stderr
    assert "3 files: 1 new, 0 already stored, 2 failed" in r.stdout
    assert count(store, ArticleRow) == 1


def test_cli_ingest_with_a_registry_file(cli, db_url, articles, tmp_path, store):
    reg = tmp_path / "extra.toml"
    reg.write_text(
        '[[source]]\ncanonical = "River Watch Group"\nkind = "organisation"\n'
        'aliases = ["the River Watch Group", "RWG"]\ntags = ["ngo"]\n',
        encoding="utf-8",
    )
    r = cli("ingest", articles["river"], "--registry", reg)
    assert r.exit_code == 0, r.stderr
    src = store.get_source("RWG")
    assert src.canonical == "River Watch Group" and src.tags == ["ngo"]
    assert store.source_summary("River Watch Group").claims == 1

    # a file may not take a name another source (here one a person added) already has
    store.add_alias("Pentagon", "the Five Sides")
    grab = tmp_path / "grab.toml"
    grab.write_text('[[source]]\ncanonical = "Harbour Office"\naliases = ["the Five Sides"]\n', encoding="utf-8")
    r = cli("ingest", articles["port"], "--registry", grab)
    assert r.exit_code != 0 and len(r.stderr.strip().splitlines()) == 1
    assert "'the Five Sides' already belongs to 'Pentagon'" in r.stderr
    assert count(store, ArticleRow) == 1

    bad = tmp_path / "bad.toml"
    bad.write_text("[[source]]\ncanonical = 'X'\nkind = 'robot'\n", encoding="utf-8")
    r = cli("ingest", articles["port"], "--registry", bad)
    assert r.exit_code != 0 and len(r.stderr.strip().splitlines()) == 1
    assert "bad.toml" in r.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_extractor_failure_fails_that_file_only(store, articles, monkeypatch, jobs):
    import verify.extract

    real = verify.extract.extract_claims

    def fragile(text, registry=None):
        if "River Watch" in text:
            raise ValueError("cannot cope")
        return real(text, registry)

    monkeypatch.setattr(verify.extract, "extract_claims", fragile)
    outcomes = list(store_files(store, [articles["river"], articles["port"]], jobs=jobs))
    assert [o.ok for o in outcomes] == [False, True]
    assert str(outcomes[0].error) == f"{articles['river']}: extraction failed (ValueError: cannot cope)"
    assert count(store, ArticleRow) == 1


def test_a_directory_means_the_articles_in_it(store, tmp_path):
    d = tmp_path / "wires"
    (d / "monday").mkdir(parents=True)
    (d / "monday" / "a.txt").write_text(PORT, encoding="utf-8")
    (d / "b.md").write_text(RIVER, encoding="utf-8")
    (d / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    outcomes = list(store_files(store, [d], jobs=1))
    assert sorted(Path(o.path).name for o in outcomes) == ["a.txt", "b.md"]
    assert all(o.ok and o.result.created for o in outcomes)


def test_a_failure_while_storing_fails_that_file_only(store, articles, monkeypatch):
    from verify.store import repository

    real = repository.Store._add_claims

    def picky(self, s, article_id, text, claims, sources):
        if "River Watch" in text:
            raise ValueError("refused")
        return real(self, s, article_id, text, claims, sources)

    monkeypatch.setattr(repository.Store, "_add_claims", picky)
    outcomes = list(store_files(store, [articles["river"], articles["port"]], jobs=1))
    assert [o.ok for o in outcomes] == [False, True]
    assert "cannot store it (ValueError: refused)" in str(outcomes[0].error)
    assert count(store, ArticleRow) == 1


def test_reference_article_stores_the_us_government_hierarchy(store, shared_dir):
    article = shared_dir / "corpus" / "kursk-north-korean-soldiers.txt"
    if not article.is_file():
        pytest.skip("the reference article is not in ../shared")
    (first,) = store_files(store, [article], jobs=1)
    assert first.ok and first.result.created and first.result.claims >= 10
    with store.session() as s:
        rows = {r.canonical: r for r in s.scalars(select(SourceRow))}
    for name in ("White House", "Pentagon"):
        assert rows[name].affiliation == "Government of the United States"
    assert "Government of the United States" in rows
    assert store.registry().independence_key("White House") == store.registry().independence_key("Pentagon")
    before = {t: count(store, t) for t in (ArticleRow, ClaimRow, ClaimSourceRow, SourceRow)}
    (again,) = store_files(store, [article], jobs=1)
    assert not again.result.created and again.result.claims == first.result.claims
    assert {t: count(store, t) for t in before} == before


def test_cli_ingest_checks_house_rules_that_name_sources_by_stored_aliases(cli, db_url, articles, tmp_path, store):
    # "the Five Sides" is known only to this database, not to the starter registry
    store.add_alias("Pentagon", "the Five Sides")
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.feature").write_text(
        "Feature: House rules\n"
        "  Scenario: Nothing the Five Sides says stands alone\n"
        '    Given a claim attributed to "the Five Sides"\n'
        '    Then its status is "disputed"\n',
        encoding="utf-8",
    )
    r = cli("ingest", articles["port"], "--rules", rules)
    assert r.exit_code == 0, r.stderr
    with store.session() as s:
        rows = s.scalars(select(ClaimRow)).all()
        by_pentagon = [c for c in rows if any(cs.source.canonical == "Pentagon" for cs in c.sources)]
        others = [c for c in rows if c not in by_pentagon]
        assert by_pentagon and all(c.status == "disputed" for c in by_pentagon)
        assert all(c.status != "disputed" for c in others)


def test_cli_ingest_checks_new_claims_with_the_rulebooks_of_the_last_check(cli, db_url, tmp_path, store):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.feature").write_text(
        "Feature: House rules\n"
        "  Scenario: Nothing the SBU says stands alone\n"
        '    Given a claim attributed to "SBU"\n'
        '    Then its status is "disputed"\n'
        '    And flag it as "house-rule"\n',
        encoding="utf-8",
    )
    first = tmp_path / "first.txt"
    first.write_text("The SBU said on Friday that it had detained two men near the Kharkiv rail depot.\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("The SBU said on Sunday that a drone workshop outside Belgorod had been destroyed.\n", encoding="utf-8")

    assert cli("ingest", first).exit_code == 0
    r = cli("check", "--rules", rules)
    assert r.exit_code == 0, r.stderr

    def outcomes():
        with store.session() as s:
            return {c.id: (c.article_id, c.status, sorted(c.flags or [])) for c in s.scalars(select(ClaimRow))}

    before = outcomes()
    assert before and all(st == "disputed" and "house-rule" in fl for _, st, fl in before.values())

    r = cli("ingest", second)
    assert r.exit_code == 0, r.stderr
    after = outcomes()
    # the first article's claims keep the house rule's outcome, and the new claims get it too
    assert {k: v for k, v in after.items() if k in before} == before
    new = [v for k, v in after.items() if k not in before]
    assert new and all(st == "disputed" and "house-rule" in fl for _, st, fl in new)


def test_cli_ingest_note_names_the_file_once(cli, db_url, tmp_path):
    old = tmp_path / "latin1.txt"
    old.write_bytes(PORT.replace("port", "caf\u00e9 port", 1).encode("cp1252"))
    r = cli("ingest", old, "--no-check")
    assert r.exit_code == 0, r.stderr
    notes = [line for line in r.stderr.splitlines() if line.startswith("verify: note: ")]
    assert len(notes) == 1 and notes[0].count(str(old)) == 1, notes


def test_cli_ingest_an_empty_directory_says_what_extract_says(cli, db_url, tmp_path):
    empty = tmp_path / "emptydir"
    empty.mkdir()
    r = cli("ingest", empty, "--no-check")
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"verify: error: {empty}: a directory with no article files in it (.txt, .md")
    assert "not an article file" not in lines[0]


# -- Ctrl-C and a killed parent during a parallel ingest ---------------------------------------------

def _many_wires(tmp_path: Path, n: int = 40, paragraphs: int = 300) -> Path:
    d = tmp_path / "many"
    d.mkdir()
    body = "\n".join([PORT] * paragraphs)
    for i in range(n):
        # each file different, or all but the first would be "already stored"
        (d / f"wire{i:03d}.txt").write_text(f"Wire item {i}.\n\n{body}", encoding="utf-8")
    return d


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the workers")
@pytest.mark.parametrize("settle", [0.0, 1.5], ids=["as-the-workers-start", "mid-run"])
def test_ctrl_c_during_ingest_says_interrupted_once_and_keeps_the_store_whole(db_url, tmp_path, settle):
    from verify.store import open_store

    many = _many_wires(tmp_path)
    proc, workers = start_with_workers(["ingest", many, "--jobs", "2", "--no-check", "--db", db_url], settle=settle)
    said = ctrl_c(proc, workers)
    with open_store(db_url) as store, store.session() as s:
        per_article = s.execute(
            select(ArticleRow.id, func.count(ClaimRow.id)).outerjoin(ClaimRow).group_by(ArticleRow.id)
        ).all()
    # every article stored has all its claims (the files differ only in their first line)
    assert len({n for _, n in per_article}) <= 1 and all(n > 0 for _, n in per_article), per_article
    # and the message says what is left to do: the claims stored (none checked: --no-check)
    stored = sum(n for _, n in per_article)
    if stored:
        assert said == (f"verify: interrupted; {stored} stored claim(s) are not checked yet: "
                        "run `verify check` to finish"), said
    else:
        assert said == "verify: interrupted"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the workers")
def test_ingest_workers_end_when_the_parent_is_killed(tmp_path):
    many = _many_wires(tmp_path, n=8, paragraphs=3000)
    proc, workers = start_with_workers(["ingest", many, "--jobs", "2", "--no-check", "--db",
                                        f"sqlite:///{tmp_path}/k.db"], settle=1.0)
    proc.kill()
    proc.wait(timeout=60)
    left = left_running(workers, seconds=2)
    proc.stderr.close()
    assert not left, f"workers outlived their parent: {left}"


def test_what_an_ingest_finds_does_not_depend_on_what_earlier_runs_stored(cli, db_url, tmp_path):
    # "Rescuers said" in one article stores a source named Rescuers; a later article's "rescuers"
    # must still read as one clean run over both reads it (an ingest killed and run again, or a
    # directory ingested in two parts, ends as one run over all of it)
    import verify

    wires = tmp_path / "wires"
    wires.mkdir()
    (wires / "a.txt").write_text("Rescuers said the fire at the depot was out by noon.\n", encoding="utf-8")
    (wires / "b.txt").write_text("The road to the village was cleared on Monday, rescuers said.\n", encoding="utf-8")
    assert cli("ingest", wires / "a.txt").exit_code == 0
    assert cli("ingest", wires).exit_code == 0
    one_run = f"sqlite:///{tmp_path}/one.db"
    assert cli("ingest", wires, "--db", one_run).exit_code == 0

    def sources(url: str) -> dict[str, list[tuple[str, str]]]:
        with verify.open_store(url) as store:
            return {Path(c.article_path).name: [(s.canonical, s.kind) for s in c.sources] for c in verify.claims(store)}

    alone = verify.extract_claims((wires / "b.txt").read_text(encoding="utf-8"))
    assert sources(db_url)["b.txt"] == [(s.canonical, s.kind) for s in alone[0].sources]
    assert sources(db_url) == sources(one_run)
