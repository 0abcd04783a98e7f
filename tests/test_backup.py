"""Backups and moves: `verify export` writes the whole store, `verify import` reads it into an empty
database of either backend, and export → import → export gives the same bytes."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

import verify
from verify.store import open_store
from verify.store.backup import FORMAT_VERSION, schema_tables
from verify.store.db import head_revision, parse_url
from cli_support import one_line_error

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "odesa-grain-terminal.txt"
ACROSS = ROOT / "tests" / "articles" / "across"
PAIR = [ACROSS / "vovchansk-first.txt", ACROSS / "vovchansk-rewrite.txt"]


def _fill(url: str, articles: list[Path], tmp_path: Path) -> dict:
    """A store as a desk leaves it: ingested and checked articles, reviews with notes and evidence
    (a web address, and a local file with its stance and SHA-256), a link, a note withdrawn by an undo,
    a source edited (an event of a source) and one merged into another, and matches confirmed and
    rejected."""
    evidence = tmp_path / "photo-notes.txt"
    evidence.write_text("Port authority photos, 06:40.\n", encoding="utf-8")
    with verify.open_store(url) as store:
        verify.ingest(store, articles, jobs=1)
        ids = [c.id for c in verify.claims(store)]
        verify.review(store, ids[2], "confirmed", note="Port authority photos", evidence="https://example.org/p/1",
                      reviewer="desk")
        verify.review(store, ids[3], "disputed", note="Only one witness", evidence=str(evidence), stance="refutes",
                      reviewer="night")
        first_look = verify.add_note(store, ids[2], "The photos may be older", reviewer="night")
        verify.undo(store, first_look.id, reviewer="night", note="they are from this morning")
        store.set_source("Oleh Kiper", reliability="B", reviewer="desk")
        verify.merge_sources(store, "regional officials", "Oleh Kiper", reviewer="desk", note="the governor's office")
        verify.link(store, ids[2], ids[4], "corroborates", reviewer="desk", note="same fire")
        verify.link(store, ids[3], ids[5], "contradicts", reviewer="desk")
        pairs = sorted({tuple(sorted((c, m.other))) for c in ids for m in verify.matches(store, c)})
        assert len(pairs) >= 2, "the pair of articles should match"
        verify.review_match(store, *pairs[0], "confirmed", reviewer="desk", note="same estimate")
        verify.review_match(store, *pairs[1], "rejected", reviewer="night")
        verify.check(store)
        return {"claims": len(ids), "pairs": pairs}


@pytest.fixture
def source_url(tmp_path) -> str:
    """A filled SQLite store, the one a desk would move."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    _fill(url, [EXAMPLE, *PAIR], tmp_path)
    return url


def _export(cli, url: str, path: Path) -> bytes:
    r = cli("export", "--db", url, "--output", path)
    assert r.exit_code == 0, r.stderr
    return path.read_bytes()


def _one_line(r, *words: str) -> str:
    return one_line_error(r, *words, quiet=False)


def _rows_in(url: str) -> int:
    with open_store(url) as store:
        return verify.export_store(store, io.BytesIO()).rows


# -- moves ---------------------------------------------------------------------------------------------


def test_export_import_export_gives_the_same_bytes_there_and_back(cli, source_url, db_url, tmp_path):
    first = _export(cli, source_url, tmp_path / "a.jsonl")
    r = cli("import", tmp_path / "a.jsonl")  # into this test's database: SQLite, or PostgreSQL
    assert r.exit_code == 0, r.stderr
    header = json.loads(first.split(b"\n", 1)[0])
    assert f"imported {sum(header['tables'].values())} rows of {len(header['tables'])} tables" in r.stdout
    assert _export(cli, db_url, tmp_path / "b.jsonl") == first
    back = f"sqlite:///{tmp_path / 'back.db'}"
    assert cli("import", tmp_path / "b.jsonl", "--db", back).exit_code == 0
    assert _export(cli, back, tmp_path / "c.jsonl") == first
    # and the moved store is the store: the same claims, reviews and matches, the same report
    for args in (("claims", "list", "--format", "json"), ("matches", "list", "--state", "confirmed", "--format", "json"),
                 ("report", "--format", "csv")):
        assert cli(*args, "--db", source_url).stdout == cli(*args, "--db", db_url).stdout != ""


