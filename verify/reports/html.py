"""The report as one self-contained HTML file: inline CSS, inline SVG, no scripts, no external assets.

Each article's text is shown with its claims highlighted by status, using the stored spans; each
highlight is a link (so it takes keyboard focus) to the claim's row in the table below, and carries
its status in words for screen readers, not in colour alone. Every stored string passes through
``esc`` (``html.escape`` with quotes) before it reaches the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from ..models import STATUSES, ClaimRecord
from ..printable import CONTROL_CHARS, printable
from .common import (
    ACROSS_NOTE,
    STATUS_LABELS,
    STATUS_MEANINGS,
    Report,
    grade_note,
    needs_review_open,
    pair_texts,
    plural,
    review_text,
    reviewed_by,
    rule_text,
    sources_text,
    spool,
)
from .summary import Summary

# background / text pairs with a contrast ratio above 4.5:1
COLOURS = {
    "unverified": ("#e8e8e8", "#1a1a1a"),
    "single-source": ("#fff0b3", "#3d3000"),
    "corroborated": ("#cfe8ff", "#002b52"),
    "confirmed": ("#c8f0cf", "#00381a"),
    "disputed": ("#f6d3f2", "#4a0044"),
    "refuted": ("#ffd0cc", "#5c0700"),
}
BAR = {
    "unverified": "#6b6b6b",
    "single-source": "#9a7400",
    "corroborated": "#1f6fbf",
    "confirmed": "#1e7a36",
    "disputed": "#9b2d91",
    "refuted": "#b3261e",
}


# anything esc() would change; most strings hold none of it and are returned as they are
_HTML_CHANGES = re.compile(f"[&<>\"'{CONTROL_CHARS}]")


def esc(value: object) -> str:
    s = value if isinstance(value, str) else str(value)
    if not _HTML_CHANGES.search(s):
        return s
    return html.escape(printable(s), quote=True)


def _pct(n: int, total: int) -> str:
    return f"{(100 * n / total):.0f}%" if total else "–"


@lru_cache(maxsize=1)
def _css() -> str:
    rules = [
        "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fff}",
        "main,header,footer{max-width:72rem;margin:0 auto;padding:0 1rem}",
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}",
        ".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
        "table{border-collapse:collapse;margin:1rem 0;width:100%}",
        "caption{text-align:left;font-weight:600;padding:.25rem 0}",
        "th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}",
        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
        # a stored line or word of any length wraps inside its box instead of widening the page
        "td,h1,h2,h3,p,caption{overflow-wrap:anywhere}",
        ".wide{overflow-x:auto;max-width:100%}",
        ".article-text{white-space:pre-wrap;overflow-wrap:anywhere;border-left:4px solid #ccc;padding:.5rem 1rem;"
        "background:#fafafa;max-width:48rem}",
        "a.claim{position:relative;text-decoration:none;border-bottom:2px solid currentColor;padding:0 .1em}",
        "a.claim:focus,a.claim:hover{outline:3px solid #1a1a1a;outline-offset:1px}",
        # each highlight's claim, status and source: read out always, shown on focus or hover
        ".tip{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
        "a.claim:focus .tip,a.claim:hover .tip{width:max-content;max-width:24rem;height:auto;clip:auto;"
        "white-space:normal;left:0;top:100%;z-index:2;margin-top:.25rem;padding:.25rem .5rem;border-radius:.25rem;"
        "background:#1a1a1a;color:#fff;font-size:.85rem;line-height:1.3}",
        "tr:target{outline:3px solid #1f6fbf}",
        ".badge{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.9em;white-space:nowrap}",
        ".flags{font-family:ui-monospace,monospace;font-size:.85em}",
        ".rules{font-size:.85em;margin:0;padding-left:1rem}",
        ".legend{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}",
        ".meta{color:#444}",
        ".review-open{color:#5c3d00;font-weight:600}",
    ]
    for st, (bg, fg) in COLOURS.items():
        rules.append(f".st-{st}{{background:{bg};color:{fg}}}")
    # patterns as well as colours, so statuses differ for readers who cannot tell the colours apart
    rules.append("a.claim.st-disputed{border-bottom-style:dashed}a.claim.st-refuted{border-bottom-style:double}")
    rules.append("a.claim.st-unverified{border-bottom-style:dotted}")
    # on paper: no skip link or focus tips, the highlights' colours kept, rows not split across pages
    rules.append("@media print{.skip,.tip{display:none}body{font-size:11pt}main,header,footer{max-width:none}"
                 "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}tr{break-inside:avoid}"
                 "a.claim:focus,a.claim:hover{outline:none}}")
    return "".join(rules)


def status_chart(summary: Summary) -> str:
    """A horizontal bar chart of claims by status, as inline SVG with a text alternative."""
    row_h, label_w, bar_w = 26, 130, 360
    height = row_h * len(STATUSES) + 8
    peak = max(summary.by_status.values(), default=0) or 1
    desc = ", ".join(f"{STATUS_LABELS[s]}: {summary.by_status.get(s, 0)}" for s in STATUSES)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" '
        f'width="{label_w + bar_w + 60}" height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">',
        '<title id="chart-title">Claims by status</title>',
        f'<desc id="chart-desc">{esc(desc)}</desc>',
    ]
    for i, st in enumerate(STATUSES):
        n = summary.by_status.get(st, 0)
        y = 4 + i * row_h
        w = round(bar_w * n / peak)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="14" fill="#1a1a1a">{esc(STATUS_LABELS[st])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 8}" fill="{BAR[st]}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 17}" font-size="14" fill="#1a1a1a">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, claims: list[ClaimRecord]) -> str:
    """The article text, escaped, with each claim's span wrapped in a focusable highlight.

    Spans are offsets into the stored text; where two claims overlap, the later one is highlighted
    from where the earlier one ends, so the markup never nests. Spans that do not fit the text are
    left unmarked (the claim is still listed in the table).
    """
    out: list[str] = []
    cursor = 0
    # an article text with nothing to escape has no slice to escape either
    e_text = esc if _HTML_CHANGES.search(text) else str
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
    rules = [rule_text(h) for h in rec.rules]
    sources = sources_text(rec)
    grade = grade_note(rec) or "–"
    flags = ", ".join(rec.flags)
    cue = rec.cue.text if rec.cue else ""
    # the usual row holds nothing to escape: checked once for the row, then each string as it is
    e = esc if _HTML_CHANGES.search("".join((rec.text, sources, rec.attribution, cue, rec.status, label,
                                             reviewed_note, review or "", grade, flags, *rules,
                                             rec.rule_status or ""))) else str
    reviewed = f' <span class="meta">({e(reviewed_note)})</span>' if rec.review_status else ""
    if rec.disagreement:
        reviewed += f' <span class="meta">(the rules now say {e(rec.rule_status)})</span>'
    if review:
        reviewed += f'<br><span class="{"review-open" if needs_review_open(rec) else "meta"}">{e(review)}</span>'
    rules_html = ""
    if rules:
        rules_html = '<ul class="rules">' + "".join(f"<li>{e(r)}</li>" for r in rules) + "</ul>"
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


def _article(report: Report, claims: list[ClaimRecord]) -> str:
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


# a report of more claims than this is not one page: an index and a page per article (``Pages``),
# or, where there is only one file to write, the first articles up to this many claims
PAGE_CLAIMS = 2_000


@dataclass(frozen=True)
class Pages:
    """Where a large report's article pages go: the directory written to, its name as the index links
    to it (the index and the directory sit side by side), and the index's file name (for the way back)."""

    dir: Path
    link: str
    index: str


