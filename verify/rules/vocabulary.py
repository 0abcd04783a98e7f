"""The built-in step vocabulary. ``verify rules steps`` lists it with an example of each phrasing.

Selecting (Given) and narrowing (When) steps are both tests of a claim, so either keyword takes
either kind; outcomes are written under Then only.
"""

from __future__ import annotations

from .facts import stem
from .steps import REGISTRY_GRADE, Outcome, StepError, always, given, then, when


class Names:
    """Source names from a rule, resolved through the registry to canonical names."""

    def __init__(self, ctx, names: list[str]) -> None:
        self.canonical: set[str] = set()
        for name in names:
            self.canonical.add(ctx.resolve(name))


def _names_from(table: list[list[str]]) -> list[str]:
    names = [row[0].strip() for row in table if row and row[0].strip()]
    if not names:
        raise StepError("the table lists no names")
    return names


# -- Given: select by source ----------------------------------------------------------------------


@given('any claim', description="Every stored claim.", example="Given any claim")
def any_claim():
    return always


@given(
    'a claim attributed to "{source}"',
    description="Claims with this source among theirs (a canonical name or any alias in the registry).",
    example='Given a claim attributed to "SBU"',
)
def attributed_to(ctx, source: str):
    wanted = ctx.resolve(source)
    return lambda f: wanted in f.src.names


@given(
    'a claim attributed to any of:',
    description="Claims with one of the listed sources (one name or alias a row).",
    example='Given a claim attributed to any of:\n  | Zelenskyy |\n  | SBU |',
    table=True,
)
def attributed_to_any(ctx, table):
    wanted = Names(ctx, _names_from(table)).canonical
    return lambda f: not wanted.isdisjoint(f.src.names)


@given(
    'a claim with no attributed source',
    description="The outlet's own assertions: claims that name no source.",
    example="Given a claim with no attributed source",
)
def unattributed():
    return lambda f: not f.sources and not f.relays


@given(
    'a claim with an attributed source',
    description="Claims that name at least one source (or a source that relayed them): not the outlet's own.",
    example="Given a claim with an attributed source",
)
def attributed():
    return lambda f: bool(f.sources or f.relays)


@given(
    'a claim attributed to an anonymous source',
    description='Claims with an unnamed source ("a senior official", "a person familiar with").',
    example="Given a claim attributed to an anonymous source",
)
def anonymous():
    return lambda f: "anonymous" in f.src.kinds


@given(
    'a claim attributed to a vague source',
    description='Claims resting on a vague attribution ("reports say", "it is believed").',
    example="Given a claim attributed to a vague source",
)
def vague():
    return lambda f: "vague" in f.src.kinds


@given(
    'a claim attributed to a source of kind "{kind:source-kind}"',
    description="Claims with a source of this kind: person, organisation, anonymous, vague, outlet.",
    example='Given a claim attributed to a source of kind "person"',
)
def of_kind(kind: str):
    return lambda f: kind in f.src.kinds


@given(
    'a claim attributed to a source affiliated with "{organisation}"',
    description="Claims with a source that speaks for this government or organisation (itself included),"
    " at any depth of the registry's affiliations.",
    example='Given a claim attributed to a source affiliated with "Government of Ukraine"',
)
def affiliated(ctx, organisation: str):
    wanted = ctx.resolve(organisation)
    return lambda f: wanted in f.src.chains


@given(
    'a claim attributed to a source tagged "{tag}"',
    description="Claims with a source the registry tags so (tags pass down affiliations).",
    example='Given a claim attributed to a source tagged "party-to-conflict"',
)
def tagged(tag: str):
    return lambda f: tag in f.src.tags


@given(
    'a claim not attributed to any source tagged "{tag}"',
    description="Claims none of whose sources carries the tag (unattributed claims included).",
    example='Given a claim not attributed to any source tagged "party-to-conflict"',
)
def not_tagged(tag: str):
    return lambda f: tag not in f.src.tags


@given(
    'a claim relayed by another source',
    description="Second-hand claims: a source reports what someone else said (a prisoner's account"
    " told by a security service).",
    example="Given a claim relayed by another source",
)
def relayed():
    return lambda f: bool(f.relays)


@given(
    'a claim relayed by "{source}"',
    description="Second-hand claims passed on by this source.",
    example='Given a claim relayed by "SBU"',
)
def relayed_by(ctx, source: str):
    wanted = ctx.resolve(source)
    return lambda f: wanted in f.rel.names


@given(
    'a claim attributed to a source the registry grades',
    description="Claims with a source the newsroom has given an Admiralty reliability grade in the registry"
    " (`verify sources`).",
    example="Given a claim attributed to a source the registry grades",
)
def graded():
    return lambda f: f.src.grade is not None


# -- Given: select by how it is said --------------------------------------------------------------