def test_the_reference_article_its_reviews_and_links_move_and_come_back(cli, shared_dir, db_url, tmp_path):
    reference = shared_dir / "corpus" / "kursk-north-korean-soldiers.txt"
    if not reference.is_file():
        pytest.skip("the reference article is not in ../shared/corpus")
    src = f"sqlite:///{tmp_path / 'ref.db'}"
    filled = _fill(src, [reference, *PAIR], tmp_path)
    first = _export(cli, src, tmp_path / "ref.jsonl")
    counts = json.loads(first.split(b"\n", 1)[0])["tables"]
    assert counts["claims"] == filled["claims"] and counts["claim_links"] == 2 and counts["events"] >= 4
    assert cli("import", tmp_path / "ref.jsonl").exit_code == 0
    assert _export(cli, db_url, tmp_path / "again.jsonl") == first


def test_text_of_any_kind_comes_back_as_it_was(cli, db_url, tmp_path):
    article = tmp_path / "odd.txt"
    article.write_bytes(
        '"The bridge at Zatoka is closed\u2028again," the regional governor said on Monday. \U0001f6a7\r\n'
        "Officials said\u200b that 3.5 km of road, about 2\u00bd miles, was damaged \u202eno\u202c.\r\n"
        "\u041c\u0456\u043d\u0456\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u043e said \"\\n\" is not a line.\n"
        .encode("utf-8"))
    src = f"sqlite:///{tmp_path / 'odd.db'}"
    with verify.open_store(src) as store:
        verify.ingest(store, [article], jobs=1)
        verify.review(store, 1, "disputed", note="tab\there, a quote \" and a \\", reviewer="d\u00e9sk")
    first = _export(cli, src, tmp_path / "a.jsonl")
    assert all(json.loads(x) is not None for x in first.split(b"\n")[:-1])  # a row is one line, whatever it holds
    assert "\u2028again" in first.decode("utf-8")  # written as it is, readable, and still one line
    assert cli("import", tmp_path / "a.jsonl").exit_code == 0
    assert _export(cli, db_url, tmp_path / "b.jsonl") == first


def test_every_table_of_the_schema_is_exported_column_by_column(store, tmp_path):
    _fill(f"sqlite:///{tmp_path / 'x.db'}", [EXAMPLE, *PAIR], tmp_path)
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as filled:
        buf = io.BytesIO()
        done = verify.export_store(filled, buf)
    lines = [json.loads(x) for x in buf.getvalue().decode("utf-8").splitlines()]
    header, end = lines[0], lines[-1]
    assert (header["format"], header["version"], header["schema"]) == ("verify-export", FORMAT_VERSION, head_revision())
    assert end == {"end": "verify-export", "rows": done.rows}
    tables = {x["table"]: x["columns"] for x in lines if isinstance(x, dict) and "table" in x}
    schema = {t.name: [c.name for c in t.columns] for t in schema_tables()}
    assert tables == schema and set(header["tables"]) == set(schema)
    # a row's references come before it, and the counts are the rows that follow
    assert list(tables).index("articles") < list(tables).index("claims") < list(tables).index("events")
    assert sum(isinstance(x, list) for x in lines) == done.rows == sum(header["tables"].values())
    assert all(header["tables"][t] > 0 for t in ("articles", "claims", "claim_sources", "claim_numbers", "sources",
                                                 "source_aliases", "events", "claim_links", "claim_matches",
                                                 "rule_results", "check_runs", "claim_terms", "claim_term_counts"))
    # the review desk's columns hold something to move: a stance, a digest, an undo, a source's events,
    # what an event changed, a merged source
    events = [dict(zip(tables["events"], row)) for row in _rows_of(lines, "events")]
    assert {"refutes", "context"} <= {e["stance"] for e in events}
    assert any(e["sha256"] for e in events) and any(e["undoes"] for e in events) and any(e["changes"] for e in events)
    assert {"source-edit", "source-merge"} <= {e["action"] for e in events if e["source_id"] is not None}
    assert any(dict(zip(tables["sources"], row))["merged_into"] for row in _rows_of(lines, "sources"))


def _rows_of(lines: list, table: str) -> list[list]:
    """The rows an export holds for ``table`` (its lines after the table's own header)."""
    rows, current = [], None
    for x in lines:
        if isinstance(x, dict):
            current = x.get("table")
        elif current == table:
            rows.append(x)
    return rows