@dataclass
class _Placed:
    """An article's section as it lies in the spool: where it starts, how long it is, its claims."""

    id: int
    at: int
    chars: int
    claims: int


def write(report: Report, out: TextIO, pages: Pages | None = None) -> None:
    """The report as one page; a large one (over ``PAGE_CLAIMS`` claims) as an index page that links
    to a page per article in ``pages.dir``, or without ``pages``, the first articles and a note.

    The article sections are written to a spool as the claims stream past, each one's place noted,
    and copied from it in pieces: memory holds one article's claims at a time, whatever the size.
    """
    with spool() as body:
        placed = _write_articles(report, body, pages)
        _write_head(report, out)
        _write_across(report, out)
        total = report.summary.claims
        _open_articles(out)
        if total <= PAGE_CLAIMS:
            _copy(body, out, placed)
        elif pages is not None:
            _write_index(report, out, placed, pages)  # (the pages are written)
        else:
            shown: list[_Placed] = []
            for p in placed:
                if shown and sum(x.claims for x in shown) + p.claims > PAGE_CLAIMS:
                    break
                shown.append(p)
            n = sum(x.claims for x in shown)
            out.write(f'<p class="review-open">This page shows the first {plural(len(shown), "article")} ({n:,} of '
                      f"{total:,} claims); the summary above and the sources below count them all. Written to a "
                      "file (<code>--output report.html</code>), the report has a page for every article.</p>")
            _copy(body, out, shown)
        if not placed:
            out.write("<p>No claims match.</p>")
        out.write("</section>")
    _write_sources(report, out)