@given(
    'a claim with "{kind:attribution}" attribution',
    description="Claims of this attribution kind: direct (quoted), indirect (reported speech), inherited"
    " (continues the previous source's account), unattributed.",
    example='Given a claim with "direct" attribution',
)
def attribution_kind(kind: str):
    return lambda f: f.attribution == kind


@given(
    'a claim whose cue is "{cue}"',
    description='Claims introduced by this reporting word, in any of its forms ("alleged" also matches'
    ' "alleges" and "allegedly").',
    example='Given a claim whose cue is "estimated"',
)
def cue_is(cue: str):
    wanted = stem(cue)
    return lambda f: f.cue_stem == wanted


@given(
    'a claim whose cue is one of:',
    description="Claims introduced by one of the listed reporting words (one a row, any form).",
    example="Given a claim whose cue is one of:\n  | alleged |\n  | claimed |",
    table=True,
)
def cue_in(table):
    wanted = {stem(c) for c in _names_from(table)}
    return lambda f: f.cue_stem in wanted


@given('a claim that its source denies', example="Given a claim that its source denies",
       description='Claims whose source denies what they state ("X denied that ...", "X rejected reports that'
       ' ...", "X said it had not ..."): the claim\'s text is what the source denies.')
@given('a denial', description='As "Given a claim that its source denies".', example="Given a denial")
@when('its source denies it', description='As "Given a claim that its source denies", to narrow a selection.',
      example="When its source denies it")
def denied():
    return lambda f: f.polarity == "denied"


@given(
    'a claim that states a number',
    description="Claims that state a figure (a count, an amount, a percentage ...).",
    example="Given a claim that states a number",
)
def states_number():
    return lambda f: bool(f.numbers)


@given(
    'a claim that states an estimate',
    description='Claims that state an approximate or bounded figure ("about 3,000", "at least 200").',
    example="Given a claim that states an estimate",
)
def states_estimate():
    return lambda f: bool(f.numbers) and any(n.estimate for n in f.numbers)


@given(
    'a claim that states a number of at least {n:int}',
    description="Claims that state a figure this large or larger.",
    example="Given a claim that states a number of at least 1000",
)
def states_at_least(n: int):
    return lambda f: bool(f.numbers) and any((x.largest or 0) >= n for x in f.numbers)


@given(
    'a claim that states a number of "{unit}"',
    description='Claims that state a figure of this unit ("soldiers", "people", "km").',
    example='Given a claim that states a number of "soldiers"',
)
def states_unit(unit: str):
    def one(u: str) -> str:
        u = u.strip().lower()
        return u[:-1] if u.endswith("s") else u

    wanted = one(unit)
    return lambda f: any(x.unit and one(x.unit) == wanted for x in f.numbers)


@given(
    'a claim published by "{outlet}"',
    description="Claims from articles of this outlet.",
    example='Given a claim published by "Kyiv Independent"',
)
def published_by(outlet: str):
    o = outlet.lower()
    return lambda f: bool(f.outlet) and f.outlet.lower() == o


# -- Given: select by review state ----------------------------------------------------------------


@given(
    'a claim that a person has reviewed',
    description="Claims a person has given a status with `verify review`.",
    example="Given a claim that a person has reviewed",
)
def reviewed():
    return lambda f: f.review_status is not None


@given(
    'a claim nobody has reviewed',
    description="Claims no person has given a status yet.",
    example="Given a claim nobody has reviewed",
)
def not_reviewed():
    return lambda f: f.review_status is None


@given(
    'a claim reviewed as "{status:status}"',
    description="Claims a person has reviewed with this status.",
    example='Given a claim reviewed as "refuted"',
)
def reviewed_as(status: str):
    return lambda f: f.review_status == status


# -- When: narrow ---------------------------------------------------------------------------------


@when(
    'it is corroborated by fewer than {n:int} independent source(s)',
    description="Fewer than n independent sources: its own plus those of claims linked as corroborating;"
    " sources of one government or parent organisation count once.",
    example="When it is corroborated by fewer than 2 independent sources",
)
def fewer_than(n: int):
    if n < 1:
        raise StepError("fewer than 0 sources selects nothing; use a number of at least 1")
    return lambda f: len(f.independent) < n


@when(
    'it is corroborated by at least {n:int} independent source(s)',
    description="At least n independent sources, counted as for \"fewer than\".",
    example="When it is corroborated by at least 2 independent sources",
)
def at_least(n: int):
    return lambda f: len(f.independent) >= n


@when(
    'it is contradicted by another claim',
    description="A person has linked a claim that contradicts it (`verify link A B --contradicts`).",
    example="When it is contradicted by another claim",
)
def contradicted():
    return lambda f: f.contradicting > 0


@when(
    'nothing contradicts it',
    description="No claim is linked to it as contradicting.",
    example="When nothing contradicts it",
)
def not_contradicted():
    return lambda f: f.contradicting == 0


