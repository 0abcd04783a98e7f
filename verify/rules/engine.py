"""Running a rulebook over the store and recording what each rule did.

Precedence, when several rules give one claim different values:
- status: the most cautious wins, in the order refuted, disputed, unverified, single-source,
  corroborated, confirmed. File order never matters.
- source reliability: the later letter wins (F over E over ... A); information credibility: the
  higher number wins (6 over 5 ... 1).
- flags and review reasons add up.
- a rule tagged @warning adds flags and review reasons only; its status and grades are recorded as
  not applied.
Rules write ``claims.rule_status``; ``claims.status`` is the person's review where there is one, else
the rules' status. Each check replaces ``rule_results`` with one row per outcome (``applied`` False
where precedence or a review decided otherwise), all in one transaction.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import bindparam, create_engine, delete, insert, update
from sqlalchemy.engine import Connection, Engine

from ..errors import RulebookError, StoreError
from ..models import STATUSES
from ..store.tables import CheckRunRow, ClaimRow, RuleResultRow
from .facts import BATCH, Fact, SourceIndex, iter_facts, load_registry, today_utc
from .loader import Rule, Rulebook, StepContext
from .steps import Outcome, StepError

# most cautious first
STATUS_ORDER: tuple[str, ...] = ("refuted", "disputed", "unverified", "single-source", "corroborated", "confirmed")
_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}
assert set(STATUS_ORDER) == set(STATUSES)
CHANGES_SHOWN = 200


@dataclass
class RuleReport:
    file: str
    line: int
    name: str
    selected: int = 0
    skipped_until: date | None = None
    warning: bool = False
    noskip: bool = False
    outcomes: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line} {self.name}"

    @property
    def skipped(self) -> bool:
        return self.skipped_until is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.where, "file": self.file, "line": self.line, "name": self.name,
            "selected": self.selected, "skipped_until": self.skipped_until.isoformat() if self.skipped_until else None,
            "warning": self.warning, "noskip": self.noskip, "outcomes": self.outcomes,
        }


@dataclass
class CheckReport:
    """What a check did: per rule how many claims it selected, and totals over the claims."""

    rulebook: str
    run_id: int | None = None
    claims: int = 0
    results: int = 0
    changed: int = 0
    statuses: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    needs_review: int = 0
    disagreements: int = 0
    rules: list[RuleReport] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # the first CHANGES_SHOWN status changes
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def idle(self) -> list[RuleReport]:
        """Active rules that selected no claim: shown, never silently skipped."""
        return [r for r in self.rules if not r.skipped and r.selected == 0]

    @property
    def noskip_failures(self) -> list[RuleReport]:
        return [r for r in self.idle if r.noskip]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rulebook": self.rulebook, "run_id": self.run_id, "claims": self.claims, "results": self.results,
            "changed": self.changed, "statuses": dict(sorted(self.statuses.items())),
            "flags": dict(sorted(self.flags.items())), "needs_review": self.needs_review,
            "disagreements_with_review": self.disagreements,
            "rules": [r.to_dict() for r in self.rules],
            "selected_nothing": [r.where for r in self.idle],
            "noskip_failures": [r.where for r in self.noskip_failures],
            "changes": self.changes, "changes_truncated": self.changed > len(self.changes),
            "warnings": self.warnings, "seconds": round(self.seconds, 3),
        }


@dataclass
class _Compiled:
    rule: Rule
    report: RuleReport
    tests: list
    outcomes: list[Outcome]
    active: bool


@dataclass
class Decision:
    """One claim's outcome after precedence: what to store and one result row per rule outcome."""

    rule_status: str | None
    status: str
    flags: tuple[str, ...]
    reliability: str | None
    credibility: str | None
    needs_review: str | None
    results: list[tuple[Rule, Outcome, bool, str | None]]  # rule, outcome, applied, reason


def decide(hits: list[tuple[Rule, Outcome]], review_status: str | None = None) -> Decision:
    """Apply the documented precedence to the outcomes the rules gave one claim."""
    status_hits = [(r, o) for r, o in hits if o.kind == "status" and not r.warning]
    rel_hits = [(r, o) for r, o in hits if o.kind == "reliability" and not r.warning]
    cred_hits = [(r, o) for r, o in hits if o.kind == "credibility" and not r.warning]
    rule_status = min((o.value for _, o in status_hits), key=_RANK.__getitem__, default=None)
    reliability = max((o.value for _, o in rel_hits), default=None)
    credibility = max((o.value for _, o in cred_hits), default=None)
    winner_of = {"status": rule_status, "reliability": reliability, "credibility": credibility}
    first_by = {}
    for r, o in hits:
        if not r.warning and o.kind in winner_of and o.value == winner_of[o.kind] and o.kind not in first_by:
            first_by[o.kind] = r
    flags: list[str] = []
    reasons: list[str] = []
    results = []
    for r, o in hits:
        applied, why = True, None
        if o.kind == "flag":
            if o.value not in flags:
                flags.append(o.value)
        elif o.kind == "needs-review":
            if o.value not in reasons:
                reasons.append(o.value)
        elif r.warning:
            applied, why = False, "@warning rule: reported, not applied"
        elif o.value != winner_of[o.kind]:
            w = first_by[o.kind]
            applied, why = False, f"overruled by {w.file}:{w.line} {w.name} ({winner_of[o.kind]})"
        elif o.kind == "status" and review_status and review_status != o.value:
            applied, why = False, f"a person reviewed it as {review_status}"
        results.append((r, o, applied, why))
    return Decision(
        rule_status=rule_status,
        status=review_status or rule_status or "unverified",
        flags=tuple(flags),
        reliability=reliability,
        credibility=credibility,
        needs_review="; ".join(reasons) or None,
        results=results,
    )


