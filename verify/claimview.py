"""What the review queue shows of one claim: its sentence inside its paragraph, its sources with their
track record (``verify.track_record``, as `verify sources show` lists it), linked claims, and the
latest event when shown (the review API refuses to act if another came since).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .errors import NotFound, VerifyError
from .models import ClaimRecord, Event, LinkView, SourceView
from .store.records import get_claim
from .store.texts import article_text
from .track_record import TrackRecord, record_of

# the paragraph is cut to about this many characters around the claim, so a claim fits an 80×24 screen
CONTEXT = 360


class Paragraph(BaseModel):
    """The claim's paragraph in three pieces, the claim in the middle; "…" marks a cut."""

    before: str
    claim: str
    after: str


class SourceShown(BaseModel):
    source: SourceView
    record: TrackRecord


class LinkedClaim(BaseModel):
    link: LinkView
    text: str
    status: str


class Seen(BaseModel):
    """The claim as it was shown: its latest event (None: none yet), what an action expects still to be
    the latest (a re-check that changes the status is an event too)."""

    model_config = ConfigDict(frozen=True)

    claim_id: int
    last_event: int | None


class ClaimView(BaseModel):
    record: ClaimRecord
    paragraph: Paragraph
    sources: list[SourceShown]
    relayed_by: list[SourceShown]
    linked: list[LinkedClaim]
    evidence: list[Event]
    seen: Seen


def seen_of(rec: ClaimRecord) -> Seen:
    return Seen(claim_id=rec.id, last_event=max((e.id for e in rec.history), default=None))


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
    """The source's track record as `verify sources show` gives it (empty for a name the registry lost)."""
    try:
        return record_of(store, canonical)
    except NotFound:
        return TrackRecord(source=canonical)


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
            evidence=rec.evidence,
            seen=seen_of(rec),
        )


def require_text(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise VerifyError(f"{what} is empty; nothing was recorded")
    return value
