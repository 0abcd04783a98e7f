"""Matching two claims without a store: figures by their precision, drift, independence, wording."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest
from hypothesis import given, strategies as st

import verify
from verify.match import MatchClaim, MatchIndex, drift, independent, interval, match, numbers_conflict, rewrite
from verify.models import Number

REG = verify.Registry.starter()


def claim(text: str, article: int = 1, order: int = 0) -> MatchClaim:
    """The one claim the extractor finds in ``text``, as matching sees it."""
    found = verify.extract_claims(text)
    assert len(found) == 1, [c.text for c in found]
    return MatchClaim.from_claim(found[0], article, article, registry=REG, order=(order,))


def figures(*texts: str) -> list:
    out = []
    for t in texts:
        nums = verify.extract_claims(f"Officials said {t} people were evacuated from the town.")[0].numbers
        assert len(nums) == 1, (t, nums)
        out.append(nums[0])
    return out


@pytest.mark.parametrize("x, y, conflict", [
    ("approximately 200", "about 2,000", True),
    ("between 10,000 and 12,000", "11,000", False),
    ("at least 40", "45", False),
    ("at least 40", "30", True),
    ("about 1,200", "3,000", True),
    ("1,200", "1,000", False),  # "1,000" is a round figure: 500 to 1,500
    ("1,250", "1,400", True),
    ("1,250", "1,300", False),  # "1,300" may be 1,250 rounded
    ("up to 500", "450", False),
    ("up to 500", "800", True),
    ("nearly 50", "48", False),
])
def test_figures_conflict_only_beyond_their_stated_precision(x, y, conflict):
    a, b = figures(x, y)
    ia, ib = interval(a), interval(b)
    assert (not ia.overlaps(ib)) is conflict, (ia, ib)


def test_vague_amounts_conflict_with_nothing():
    n = Number(text="dozens", span=(0, 6), bound="vague")
    assert interval(n) is None


@given(st.integers(min_value=1, max_value=10**7), st.booleans())
def test_a_figure_never_conflicts_with_itself(value, approximate):
    n = NS(text=f"{value:,}", value=float(value), low=float(value), high=float(value), unit=None,
           approximate=approximate, bound="approximate" if approximate else "exact")
    i = interval(n)
    assert i.low <= value <= i.high and i.overlaps(i)


def test_the_same_claim_in_other_words_matches_with_a_reason():
    a = claim("A senior Western diplomat said about 1,200 Russian soldiers were killed near Vovchansk last week.", 1)
    b = claim("Ukraine said 3,000 Russian soldiers had been killed near Vovchansk last week.", 2)
    m = match(a, b)
    assert m is not None and 0.5 <= m.score <= 1
    assert "same names Russian, Vovchansk" in m.reason and "content words" in m.reason


def test_claims_about_different_places_or_days_do_not_match():
    a = claim("Regional officials said a drone strike destroyed the main rail depot in Kupiansk on Tuesday.", 1)
    b = claim("Regional officials said a drone strike destroyed the main rail depot in Izium on Friday.", 2)
    assert match(a, b) is None


def test_claims_sharing_a_topic_but_not_a_proposition_do_not_match():
    a = claim("The governor said the evacuation of the town would begin on Monday.", 1)
    b = claim("The governor said the town's hospital had run out of insulin.", 2)
    assert match(a, b) is None


def test_a_copied_claim_with_another_source_drifts_on_both_sides():
    a = claim("A senior Western diplomat said about 1,200 Russian soldiers were killed in the fighting near Vovchansk last week.", 1, 0)
    b = claim("Ukraine said 3,000 Russian soldiers were killed in the fighting near Vovchansk last week.", 2, 1)
    assert rewrite(a, b)
    da, db = drift(a, b)
    assert set(da) == {"attribution-mismatch", "number-conflict"} == set(db)
    assert numbers_conflict(a, b)


UNNAMED = "A senior Ukrainian military official said 40 drones were shot down over Odesa overnight."
NAMED = "Ukraine's Air Force said 40 drones were shot down over Odesa overnight."


def test_an_unnamed_source_whose_description_fits_is_named_not_swapped():
    a, b = claim(UNNAMED, 1, 0), claim(NAMED, 2, 1)
    assert a.anonymous and b.named
    assert drift(a, b) == ((), ("source-named",))


def test_a_named_source_left_unnamed_later_is_hidden():
    a, b = claim(NAMED, 1, 0), claim(UNNAMED, 2, 1)
    assert drift(a, b) == ((), ("source-hidden",))


def test_a_dropped_attribution_is_flagged_on_the_side_without_a_source():
    a = claim("A drone strike destroyed the main rail depot in Kupiansk on Tuesday, regional officials said.", 1, 0)
    b = claim("A drone strike destroyed the main rail depot in Kupiansk on Tuesday.", 2, 1)
    assert drift(a, b) == ((), ("attribution-dropped",))
    assert drift(b, a) == (("attribution-dropped",), ())


def test_a_dropped_hedge_is_flagged_on_the_later_claim():
    a = claim("Prosecutors said Russian forces had allegedly used cluster munitions on the market in Kostiantynivka.", 1, 0)
    b = claim("Prosecutors said Russian forces had used cluster munitions on the market in Kostiantynivka.", 2, 1)
    assert drift(a, b) == ((), ("hedge-dropped",))
    # hedging later a claim that was stated flatly is caution, not drift
    flat, hedged = claim(b.text and "Prosecutors said Russian forces had used cluster munitions on the market in"
                         " Kostiantynivka.", 1, 0), claim(a.text and "Prosecutors said Russian forces had allegedly used"
                         " cluster munitions on the market in Kostiantynivka.", 2, 1)
    assert drift(flat, hedged) == ((), ())


def test_independence_needs_different_sources_governments_and_words():
    wh = claim("The White House said the new shipment of air-defence interceptors would reach Ukraine within six weeks.", 1)
    pentagon = claim("The Pentagon said a new shipment of air-defence interceptors would arrive in Ukraine within six weeks.", 2)
    assert match(wh, pentagon) is not None
    assert not independent(wh, pentagon)  # one government
    iaea = claim("The International Atomic Energy Agency said the Zaporizhzhia plant lost external power for four hours on Sunday.", 1)
    staff = claim("Staff at the Zaporizhzhia plant said the station was cut off from external power for four hours on Sunday.", 2)
    assert match(iaea, staff) is not None and independent(iaea, staff)


def test_unnamed_sources_of_one_description_are_different_people_in_different_articles():
    a = claim("A senior official said the convoy reached Kherson on Monday with food and medicine.", 1)
    b = claim("A senior official said a convoy carrying food and medicine arrived in Kherson on Monday.", 2)
    assert a.keys != b.keys
    assert claim("A senior official said the convoy reached Kherson on Monday with food and medicine.", 1).keys == a.keys


def test_the_index_offers_only_claims_of_other_articles_sharing_terms():
    index = MatchIndex()
    a = claim("Regional officials said a drone strike destroyed the main rail depot in Kupiansk on Tuesday.", 1)
    same_article = claim("Regional officials said a drone strike destroyed the main rail depot in Kupiansk on Tuesday.", 2)
    unrelated = claim("The governor said the town's hospital had run out of insulin.", 3)
    index.add("a", 1, a.terms)
    index.add("x", 2, same_article.terms)
    index.add("u", 3, unrelated.terms)
    assert index.candidates(same_article.terms, 2) == ["a"]


def test_the_examples_in_the_docstrings_hold():
    import doctest

    import verify.match

    assert doctest.testmod(verify.match).failed == 0


def test_claims_sharing_only_names_are_about_the_same_people_not_the_same_claim():
    a = claim("The governor said the Green Party's Jill Stein was removed from the debate hall in Hofstra.", 1)
    b = claim("Officials said the Green Party's Jill Stein will hold a rally in Hofstra.", 2)
    assert a.names & b.names
    assert match(a, b) is None
