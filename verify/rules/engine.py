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
the rules' status. After a check, ``rule_results`` holds exactly what it says: one row per outcome
(``applied`` False where precedence or a review decided otherwise); a claim's rows that the last check
wrote identically are kept rather than rewritten. One check is one transaction.

This module decides; the store reads the claims and writes the outcomes (``verify.store.checks``).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable

from ..errors import RulebookError
from ..models import STATUSES
from ..store.checks import CheckRun, check_transaction, last_check_rulebook
from .facts import BATCH, SourceIndex, iter_facts, today_utc
from .loader import Rule, Rulebook, StepContext
from .steps import REGISTRY_GRADE, Outcome, StepError, always

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
    results: int = 0  # result rows this check stands behind
    rewritten: int = 0  # of which written anew (the others were unchanged since the last check)
    changed: int = 0
    statuses: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    needs_review: int = 0
    disagreements: int = 0
    rules: list[RuleReport] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # the first CHANGES_SHOWN status changes
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    origins: dict[int, str] = field(default_factory=dict, repr=False)  # test bit -> where it is written

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
            "results_rewritten": self.rewritten,
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
    need: int  # bit mask of the tests the rule needs
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


def decide(hits: list[tuple[Rule, Outcome]], review_status: str | None = None,
           registry_grade: str | None = None) -> Decision:
    """Apply the documented precedence to the outcomes the rules gave one claim.

    ``registry_grade`` is the reliability the registry gives the claim's source, for outcomes that
    ask for it.
    """
    ungraded = set()
    if any(o.value == REGISTRY_GRADE for _, o in hits):
        resolved = []
        for r, o in hits:
            if o.kind == "reliability" and o.value == REGISTRY_GRADE:
                if registry_grade:
                    o = Outcome("reliability", registry_grade)
                else:
                    ungraded.add(id(o))
            resolved.append((r, o))
        hits = resolved
    status_hits = [(r, o) for r, o in hits if o.kind == "status" and not r.warning]
    rel_hits = [(r, o) for r, o in hits if o.kind == "reliability" and not r.warning and id(o) not in ungraded]
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
        elif id(o) in ungraded:
            applied, why = False, "no source of this claim has a reliability grade in the registry"
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


def check(db: Any, rulebook: Rulebook, *, today: date | None = None, batch: int = BATCH,
          claim_ids: Iterable[int] | None = None) -> CheckReport:
    """Run ``rulebook`` over every claim of the store ``db`` and record the results; one transaction.

    ``claim_ids`` limits the check to those claims and the claims linked to them (a linked claim's
    sources count for the other): after an ingest, the new claims only. Claims outside keep what
    the last check gave them.
    """
    if rulebook.errors:
        raise RulebookError(f"rulebook does not lint clean: {rulebook.errors[0]}")
    started = time.perf_counter()
    when = today or today_utc()
    only = None if claim_ids is None else sorted({int(i) for i in claim_ids})
    with check_transaction(db) as run:
        report = _run(run, rulebook, when, batch, only)
    report.seconds = time.perf_counter() - started
    return report


def _compile(rulebook: Rulebook, run: CheckRun, today: date,
             report: CheckReport) -> tuple[list[_Compiled], list[tuple[int, Any]], SourceIndex]:
    """Each rule's outcomes and the tests it needs, as a bit mask over the rulebook's distinct tests.

    A test written the same way in several rules ("Given a claim with no attributed source") is
    built once and run once per claim.
    """
    registry, rows = run.rules_registry()
    index = SourceIndex(registry, rows)
    compiled: list[_Compiled] = []
    preds: list[tuple[int, Any]] = []
    seen: dict[tuple, int] = {}
    origins = report.origins
    warned: set[str] = set()
    for rule in rulebook.rules:
        ctx = StepContext(registry, today, rule.file)
        ctx.rule_name = rule.name
        need, outcomes = 0, []
        try:
            for st in rule.steps:
                ctx.line = st.line
                d = st.definition
                if d.kind == "then":
                    made = d.build(st.match, ctx, st.table, st.doc)
                    for o in made if isinstance(made, (list, tuple)) else [made]:
                        if not isinstance(o, Outcome):
                            raise StepError(f"{d.origin}: a Then step must give Outcome(s), got {type(o).__name__}")
                        outcomes.append(o)
                    continue
                key = (id(d), st.text, tuple(map(tuple, st.table)) if st.table else None, st.doc)
                j = seen.get(key)
                if j is None:
                    fn = d.build(st.match, ctx, st.table, st.doc)
                    if not callable(fn):
                        raise StepError(f"{d.origin}: a Given/When step must give a predicate")
                    j = -1 if fn is always else len(preds)
                    if j >= 0:
                        preds.append((1 << j, fn))
                        origins[1 << j] = f"{rule.file}:{st.line} {st.keyword} {st.text}"
                    seen[key] = j
                if j >= 0:
                    need |= 1 << j
        except StepError as e:
            raise RulebookError(f"{rule.file}:{ctx.line}: {e}") from None
        except Exception as e:  # a plug-in's factory that fails: the rulebook's error, on one line
            raise RulebookError(f"{rule.file}:{ctx.line}: the step failed: {type(e).__name__}: {e}") from None
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
        compiled.append(_Compiled(rule, rr, need, outcomes, not skipped))
    return compiled, preds, index