def _open_articles(out: TextIO) -> None:
    out.write('<section aria-labelledby="articles-h"><h2 id="articles-h" tabindex="-1">Articles</h2>')
    out.write('<ul class="legend" aria-label="Highlight colours">')
    for st in STATUSES:
        out.write(f'<li><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></li>')
    out.write("</ul>")


def _copy(body: TextIO, out: TextIO, placed: list[_Placed]) -> None:
    for p in placed:
        body.seek(p.at)
        left = p.chars
        while left:
            chunk = body.read(min(left, 1 << 20))
            if not chunk:
                break
            out.write(chunk)
            left -= len(chunk)
    body.seek(0, 2)


def _page_name(article_id: int) -> str:
    return f"article-{article_id}.html"


def _write_index(report: Report, out: TextIO, placed: list[_Placed], pages: Pages) -> None:
    """The articles as a table of links to their pages, with how their claims stand."""
    s = report.summary
    out.write(f"<p>{s.claims:,} claims are too many for one page: each article has its own page, "
              "with its text, its claims highlighted and its table of claims.</p>")
    out.write('<div class="wide" role="region" tabindex="0" aria-label="Articles (scrolls sideways)">')
    out.write('<table><caption>Articles, with how their claims stand</caption><thead><tr><th scope="col">Article</th>'
              '<th scope="col">Outlet</th><th scope="col" class="n">Claims</th>')
    for st in STATUSES:
        out.write(f'<th scope="col" class="n">{esc(STATUS_LABELS[st])}</th>')
    out.write("</tr></thead><tbody>")
    for p in placed:
        art = s.articles[p.id]
        href = esc(quote(pages.link) + "/" + _page_name(art.id))
        out.write(f'<tr><th scope="row"><a href="{href}">{esc(art.label)}</a></th><td>{esc(art.outlet or "")}</td>'
                  f'<td class="n">{art.claims}</td>'
                  + "".join(f'<td class="n">{art.by_status.get(st, 0)}</td>' for st in STATUSES) + "</tr>")
    out.write("</tbody></table></div>")


def _write_page(report: Report, body: TextIO, p: _Placed, pages: Pages, section: str | None = None) -> None:
    art = report.summary.articles[p.id]
    with open(pages.dir / _page_name(art.id), "w", encoding="utf-8", newline="") as f:
        f.write(_page_top(f"verify report: {art.label}"))
        f.write(f'<header><p><a href="../{esc(quote(pages.index))}">Back to the report</a></p>'
                f"<h1>{esc(art.label)}</h1></header><main>")
        f.write('<ul class="legend" aria-label="Highlight colours">')
        for st in STATUSES:
            f.write(f'<li><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></li>')
        f.write("</ul>")
        if section is None:
            _copy(body, f, [p])
        else:
            f.write(section)
        f.write("</main>" + _FOOTER + "</body></html>\n")


def _page_top(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        # nothing on the page may run or load, whatever a stored string turns out to hold
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_css()}</style></head><body>"
    )