def test_values_are_written_in_one_form(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    _fill(url, [EXAMPLE, *PAIR], tmp_path)
    with open_store(url) as store:
        buf = io.BytesIO()
        verify.export_store(store, buf)
    lines = buf.getvalue().decode("utf-8").splitlines()
    cols = None
    seen = {}
    for x in map(json.loads, lines[1:-1]):
        if isinstance(x, dict):
            cols, table = x["columns"], x["table"]
            continue
        seen.setdefault(table, []).append(dict(zip(cols, x)))
    at = seen["events"][0]["at"]
    assert len(at) == 27 and at.endswith("Z") and at[10] == "T"  # 2026-12-06T19:30:02.123456Z
    assert all(isinstance(n["value"], float) for n in seen["claim_numbers"] if n["value"] is not None)
    assert isinstance(seen["claims"][0]["fragments"], list)
    assert [r["id"] for r in seen["claims"]] == sorted(r["id"] for r in seen["claims"])
    terms = [r["term"] for r in seen["claim_term_counts"]]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-8"))


def _nulls(url: str) -> dict[str, int]:
    from sqlalchemy import func, select

    with open_store(url) as store, store.engine.connect() as c:
        return {f"{t.name}.{col.name}": c.execute(select(func.count()).select_from(t).where(col.is_(None))).scalar_one()
                for t in schema_tables() for col in t.columns if col.nullable}


def test_an_absent_value_stays_absent(cli, source_url, db_url, tmp_path):
    _export(cli, source_url, tmp_path / "a.jsonl")
    assert cli("import", tmp_path / "a.jsonl").exit_code == 0
    before = _nulls(source_url)
    assert before["articles.author"] > 0 and before["claims.cue_text"] > 0
    assert _nulls(db_url) == before


def test_the_next_ingest_after_an_import_gets_new_ids(cli, source_url, db_url, tmp_path):
    _export(cli, source_url, tmp_path / "a.jsonl")
    assert cli("import", tmp_path / "a.jsonl").exit_code == 0
    with verify.open_store(db_url) as store:
        before = max(c.id for c in verify.claims(store))
        done = verify.ingest(store, [ACROSS / "power-iaea.txt"], jobs=1)
        assert len(done.new) == 1 and done.claims > 0
        new = [c for c in verify.claims(store) if c.id > before]
        assert len(new) == done.claims
        event = verify.review(store, new[0].id, "confirmed", note="IAEA statement", reviewer="desk")
        assert event.id > max(e.id for c in verify.claims(store) for e in c.history if e.id != event.id)


def _schema_at(revision: str, tmp_path: Path) -> dict[str, list[str]]:
    """The tables and columns of the schema at ``revision``, from a database migrated to it."""
    from sqlalchemy import inspect

    from verify.store.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / f'at-{revision}.db'}")
    try:
        migrate(engine, revision)
        insp = inspect(engine)
        return {t: [c["name"] for c in insp.get_columns(t)] for t in insp.get_table_names() if t != "alembic_version"}
    finally:
        engine.dispose()


def _as_of(data: bytes, schema: dict[str, list[str]], revision: str) -> bytes:
    """The export ``data`` as a verify of an older schema would have written it: only its tables and
    columns, in the same order and form."""
    out, counts, keep = [], {}, None
    lines = [json.loads(x) for x in data.decode("utf-8").splitlines()]
    for x in lines[1:-1]:
        if isinstance(x, dict):
            table, columns = x["table"], x["columns"]
            keep = [i for i, c in enumerate(x["columns"]) if c in schema.get(table, ())] if table in schema else None
            if keep is not None:
                counts[table] = 0
                out.append({"columns": [x["columns"][i] for i in keep], "table": table})
        elif keep is not None:
            if table == "events" and "source_id" not in schema[table] and x[columns.index("claim_id")] is None:
                continue  # an event of a source: before 0006, events were of claims only
            counts[table] += 1
            out.append([x[i] for i in keep])
    header = {**lines[0], "schema": revision, "tables": counts}
    end = {"end": "verify-export", "rows": sum(counts.values())}
    dump = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"  # noqa: E731
    return "".join(map(dump, [header, *out, end])).encode("utf-8")