def _run(run: CheckRun, rulebook: Rulebook, today: date, batch: int, only: list[int] | None) -> CheckReport:
    report = CheckReport(rulebook=rulebook.shown)
    compiled, preds, index = _compile(rulebook, run, today, report)
    active = [(i, c.need) for i, c in enumerate(compiled) if c.active]
    if only is not None:
        only = run.with_linked(only)
    now = datetime.now(timezone.utc)
    run_id = run.start(json.dumps(rulebook.paths or [rulebook.shown]), now)
    report.run_id = run_id
    recorded, signature = run.recorded, run.signature
    # claims that pass the same tests (and have the same review) get the same decision: decide once
    decisions: dict[tuple, tuple] = {}
    counts: dict[tuple, list] = {}  # key -> [claims, rules fired]
    changed: list[tuple] = []
    for facts in iter_facts(run, index, batch, only):
        # a claim whose results are what the last check recorded keeps its rows: after an ingest of a
        # few articles, a check rewrites only the claims that changed
        before = recorded(facts[0].id, facts[-1].id, [f.id for f in facts] if only is not None else None)
        stale: list[int] = []
        kept = 0
        rows: list[tuple] = []
        updates: list[tuple] = []
        for f in facts:
            mask = 0
            try:
                for bit, p in preds:
                    if p(f):
                        mask |= bit
            except Exception as e:  # a plug-in's step that fails is the rulebook's error, on one line
                raise RulebookError(
                    f"{report.origins.get(bit, '?')}: the step failed on claim {f.id}: {type(e).__name__}: {e}"
                ) from None
            grade = f.src.grade
            key = (mask, f.review_status, grade)
            hit = decisions.get(key)
            if hit is None:
                if len(decisions) > 50_000:
                    decisions.clear()
                fired = [i for i, need in active if mask & need == need]
                hits = [(compiled[i].rule, o) for i in fired for o in compiled[i].outcomes]
                d = decide(hits, f.review_status, grade)
                template = [(run_id, r.file, r.line, r.name, o.kind, o.value, why, applied)
                            for r, o, applied, why in d.results]
                new = (d.status, d.rule_status, d.flags, d.reliability, d.credibility, d.needs_review)
                hit = decisions[key] = (d, template, signature(template), fired, new)
            d, template, same, fired, new = hit
            c = counts.get(key)
            if c is None:
                counts[key] = [1, fired, d]
            else:
                c[0] += 1
            cid = f.id
            old = before.get(cid, ())
            if old == same:
                kept += len(template)
            else:
                if old:
                    stale.append(cid)
                if template:
                    last = (cid,)
                    rows.extend([t + last for t in template])
            if new != f.stored:
                updates.append((d.status, d.rule_status, d.flags, d.reliability, d.credibility, d.needs_review, cid))
                if d.status != f.stored[0]:
                    report.changed += 1
                    if len(report.changes) < CHANGES_SHOWN:
                        report.changes.append({"id": cid, "from": f.stored[0], "to": d.status})
                    if f.stored[1] is not None:
                        # a re-check changed the status: an event of the claim's history, with the rule
                        changed.append((cid, f.stored[0], d.status, _status_rule(d)))
        run.write(stale, rows, updates)
        if changed:
            run.record_status_changes(changed, now)
            changed = []
        report.results += len(rows) + kept
        report.rewritten += len(rows)
    for (_mask, review, _grade), (n, fired, d) in counts.items():
        for i in fired:
            compiled[i].report.selected += n
        _tally(report, n, review, d)
    run.finish(run_id, report.claims, report.results)
    if only is None:
        # a reviewed claim whose outcomes a check changed after the review waits for a person again
        # (verify.reports.reviewed); only the store knows when each was reviewed, so it counts them
        report.needs_review = run.needing_review()
    return report


def _status_rule(d: Decision) -> str:
    """The rule that gave the claim its status, as file:line and name; or why no rule did."""
    for r, o, applied, _why in d.results:
        if o.kind == "status" and applied:
            return f"{r.file}:{r.line} {r.name}"
    return "no rule sets a status any more"


def _tally(report: CheckReport, n: int, review_status: str | None, d: Decision) -> None:
    """Count ``n`` claims that got decision ``d``."""
    report.claims += n
    report.statuses[d.status] += n
    for fl in d.flags:
        report.flags[fl] += n
    # a claim a person has reviewed no longer waits for review (its rule reasons stay recorded); it
    # is counted where the rules now disagree with the review
    if d.needs_review and not review_status:
        report.needs_review += n
    if review_status and d.rule_status and review_status != d.rule_status:
        report.disagreements += n


def last_rulebooks(db: Any) -> list[str] | None:
    """The rulebooks (absolute paths) the latest check applied, in order; None before any check.

    ``verify ingest`` checks its new claims with these, so a house rulebook stays applied.
    """
    value = last_check_rulebook(db)
    if value is None:
        return None
    try:
        got = json.loads(value)
    except ValueError:
        got = None
    if isinstance(got, list) and all(isinstance(x, str) for x in got):
        return got
    # checks recorded before the paths were: the shown names, joined by " + " (the shipped rulebook
    # shown relative to the project, which only resolves from there)
    from ..config import DEFAULT_RULEBOOK, PROJECT_DIR

    shipped = str(DEFAULT_RULEBOOK.relative_to(PROJECT_DIR)) if DEFAULT_RULEBOOK.is_relative_to(PROJECT_DIR) else None
    return [str(DEFAULT_RULEBOOK.resolve()) if part == shipped else part
            for part in str(value).split(" + ") if part]