@when(
    'it has evidence attached',
    description="A reviewer has attached evidence (`verify review ID --evidence URL`).",
    example="When it has evidence attached",
)
def has_evidence():
    return lambda f: f.evidence > 0


@when(
    'it has no evidence attached',
    description="No reviewer has attached evidence yet.",
    example="When it has no evidence attached",
)
def no_evidence():
    return lambda f: f.evidence == 0


@when(
    'it is older than {n:int} day(s)',
    description="Its article was published (or, undated, stored) more than n days before the check.",
    example="When it is older than 30 days",
)
def older_than(ctx, n: int):
    today = ctx.today
    return lambda f: (a := f.age_days(today)) is not None and a > n


@when(
    'it is at most {n:int} day(s) old',
    description="Its article was published (or, undated, stored) n days before the check or later.",
    example="When it is at most 7 days old",
)
def at_most_days(ctx, n: int):
    today = ctx.today
    return lambda f: (a := f.age_days(today)) is not None and a <= n


@when(
    'it states a number',
    description='As "Given a claim that states a number", to narrow a selection.',
    example="When it states a number",
)
def it_states_number():
    return states_number()


@when(
    'it states an estimate',
    description='As "Given a claim that states an estimate", to narrow a selection.',
    example="When it states an estimate",
)
def it_states_estimate():
    return states_estimate()


@when(
    'its cue is one of:',
    description='As "Given a claim whose cue is one of:", to narrow a selection.',
    example="When its cue is one of:\n  | estimated |\n  | believed |",
    table=True,
)
def its_cue_in(table):
    return cue_in(table)


@when(
    'it is attributed to a source tagged "{tag}"',
    description='As "Given a claim attributed to a source tagged", to narrow a selection.',
    example='When it is attributed to a source tagged "party-to-conflict"',
)
def it_tagged(tag: str):
    return tagged(tag)


@when(
    'it is not attributed to any source tagged "{tag}"',
    description='As "Given a claim not attributed to any source tagged", to narrow a selection.',
    example='When it is not attributed to any source tagged "party-to-conflict"',
)
def it_not_tagged(tag: str):
    return not_tagged(tag)


@when(
    'nobody has reviewed it',
    description="No person has given it a status yet.",
    example="When nobody has reviewed it",
)
def it_not_reviewed():
    return not_reviewed()


# -- Then: outcomes -------------------------------------------------------------------------------


@then(
    'its status is "{status:status}"',
    description="Sets the rules' status. Where rules disagree the most cautious status wins"
    " (refuted, disputed, unverified, single-source, corroborated, confirmed); a person's review"
    " outranks every rule.",
    example='Then its status is "single-source"',
)
def set_status(status: str):
    return Outcome("status", status)


@then(
    'flag it as "{flag}"',
    description="Adds a flag (a short label such as anonymous-source).",
    example='Then flag it as "anonymous-source"',
)
def set_flag(flag: str):
    if len(flag) > 60:
        raise StepError("a flag is a short label (60 characters at most)")
    return Outcome("flag", flag)


@then(
    'its source reliability is "{grade:reliability}"',
    description="Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged."
    " Where rules disagree the later letter wins.",
    example='Then its source reliability is "F"',
)
def set_reliability(grade: str):
    return Outcome("reliability", grade)


@then(
    "its source reliability is the registry's grade",
    description="The reliability grade the registry gives the claim's source (the least reliable, where"
    " several are graded); recorded as not applied where none is graded.",
    example="Then its source reliability is the registry's grade",
)
def registry_reliability():
    return Outcome("reliability", REGISTRY_GRADE)


@then(
    'its information credibility is "{grade:credibility}"',
    description="Admiralty information credibility: 1 confirmed by other sources ... 5 improbable,"
    " 6 cannot be judged. Where rules disagree the higher number wins.",
    example='Then its information credibility is "3"',
)
def set_credibility(grade: str):
    return Outcome("credibility", grade)


@then(
    'grade it "{grade:grade}"',
    description="Both Admiralty ratings at once: reliability letter then credibility digit.",
    example='Then grade it "F6"',
)
def set_grade(grade: str):
    return [Outcome("reliability", grade[0]), Outcome("credibility", grade[1])]


@then(
    'it needs review because "{reason}"',
    description="Puts the claim on the review queue with a reason.",
    example='Then it needs review because "a casualty figure with no source"',
)
def needs_review(reason: str):
    return Outcome("needs-review", reason)


@then(
    'it needs review because:',
    description="As above, the reason given as a doc string below the step.",
    example='Then it needs review because:\n  """\n  Figures from one side of the war need a second source.\n  """',
    doc=True,
)
def needs_review_doc(doc: str):
    return Outcome("needs-review", " ".join(doc.split()))


@then(
    'it needs review',
    description="Puts the claim on the review queue; the rule's name is the reason.",
    example="Then it needs review",
)
def needs_review_plain(ctx):
    return Outcome("needs-review", ctx.rule_name)

