"""An article's section of the HTML report: its text with each claim highlighted by status, using the
stored spans, each highlight a link (so it takes keyboard focus) to the claim's row in the table below
it, with its status in words for screen readers, not in colour alone."""

from __future__ import annotations

from typing import Any

from ..models import ClaimRecord
from .common import (
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

def highlight(text: str, claims: list[ClaimRecord]) -> str:
    """The article text, escaped, with each claim's span wrapped in a focusable highlight.

    Spans are offsets into the stored text; where two claims overlap, the later one is highlighted
    from where the earlier one ends, so the markup never nests. Spans that do not fit the text are
    left unmarked (the claim is still listed in the table).
    """
    out: list[str] = []
    cursor = 0
    # an article text with nothing to escape has no slice to escape either
    e_text = esc if HTML_CHANGES.search(text) else str
    for rec in sorted(claims, key=lambda r: (r.span[0], r.span[1], r.id)):
        start, end = rec.span
        if start < 0 or end > len(text) or end <= start:
            continue
        start = max(start, cursor)
        if start >= end:
            continue
        out.append(e_text(text[cursor:start]))
        label = STATUS_LABELS.get(rec.status, rec.status)
        out.append(
            f'<a class="claim st-{esc(rec.status)}" id="claim-{rec.id}" href="#row-{rec.id}">'
            f"{e_text(text[start:end])}"
            f'<span class="tip"> (claim {rec.id}: {esc(label)}; source: {esc(sources_text(rec))})</span></a>'
        )
        cursor = end
    out.append(e_text(text[cursor:]))
    return "".join(out)


def _claim_row(rec: ClaimRecord) -> str:
    label = STATUS_LABELS.get(rec.status, rec.status)
    reviewed_note = reviewed_by(rec) if rec.review_status else ""
    review = review_text(rec)
    sources = sources_text(rec)
    grade = grade_note(rec) or "–"
    flags = ", ".join(rec.flags)
    cue = rec.cue.text if rec.cue else ""
    # the usual row holds nothing to escape: checked once for the row, then each string as it is
    e = esc if HTML_CHANGES.search("".join((rec.text, sources, rec.attribution, cue, rec.status, label,
                                             reviewed_note, review or "", grade, flags,
                                             rec.rule_status or ""))) else str
    reviewed = f' <span class="meta">({e(reviewed_note)})</span>' if rec.review_status else ""
    if rec.disagreement:
        reviewed += f' <span class="meta">(the rules now say {e(rec.rule_status)})</span>'
    if review:
        reviewed += f'<br><span class="{"review-open" if needs_review_open(rec) else "meta"}">{e(review)}</span>'
    rules_html = _rules_html(rec.rules) if rec.rules else ""
    return (
        f'<tr id="row-{rec.id}"><th scope="row"><a href="#claim-{rec.id}" aria-label="claim {rec.id} in the text">{rec.id}</a></th>'
        f"<td>{e(rec.text)}</td>"
        f"<td>{e(sources)}</td>"
        f"<td>{e(rec.attribution)}{(' — cue: ' + e(cue)) if rec.cue else ''}</td>"
        f'<td><span class="badge st-{e(rec.status)}">{e(label)}</span>{reviewed}</td>'
        f"<td>{e(grade)}</td>"
        f'<td class="flags">{e(flags)}</td>'
        f"<td>{rules_html}</td></tr>"
    )


def _rules_html(rules: Any) -> str:
    """The list of rules that fired, escaped; made once for each distinct set a view carries (the same
    few recur on claim after claim)."""
    if type(rules) is not tuple:
        return '<ul class="rules">' + "".join(f"<li>{esc(rule_text(h))}</li>" for h in rules) + "</ul>"
    got = _RULES_HTML.get(rules)
    if got is None:
        if len(_RULES_HTML) >= 10_000:
            _RULES_HTML.clear()
        got = _RULES_HTML[rules] = '<ul class="rules">' + "".join(f"<li>{esc(rule_text(h))}</li>" for h in rules) + "</ul>"
    return got


_RULES_HTML: dict[Any, str] = {}


def article_section(report: Report, claims: list[ClaimRecord]) -> str:
    art = report.summary.articles[claims[0].article_id]
    hid = f"article-{art.id}"
    meta = [esc(x) for x in (art.outlet, art.published) if x]
    if art.url and art.url.lower().startswith(("http://", "https://")):
        # only web links become links: a stored "javascript:" URL stays inert text
        meta.append(f'<a href="{esc(art.url)}" rel="noopener noreferrer">{esc(art.url)}</a>')
    elif art.url or art.path:
        meta.append(esc(art.url or art.path))
    parts = [
        f'<section aria-labelledby="{hid}"><h3 id="{hid}">{esc(art.label)}</h3>',
        f'<p class="meta">{" · ".join(meta)}</p>' if meta else "",
        f'<div class="article-text" role="region" aria-label="Text of {esc(art.label)} with claims highlighted">',
        highlight(report.article_text(art.id), claims),
        "</div>",
        f"<table><caption>Claims in {esc(art.label)}</caption><thead><tr>",
        "".join(
            f'<th scope="col">{h}</th>'
            for h in ("ID", "Claim", "Source(s)", "Attribution", "Status", "Grade", "Flags", "Rules that fired")
        ),
        "</tr></thead><tbody>",
        "".join(_claim_row(r) for r in claims),
        "</tbody></table></section>",
    ]
    return "".join(parts)

