"""The grammar over a whole article's text: paragraphs and sentences in order, and what carries from one
to the next. (Reading an article file into that text is ``verify.articles``.)

The sentence grammar (``attribution.Reader``) finds the claims a sentence attributes itself; here an
account that continues without a cue is marked ``inherited``, a quotation running over paragraphs
joins its claim, "X said:" takes the next paragraph, and the outlet's own sentences are kept as
``unattributed`` (headlines, boilerplate and author bios are not claims).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .attribution import Reader
from .found import Found, Span, trim_span
from .quotes import paragraph_quotes, transcript_turn
from .sentences import is_furniture, is_headline, paragraphs, sentences
from .sources import Context, Src, note_subject
from .tokens import lowered
from .words import OWN_SOURCE_MARKS, PLACING, SUBJECT_PRONOUNS, VOICES

NESTED_DROP = {"belief", "stance", "evidence"}
_OWN_SOURCE = re.compile(r"\b(?:" + "|".join(OWN_SOURCE_MARKS) + r")\b")
_OPENING = "“\"'`«„‘"
_CLOSING = "”\"'»“’"
_SUBORDINATE_TAIL = re.compile(
    r",\s+(?:\w+\s+){0,2}(?:after|before|as|while|since|because|although|though|when|until|even as)\s+(?:the\s+)?$"
    # "..., a move critics saw as ...", "..., which the envoy called ...": a view of the clause before it
    r"|,\s+(?:(?:a|an)\s+\w+|which)\s+(?:the\s+)?$"
)
# "One soldier ...", "Both men ...", "These troops ...": picking up what the account described
_ANAPHORIC = {"one", "both", "these", "those", "neither", "each"}
# the people an account is about, picked up by "One ...", "Both ...", "These ..."
_PEOPLE = set(
    """soldier soldiers man men woman women troops forces fighters prisoners prisoner captives captive detainees
    detainee hostages hostage victims victim officers officer civilians people children residents refugees
    survivors survivor witnesses witness workers worker employees employee suspects suspect attackers attacker
    militants militant pilots pilot crew sailors sailor marines agents agent diplomats patients students
    casualties bodies individuals citizens nationals conscripts recruits mercenaries servicemen units""".split()
)
# a source who presents material goes on with the account: "He posted photos of ..."
_PRESENTING = {"posted", "published", "shared", "released", "showed", "displayed", "presented", "provided",
               "cited", "offered", "gave", "produced", "played", "uploaded", "circulated", "attached",
               "distributed", "handed", "listed", "detailed", "outlined"}
_FIRST_WORDS = re.compile(r"[\w’'-]+(?:\s+[\w’'-]+)?")
_STOPS = (".", "!", "?", "…")
_AFTER_STOP = "\"'”’)]"  # closing quotes and brackets a sentence may end in after its stop

# matched on the lower-cased text where the article has one (a case-blind pattern is twice as slow)
_BOILERPLATE_WORDS = (
    r"(?:view all posts|read more|read the rest|share (?:this|on)|follow us|subscribe|sign up|click here|"
    r"advertisement|related:|copyright|©|all rights reserved|this article|this story|editor['’]?s note|"
    r"reporting by|additional reporting|writing by|editing by|contact (?:the|us)|"
    r"(?:file )?(?:photo|photos|image|images|caption|credit|video|pictured|graphic)s?\s*:|(?:published|updated|posted)\b)"
)
_BOILERPLATE = re.compile(_BOILERPLATE_WORDS)
_BOILERPLATE_ANY_CASE = re.compile(_BOILERPLATE_WORDS, re.I)
_AUTHOR_HEADING = re.compile(r"^(?:about the )?authors?:?$|^about (?:the )?writer$", re.I)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]*+(?: [A-Z][\w.'’-]*+){0,3} (?:is|was|has been) (?:an? |the )?[^.]{0,80}?"
    r"\b(?:reporter|journalist|writer|correspondent|editor|author|columnist|contributor|producer)\b"
)


def _furniture(text: str, ps: int, pe: int) -> bool:
    """A boilerplate or furniture paragraph; a long "Editor's note" is a correction: it makes claims."""
    if pe - ps >= 400:  # most paragraphs of copy: decided without the two patterns
        return False
    return _boilerplate(text, ps, pe) or is_furniture(text, ps, pe)


def _terminal(t: str) -> bool:
    """Whether ``t`` ends in a stop, closing quotes or brackets after it aside (a final newline
    too, as the pattern ``[.!?…][closers]*$`` reads it): two string calls, no search."""
    if t.endswith("\n"):
        t = t[:-1]
    return t.rstrip(_AFTER_STOP).endswith(_STOPS)


def _heading(ptext: str) -> bool:
    """A line set as a heading: no closing punctuation, and not a speaker's "X said:"."""
    return not _terminal(ptext) and not ptext.endswith(":")


