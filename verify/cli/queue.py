"""`verify review` with no claim ID: the review queue in the terminal, one key per action.

The queue's logic is ``verify.queue``; this module draws a claim with rich and reads keys and lines
with prompt_toolkit (raw single keys, and line editing for notes). The screen is redrawn whole after
each key and fits any terminal from 80×24 up: what does not fit scrolls.
"""

from __future__ import annotations

import io
import os
import select
import shutil
import sys

from prompt_toolkit import PromptSession
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_input
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..claimview import ClaimView, SourceShown
from ..errors import Conflict, VerifyError
from ..printable import printable
from ..api import review_queue
from ..models import VERDICTS
from ..queue import ReviewQueue
from ..reports.common import DENIED_LINE, DENIED_MARK
from ..reports.reviewed import grade_note, review_text
from ..reports.table import status_text
from ..reviews import check_stance, evidence_ref
from .common import out

STATUS_KEYS = {"c": "confirmed", "r": "refuted", "d": "disputed", "o": "corroborated", "s": "single-source",
               "u": "unverified"}
# what a piece of evidence says of the claim, by its first letter
_STANCE_KEYS = {"s": "supports", "r": "refutes", "c": "context"}
KEYS = [
    ("c r d", "confirmed, refuted, disputed (each asks for a note saying why)"),
    ("o s u", "corroborated, single-source, unverified"),
    ("n", "add a note"),
    ("e", "attach evidence: a web address or a file, with a note and whether it supports or refutes the claim"),
    ("l", "link to another claim (corroborates or contradicts)"),
    ("space →", "skip: next claim (skipped claims come back at the end)"),
    ("b ←", "back to the previous claim"),
    ("z", "undo your last action (recorded as a new event)"),
    ("↑ ↓ PgUp PgDn", "scroll the claim"),
    ("q", "quit; `verify review` continues here next time"),
    ("?", "these keys"),
]
FOOTER = "crdosu status  n note  e evidence  l link  ␣ skip  b back  z undo  q quit  ?"
SHORT_FOOTER = "crdosu status n note e evid. l link ␣ skip b back z undo q quit ? keys"


def _t(value: object, style: str = "") -> Text:
    # every stored string is shown as plain text with control characters replaced
    return Text(printable(value), style=style)


def claim_lines(view: ClaimView, queue: ReviewQueue) -> list[Text]:
    """The claim as lines of rich text, most needed first."""
    rec = view.record
    lines: list[Text] = []
    para = Text("“", style="dim")
    para.append(printable(view.paragraph.before))
    para.append(printable(view.paragraph.claim), style="bold reverse")
    para.append(printable(view.paragraph.after))
    para.append("”", style="dim")
    lines.append(para)
    art = _t(f"Article {rec.article_id}: {rec.article_title or rec.article_path or '(untitled)'}")
    if rec.outlet:
        art.append(printable(f" ({rec.outlet})"))
    if rec.article_title and rec.article_path:
        art.append(printable(f"  {rec.article_path}"), style="dim")
    lines.append(art)
    urgent = queue.urgencies.get(rec.id)
    if urgent and urgent.reasons:
        lines.append(_t(f"Why now: {', '.join(urgent.reasons)} (score {urgent.score})", "yellow"))
    status = Text("Status: ")
    status.append_text(status_text(rec.status))
    status.append(printable(f"  grade {grade_note(rec) or '-'}  (rules: {rec.rule_status or 'not checked'})"), style="dim")
    lines.append(status)
    attribution = f"Attribution: {rec.attribution}" + (f", cue “{rec.cue.text}”" if rec.cue else "")
    lines.append(_t(attribution + (f"  ·  flags: {', '.join(rec.flags)}" if rec.flags else "")))
    if rec.polarity == "denied":
        lines.append(_t(DENIED_LINE, "bold"))
    if review_text(rec):
        lines.append(_t(review_text(rec)[0].upper() + review_text(rec)[1:], "yellow"))
    lines.append(_t("Sources:" if view.sources else "Sources: none (the outlet's own assertion)"
                    if rec.attribution == "unattributed" else "Sources: none found"))
    for shown in view.sources:
        lines.extend(_source(shown))
    if view.relayed_by:
        lines.append(_t("Relayed by:"))
        for shown in view.relayed_by:
            lines.extend(_source(shown))
    lines.append(_t("Rules that fired:" if rec.rules else "Rules that fired: none (run `verify check`)"))
    previous = None
    for h in rec.rules:
        if h.rule != previous:
            lines.append(_t(f"  {h.rule}"))
            previous = h.rule
        did = _t(f"      {h.outcome} {h.value}", "" if h.applied else "dim")
        if not h.applied:
            did.append(" (not applied)", style="dim")
        if h.reason:
            did.append(printable(f" — {h.reason}"), style="dim")
        lines.append(did)
    lines.append(_t("Reviews:" if rec.history else "Reviews: none"))
    for e in rec.history:
        what = f"{e.from_status or '-'} → {e.to_status}" if e.to_status else e.action
        lines.append(_t(f"  {e.at:%Y-%m-%d %H:%M} {e.reviewer}: {e.action} {what if e.to_status else ''}".rstrip()))
        if e.note:
            lines.append(_t(f"      note: {e.note}", "dim"))
    lines.append(_t("Evidence:" if view.evidence else "Evidence: none"))
    for e in view.evidence:
        lines.append(_t(f"  {e.stance or 'context'}  {e.evidence_url}  ({e.reviewer}, event {e.id})"))
    lines.append(_t("Linked claims:" if view.linked else "Linked claims: none"))
    for ln in view.linked:
        lines.append(_t(f"  {ln.link.relation} claim {ln.link.other} ({ln.status}): {ln.text}"))
    for m in rec.matches:
        denied = f", {DENIED_MARK}" if m.other_polarity == "denied" else ""
        lines.append(_t(f"  in article {m.other_article}: claim {m.other} ({m.score:.2f}, {m.state}{denied}): {m.other_text}",
                        "dim"))
    return lines


