"""Stored claims for the records, review and report tests, written straight through the ORM.

Two articles of our own: a plain one about a river crossing, and a hostile one whose every stored
string tries to break out of the format it is rendered in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from verify.store.tables import (
    ArticleRow,
    CheckRunRow,
    ClaimRow,
    ClaimSourceRow,
    NumberRow,
    RuleResultRow,
    SourceRow,
)

RIVER_TEXT = (
    "Crossing Lost on the Lower Dnipro\n\n"
    "Officials in Kyiv said a pontoon bridge near the island had been destroyed on Sunday. "
    '"We struck it twice before dawn," Colonel Ivan Moroz told reporters. '
    "The Russian Defence Ministry denied that any crossing had been lost. "
    "An officer who asked not to be named estimated that 40 vehicles were stranded on the far bank. "
    "The river rose by half a metre overnight.\n"
)

HOSTILE = '<script>alert("x")</script>'
HOSTILE_TEXT = (
    f"Title {HOSTILE} & 'quotes'\n\n"
    f'The <img src=x onerror=alert(1)> group said =HYPERLINK("http://evil.example") was true. '
    "Another line | with a pipe and [bold red]markup[/] and *stars* said nobody.\n"
)


@dataclass
class Src:
    canonical: str
    kind: str = "organisation"
    affiliation: str | None = None
    tags: list[str] = field(default_factory=list)
    reliability: str | None = None


SOURCES = [
    Src("Government of Ukraine", tags=["party-to-conflict", "government"]),
    Src("Armed Forces of Ukraine", affiliation="Government of Ukraine", tags=["military"]),
    Src("Ivan Moroz", kind="person", affiliation="Armed Forces of Ukraine"),
    Src("Government of Russia", tags=["party-to-conflict", "government"]),
    Src("Ministry of Defence of Russia", affiliation="Government of Russia", reliability="D"),
    Src("unnamed officer", kind="anonymous"),
    Src('Evil <b>Org</b> "quoted" =1+1', kind="organisation"),
]


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _claim(s, article: ArticleRow, text: str, needle: str, *, attribution: str, cue: str | None = None,
           sources=(), relays=(), status="unverified", rule_status=None, flags=(), reliability=None,
           credibility=None, numbers=(), needs_review=None, polarity="asserted") -> ClaimRow:
    start, end = _span(text, needle)
    row = ClaimRow(
        article_id=article.id, text=needle, start=start, end=end, attribution=attribution, polarity=polarity,
        status=status, rule_status=rule_status, flags=list(flags), reliability=reliability,
        credibility=credibility, needs_review=needs_review,
    )
    if cue:
        row.cue_text = cue
        row.cue_start, row.cue_end = _span(text, cue)
    ids = {r.canonical: r.id for r in s.scalars(select(SourceRow))}
    for role, names in (("source", sources), ("relay", relays)):
        for name, mention in names:
            ms, me = _span(text, mention) if mention in text else (None, None)
            row.sources.append(ClaimSourceRow(source_id=ids[name], role=role, mention=mention, start=ms, end=me))
    for num, value in numbers:
        ns, ne = _span(text, num)
        row.numbers.append(NumberRow(text=num, start=ns, end=ne, value=value, low=value, high=value))
    s.add(row)
    s.flush()
    return row


def seed(store) -> dict[str, int]:
    """Store both articles with their claims, a check run and its rule results; returns IDs by name."""
    with store.session() as s:
        for src in SOURCES:
            s.add(SourceRow(canonical=src.canonical, kind=src.kind, affiliation=src.affiliation,
                            tags=src.tags, reliability=src.reliability))
        river = ArticleRow(sha256="a" * 64, path="river.txt", title="Crossing Lost on the Lower Dnipro",
                           outlet="Example Wire", url="https://news.example/river", text=RIVER_TEXT)
        hostile = ArticleRow(sha256="b" * 64, path="hostile.txt", title=f"Title {HOSTILE} & 'quotes'",
                             outlet="<b>Outlet</b>\x1b]0;pwned\x07", url="javascript:alert(1)", text=HOSTILE_TEXT)
        s.add_all([river, hostile])
        s.flush()
        ids: dict[str, int] = {"river": river.id, "hostile": hostile.id}
        t = RIVER_TEXT
        ids["bridge"] = _claim(s, river, t, "a pontoon bridge near the island had been destroyed on Sunday",
                               attribution="indirect", cue="said", sources=[("Government of Ukraine", "Officials in Kyiv")],
                               status="single-source", rule_status="single-source", flags=["party-to-conflict"],
                               reliability="C", credibility="3").id
        ids["struck"] = _claim(s, river, t, "We struck it twice before dawn", attribution="direct", cue="told",
                               sources=[("Ivan Moroz", "Colonel Ivan Moroz")], status="single-source",
                               rule_status="single-source").id
        ids["denied"] = _claim(s, river, t, "any crossing had been lost", attribution="indirect", cue="denied",
                               sources=[("Ministry of Defence of Russia", "The Russian Defence Ministry")],
                               status="disputed", rule_status="disputed", flags=["denial"], polarity="denied").id
        ids["vehicles"] = _claim(s, river, t, "40 vehicles were stranded on the far bank", attribution="indirect",
                                 cue="estimated", sources=[("unnamed officer", "An officer who asked not to be named")],
                                 flags=["anonymous-source", "estimate"], numbers=[("40", 40.0)],
                                 reliability="F", credibility="6", needs_review="an estimate from an unnamed officer").id
        ids["river_rose"] = _claim(s, river, t, "The river rose by half a metre overnight.", attribution="unattributed",
                                   flags=["unattributed"]).id
        h = HOSTILE_TEXT
        ids["evil"] = _claim(s, hostile, h, '=HYPERLINK("http://evil.example") was true', attribution="indirect",
                             cue="said", sources=[('Evil <b>Org</b> "quoted" =1+1', "The <img src=x onerror=alert(1)> group")],
                             status="refuted", rule_status="refuted", flags=['<i>flag</i> "q"', "-1+2"]).id
        ids["markup"] = _claim(s, hostile, h, "Another line | with a pipe and [bold red]markup[/] and *stars*",
                               attribution="unattributed", status="confirmed", flags=["[red]x[/red]"]).id
        run = CheckRunRow(rulebook="features/rulebook")
        s.add(run)
        s.flush()
        s.add_all([
            RuleResultRow(claim_id=ids["bridge"], run_id=run.id, rule_file="features/rulebook/parties.feature",
                          rule_line=12, rule_name="A party to the conflict speaking alone", outcome="status",
                          value="single-source", reason="one side only"),
            RuleResultRow(claim_id=ids["bridge"], run_id=run.id, rule_file="features/rulebook/parties.feature",
                          rule_line=13, rule_name="A party to the conflict speaking alone", outcome="flag",
                          value="party-to-conflict"),
            RuleResultRow(claim_id=ids["evil"], run_id=run.id, rule_file="rules/<x>.feature", rule_line=3,
                          rule_name='Evil "<rule>"\x1b[2J', outcome="status", value="refuted"),
        ])
        s.commit()
        return ids