def test_an_older_schema_is_read_and_upgraded(cli, source_url, db_url, tmp_path):
    first = _export(cli, source_url, tmp_path / "a.jsonl")
    # the store as schema 0004 held it: no claim_term_counts, which migration 0005 counts from claim_terms
    old = _schema_at("0004", tmp_path)
    assert "claim_term_counts" not in old and "claim_terms" in old
    (tmp_path / "old.jsonl").write_bytes(_as_of(first, old, "0004"))
    r = cli("import", tmp_path / "old.jsonl")
    assert r.exit_code == 0, r.stderr
    again = _export(cli, db_url, tmp_path / "b.jsonl")
    assert json.loads(again.split(b"\n", 1)[0])["schema"] == head_revision()
    # what 0004 held comes back as it was, and the counts 0005 makes are those the store had
    then = {**old, "claim_term_counts": ["term", "claims"]}
    assert _as_of(again, then, "x") == _as_of(first, then, "x")


# -- refusals ------------------------------------------------------------------------------------------


def test_import_refuses_a_database_that_holds_anything(cli, source_url, db_url, tmp_path):
    _export(cli, source_url, tmp_path / "a.jsonl")
    assert cli("ingest", ACROSS / "power-iaea.txt", "--jobs", "1").exit_code == 0
    before = _export(cli, db_url, tmp_path / "before.jsonl")
    _one_line(cli("import", tmp_path / "a.jsonl"), "is not empty", "articles", "import into an empty database")
    assert _export(cli, db_url, tmp_path / "after.jsonl") == before


def _rewrite_header(path: Path, **changes) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = {**json.loads(lines[0]), **changes}
    out = path.with_name(f"changed-{len(list(path.parent.iterdir()))}.jsonl")
    out.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    return out


def test_import_refuses_a_newer_format_or_schema_and_creates_nothing(cli, source_url, tmp_path):
    _export(cli, source_url, tmp_path / "a.jsonl")
    target = tmp_path / "new.db"
    newer = _rewrite_header(tmp_path / "a.jsonl", version=FORMAT_VERSION + 1)
    _one_line(cli("import", newer, "--db", f"sqlite:///{target}"), f"format {FORMAT_VERSION + 1}", "upgrade verify")
    later = _rewrite_header(tmp_path / "a.jsonl", schema="9999")
    _one_line(cli("import", later, "--db", f"sqlite:///{target}"), "schema 9999", "upgrade verify")
    assert not target.exists()


def _damaged(first: bytes) -> dict[str, bytes]:
    lines = first.split(b"\n")
    claims_at = next(i for i, x in enumerate(lines) if b'"table":"claims"' in x)
    row = lines[claims_at + 1]
    return {
        "cut inside a line": first[: len(first) // 2],
        "cut between lines": b"\n".join(lines[: claims_at + 3]) + b"\n",
        "no closing line": b"\n".join(lines[:-2]) + b"\n",
        # between two values, not inside a string (where it would be text, and the row still whole)
        "garbled row": first.replace(row, row[: row.index(b",")] + b"}}" + row[row.index(b","):], 1),
        "a word for a number": first.replace(row, b'["seven"' + row[row.index(b","):], 1),
        "a row too short": first.replace(row, row[: row.rindex(b",")] + b"]", 1),
        "not UTF-8": first.replace(row, row[:20] + b"\xff\xfe" + row[20:], 1),
        "more after the end": first + b'[1,2,3]\n',
        "empty": b"",
        "not an export": b'{"name": "something else"}\n',
        "duplicate id": first.replace(row, row + b"\n" + row, 1),
    }


def test_a_cut_or_garbled_file_imports_nothing(cli, source_url, db_url, tmp_path):
    first = _export(cli, source_url, tmp_path / "a.jsonl")
    for what, data in _damaged(first).items():
        bad = tmp_path / "bad.jsonl"
        bad.write_bytes(data)
        line = _one_line(cli("import", bad), "cannot import", str(bad))
        assert "nothing was imported" in line, (what, line)
        assert _rows_in(db_url) == 0, what
    # and the database, still empty, takes the good file after all that
    assert cli("import", tmp_path / "a.jsonl").exit_code == 0
    assert _export(cli, db_url, tmp_path / "b.jsonl") == first


def test_import_refuses_a_missing_file_or_a_directory(cli, tmp_path):
    target = tmp_path / "t.db"
    _one_line(cli("import", tmp_path / "nope.jsonl", "--db", f"sqlite:///{target}"), "nope.jsonl")
    _one_line(cli("import", tmp_path, "--db", f"sqlite:///{target}"), "is a directory")
    _one_line(cli("export", "--output", tmp_path, "--db", f"sqlite:///{target}"))
    assert not (tmp_path / "nope.jsonl").exists()


# -- the CLI and the library -----------------------------------------------------------------------


def test_export_writes_to_standard_output_and_import_reads_standard_input(cli, source_url, db_url, tmp_path,
                                                                          monkeypatch):
    first = _export(cli, source_url, tmp_path / "a.jsonl")
    r = cli("export", "--db", source_url)
    assert r.exit_code == 0 and r.stdout.encode("utf-8") == first
    assert "exported" in r.stderr and "rows of" in r.stderr  # what was done, beside the data
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(first), encoding="utf-8"))
    r = cli("import", "-")
    assert r.exit_code == 0, r.stderr
    assert _export(cli, db_url, tmp_path / "b.jsonl") == first