def is_copy(text: str, ps: int, pe: int) -> bool:
    """Whether the paragraph ``text[ps:pe]`` is copy that can hold claims: not page furniture or
    boilerplate, and not a title-case headline (the grammar reads no claim in those)."""
    return not _furniture(text, ps, pe) and not (_heading(text[ps:pe]) and is_headline(text, ps, pe))


def _claimworthy(text: str, s: int, e: int) -> bool:
    t = text[s:e]
    if not _terminal(t):
        return False
    if t.rstrip("\"'”’)] ").endswith("?"):
        return False
    if len(t.split(None, 3)) < 4:  # fewer than four words; the split stops at the fourth
        return False
    if _boilerplate(text, s, e) or _BIO.match(t):
        return False
    return True


def _boilerplate(text: str, s: int, e: int) -> bool:
    """"Read more", "Photo:", "Copyright ...": a line of the page, not of the copy."""
    low = lowered(text)
    if low is not None:
        return _BOILERPLATE.match(low, s, e) is not None
    return _BOILERPLATE_ANY_CASE.match(text, s, e) is not None


def read(text: str, ctx: Context) -> list[Found]:
    """All claims of an article, in reading order."""
    paras = paragraphs(text)
    pquotes, carries = paragraph_quotes(text, paras)
    reader = Reader(text, ctx)
    out: list[Found] = []
    account: Found | None = None  # the last attributed claim, whose account may continue
    account_sent = -1
    carry_claim: Found | None = None  # a direct claim whose quotation runs into this paragraph
    colon_claim: Found | None = None  # "X said:" at a paragraph's end takes the next paragraph
    in_bio = False
    sent_no = 0
    for p, (ps, pe) in enumerate(paras):
        ptext = text[ps:pe]
        if _AUTHOR_HEADING.match(ptext.strip()):
            in_bio = True
        if in_bio:
            continue
        if _furniture(text, ps, pe):
            continue
        heading = _heading(ptext)
        para_quotes = pquotes[p]
        quote_ends = [qe for _, qe in para_quotes]
        first_in_para = True
        for k, (ss, se) in enumerate(sentences(text, ps, pe, para_quotes)):
            # only the quotations touching this sentence: keeps long quote-ridden paragraphs linear
            lo = bisect_right(quote_ends, ss)
            hi = lo
            while hi < len(para_quotes) and para_quotes[hi][0] < se:
                hi += 1
            quotes = para_quotes[lo:hi]
            sent_no += 1
            # a quotation carried over from the previous paragraph belongs to its claim
            if carry_claim is not None and first_in_para and text[ss] in "“\"'`«„":
                q_end = _quote_end(quotes, ss, se)
                carry_claim.frags.append((ss, q_end))
                if q_end >= se - 1:
                    first_in_para = False
                    account, account_sent = carry_claim, sent_no
                    continue
            if colon_claim is not None and first_in_para:
                colon_claim.frags.append(trim_span(text, ss, pe))
                out.append(colon_claim)
                colon_claim.direct = text[ss] in "“\"'`«„"
                if colon_claim.direct:
                    colon_claim.attribution = "direct"
                account, account_sent = colon_claim, sent_no
                colon_claim = None
                break
            found = reader.sentence(ss, se, quotes, p, heading)
            if found and first_in_para and (turn := _turn_claim(text, ss, pe, found)) is not None:
                # a transcript's turn: its speaker says the whole paragraph, a report inside it included
                out.append(turn)
                account, account_sent = turn, sent_no
                break
            if found:  # most sentences attribute nothing; the lists below are made only for those that do
                pending = [f for f in found if not f.frags]
                if pending and se == pe:
                    colon_claim = pending[-1]
                found = _dedupe([f for f in found if f.frags])
                for f in found:
                    # a content that is all quotation is direct speech, whichever cue found it
                    if f.attribution == "indirect" and all(text[a] in _OPENING and text[b - 1] in _CLOSING for a, b in f.frags):
                        f.attribution, f.direct = "direct", True
                own = _own_main_clause(text, ss, found)
                if own is not None:
                    out.append(Found([own], "unattributed", para=p))
                out.extend(found)
                _relay(ctx, found, account)
                if found:
                    # a quotation in the sentence is what a following quoted sentence continues
                    direct = [f for f in found if f.direct]
                    account, account_sent = (direct[-1] if direct else found[-1]), sent_no
                first_in_para = False
                continue
            first_in_para_now = first_in_para
            first_in_para = False
            if not heading:
                note_subject(ctx, text, ss, se)
            if heading or not _claimworthy(text, ss, se):
                continue
            span = trim_span(text, ss, se)
            inherit = _inherits(text, reader, ss, se, quotes, account, p, account_sent, sent_no, first_in_para_now)
            if inherit is not None:
                # a quotation continuing a direct claim joins it
                if inherit == "fold":
                    account.frags.append(span)
                    account_sent = sent_no
                    continue
                out.append(inherit)
                account, account_sent = inherit, sent_no
                continue
            out.append(Found([_drop_marker(text, span)], "unattributed", para=p))
        carry_claim = None
        if carries[p] and account is not None and account.para == p and account.attribution != "unattributed":
            carry_claim = account
        if in_bio:
            break
    return out


