"""A stored claim explained for a person: its status, who says it, the rules that fired (file:line),
its grade in words (the Admiralty code) and its history. `verify claims show` prints this.

    >>> import verify
    >>> with verify.open_store("sqlite:///newsroom.db") as store:    # doctest: +SKIP
    ...     print(verify.explain(store, 12))
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from .evidence import STATE_TEXT, evidence_of
from .models import ClaimRecord, undone_ids
from .printable import printable, printable_data
from .reports.common import (
    DENIED_LINE,
    DENIED_MARK,
    denial_between,
    needs_review_open,
    review_text,
    reviewed_by,
    shown_grade,
)
from .reports.table import status_text

# the Admiralty (NATO AJP-2.1) scale: source reliability A-F, information credibility 1-6
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}


def grade_meaning(grade: str) -> str:
    """An Admiralty grade in words: ``grade_meaning("B2")`` is
    "source usually reliable, information probably true"."""
    r, c = grade[:1], grade[1:]
    return f"source {RELIABILITY.get(r, r)}, information {CREDIBILITY.get(c, c)}"


def grade_text(rec: ClaimRecord) -> str:
    grade = shown_grade(rec)
    if not grade:
        return "not graded yet (run `verify check`)"
    text = f"{grade}: {grade_meaning(grade)}"
    # the person's status decides the information's credibility (verify.reports.reviewed)
    if rec.grade and rec.grade != grade:
        text += f" (from the review as {rec.review_status}; the rules gave {rec.grade})"
    elif not rec.grade:
        text += f" (from the review as {rec.review_status}; the rules have not graded it)"
    return text


def render_claim(rec: ClaimRecord, console: Console) -> None:
    """Print everything about one claim to a rich ``console``: what `verify claims show` prints."""
    # files are checked against the paths as stored; what is printed of them is made safe below
    evidence = evidence_of(rec)
    # every stored string made safe for a terminal once, here, before any of it is printed
    rec = ClaimRecord.model_validate(printable_data(rec.model_dump()))
    p = console.print
    head = Text(f"Claim {rec.id}  ", style="bold")
    head.append_text(status_text(rec.status))
    if shown_grade(rec):
        head.append(f"  {shown_grade(rec)}")
    p(head)
    p(Text(f"  “{rec.text}”"))
    art = Text(f"Article {rec.article_id}: ")
    art.append(rec.article_title or rec.article_path or "(untitled)")
    if rec.outlet:
        art.append(f" ({rec.outlet})")
    for extra in (rec.article_url, rec.article_path if rec.article_title else None):
        if extra:
            art.append(f"  {extra}", style="dim")
    art.append(f"  characters {rec.span[0]}-{rec.span[1]}", style="dim")
    p(art)
    attr = Text(f"Attribution: {rec.attribution}")
    if rec.cue:
        attr.append(f", cue “{rec.cue.text}”")
    p(attr)
    if rec.polarity == "denied":
        p(Text(DENIED_LINE))

    def source_lines(title: str, views) -> None:
        p(Text(title))
        for v in views:
            line = Text(f"  {v.canonical} ({v.kind})")
            if v.affiliation:
                line.append(f", affiliation {v.affiliation}")
            if v.mention and v.mention != v.canonical:
                line.append(f", named as “{v.mention}”", style="dim")
            if v.tags:
                line.append(f"  [{', '.join(v.tags)}]", style="dim")
            if v.reliability:
                line.append(f"  reliability {v.reliability}")
            p(line)

    if rec.sources:
        source_lines("Sources:", rec.sources)
    else:
        p(Text("Sources: none; " + ("the outlet's own assertion" if rec.attribution == "unattributed" else "no source found")))
    if rec.relayed_by:
        source_lines("Relayed by:", rec.relayed_by)
    if rec.numbers:
        p(Text("Numbers: " + "; ".join(_number(n) for n in rec.numbers)))
    status = Text("Status: ")
    status.append_text(status_text(rec.status))
    set_by = f"reviewed as {rec.review_status}" if rec.review_status else "not reviewed"
    status.append(f" (by the rules: {rec.rule_status or 'none yet'}; {set_by})", style="dim")
    if rec.review_status:
        status.append(f"  {reviewed_by(rec)}", style="dim")
    p(status)
    if rec.disagreement:
        p(Text(f"Disagreement: {rec.disagreement}", style="yellow"))
    p(Text(f"Grade: {grade_text(rec)}"))
    p(Text(f"Flags: {', '.join(rec.flags) if rec.flags else '-'}"))
    if rec.needs_review:
        text = review_text(rec) or ""
        line = text[0].upper() + text[1:]
        p(Text(line, style="yellow" if needs_review_open(rec) else "dim"))
    p(Text("Rules that fired:" if rec.rules else "Rules that fired: none (run `verify check`)"))
    previous = None
    for h in rec.rules:
        # one heading per rule, its outcomes beneath it
        if h.rule != previous:
            p(Text(f"  {h.rule}"))
            previous = h.rule
        did = Text(f"      {h.outcome} {h.value}", style="" if h.applied else "dim")
        if not h.applied:
            did.append(" (not applied)")
        if h.reason:
            did.append(f" — {h.reason}", style="dim")
        p(did)
    if rec.links:
        p(Text("Links:"))
        for ln in rec.links:
            line = Text(f"  {ln.relation} claim {ln.other}  ({ln.reviewer}, {ln.at:%Y-%m-%d %H:%M} UTC)")
            if ln.note:
                line.append(f" — {ln.note}", style="dim")
            p(line)
    if rec.matches:
        p(Text("Stated in other articles:"))
        for m in rec.matches:
            line = Text(f"  claim {m.other} (article {m.other_article})  score {m.score:.2f}  {m.state}")
            if denial_between(rec.polarity, m.other_polarity):
                denies = "denies what this claim states" if m.other_polarity == "denied" else "states what this claim denies"
                line.append(f"  {denies}", style="bold")
            if m.rewrite:
                line.append("  same wording", style="dim")
            p(line)
            p(Text(f"      {m.other_text}", style="dim"))
            if m.other_polarity == "denied":
                p(Text(f"      {DENIED_MARK}", style="bold"))
            p(Text(f"      why: {m.reason}"))
            if m.drift:
                p(Text(f"      drift here: {', '.join(m.drift)}", style="yellow"))
            if m.other_drift:
                p(Text(f"      drift there: {', '.join(m.other_drift)}", style="dim"))
    if evidence:
        p(Text("Evidence:"))
        for ev in evidence:
            line = Text(printable(f"  {ev.stance or 'context'}  {ev.ref}  ({ev.reviewer}, event {ev.event_id})"))
            p(line)
            if ev.note:
                p(Text(printable(f"      note: {ev.note}"), style="dim"))
            if ev.kind == "file":
                p(Text(f"      {STATE_TEXT[ev.state]}", style="dim" if ev.state == "unchanged" else "bold red"))
    p(Text("Review history:" if rec.history else "Review history: none"))
    undone = {}
    for e in rec.history:
        if e.action == "undo" and e.undoes is not None:
            undone[e.undoes] = e.id
    gone = undone_ids(rec.history)
    for e in rec.history:
        line = Text(f"  {e.at:%Y-%m-%d %H:%M} UTC  {e.reviewer}  ")
        if e.action == "undo":
            line.append(f"undo of event {e.undoes}")
        elif e.action != "status":
            line.append(e.action)
        if e.to_status:
            line.append(f"{': ' if e.action != 'status' else ''}{e.from_status or '-'} → {e.to_status}")
        line.append(f"  (event {e.id})", style="dim")
        if e.id in gone:
            line.append(f"  undone by event {undone[e.id]}", style="yellow")
        p(line)
        if e.note:
            p(Text(f"      note: {e.note}"))
        if e.evidence_url:
            p(Text(f"      evidence ({e.stance or 'context'}): {e.evidence_url}"))


def _number(n) -> str:
    if n.value is not None and n.unit:
        return f"{n.text} (= {n.value:g} {n.unit})"
    if n.value is not None:
        return f"{n.text} (= {n.value:g})"
    return n.text


def explain(store, claim_id: int, width: int = 100) -> str:
    """Everything about one stored claim as plain text (no colour), as `verify claims show` prints it.

    Raises :class:`verify.errors.NotFound` for an unknown ID.
    """
    from .store.records import get_claim

    rec = get_claim(store, claim_id)
    buf = io.StringIO()
    render_claim(rec, Console(file=buf, width=width, color_system=None, highlight=False, soft_wrap=True))
    return buf.getvalue()
