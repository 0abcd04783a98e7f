"""What the review queue shows of one claim: its sentence inside its paragraph, its sources with their
track record, linked claims, and what it looked like when shown (to tell later whether someone else
changed it since).
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict, Field

from .errors import Conflict, NotFound, VerifyError
from .models import ClaimRecord, Event, LinkView, SourceView
from .store.records import get_claim, list_claims
from .store.texts import article_text

# the paragraph is cut to about this many characters around the claim, so a claim fits an 80×24 screen
CONTEXT = 360
# what a track record counts as settled; any other status is still open
OUTCOMES = ("confirmed", "corroborated", "disputed", "refuted")


class Paragraph(BaseModel):
    """The claim's paragraph in three pieces, the claim in the middle; "…" marks a cut."""

    before: str
    claim: str
    after: str


class TrackRecord(BaseModel):
    """A source's stored claims by outcome: confirmed, corroborated, disputed, refuted, still open."""

    claims: int = 0
    outcomes: dict[str, int] = Field(default_factory=dict)

    def text(self) -> str:
        if not self.claims:
            return "no claims stored"
        parts = [f"{self.outcomes[o]} {o}" for o in (*OUTCOMES, "open") if self.outcomes.get(o)]
        return f"{self.claims} claim{'s' if self.claims != 1 else ''}: " + ", ".join(parts)


class SourceShown(BaseModel):
    source: SourceView
    record: TrackRecord


class LinkedClaim(BaseModel):
    link: LinkView
    text: str
    status: str


class Seen(BaseModel):
    """The claim as it was shown: its latest event and status, to compare with when acting on it."""

    model_config = ConfigDict(frozen=True)

    claim_id: int
    last_event: int | None
    status: str


class ClaimView(BaseModel):
    record: ClaimRecord
    paragraph: Paragraph
    sources: list[SourceShown]
    relayed_by: list[SourceShown]
    linked: list[LinkedClaim]
    evidence: list[Event]
    seen: Seen


def seen_of(rec: ClaimRecord) -> Seen:
    return Seen(claim_id=rec.id, last_event=max((e.id for e in rec.history), default=None), status=rec.status)


def paragraph(text: str, span: tuple[int, int], context: int = CONTEXT) -> Paragraph:
    """The paragraph (line) of ``text`` holding ``span``, cut at word boundaries to about ``context``
    characters around the claim."""
    start, end = span
    if not (0 <= start <= end <= len(text)):
        return Paragraph(before="", claim=text[start:end] if text else "", after="")
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    before, after = text[p_start:start], text[end:p_end]
    room = max(0, context - (end - start))
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = room - keep_before
    if len(before) > keep_before:
        cut = before[len(before) - keep_before:]
        before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut)
    if len(after) > keep_after:
        cut = after[:keep_after]
        after = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    return Paragraph(before=before.lstrip(), claim=text[start:end], after=after.rstrip())


def track_record(store, canonical: str) -> TrackRecord:
    """How the stored claims of one source (made or relayed) stand."""
    counts: Counter[str] = Counter()
    try:
        for rec in list_claims(store, source=canonical, full=False):
            counts[rec.status if rec.status in OUTCOMES else "open"] += 1
    except NotFound:
        pass
    return TrackRecord(claims=sum(counts.values()), outcomes=dict(counts))


class Viewer:
    """Builds claim views, keeping source track records and article texts for the session."""

    def __init__(self, store) -> None:
        self.store = store
        self._records: dict[str, TrackRecord] = {}
        self._texts: dict[int, str] = {}

    def forget_records(self) -> None:
        """After a review: track records count statuses, so read them again."""
        self._records.clear()

    def record(self, canonical: str) -> TrackRecord:
        if canonical not in self._records:
            self._records[canonical] = track_record(self.store, canonical)
        return self._records[canonical]

    def view(self, claim_id: int) -> ClaimView:
        rec = get_claim(self.store, claim_id)
        if rec.article_id not in self._texts:
            self._texts[rec.article_id] = article_text(self.store, rec.article_id)
        linked = []
        for ln in rec.links:
            try:
                other = get_claim(self.store, ln.other)
                linked.append(LinkedClaim(link=ln, text=other.text, status=other.status))
            except NotFound:
                continue
        para = paragraph(self._texts[rec.article_id], rec.span)
        if para.claim != rec.text and not para.claim.strip():
            para = Paragraph(before="", claim=rec.text, after="")  # no stored text to show it in
        return ClaimView(
            record=rec,
            paragraph=para,
            sources=[SourceShown(source=s, record=self.record(s.canonical)) for s in rec.sources],
            relayed_by=[SourceShown(source=s, record=self.record(s.canonical)) for s in rec.relayed_by],
            linked=linked,
            evidence=[e for e in rec.history if e.evidence_url],
            seen=seen_of(rec),
        )


def change_since(store, seen: Seen) -> str | None:
    """What changed on the claim since it was shown, in words naming who did it, or None.

    The one place the queue asks whether acting now would overwrite someone; the review API's own
    expected-last-event check can take its place.
    """
    now = get_claim(store, seen.claim_id)
    later = [e for e in now.history if seen.last_event is None or e.id > seen.last_event]
    if later:
        e = later[-1]
        if e.action == "status":
            what = f"set it to {e.to_status}"
        elif e.action == "undo":
            what = f"undid a review, leaving it {e.to_status}" if e.to_status else "withdrew a note"
        elif e.action in ("link", "unlink"):
            what = "linked it" if e.action == "link" else "withdrew a link"
        else:
            what = "attached evidence" if e.evidence_url else f"added a {e.action}"
        told = f"{e.reviewer} {what} (event {e.id}, {e.at:%Y-%m-%d %H:%M} UTC)"
        if e.note:
            told += f": {e.note}"
        return told
    if now.status != seen.status:
        return f"a re-check changed its status from {seen.status} to {now.status}"
    return None


def check_unchanged(store, seen: Seen) -> None:
    """``Conflict`` naming who changed the claim and to what, if anyone did since it was shown."""
    told = change_since(store, seen)
    if told:
        raise Conflict(f"claim {seen.claim_id} changed since it was shown: {told}")


def require_text(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise VerifyError(f"{what} is empty; nothing was recorded")
    return value