def test_the_library_exports_to_and_imports_from_streams_and_reports_progress(source_url, tmp_path):
    heard: list[tuple[str, int, int]] = []
    with verify.open_store(source_url) as store:
        buf = io.BytesIO()
        done = verify.export_store(store, buf, on_rows=lambda t, n, total: heard.append((t, n, total)))
    assert sum(n for _, n, _ in heard) == done.rows and {total for *_, total in heard} == {done.rows}
    assert done.schema_revision == head_revision() and done.tables["claims"] > 0
    target = f"sqlite:///{tmp_path / 'lib.db'}"
    with verify.open_store(target) as store:
        read: list[tuple[str, int, int]] = []
        got = verify.import_store(store, io.BytesIO(buf.getvalue()), on_rows=lambda *a: read.append(a))
        assert got.tables == done.tables
        assert sum(n for _, n, _ in read) == done.rows and {t for t, *_ in read} == set(done.tables)
        text = io.StringIO()
        verify.export_store(store, text)
    assert text.getvalue().encode("utf-8") == buf.getvalue()


def test_a_password_in_the_database_url_appears_in_no_message_and_no_export(cli, db_url, source_url, tmp_path):
    secret = "s3cr%40tpass"
    _export(cli, source_url, tmp_path / "a.jsonl")
    u = parse_url(db_url)
    if u.get_backend_name() == "postgresql":
        # trust authentication takes any password: the URL carries one and still connects
        url = u.set(password="s3cr@tpass").render_as_string(hide_password=False)
        r = cli("import", tmp_path / "a.jsonl", "--db", url)
        assert r.exit_code == 0 and "s3cr" not in r.stdout + r.stderr and "***" in r.stdout
        r = cli("export", "--db", url, "--output", tmp_path / "b.jsonl")
        assert r.exit_code == 0 and "s3cr" not in r.stdout + r.stderr
        assert b"s3cr" not in (tmp_path / "b.jsonl").read_bytes()
        r = cli("import", tmp_path / "a.jsonl", "--db", url)  # refused: not empty
        assert "s3cr" not in r.stderr and "***" in r.stderr
    unreachable = f"postgresql+psycopg://alice:{secret}@127.0.0.1:1/verify"
    for r in (cli("import", tmp_path / "a.jsonl", "--db", unreachable), cli("export", "--db", unreachable)):
        assert "s3cr" not in _one_line(r) and r.stdout == ""


def test_a_sqlite_import_holds_the_ids_and_passes_the_integrity_check(cli, source_url, tmp_path):
    _export(cli, source_url, tmp_path / "a.jsonl")
    target = tmp_path / "t.db"
    assert cli("import", tmp_path / "a.jsonl", "--db", f"sqlite:///{target}").exit_code == 0
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        src = sqlite3.connect(Path(parse_url(source_url).database))
        assert con.execute("SELECT id, sha256 FROM articles ORDER BY id").fetchall() == \
            src.execute("SELECT id, sha256 FROM articles ORDER BY id").fetchall()
        src.close()
    finally:
        con.close()
    assert cli("db", "check", "--db", f"sqlite:///{target}").exit_code == 0

