"""How a claim a person reviewed is shown, beside what the rules say about it.

Every report format and ``verify claims`` go through ``shown_grade``, ``grade_note``, ``review_text`` and
``needs_review_open``.

- **Review reasons.** The rules may ask for a person's review ("needs review: an estimate from an
  unnamed officer"). A status review recorded *after* the check that last changed the claim's
  outcomes (``ClaimRecord.checked_at``) answers it: the reason is shown as "was flagged for review:
  ...; reviewed by ana on 2026-11-27" and no longer counted as needing review. A check that changes
  the claim's outcomes after the review raises it again ("needs review: ... (raised again by a check
  after ana's review on ...)"), since the person has not seen what changed. Only a status review
  counts; a note alone answers nothing.
- **Grade.** The rules grade the claim's source (reliability A-F) and its information (credibility
  1-6). A person's status is a judgement about the information, so where a person has set one of
  the four statuses below, the credibility shown is the one the Admiralty scale gives that judgement,
  and the rules' grade is shown beside it ("C1 (rules: C3)"); the stored rule outcomes are unchanged
  and JSON carries both (``grade`` and ``rule_grade``):

  ============  ===========  ==================================================================
  reviewed as   credibility  why
  ============  ===========  ==================================================================
  confirmed     1            confirmed: by independent sources or evidence
  corroborated  2            probably true: other sources agree; verify keeps "confirmed" for
                             independent evidence, so corroboration stops one step short
  disputed      4            doubtful: contested by another source, not shown false
  refuted       5            improbable: contradicted by other information (the scale's worst
                             judgement of information; 6 means no judgement at all)
  ============  ===========  ==================================================================

  ``unverified`` and ``single-source`` say nothing about truth beyond what the rules already say, so
  the rules' credibility stays. Source reliability is never changed by a review of one claim.
"""

from __future__ import annotations

from ..models import ClaimRecord

REVIEW_CREDIBILITY = {"confirmed": "1", "corroborated": "2", "disputed": "4", "refuted": "5"}


def shown_grade(rec: ClaimRecord) -> str | None:
    """The grade to show: the rules' reliability with the credibility a person's status implies."""
    cred = REVIEW_CREDIBILITY.get(rec.review_status or "")
    if cred is None:
        return rec.grade
    return f"{rec.reliability or 'F'}{cred}"


def grade_note(rec: ClaimRecord) -> str:
    """The shown grade, with the rules' grade beside it where the review changed it: "C1 (rules: C3)"."""
    shown = shown_grade(rec)
    if shown is None:
        return ""
    if rec.grade and rec.grade != shown:
        return f"{shown} (rules: {rec.grade})"
    return shown


def needs_review_open(rec: ClaimRecord) -> bool:
    """The rules ask for a review that no person has given since the check that asked."""
    if not rec.needs_review:
        return False
    rev = rec.reviewed
    if rev is None:
        return rec.review_status is None  # a summary record without history: the status tells
    return rec.checked_at is not None and rev.at < rec.checked_at


def review_text(rec: ClaimRecord) -> str | None:
    """The rules' review reasons as they stand: open, or answered by a person (who and when)."""
    if not rec.needs_review:
        return None
    rev = rec.reviewed
    if not needs_review_open(rec):
        if rev is None:
            return f"was flagged for review: {rec.needs_review}; reviewed"
        return f"was flagged for review: {rec.needs_review}; reviewed by {rev.reviewer} on {rev.at:%Y-%m-%d}"
    if rev is not None:
        return f"needs review: {rec.needs_review} (raised again by a check after {rev.reviewer}'s review on {rev.at:%Y-%m-%d})"
    return f"needs review: {rec.needs_review}"


def reviewed_by(rec: ClaimRecord) -> str:
    """ "reviewed by ana on 2026-11-27", or "" for a claim no person has given a status."""
    rev = rec.reviewed
    if rev is None:
        return "reviewed" if rec.review_status else ""
    return f"reviewed by {rev.reviewer} on {rev.at:%Y-%m-%d}"