def _source(shown: SourceShown) -> list[Text]:
    s = shown.source
    line = _t(f"  {s.canonical} ({s.kind})")
    if s.affiliation:
        line.append(printable(f", {s.affiliation}"))
    if s.reliability:
        line.append(printable(f", reliability {s.reliability}"))
    return [line, _t(f"      track record: {shown.record.summary()}", "dim")]


class Terminal:
    """Drawing whole screens and reading single keys and lines, on the process's terminal."""

    def __init__(self) -> None:
        self.input = create_input(sys.stdin)
        # keys typed ahead of the screen (quick typing, a paste): each is still acted on, in order
        self.pending: list[str] = []
        color = out.color_system if out.color_system else None
        self.color = None if os.environ.get("NO_COLOR") else (color or "standard")

    @property
    def size(self) -> os.terminal_size:
        return shutil.get_terminal_size((80, 24))

    def render(self, lines: list[Text], width: int) -> list[str]:
        buf = io.StringIO()
        console = Console(file=buf, width=width, force_terminal=True, color_system=self.color, highlight=False,
                          legacy_windows=False)
        for line in lines:
            # an indented line keeps its indent when it wraps
            indent = len(line.plain) - len(line.plain.lstrip(" "))
            console.print(Padding(line[indent:], (0, 0, 0, indent)) if indent else line, overflow="fold")
        return buf.getvalue().rstrip("\n").split("\n")

    def draw(self, rows: list[str]) -> None:
        sys.stdout.write("\x1b[H\x1b[2J" + "\r\n".join(rows))
        sys.stdout.flush()

    def key(self) -> str:
        """One key press: a character, or a prompt_toolkit key name ("up", "c-c", "c-m" for Enter, ...)."""
        with self.input.raw_mode():
            while not self.pending:
                select.select([self.input.fileno()], [], [])
                keys = self.input.read_keys()
                if not keys:
                    # a lone escape, or a sequence cut short: wait briefly for the rest
                    if not select.select([self.input.fileno()], [], [], 0.05)[0]:
                        keys = self.input.flush_keys()
                self.pending.extend(k.key.value if isinstance(k.key, Keys) else k.key
                                    for k in keys if k.key != Keys.CPRResponse)
        return self.pending.pop(0)

    def _typed_ahead(self) -> tuple[str, bool]:
        """Characters typed ahead of a line prompt, up to Enter; and whether Enter came."""
        text = []
        while self.pending:
            k = self.pending.pop(0)
            if k == "c-m":
                return "".join(text), True
            if len(k) == 1:
                text.append(k)
        return "".join(text), False

    def line(self, message: str, default: str = "") -> str | None:
        """A line typed at the bottom of the screen; None when cancelled (Escape or Ctrl-C)."""
        ahead, entered = self._typed_ahead()
        if entered:
            return default + ahead
        default += ahead
        cols, rows = self.size
        sys.stdout.write(f"\x1b[{rows};1H\x1b[2K")
        sys.stdout.flush()
        kb = KeyBindings()

        @kb.add("escape", eager=True)
        @kb.add("c-c")
        def _cancel(event) -> None:
            event.app.exit(result=None)

        output = Vt100_Output(sys.stdout, lambda: Size(rows=self.size.lines, columns=self.size.columns),
                              term=os.environ.get("TERM"), enable_cpr=False)
        session: PromptSession = PromptSession(output=output, key_bindings=kb, erase_when_done=True)
        try:
            return session.prompt(message, default=default)
        except EOFError:
            return None


