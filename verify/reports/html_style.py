"""How the HTML report looks and what it lets through: colours, the inline style sheet, the status
chart, the page's head and foot, and ``esc``, which every stored string passes through (``html.escape``
with quotes) before it reaches a page."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..models import STATUSES
from ..printable import CONTROL_CHARS, printable
from .common import STATUS_LABELS
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
HTML_CHANGES = re.compile(f"[&<>\"'{CONTROL_CHARS}]")


def esc(value: object) -> str:
    s = value if isinstance(value, str) else str(value)
    if not HTML_CHANGES.search(s):
        return s
    return html.escape(printable(s), quote=True)


def pct(n: int, total: int) -> str:
    return f"{(100 * n / total):.0f}%" if total else "–"


@lru_cache(maxsize=1)
def css() -> str:
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



def page_top(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        # nothing on the page may run or load, whatever a stored string turns out to hold
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{css()}</style></head><body>"
    )



FOOTER = (
    '<footer><p class="meta">Grades follow the Admiralty code: source reliability A (completely reliable) '
    "to F (cannot be judged); information credibility 1 (confirmed) to 6 (cannot be judged). Where a person "
    "reviewed a claim, the credibility follows the review and the rules' grade is shown beside it.</p></footer>"
)

