"""Two reviewers at once: many `verify review` processes on one claim, ten at a time, keep every
review, in order, on SQLite and on PostgreSQL.

``VERIFY_CONCURRENT_REVIEWS`` sizes the run (default 100, the figure the review desk promises; each
process costs about a second of CPU).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from _claims import seed
from process_support import CLI_CODE

REVIEWS = int(os.environ.get("VERIFY_CONCURRENT_REVIEWS", "100"))
AT_ONCE = 10
STATUSES = ("confirmed", "disputed", "refuted", "corroborated", "single-source")


def _start(db_url: str, claim_id: int, i: int) -> subprocess.Popen:
    env = {**os.environ, "VERIFY_DATABASE_URL": db_url}
    return subprocess.Popen(
        [sys.executable, "-c", CLI_CODE, "review", str(claim_id), "--status", STATUSES[i % len(STATUSES)],
         "--note", f"review {i}", "--reviewer", f"reviewer-{i % AT_ONCE}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def test_reviews_of_one_claim_at_once_are_all_kept_in_order(store, db_url, cli):
    claim_id = seed(store)["vehicles"]
    failures = []
    for batch in range(0, REVIEWS, AT_ONCE):
        procs = [_start(db_url, claim_id, i) for i in range(batch, min(batch + AT_ONCE, REVIEWS))]
        for p in procs:
            out, err = p.communicate(timeout=300)
            if p.returncode != 0:
                failures.append(err.strip())
    assert failures == []

    shown = cli("claims", "show", claim_id, "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    reviews = [e for e in data["history"] if e["action"] == "status"]
    assert len(reviews) == REVIEWS
    assert sorted(e["note"] for e in reviews) == sorted(f"review {i}" for i in range(REVIEWS))
    # in the order recorded, each review started from the status the one before it left: none lost
    assert [e["id"] for e in reviews] == sorted(e["id"] for e in reviews)
    assert reviews[0]["from_status"] == "unverified"
    assert [e["from_status"] for e in reviews[1:]] == [e["to_status"] for e in reviews[:-1]]
    assert data["status"] == reviews[-1]["to_status"] == data["review_status"]