_MARKER = re.compile(r"(?:However|Meanwhile|Still|Nevertheless|Nonetheless|Moreover|Furthermore|Separately|Indeed|In addition|"
                     r"Instead|Yet|Even so|At the same time|On the other hand),\s+(?=\w)")


def _turn_claim(text: str, ss: int, pe: int, found: list[Found]) -> Found | None:
    """The claim of a transcript's turn ("PENCE: Well, ..."), its content run to the paragraph's end."""
    colon = transcript_turn(text, ss, pe)
    if colon is None:
        return None
    f = next((f for f in found if f.cue == (colon, colon + 1) and f.frags), None)
    if f is None:
        return None
    f.frags = [trim_span(text, f.frags[0][0], pe)]
    return f


def _drop_marker(text: str, span: Span) -> Span:
    """The outlet's claim without the discourse marker that links it to the sentence before."""
    m = _MARKER.match(text, span[0], span[1])
    return (m.end(), span[1]) if m else span


def _own_main_clause(text: str, ss: int, found: list[Found]) -> Span | None:
    """"The figure is the first count, weeks after Kyiv reported that ...": the outlet's own main clause.

    Only where every attribution of the sentence sits in a subordinate clause that follows it.
    """
    starts = [src.span[0] for f in found for src in f.sources if src.span and src.span[0] >= ss]
    if not starts or any(fr[0] < min(starts) for f in found for fr in f.frags):
        return None
    m = _SUBORDINATE_TAIL.search(text, ss, min(starts))
    if m is None or m.end() != min(starts):
        return None
    a, b = trim_span(text, ss, m.start())
    return (a, b) if len(text[a:b].split()) >= 6 else None


