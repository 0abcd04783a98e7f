"""Ten kill -9 at random moments of a 1,000-article ingest, each followed by a re-run: does the store
end with exactly what one clean ingest stores, and does it pass its integrity check?

    python bench/crash_ingest.py                      # temporary SQLite files
    python bench/crash_ingest.py --db URL --clean-db URL2   # PostgreSQL: two empty databases

Writes N synthetic wire articles (seeded; sources named and unnamed, quotations, "according to",
figures, several articles on one event so that matching and corroboration come into play), ingests
them once into a reference store (``verify ingest DIR --jobs 2``), then into a second store: ten
times ``verify ingest DIR --jobs 2`` is started and its whole process group killed with SIGKILL at
a seeded random moment (earliest first, on a log scale up to 40% of a whole run's time, so kills
fall in reading and storing as well as in matching and checking), then a last
run finishes. After every kill, ``verify db check`` must find no damage and every stored article
must hold all its claims. At the end the two stores must agree on every article (text, title,
metadata) and every claim (text, span, fragments, attribution, cue, sources, relays, figures,
status, flags, grade, rule results and matches, each named by article path and span, since ids may
differ). Prints the counts and OK, or FAIL with the first differences, and exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLI_CODE = "import sys; from verify.cli import main; sys.argv[0] = 'verify'; main()"

NAMED = [("Oleh Kravets", "the regional governor"), ("Iryna Melnyk", "a spokeswoman for the emergency service"),
         ("Taras Bondar", "the mayor"), ("Marta Koval", "the head of the military administration"),
         ("Petro Hnatiuk", "a police spokesman"), ("Anna Lysenko", "the port's director")]
BODIES = ["Ukraine's Air Force", "Russia's Defence Ministry", "The United Nations", "Police", "Rescuers",
          "The Red Cross", "The regional administration", "Local officials", "The energy ministry"]
UNNAMED = ["A senior Western diplomat", "An official who asked not to be named", "Two residents",
           "A military analyst", "People familiar with the matter"]
SYLLABLES = "ko ra va ly ne mi sto vo pi lu ka zhe dar ho ny ta bi re".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
EVENTS = [
    "{n} drones were shot down over {p} on {d}",
    "{n} people were evacuated from {p} after shelling on {d}",
    "a missile strike damaged the power station in {p} on {d}",
    "{n} soldiers were killed in fighting near {p} last week",
    "the bridge over the river at {p} was destroyed on {d}",
    "{n} tonnes of grain were lost in a fire at the {p} terminal",
    "aid convoys reached {p} with food and medicine on {d}",
    "{n} civilians were injured when a market in {p} was shelled",
    "power was restored to {n} homes in {p} by {d} evening",
    "a school in {p} was hit and {n} windows were blown out",
]
QUOTES = ["We will rebuild what was destroyed", "The night was long and loud", "Nobody expected the strike",
          "Our crews worked until dawn", "The water supply is holding for now", "We need more generators"]
PLAIN = ["Sirens sounded across the region for more than two hours.",
         "The claims could not be independently verified.",
         "Trains on the line were delayed by up to four hours.",
         "Schools in the district moved classes online for the week."]


def _place(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize() + rnd.choice(["", "ivka", "ove"])


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _article(i: int, rnd: random.Random, events: list[tuple[int, str, int, str]]) -> str:
    """One wire story: a title, then 6 to 12 paragraphs of attributed and plain sentences."""
    first = events[rnd.randrange(len(events))]
    paras = [f"Overnight in {first[1]}, report {i}", _cap(EVENTS[first[0]].format(n=f"{first[2]:,}", p=first[1], d=first[3])) + "."]
    for _ in range(rnd.randint(6, 12)):
        e = events[rnd.randrange(len(events))] if rnd.random() < 0.6 else (
            rnd.randrange(len(EVENTS)), _place(rnd), rnd.randint(2, 4000), rnd.choice(DAYS))
        what = EVENTS[e[0]].format(n=f"{e[2]:,}", p=e[1], d=e[3])
        name, role = rnd.choice(NAMED)
        form = rnd.randrange(7)
        if form == 0:
            paras.append(f"{rnd.choice(BODIES)} said {what}.")
        elif form == 1:
            paras.append(f"According to {name}, {role}, {what}.")
        elif form == 2:
            paras.append(f"\u201c{rnd.choice(QUOTES)},\u201d {name} told reporters. {_cap(what)}, he added.")
        elif form == 3:
            paras.append(f"{rnd.choice(UNNAMED)} said that {what}, adding that {rnd.choice(PLAIN)[:-1].lower()}.")
        elif form == 4:
            paras.append(f"{_cap(what)}, {rnd.choice(BODIES).lower() if rnd.random() < 0.3 else name} said on {e[3]}.")
        elif form == 5:
            paras.append(f"{rnd.choice(BODIES)} claimed that {what}, a figure {name} disputed.")
        else:
            paras.append(rnd.choice(PLAIN))
    return "\n\n".join(paras) + "\n"


def write_articles(d: Path, n: int, seed: int) -> Path:
    rnd = random.Random(seed)
    # events several articles report, so that claims match and corroborate across articles
    events = [(rnd.randrange(len(EVENTS)), _place(rnd), rnd.randint(2, 4000), rnd.choice(DAYS)) for _ in range(n // 4)]
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"wire{i:04d}.txt").write_text(_article(i, rnd, events), encoding="utf-8")
    return d


def run(args: list, db: str, kill_after: float | None = None) -> tuple[int, str, float]:
    """``verify ARGS`` on ``db`` in a process group of its own; with ``kill_after``, SIGKILL to the
    whole group that many seconds in. Returns the exit code (-9 when killed), stderr and seconds."""
    env = {**os.environ, "VERIFY_DATABASE_URL": db}
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CLI_CODE, *map(str, args)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, as a crash would take them
    _, err = proc.communicate(timeout=3600)
    return proc.returncode, err, time.monotonic() - t0


def db_check(db: str) -> tuple[bool, str]:
    """``verify db check``: (no damage, its title line)."""
    env = {**os.environ, "VERIFY_DATABASE_URL": db, "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-c", CLI_CODE, "db", "check"], env=env, capture_output=True, text=True)
    title = next((ln.strip() for ln in done.stdout.splitlines() if "articles," in ln), done.stdout.strip()[:200])
    return done.returncode == 0, title


def snapshot(db: str) -> tuple[dict, dict]:
    """Every article (by path) and every claim (by article path and span), with what it holds."""
    from sqlalchemy import select

    import verify
    from verify.store.tables import ArticleRow

    articles, claims = {}, {}
    with verify.open_store(db) as store:
        with store.session() as s:
            for row in s.execute(select(ArticleRow.path, ArticleRow.sha256, ArticleRow.title, ArticleRow.outlet,
                                        ArticleRow.author, ArticleRow.url, ArticleRow.published, ArticleRow.format,
                                        ArticleRow.text)):
                articles[row[0]] = tuple(row[1:])
        records = list(verify.claims(store))
    where = {c.id: (c.article_path, tuple(c.span)) for c in records}
    for c in records:
        key = (c.article_path, tuple(c.span), c.text)
        assert key not in claims, f"claim stored twice: {key}"
        claims[key] = c.model_dump(mode="json", exclude={"id", "article_id", "checked_at", "history", "links", "matches"})
        claims[key]["rules"] = sorted(repr(r) for r in c.rules)
        claims[key]["matches"] = sorted((where[m.other], m.score, m.reason, m.state, tuple(m.drift), tuple(m.other_drift),
                                         m.rewrite) for m in c.matches)
    return articles, claims


def whole_articles(db: str, reference: dict[str, int]) -> int:
    """How many stored articles hold fewer or more claims than the same article in the reference."""
    from sqlalchemy import func, select

    import verify
    from verify.store.tables import ArticleRow, ClaimRow

    with verify.open_store(db) as store, store.session() as s:
        got = dict(s.execute(select(ArticleRow.path, func.count(ClaimRow.id)).outerjoin(ClaimRow)
                             .group_by(ArticleRow.id, ArticleRow.path)).all())
    return sum(1 for p, n in got.items() if reference.get(p) != n)


def counts(db: str) -> tuple[int, int]:
    from sqlalchemy import func, select

    import verify
    from verify.store.tables import ArticleRow, ClaimRow

    with verify.open_store(db) as store, store.session() as s:
        return s.scalar(select(func.count()).select_from(ArticleRow)), s.scalar(select(func.count()).select_from(ClaimRow))


def unchecked(db: str) -> int:
    import verify
    from verify.store.health import unchecked_claims

    with verify.open_store(db) as store:
        return unchecked_claims(store)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--db", help="the store to kill ingests of (an empty database; default: a temporary SQLite file)")
    ap.add_argument("--clean-db", help="the reference store of one clean ingest (an empty database; default: SQLite)")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wires = write_articles(tmp / "wires", args.articles, args.seed)
        clean = args.clean_db or f"sqlite:///{tmp / 'clean.db'}"
        killed_db = args.db or f"sqlite:///{tmp / 'killed.db'}"
        ingest = ["ingest", wires, "--jobs", args.jobs]

        code, err, whole_secs = run(ingest, clean)
        if code != 0:
            print(f"the clean ingest failed ({code}): {err.strip()[-500:]}")
            return 1
        ref_articles, ref_claims = snapshot(clean)
        per_article: dict[str, int] = {}
        for path, *_ in ref_claims:
            per_article[path] = per_article.get(path, 0) + 1
        per_article.update({p: 0 for p in ref_articles if p not in per_article})
        print(f"clean ingest: {len(ref_articles):,} articles, {len(ref_claims):,} claims, {whole_secs:.1f} s", flush=True)

        failures = []
        # kill moments drawn evenly on a log scale between half a second and 40% of a whole ingest's
        # time, earliest first: storing takes only the first seconds of a run that matching and
        # checking fill, so even spacing would put every kill after the last article is stored; this
        # way the first kills land while articles are stored (each run storing more), the later ones
        # in matching and checking, and each re-run still has enough left to do to be killed
        low, high = math.log(0.5), math.log(max(0.4 * whole_secs, 1.0))
        moments = sorted(math.exp(rnd.uniform(low, high)) for _ in range(args.kills))
        for k, moment in enumerate(moments, 1):
            code, err, secs = run(ingest, killed_db, kill_after=moment)
            healthy, title = db_check(killed_db)
            partial = whole_articles(killed_db, per_article)
            stored = counts(killed_db)
            waiting = unchecked(killed_db)
            how = "killed" if code == -signal.SIGKILL else f"ended by itself ({code})"
            print(f"run {k:2}: {how} at {moment:5.1f} s; stored {stored[0]:5,} articles, {stored[1]:6,} claims; "
                  f"{waiting:6,} not checked yet; db check {'OK' if healthy else 'DAMAGED'}; articles not whole: {partial}", flush=True)
            if not healthy:
                failures.append(f"run {k}: db check found damage: {title}")
            if partial:
                failures.append(f"run {k}: {partial} stored article(s) not whole")
            if code not in (0, -signal.SIGKILL):
                failures.append(f"run {k}: exit {code}: {err.strip()[-300:]}")
        code, err, secs = run(ingest, killed_db)
        if code != 0:
            failures.append(f"the last run failed ({code}): {err.strip()[-300:]}")
        healthy, title = db_check(killed_db)
        if not healthy:
            failures.append(f"db check after the last run: {title}")
        got_articles, got_claims = snapshot(killed_db)
        print(f"last run: {secs:.1f} s; {title}")
        print(f"articles: clean {len(ref_articles):,}, after kills {len(got_articles):,}; "
              f"claims: clean {len(ref_claims):,}, after kills {len(got_claims):,}")
        for what, ref, got in (("article", ref_articles, got_articles), ("claim", ref_claims, got_claims)):
            for key in sorted(ref.keys() - got.keys(), key=repr)[:5]:
                failures.append(f"{what} missing: {key}")
            for key in sorted(got.keys() - ref.keys(), key=repr)[:5]:
                failures.append(f"{what} not in the clean store: {key}")
            differ = [k for k in ref.keys() & got.keys() if ref[k] != got[k]]
            for key in sorted(differ, key=repr)[:5]:
                fields = [f for f in ref[key] if ref[key][f] != got[key][f]] if isinstance(ref[key], dict) else ["row"]
                failures.append(f"{what} differs in {', '.join(fields)}: {key}"
                                + (f": {ref[key][fields[0]]!r} != {got[key][fields[0]]!r}" if isinstance(ref[key], dict) else ""))
            if differ:
                failures.append(f"{len(differ)} {what}(s) differ in all")
        if failures:
            print("FAIL")
            for f in failures:
                print("  " + f)
            return 1
        print("OK: the same articles and claims as one clean ingest, and the integrity check passes")
        return 0


if __name__ == "__main__":
    sys.exit(main())