def _write_head(report: Report, out: TextIO) -> None:
    s = report.summary
    title = "verify report"
    out.write(
        _page_top(title) +
        '<a class="skip" href="#articles-h">Skip to the articles</a>'
        f"<header><h1>{esc(title)}</h1>"
        f'<p class="meta">{plural(s.claims, "claim")} in {plural(len(s.articles), "article")} · generated '
        f'<time datetime="{esc(report.generated_at.isoformat())}">{esc(report.generated_at.isoformat())}</time>'
    )
    filters = ", ".join(f"{esc(k)}={esc(v)}" for k, v in report.filters().items() if v is not None)
    if filters:
        out.write(f" · filters: {filters}")
    out.write("</p></header><main>")

    out.write('<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>')
    out.write(status_chart(s))
    out.write('<table><caption>Claims by status</caption><thead><tr><th scope="col">Status</th>'
              '<th scope="col">Meaning</th><th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for st in STATUSES:
        n = s.by_status.get(st, 0)
        out.write(
            f'<tr><th scope="row"><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></th>'
            f"<td>{esc(STATUS_MEANINGS[st])}</td><td class=\"n\">{n}</td><td class=\"n\">{_pct(n, s.claims)}</td></tr>"
        )
    out.write("</tbody></table>")
    out.write('<table><caption>What the claims rest on</caption><thead><tr><th scope="col">Resting on</th>'
              '<th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for label, n in (
        ("one party to the conflict", s.one_party),
        ("anonymous or vague sources", s.anonymous_or_vague),
        ("nobody (unattributed)", s.nobody),
    ):
        out.write(f'<tr><th scope="row">{label}</th><td class="n">{n}</td><td class="n">{_pct(n, s.claims)}</td></tr>')
    out.write("</tbody></table>")
    out.write('<table><caption>Claims by attribution kind</caption><thead><tr><th scope="col">Attribution</th>'
              '<th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for kind, n in s.by_attribution.items():
        out.write(f'<tr><th scope="row">{esc(kind)}</th><td class="n">{n}</td><td class="n">{_pct(n, s.claims)}</td></tr>')
    out.write("</tbody></table></section>")


def _write_across(report: Report, out: TextIO) -> None:
    pairs = report.across()
    out.write('<section aria-labelledby="across-h"><h2 id="across-h">Across articles</h2>')
    if not pairs:
        out.write("<p>No claim is matched to a claim of another article.</p></section>")
        return
    out.write(f"<p>{esc(ACROSS_NOTE)}</p>")
    out.write('<table><caption>Claims matched across articles</caption><thead><tr><th scope="col">Claim A</th>'
              '<th scope="col">Claim B</th><th scope="col">Match</th><th scope="col">Drift</th></tr></thead><tbody>')
    for p in pairs:
        a, b, how, drift = pair_texts(p)
        out.write(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td><td>{esc(how)}</td><td>{esc(drift)}</td></tr>")
    out.write("</tbody></table></section>")


def _write_articles(report: Report, out: TextIO, pages: Pages | None = None) -> list[_Placed]:
    """Each article's section, written to ``out`` as its claims stream past; where each one lies.

    With ``pages``, once the claims outnumber a page, the sections so far are copied to their own
    pages and the rest are written straight to theirs (not to ``out``).
    """
    placed: list[_Placed] = []
    claims = 0

    def put(batch: list[ClaimRecord]) -> None:
        nonlocal claims
        section = _article(report, batch)
        claims += len(batch)
        if claims > PAGE_CLAIMS and pages is not None:
            if placed and placed[-1].at >= 0:  # the first article past the limit: earlier ones to their pages
                for p in placed:
                    _write_page(report, out, p, pages)
            placed.append(_Placed(batch[0].article_id, -1, len(section), len(batch)))
            _write_page(report, out, placed[-1], pages, section)
            return
        placed.append(_Placed(batch[0].article_id, out.tell(), len(section), len(batch)))
        out.write(section)

    current: int | None = None
    batch: list[ClaimRecord] = []
    for rec in report.walk():
        if rec.article_id != current and batch:
            put(batch)
            batch = []
        current = rec.article_id
        batch.append(rec)
    if batch:
        put(batch)
    return placed


def _write_sources(report: Report, out: TextIO) -> None:
    s = report.summary
    out.write('<section aria-labelledby="sources-h"><h2 id="sources-h">Sources and their record</h2>')
    # one column per status makes this table wider than a narrow window: it scrolls in its own box
    out.write('<div class="wide" role="region" tabindex="0" aria-label="Sources (scrolls sideways)">')
    out.write('<table><caption>Sources, with how their claims stand</caption><thead><tr>'
              '<th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Affiliation</th>'
              '<th scope="col">Tags</th><th scope="col" class="n">Claims</th><th scope="col" class="n">Relayed</th>')
    for st in STATUSES:
        out.write(f'<th scope="col" class="n">{esc(STATUS_LABELS[st])}</th>')
    out.write("</tr></thead><tbody>")
    for src in s.sources_by_claims():
        out.write(
            f'<tr><th scope="row">{esc(src.canonical)}</th><td>{esc(src.kind)}</td><td>{esc(src.affiliation or "")}</td>'
            f'<td>{esc(", ".join(src.tags))}</td><td class="n">{src.claims}</td><td class="n">{src.relayed}</td>'
            + "".join(f'<td class="n">{src.by_status.get(st, 0)}</td>' for st in STATUSES)
            + "</tr>"
        )
    out.write("</tbody></table></div></section>")
    out.write("</main>")
    out.write(_FOOTER)
    out.write("</body></html>\n")


_FOOTER = (
    '<footer><p class="meta">Grades follow the Admiralty code: source reliability A (completely reliable) '
    "to F (cannot be judged); information credibility 1 (confirmed) to 6 (cannot be judged). Where a person "
    "reviewed a claim, the credibility follows the review and the rules' grade is shown beside it.</p></footer>"
)