def _quote_end(quotes: list[Span], ss: int, se: int) -> int:
    for qs, qe in quotes:
        if qs == ss:
            return min(qe, se)
    return se


def _dedupe(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    seen = set()
    # a belief or stance inside what someone is reported to have said belongs to that report
    spans = [(fr, f) for f in found if f.kind == "speech" for fr in f.frags]
    for f in found:
        if f.kind in NESTED_DROP and f.cue and any(g is not f and a <= f.cue[0] < b for (a, b), g in spans):
            continue
        key = (tuple(f.frags), tuple(s.span for s in f.sources))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _relay(ctx: Context, found: list[Found], account_prev: Found | None) -> None:
    """"One soldier claimed ..." inside an organisation's account: relayed by that organisation."""
    if account_prev is None or account_prev.attribution == "unattributed":
        return
    for f in found:
        if f.para != account_prev.para or not f.sources:
            continue
        src = f.sources[0]
        first = src.mention.split()[0].lower() if src.mention else ""
        words = src.mention.lower().split()
        if src.kind in ("person", "anonymous") and first in ("one", "a", "an", "another") and len(words) <= 4 \
                and words[-1] not in VOICES and PLACING.isdisjoint(words) \
                and not (src.span and f.cue and _OWN_SOURCE.search(ctx.text, src.span[1], f.cue[0])):
            # ("A military spokesperson said", "A diplomat in Riyadh, who asked not to be identified, said":
            # the outlet's own source, no relay)
            teller = account_prev.relayed_by or account_prev.sources
            if teller and teller[0].canonical != src.canonical and teller[0].kind == "organisation":
                f.relayed_by = list(teller)


def _inherits(text, reader: Reader, ss, se, quotes, account: Found | None, p, account_sent, sent_no, first_in_para):
    """An inherited claim, "fold" for a quotation continuing a direct claim, or None."""
    if account is None or account.attribution == "unattributed" or not account.sources:
        return None
    same_para = account.para == p
    next_para = account.para == p - 1 and first_in_para
    if not (same_para or next_para):
        return None
    span = trim_span(text, ss, se)
    # a sentence that is entirely a quotation, right after an attributed claim: the speaker goes on
    # ("The captain said the ferry would run. “We checked the hull twice.”")
    # and a paragraph opening with a quotation after a paragraph that ended on a quoted, attributed one
    if (same_para or (next_para and account.direct)) and text[ss] in "“\"'`«„" and account_sent == sent_no - 1:
        for qs, qe in quotes:
            if qs == ss and qe >= se - 2:
                return "fold"
    m = _FIRST_WORDS.match(text, ss, se)
    if not m:
        return None
    first = m.group().split()
    w0 = first[0].lower()
    main = account.relayed_by or account.sources
    if w0 in ("he", "she", "they", "it") and same_para and len(first) > 1 and first[1].lower() in _PRESENTING \
            and not text.startswith(" no ", ss + len(m.group())):  # ("It gave no toll": the outlet notes what is missing)
        kind = SUBJECT_PRONOUNS[w0]
        src = account.sources[0]
        if (kind == "person") != (src.kind == "person") and not (w0 == "they" and len(account.sources) > 1):
            return None
        mention_span = (ss, ss + len(first[0]))
        pron = Src(text[ss : ss + len(first[0])], mention_span, src.canonical, src.kind)
        return Found([span], "inherited", None, [pron], list(account.relayed_by), p)
    if w0 in _ANAPHORIC or (w0 == "the" and len(first) > 1 and first[1].lower() == "other"):
        if len(first) < 2 or not first[1][:1].islower() or first[1].lower() not in _PEOPLE:
            return None  # "These soldiers ..." continues an account; "These days ...", "One advantage ..." do not
        return Found([span], "inherited", None, list(main), [], p)
    return None