class QueueScreen:
    def __init__(self, queue: ReviewQueue, term: Terminal) -> None:
        self.q = queue
        self.term = term
        self.scroll = 0
        self.message: Text = Text("")
        self.draft = ""  # a note typed for an action that met a conflict, offered again

    def say(self, text: str, style: str = "") -> None:
        self.message = _t(text, style)

    def header(self, cols: int) -> Text:
        cid = self.q.claim_id
        h = Text(printable(f" Queue {self.q.pos + 1}/{len(self.q)} · claim {cid} · {self.q.reviewer}"), style="bold reverse")
        if self.q.skipped(cid):
            h.append(" · skipped before", style="bold reverse")
        h.append(" " * max(0, cols - len(h.plain)), style="reverse")
        h.truncate(cols)
        return h

    def draw(self, body: list[Text] | None = None) -> None:
        cols, rows = self.term.size
        lines = self.term.render(body if body is not None else claim_lines(self.q.view, self.q), cols)
        said = self.term.render([self.message], cols)[:3] if self.message.plain else []
        height = max(1, rows - 2 - max(1, len(said)))
        self.scroll = max(0, min(self.scroll, len(lines) - height))
        shown = lines[self.scroll:self.scroll + height]
        shown += [""] * (height - len(shown))
        below = len(lines) - self.scroll - height
        if not said:
            more = f"↓ {below} more line{'s' if below != 1 else ''} (↓ PgDn to scroll)" if below > 0 else ""
            said = self.term.render([_t(more, "dim")], cols)[:1]
        footer = FOOTER if len(FOOTER) < cols else SHORT_FOOTER
        self.term.draw([*self.term.render([self.header(cols)], cols)[:1], *shown, *said,
                        *self.term.render([_t(footer[:cols - 1], "dim")], cols)[:1]])

    def help(self) -> None:
        body = [Text("Keys", style="bold")]
        for keys, what in KEYS:
            body.append(Text(f"  {keys:<14} {what}"))
        self.scroll = 0
        self.say("press any key to go back to the claim", "dim")
        self.draw(body)
        self.term.key()
        self.say("")

    def run(self) -> None:
        if self.q.resumed:
            self.say(f"continuing where you stopped: claim {self.q.claim_id}", "green")
        while True:
            self.draw()
            key = self.term.key()
            self.message = Text("")
            if key in ("q", "c-c", "c-d"):
                return
            try:
                self.act(key)
                self.draft = ""  # done (or cancelled): the next note starts empty
            except Conflict as e:
                self.q.refresh()
                self.say(f"{e}; here it is as it now stands", "bold yellow")
            except VerifyError as e:
                self.say(str(e), "yellow")

    def act(self, key: str) -> None:
        q = self.q
        if key in STATUS_KEYS:
            self.set_status(STATUS_KEYS[key])
        elif key == "n":
            note = self.ask("Note: ")
            if note is not None:
                ev = q.add_note(note)
                self.say(f"note added (event {ev.id})", "green")
        elif key == "e":
            where = self.ask("Evidence (web address or file): ", keep=False)
            if where is not None:
                evidence_ref(where)  # a bad address or a missing file is said before the note is asked for
                note = self.ask("Note on the evidence (optional): ")
                if note is None:
                    return
                said = self.ask("s supports, r refutes, Enter context: ", keep=False)
                if said is None:
                    return
                said = said.strip().lower()
                stance = check_stance(_STANCE_KEYS.get(said, said or "context"))
                ev = q.add_note(note or None, evidence=where, stance=stance)
                self.say(f"evidence attached (event {ev.id}, {ev.stance}): {ev.evidence_url}", "green")
        elif key == "l":
            self.link()
        elif key in (" ", "right"):
            cid = q.claim_id
            self.move(q.skip(), f"skipped claim {cid}; it comes back at the end")
        elif key in ("b", "left"):
            if not q.back():
                self.say("this is the first claim of the queue")
            self.scroll = 0
        elif key == "z":
            self.say(q.undo(), "green")
            self.scroll = 0
        elif key == "?":
            self.help()
        elif key in ("down", "pagedown", "up", "pageup"):
            step = {"down": 1, "up": -1, "pagedown": self.term.size.lines - 4, "pageup": 4 - self.term.size.lines}[key]
            self.scroll = max(0, self.scroll + step)
        else:
            self.say(f"no action on that key; press ? for the keys", "yellow")

    def move(self, moved: bool, done: str) -> None:
        self.scroll = 0
        if moved:
            self.say(done)
        else:
            left = self.q.left()
            self.say(f"end of the queue: {left} claim(s) here still without your status; b goes back, q quits")

    def ask(self, message: str, keep: bool = True) -> str | None:
        answer = self.term.line(message, default=self.draft if keep else "")
        if answer is None:
            self.say("cancelled; nothing was recorded")
            return None
        if keep:
            self.draft = answer
        return answer

    def set_status(self, status: str) -> None:
        note = None
        if status in VERDICTS:
            note = self.ask(f"Why {status}? Note: ")
            if note is None:
                return
        cid = self.q.claim_id
        ev = self.q.set_status(status, note=note)
        change = f"{ev.from_status} → {ev.to_status}" if ev.from_status != ev.to_status else f"stays {ev.to_status}"
        self.move(self.q.next(), f"claim {cid}: {change} (event {ev.id})")

    def link(self) -> None:
        other = self.ask("Link to claim ID: ", keep=False)
        if other is None:
            return
        try:
            other_id = int(other.strip())
        except ValueError:
            raise VerifyError(f"not a claim ID: {other!r}; nothing was recorded") from None
        kind = self.ask("c corroborates or x contradicts: ", keep=False)
        if kind is None:
            return
        relation = {"c": "corroborates", "x": "contradicts"}.get(kind.strip().lower(), kind.strip().lower())
        ln = self.q.link(other_id, relation)
        self.say(f"claim {self.q.claim_id} {ln.relation} claim {ln.other}", "green")


def run_queue(store, reviewer: str | None, **filters) -> str:
    """Open the queue on a terminal; the line to print when the session ends."""
    if not sys.stdin.isatty():
        raise VerifyError("`verify review` without a claim ID is an interactive queue and standard input is not a "
                          "terminal; review one claim with `verify review ID --status S --note TEXT`")
    if not sys.stdout.isatty():
        raise VerifyError("`verify review` without a claim ID is an interactive queue and standard output is not a terminal")
    queue = review_queue(store, reviewer, **filters)
    if not len(queue):
        return "no claims need a person" + (" with these filters" if any(v for v in filters.values()) else "")
    screen = QueueScreen(queue, Terminal())
    sys.stdout.write("\x1b[?1049h")  # the alternate screen: the shell's screen comes back on quit
    try:
        screen.run()
    finally:
        sys.stdout.write("\x1b[?1049l")
        sys.stdout.flush()
        queue.save()
    return (f"stopped at claim {queue.claim_id}, {queue.pos + 1} of {len(queue)}: {len(queue.reviewed)} reviewed, "
            f"{len(queue.state.skipped)} skipped; `verify review` resumes here")