def _engine(db: Any) -> Engine | Connection:
    if isinstance(db, (Engine, Connection)):
        return db
    if isinstance(db, str):
        return create_engine(db)
    for attr in ("engine", "bind"):
        e = getattr(db, attr, None)
        if isinstance(e, (Engine, Connection)):
            return e
    get_bind = getattr(db, "get_bind", None)
    if callable(get_bind):
        return get_bind()
    raise StoreError(f"cannot check rules against {type(db).__name__}: give an Engine or a store")


def check(db: Any, rulebook: Rulebook, *, today: date | None = None, batch: int = BATCH) -> CheckReport:
    """Run ``rulebook`` over every stored claim and record the results; one transaction."""
    if rulebook.errors:
        raise RulebookError(f"rulebook does not lint clean: {rulebook.errors[0]}")
    started = time.perf_counter()
    when = today or today_utc()
    bind = _engine(db)
    if isinstance(bind, Connection):
        if bind.in_transaction():
            report = _run(bind, rulebook, when, batch)
        else:
            with bind.begin():
                report = _run(bind, rulebook, when, batch)
    else:
        with bind.begin() as conn:
            report = _run(conn, rulebook, when, batch)
    report.seconds = time.perf_counter() - started
    return report


def _compile(rulebook: Rulebook, conn: Connection, today: date, report: CheckReport) -> tuple[list[_Compiled], SourceIndex]:
    registry, rows = load_registry(conn)
    index = SourceIndex(registry, rows)
    compiled = []
    warned: set[str] = set()
    for rule in rulebook.rules:
        ctx = StepContext(registry, today, rule.file)
        try:
            tests, outcomes = rule.compile(ctx)
        except StepError as e:
            raise RulebookError(f"{rule.file}:{ctx.line}: {e}") from None
        for w in ctx.warnings:
            if str(w) not in warned:
                warned.add(str(w))
                report.warnings.append(str(w))
        skipped = rule.skipped(today)
        rr = RuleReport(
            rule.file, rule.line, rule.name, skipped_until=rule.skip_until if skipped else None,
            warning=rule.warning, noskip=rule.noskip, outcomes=[f"{o.kind}={o.value}" for o in outcomes],
        )
        report.rules.append(rr)
        compiled.append(_Compiled(rule, rr, tests, outcomes, not skipped))
    return compiled, index


def _run(conn: Connection, rulebook: Rulebook, today: date, batch: int) -> CheckReport:
    report = CheckReport(rulebook=rulebook.shown)
    compiled, index = _compile(rulebook, conn, today, report)
    active = [c for c in compiled if c.active]
    now = datetime.now(timezone.utc)
    run_id = conn.execute(
        insert(CheckRunRow).values(rulebook=rulebook.shown, started_at=now).returning(CheckRunRow.id)
    ).scalar_one()
    report.run_id = run_id
    conn.execute(delete(RuleResultRow))
    claims = ClaimRow.__table__
    update_claim = (
        update(claims)
        .where(claims.c.id == bindparam("cid"))
        .values(
            status=bindparam("status"), rule_status=bindparam("rule_status"), flags=bindparam("flags"),
            reliability=bindparam("reliability"), credibility=bindparam("credibility"),
            needs_review=bindparam("needs_review"), checked_at=bindparam("checked_at"),
        )
    )
    insert_result = insert(RuleResultRow.__table__)
    for facts in iter_facts(conn, index, batch):
        rows: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for f in facts:
            hits = _evaluate(active, f)
            d = decide(hits, f.review_status)
            for r, o, applied, why in d.results:
                rows.append({
                    "claim_id": f.id, "run_id": run_id, "rule_file": r.file, "rule_line": r.line,
                    "rule_name": r.name, "outcome": o.kind, "value": o.value, "reason": why, "applied": applied,
                })
            _tally(report, f, d)
            new = (d.status, d.rule_status, d.flags, d.reliability, d.credibility, d.needs_review)
            if new != f.stored:
                updates.append({
                    "cid": f.id, "status": d.status, "rule_status": d.rule_status, "flags": list(d.flags),
                    "reliability": d.reliability, "credibility": d.credibility, "needs_review": d.needs_review,
                    "checked_at": now,
                })
                if d.status != f.stored[0]:
                    report.changed += 1
                    if len(report.changes) < CHANGES_SHOWN:
                        report.changes.append({"id": f.id, "from": f.stored[0], "to": d.status})
        if rows:
            conn.execute(insert_result, rows)
        if updates:
            conn.execute(update_claim, updates)
        report.results += len(rows)
    conn.execute(
        update(CheckRunRow)
        .where(CheckRunRow.id == run_id)
        .values(finished_at=datetime.now(timezone.utc), claims=report.claims, results=report.results)
    )
    return report


def _evaluate(active: list[_Compiled], f: Fact) -> list[tuple[Rule, Outcome]]:
    hits = []
    for c in active:
        for t in c.tests:
            if not t(f):
                break
        else:
            c.report.selected += 1
            rule = c.rule
            for o in c.outcomes:
                hits.append((rule, o))
    return hits


def _tally(report: CheckReport, f: Fact, d: Decision) -> None:
    report.claims += 1
    report.statuses[d.status] += 1
    for fl in d.flags:
        report.flags[fl] += 1
    if d.needs_review:
        report.needs_review += 1
    if f.review_status and d.rule_status and f.review_status != d.rule_status:
        report.disagreements += 1

