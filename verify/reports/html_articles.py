"""An article's section of the HTML report: its text with each claim highlighted by status, using the
stored spans, each highlight a link (so it takes keyboard focus) to the claim's row in the table below
it, with its status in words for screen readers, not in colour alone."""

from __future__ import annotations

from typing import Any

from ..models import ClaimRecord
from ..store.views import ClaimView
from .common import (
    DENIED_MARK,
    Memo,
    STATUS_LABELS,
    Report,
    grade_note,
    needs_review_open,
    review_text,
    reviewed_by,
    rule_text,
    sources_text,
)
from .html_style import HTML_CHANGES, esc



_ESC = Memo(esc)
# a denial: marked beside the attribution in the table, and said in the highlight's tip
_DENIED_CELL = f", <strong>{esc(DENIED_MARK)}</strong>"
_DENIED_TIP = "; " + esc(DENIED_MARK)


def highlight(text: str, claims: list[ClaimRecord], sources: list[str] | None = None) -> str:
    """The article text, escaped, with each claim's span wrapped in a focusable highlight
    (``sources``: each claim's ``sources_text``, where the caller has them).

    Spans are offsets into the stored text; where two claims overlap, the later one is highlighted
    from where the earlier one ends, so the markup never nests. Spans that do not fit the text are
    left unmarked (the claim is still listed in the table).
    """
    out: list[str] = []
    cursor = 0
    # an article text with nothing to escape has no slice to escape either
    e_text = esc if HTML_CHANGES.search(text) else str
    shown = sources if sources is not None else [sources_text(r) for r in claims]
    for rec, source in sorted(zip(claims, shown), key=lambda p: (p[0].span[0], p[0].span[1], p[0].id)):
        start, end = rec.span
        if start < 0 or end > len(text) or end <= start:
            continue
        start = max(start, cursor)
        if start >= end:
            continue
        out.append(e_text(text[cursor:start]))
        rid = rec.id
        out.append(
            f'<a class="claim st-{_ESC[rec.status]}" id="claim-{rid}" href="#row-{rid}">{e_text(text[start:end])}'
            f'<span class="tip"> (claim {rid}: {_ESC[STATUS_LABELS.get(rec.status, rec.status)]}; source: '
            f"{_ESC[source]}{_DENIED_TIP if rec.polarity == 'denied' else ''})</span></a>"
        )
        cursor = end
    out.append(e_text(text[cursor:]))
    return "".join(out)


def _claim_row(rec: ClaimRecord, sources: str) -> str:
    rid = rec.id
    cue = rec.cue
    flags = rec.flags
    if rec.history:
        verdict = _verdict(rec)
    else:
        # without a history, the status and grade cells follow from these six alone
        verdict = _VERDICTS[(rec.status, rec.review_status, rec.rule_status, rec.reliability, rec.credibility,
                             rec.needs_review)]
    return (
        f'<tr id="row-{rid}"><th scope="row"><a href="#claim-{rid}" aria-label="claim {rid} in the text">{rid}</a></th>'
        f"<td>{esc(rec.text)}</td>"
        f"<td>{_ESC[sources]}</td>"
        f"<td>{_ESC[rec.attribution]}{_DENIED_CELL if rec.polarity == 'denied' else ''}"
        f"{(' — cue: ' + _ESC[cue.text]) if cue else ''}</td>"
        f"{verdict}"
        f'<td class="flags">{_FLAGS[flags] if type(flags) is tuple else esc(", ".join(flags))}</td>'
        f"<td>{_rules_html(rec.rules) if rec.rules else ''}</td></tr>"
    )


def _verdict(rec: ClaimRecord | ClaimView) -> str:
    """The claim's status cell (with its review, any disagreement and review reason) and grade cell."""
    reviewed = f' <span class="meta">({esc(reviewed_by(rec))})</span>' if rec.review_status else ""
    if rec.disagreement:
        reviewed += f' <span class="meta">(the rules now say {esc(rec.rule_status)})</span>'
    review = review_text(rec)
    if review:
        reviewed += f'<br><span class="{"review-open" if needs_review_open(rec) else "meta"}">{esc(review)}</span>'
    return (f'<td><span class="badge st-{esc(rec.status)}">{esc(STATUS_LABELS.get(rec.status, rec.status))}</span>'
            f"{reviewed}</td><td>{esc(grade_note(rec) or '–')}</td>")


def _no_history(key: tuple[Any, ...]) -> str:
    status, review_status, rule_status, reliability, credibility, needs_review = key
    return _verdict(ClaimView(*([None] * len(ClaimView._fields)))._replace(
        status=status, review_status=review_status, rule_status=rule_status, reliability=reliability,
        credibility=credibility, needs_review=needs_review, history=()))


_VERDICTS = Memo(_no_history)
_FLAGS = Memo(lambda flags: esc(", ".join(flags)))


def _rules_html(rules: Any) -> str:
    """The list of rules that fired, escaped; made once for each distinct set a view carries (the same
    few recur on claim after claim)."""
    if type(rules) is not tuple:
        return '<ul class="rules">' + "".join(f"<li>{esc(rule_text(h))}</li>" for h in rules) + "</ul>"
    return _RULES_HTML[rules]


_RULES_HTML = Memo(lambda rules: '<ul class="rules">' + "".join(f"<li>{esc(rule_text(h))}</li>" for h in rules)
                    + "</ul>")


def article_section(report: Report, claims: list[ClaimRecord], text: str) -> str:
    """An article's section: its text (``text``) with the claims highlighted, then their table."""
    art = report.summary.articles[claims[0].article_id]
    hid = f"article-{art.id}"
    meta = [esc(x) for x in (art.outlet, art.published) if x]
    if art.url and art.url.lower().startswith(("http://", "https://")):
        # only web links become links: a stored "javascript:" URL stays inert text
        meta.append(f'<a href="{esc(art.url)}" rel="noopener noreferrer">{esc(art.url)}</a>')
    elif art.url or art.path:
        meta.append(esc(art.url or art.path))
    # each claim's sources, worked out once for both its highlight and its row
    shown = [sources_text(r) for r in claims]
    parts = [
        f'<section aria-labelledby="{hid}"><h3 id="{hid}">{esc(art.label)}</h3>',
        f'<p class="meta">{" · ".join(meta)}</p>' if meta else "",
        f'<div class="article-text" role="region" aria-label="Text of {esc(art.label)} with claims highlighted">',
        highlight(text, claims, shown),
        "</div>",
        f"<table><caption>Claims in {esc(art.label)}</caption><thead><tr>",
        "".join(
            f'<th scope="col">{h}</th>'
            for h in ("ID", "Claim", "Source(s)", "Attribution", "Status", "Grade", "Flags", "Rules that fired")
        ),
        "</tr></thead><tbody>",
        "".join([_claim_row(r, s) for r, s in zip(claims, shown)]),
        "</tbody></table></section>",
    ]
    return "".join(parts)
