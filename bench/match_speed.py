"""How fast matching finds a new article's claims among many stored claims, and whether ingesting
article after article stays linear.

    python bench/match_speed.py                       # 100,000 stored claims, temporary SQLite file
    python bench/match_speed.py --db URL              # an existing, empty database (PostgreSQL, say)
    python bench/match_speed.py --claims 0 --sequence 10000   # ingest 10,000 articles one after another
    python bench/match_speed.py --grown URL [--fresh URL] --new 50   # that store against a fresh one, by turns

Stored claims are synthetic wire copy (sources, places, days, figures; some claims of one event in
several articles, in other words), stored in bulk with the candidate index that matching itself
writes. Then new articles, each with claims that restate stored ones, are matched one at a time:
the figure is seconds per article. With ``--sequence N``, N article files go through
``verify.ingest`` (read, extract, store, match, check) one after another; it prints the time of the
first and last hundred articles, so any growth with the store's size shows (into an empty store of
its own).
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections import Counter
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SYLLABLES = "ko ra va ly ne mi sto vo pi lu ka zhe dar ho ny ch ta bi re sk".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SOURCES = ["Ukraine's Air Force", "The Pentagon", "Russia's Defence Ministry", "The regional governor",
           "A senior Western diplomat", "Local officials", "The United Nations", "Police", "The White House",
           "A spokesperson for the army", "The Red Cross", "Rescuers"]
EVENTS = [
    ("{n} drones were shot down over {p} on {d}", "{p} air defences downed {n} drones on {d}"),
    ("{n} people were evacuated from {p} after shelling on {d}", "shelling forced {n} residents out of {p} on {d}"),
    ("a missile strike damaged the power station in {p} on {d}", "the power station at {p} was hit by a missile on {d}"),
    ("{n} soldiers were killed in fighting near {p} last week", "fighting around {p} killed {n} soldiers last week"),
    ("the bridge over the river at {p} was destroyed on {d}", "on {d} the river bridge near {p} was blown up"),
    ("{n} tonnes of grain were lost in a fire at the {p} terminal", "a fire at the {p} grain terminal destroyed {n} tonnes"),
    ("aid convoys reached {p} with food and medicine on {d}", "food and medicine arrived in {p} by convoy on {d}"),
    ("{n} civilians were injured when a market in {p} was shelled", "shelling of the {p} market injured {n} civilians"),
]


def place(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).capitalize() + rnd.choice(["", "ivka", "sk", "ove"])


def sentence(rnd: random.Random, event: tuple[str, str, int, str], other_words: bool) -> str:
    first, second = EVENTS[event[0]]
    text = (second if other_words else first).format(n=f"{event[2]:,}", p=event[1], d=event[3])
    return f"{rnd.choice(SOURCES)} said {text}."


def article(rnd: random.Random, events: list, claims: int) -> str:
    lines = ["Overnight attacks across the region"]
    for _ in range(claims):
        lines.append(sentence(rnd, rnd.choice(events), rnd.random() < 0.5))
    return "\n\n".join(lines) + "\n"


def make_events(rnd: random.Random, n: int) -> list:
    places = [place(rnd) for _ in range(max(50, n // 20))]
    return [(rnd.randrange(len(EVENTS)), rnd.choice(places), rnd.randint(2, 5000), rnd.choice(DAYS)) for _ in range(n)]


def fill(store, rnd: random.Random, claims: int, per_article: int, events: list) -> None:
    """``claims`` stored claims in articles of ``per_article``, extracted once per distinct sentence
    and stored in bulk, with the candidate index matching writes."""
    from sqlalchemy import insert

    from verify.extract import extract_claims
    from verify.match import MatchClaim
    from verify.registry import Registry
    from verify.store.tables import ArticleRow, ClaimRow, ClaimSourceRow, NumberRow, SourceRow, TermCountRow, TermRow

    reg = Registry.starter()
    store.sync_sources(list(reg))
    memo: dict[str, object] = {}
    counts: Counter[str] = Counter()
    n_articles = claims // per_article
    with store.engine.begin() as c:
        from sqlalchemy import select

        source_ids = dict(c.execute(select(SourceRow.canonical, SourceRow.id)).all())
        cid = 0
        started = time.perf_counter()
        for a in range(1, n_articles + 1):
            arts, rows, srcs, nums, terms = [], [], [], [], []
            arts.append({"id": a, "sha256": f"{a:064x}", "title": f"bulk {a}", "format": "text", "text": "-"})
            for k in range(per_article):
                text = sentence(rnd, rnd.choice(events), rnd.random() < 0.5)
                found = memo.get(text)
                if found is None:
                    found = memo[text] = extract_claims(text, reg)[0]
                cid += 1
                rows.append({"id": cid, "article_id": a, "text": found.text, "start": k * 200, "end": k * 200 + 100,
                             "fragments": [], "attribution": found.attribution,
                             "cue_text": found.cue.text if found.cue else None, "status": "unverified", "flags": []})
                for s in found.sources:
                    if s.canonical not in source_ids:
                        source_ids[s.canonical] = c.execute(insert(SourceRow).values(
                            canonical=s.canonical, kind=s.kind, tags=[]).returning(SourceRow.id)).scalar_one()
                    srcs.append({"claim_id": cid, "source_id": source_ids[s.canonical], "role": "source",
                                 "mention": s.mention})
                for n in found.numbers:
                    nums.append({"claim_id": cid, "text": n.text, "start": 0, "end": 1, "value": n.value, "low": n.low,
                                 "high": n.high, "unit": n.unit, "approximate": n.approximate, "bound": n.bound})
                m = MatchClaim.from_claim(found, a, cid, registry=reg)
                terms.extend({"term": t, "claim_id": cid, "article_id": a} for t in m.terms)
                counts.update(m.terms)
            c.execute(insert(ArticleRow), arts)
            c.execute(insert(ClaimRow), rows)
            if srcs:
                c.execute(insert(ClaimSourceRow), srcs)
            if nums:
                c.execute(insert(NumberRow), nums)
            c.execute(insert(TermRow), terms)
            if a % 500 == 0:
                print(f"  stored {a * per_article:,} claims ({time.perf_counter() - started:.0f} s)", flush=True)
        c.execute(insert(TermCountRow), [{"term": t, "claims": n} for t, n in counts.items()])
        if c.dialect.name == "postgresql":
            # the IDs were given: move PostgreSQL's sequences past them, as SQLite does by itself
            from sqlalchemy import text

            for table in ("articles", "claims"):
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="stored claims to match against")
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--new", type=int, default=10, help="new articles to match, one at a time")
    ap.add_argument("--sequence", type=int, default=0, help="then ingest this many articles one after another")
    ap.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    ap.add_argument("--grown", metavar="URL", help="a store a --sequence run filled (with --db URL): ingest "
                    "articles into it and into a fresh store of 100 articles by turns, so both are timed under "
                    "the same load; --new sets how many")
    ap.add_argument("--fresh", metavar="URL", help="with --grown: the empty database for the fresh store "
                    "(default: a temporary SQLite file)")
    args = ap.parse_args()
    if args.grown:
        return grown_figure(args)

    from verify.store import open_store

    rnd = random.Random(11)
    events = make_events(rnd, max(1000, args.claims // 4, args.sequence * 2))
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    store = open_store(url)
    if args.claims:
        match_figure(store, rnd, events, args, Path(tmp.name))
    if args.sequence:
        if args.claims:  # the sequence starts from an empty store of its own
            store.close()
            store = open_store(f"sqlite:///{Path(tmp.name) / 'sequence.db'}")
        sequence_figure(store, rnd, events, args.sequence, Path(tmp.name))
    store.close()


def match_figure(store, rnd: random.Random, events: list, args, tmp: Path) -> None:
    import verify
    from sqlalchemy import delete, func, select, update

    from verify.store.tables import MatchRow, TermCountRow, TermRow

    print(f"{store.dialect}: storing {args.claims:,} claims in articles of {args.per_article}")
    fill(store, rnd, args.claims, args.per_article, events)
    t0 = time.perf_counter()
    verify.check(store)  # as a desk's store would be: every claim checked once
    print(f"  first check of the stored claims: {time.perf_counter() - t0:.1f} s")
    times, found = [], 0
    for i in range(args.new):
        p = tmp / f"new-{i}.txt"
        p.write_text(article(rnd, events, args.per_article), encoding="utf-8")
        done = verify.ingest(store, [p], jobs=1, check=False)
        (new_id,) = [f.result.article_id for f in done.new]
        # ingest matched it already: undo that, and time the matching step alone
        with store.transaction() as s:
            s.execute(delete(MatchRow).where(MatchRow.claim_b.in_(store.claim_ids([new_id]))))
            for term, n in s.execute(select(TermRow.term, func.count()).where(TermRow.article_id == new_id)
                                     .group_by(TermRow.term)).all():
                s.execute(update(TermCountRow).where(TermCountRow.term == term).values(claims=TermCountRow.claims - n))
            s.execute(delete(TermRow).where(TermRow.article_id == new_id))
        t0 = time.perf_counter()
        result = verify.match_articles(store, [new_id])
        times.append(time.perf_counter() - t0)
        found += result.found
    print(f"{store.dialect}: match one new article ({args.per_article} claims) against {args.claims:,} stored claims: "
          f"median {statistics.median(times):.3f} s, slowest {max(times):.3f} s over {args.new} articles; "
          f"{found / args.new:.1f} matches found per article", flush=True)


def grown_figure(args) -> None:
    """The same articles ingested by turns into a grown store and a fresh one, timed side by side."""
    import verify
    from verify.store import open_store

    grown = open_store(args.grown)
    with grown.session() as s:
        from sqlalchemy import func, select

        from verify.store.tables import ArticleRow

        n = s.scalar(select(func.count()).select_from(ArticleRow))
    rnd = random.Random(12)
    events = make_events(random.Random(11), max(1000, n * 2))  # the events a --sequence N run drew from
    tmp = tempfile.TemporaryDirectory()
    fresh = open_store(args.fresh or f"sqlite:///{Path(tmp.name) / 'fresh.db'}")
    for i in range(100):
        p = Path(tmp.name) / f"warm-{i}.txt"
        p.write_text(article(rnd, events, 10), encoding="utf-8")
        verify.ingest(fresh, [p], jobs=1)
    big, small = [], []
    for i in range(args.new):
        text = article(rnd, events, 10)
        for store, times, name in ((grown, big, "g"), (fresh, small, "f")):
            p = Path(tmp.name) / f"{name}-{i}.txt"
            p.write_text(text, encoding="utf-8")
            t0 = time.perf_counter()
            verify.ingest(store, [p], jobs=1)
            times.append(time.perf_counter() - t0)
    b, f = statistics.median(big), statistics.median(small)
    print(f"{grown.dialect}: {args.new} articles ingested by turns into a store of {n:,} articles and into one of 100: "
          f"median {b:.3f} s against {f:.3f} s, ratio {b / f:.2f}; slowest {max(big):.3f} s against {max(small):.3f} s",
          flush=True)


def sequence_figure(store, rnd: random.Random, events: list, n: int, tmp: Path) -> None:
    import verify

    print(f"{store.dialect}: ingesting {n:,} articles of 10 claims one after another into an empty store")
    seq, cpu = [], []  # wall-clock and this process's CPU seconds per article
    for i in range(n):
        p = tmp / f"seq-{i}.txt"
        p.write_text(article(rnd, events, 10), encoding="utf-8")
        t0, c0 = time.perf_counter(), time.process_time()
        verify.ingest(store, [p], jobs=1)
        seq.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        p.unlink()
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1:,} articles: median of the last 100 {statistics.median(seq[-100:]):.3f} s "
                  f"(CPU {statistics.median(cpu[-100:]):.3f} s)", flush=True)
    head, tail = statistics.median(seq[:100]), statistics.median(seq[-100:])
    p99 = sorted(seq)[int(len(seq) * 0.99)]
    print(f"{store.dialect}: ingest {n:,} articles one after another (read, extract, store, match, check): "
          f"first 100 median {head:.3f} s, last 100 median {tail:.3f} s, ratio {tail / head:.2f}; "
          f"99th percentile {p99:.3f} s, slowest {max(seq):.3f} s; {sum(seq):.0f} s in all", flush=True)
    chead, ctail = statistics.median(cpu[:100]), statistics.median(cpu[-100:])
    print(f"  CPU time of this process (less swayed by other work on the machine): first 100 median {chead:.3f} s, "
          f"last 100 median {ctail:.3f} s, ratio {ctail / chead:.2f}", flush=True)


if __name__ == "__main__":
    main()
