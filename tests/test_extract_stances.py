"""Stances named by a noun: who holds them and what they are about."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim


def claims(text: str) -> list[Claim]:
    out = extract_claims(text)
    for c in out:
        for s in c.sources:
            if s.span:
                assert text[s.span[0] : s.span[1]] == s.mention
        if c.cue:
            assert text[c.cue.span[0] : c.cue.span[1]] == c.cue.text
    return out


def attributed(text: str) -> list[Claim]:
    return [c for c in claims(text) if c.attribution != "unattributed"]


@pytest.mark.parametrize(
    "sentence, source, content",
    [
        ("The toll bridge plan drew sharp criticism from the county's farmers.", "the county's farmers", "The toll bridge plan"),
        ("Mayor Okafor has won the backing of the harbour guild.", "the harbour guild", "Mayor Okafor"),
        ("The ferry levy is facing criticism from several island councils.", "several island councils", "The ferry levy"),
        ("Ms. Lindqvist, a former harbour pilot, received strong support from fishing crews in the north.",
         "fishing crews", "Ms. Lindqvist"),  # the aside may come along
        ("Councillor Brandt continues to draw support among younger renters.", "younger renters", "Councillor Brandt"),
        ("Okafor, who has the endorsement of the Teachers Guild, spoke last.", "the Teachers Guild", "who"),
    ],
)
def test_a_received_stance_is_held_by_whoever_gives_it(sentence: str, source: str, content: str) -> None:
    found = [c for c in attributed(sentence) if c.text.startswith(content)]
    assert found, [(c.text, [s.mention for s in c.sources]) for c in attributed(sentence)]
    assert found[0].sources[0].mention.startswith(source)


@pytest.mark.parametrize(
    "sentence",
    [
        "The candidate drew 48% support in the latest count.",  # a share, no one named
        "Hospitals drew support funds from the county budget.",  # the noun is no stance here
        "The measure has support from the start.",  # "has support" with no article
    ],
)
def test_a_figure_or_another_sense_of_the_noun_is_no_received_stance(sentence: str) -> None:
    assert not [c for c in attributed(sentence) if c.cue and c.cue.text.split()[-1] in ("from", "of", "among")]


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("Councillor Brandt on Monday stepped up his attacks on the ferry operator.", "Councillor Brandt", "ferry operator"),
        ("The harbour master toned down her criticism of the dredging firm.", "The harbour master", "dredging firm"),
        ("Dock owners renewed their calls for a lower mooring fee.", "Dock owners", "mooring fee"),
    ],
)
def test_a_possessive_noun_taken_by_its_owners_verb_names_the_subject(sentence: str, source: str, words: str) -> None:
    found = [c for c in attributed(sentence) if words in c.text]
    assert found and found[0].sources[0].mention == source


def test_a_possessive_noun_outside_a_verb_keeps_its_owner() -> None:
    # no verb of the owner takes the noun: the possessive names the source itself
    found = [c for c in attributed("After his attacks on the ferry operator, the mayor left early.") if "ferry operator" in c.text]
    assert found and found[0].sources[0].mention == "his"


@pytest.mark.parametrize(
    "sentence, source, content",
    [
        ("In the end, Councillor Brandt voted in favor of the mooring levy.", "Councillor Brandt", "the mooring levy"),
        ("Last spring the ferry captain spoke out in support of the island school.", "the ferry captain", "the island school"),
        ("Ms. Lindqvist threw her support behind Gov. Ana K. Ruiz on Monday.", "Ms. Lindqvist", "Gov. Ana K. Ruiz"),
        ("Forty delegates cast their votes for candidates other than the mayor.", "Forty delegates",
         "candidates other than the mayor"),
    ],
)
def test_a_light_verb_and_a_stance_noun_are_the_subjects_stance(sentence: str, source: str, content: str) -> None:
    found = [c for c in attributed(sentence) if c.text.startswith(content)]
    assert found, [(c.text, [s.mention for s in c.sources]) for c in attributed(sentence)]
    assert found[0].sources[0].mention.endswith(source)


@pytest.mark.parametrize(
    "sentence",
    [
        "Her vote in favor of the levy surprised the harbour board.",  # the noun, with its own owner
        "The pilots have a long record of voting in favor of new moorings.",  # no one votes here
    ],
)
def test_a_vote_as_a_noun_takes_no_light_verb_stance(sentence: str) -> None:
    assert not [c for c in attributed(sentence) if c.cue and "in favor of" in c.cue.text]


def test_voting_to_do_something_is_a_stance_and_votes_to_win_are_a_count() -> None:
    c = [c for c in attributed("The island council voted to close the old pier in March.") if c.cue and c.cue.text == "voted"]
    assert c and c[0].sources[0].mention == "The island council" and c[0].text.startswith("to close the old pier")
    assert not attributed("The harbour party will need enough votes to win the council.")


@pytest.mark.parametrize(
    "sentence, source, content",
    [
        ("By a wide margin, Islanders support a second ferry to the mainland.", "Islanders", "a second ferry"),
        ("Two-thirds oppose raising the harbour toll.", "Two-thirds", "raising the harbour toll"),
        ("Older renters overwhelmingly favor capping the deposit.", "Older renters", "capping the deposit"),
    ],
)
def test_a_plural_subject_takes_a_bare_stance_verb(sentence: str, source: str, content: str) -> None:
    found = [c for c in attributed(sentence) if c.text.startswith(content)]
    assert found, [(c.text, [s.mention for s in c.sources]) for c in attributed(sentence)]
    assert found[0].sources[0].mention == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The coach chokes back tears at the final whistle.",  # a particle
        "The ferry tickets issue remains unsolved.",  # a noun
        "Fishermen support for the plan has faded.",  # a noun before "for"
    ],
)
def test_a_plural_word_before_a_noun_or_particle_takes_no_stance(sentence: str) -> None:
    assert not [c for c in attributed(sentence) if c.cue and c.cue.text in ("back", "issue", "support")]


def test_making_a_call_for_something_is_a_stance() -> None:
    found = [c for c in attributed("At the harbour meeting, Councillor Brandt made an urgent call for a new breakwater.")
             if c.text.startswith("a new breakwater")]
    assert found and found[0].sources[0].mention == "Councillor Brandt"
    assert found[0].cue.text == "made an urgent call for"


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("Dock owners are worried about the new mooring fees.", "Dock owners", "mooring fees"),
        ("The ferry captain was clearly unhappy with the timetable.", "The ferry captain", "timetable"),
        ("Several councillors remain opposed to the toll bridge.", "Several councillors", "toll bridge"),
        ("The harbour guild is confident in the new pilot scheme.", "The harbour guild", "pilot scheme"),
    ],
)
def test_a_state_of_mind_about_something_is_its_holders(sentence: str, source: str, words: str) -> None:
    found = [c for c in attributed(sentence) if words in c.text]
    assert found and found[0].sources[0].mention == source


def test_a_state_of_mind_needs_a_link_to_its_holder() -> None:
    # no form of "be" ties the adjective to a subject: the phrase names no one's view
    assert not [c for c in attributed("Worried about the storm, the crew tied up early.") if "storm" in c.text]


def test_a_stance_after_and_is_the_named_subjects():
    # "X toured ... and praised ...": the clause's named subject takes the stance, as with "and said"
    claims = [c for c in extract_claims("Senator Roe toured the flooded valley and praised the volunteers who filled sandbags.")
              if c.cue and c.cue.text == "praised"]
    assert [s.mention for s in claims[0].sources] == ["Senator Roe"]
    claims = [c for c in extract_claims("She toured the valley on Monday and criticized the county's response.")
              if c.cue and c.cue.text == "criticized"]
    assert [s.mention for s in claims[0].sources] == ["She"]


def test_a_stance_after_and_needs_a_name_or_a_person():
    # a document or an unnamed thing before "and" takes no stance of its own
    text = "The fund's annual review reached the council on Friday and criticized the budget."
    assert [c for c in extract_claims(text) if c.attribution != "unattributed"] == []


def test_a_plural_subject_before_a_stance_verb_that_is_no_noun():
    # "oppose" has no noun reading, so after "candidates" it is their verb ("support" stays ambiguous)
    for text, who in (("Local fishermen oppose the new quota.", "Local fishermen"),
                      ("Most council members now oppose the parking fees.", "Most council members")):
        claims = [c for c in extract_claims(text) if c.cue and c.cue.text == "oppose"]
        assert claims and [s.mention for s in claims[0].sources] == [who]


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("Harbourmaster Lind's decision to close the north quay angered the fishermen.", "Harbourmaster Lind's", "close the north quay"),
        ("Mayor Okafor's refusal to meet the strikers dragged the dispute into a third week.", "Mayor Okafor's", "meet the strikers"),
        ("The councillor defended her decision to sell the ferry.", "The councillor", "sell the ferry"),
        ("In his assessment of the crumbling sea wall, the engineer was blunt.", "his", "the crumbling sea wall"),
        ("The port stalled after Dockers United's announcement of a second strike.", "Dockers United's", "a second strike"),
    ],
)
def test_a_decision_refusal_or_assessment_owned_by_someone_is_their_stance(sentence: str, source: str, words: str) -> None:
    found = [c for c in attributed(sentence) if words in c.text]
    assert found and found[0].sources[0].mention == source, [(c.text, [s.mention for s in c.sources]) for c in attributed(sentence)]


@pytest.mark.parametrize("sentence, source, content", [
    ("The council shut the night market, a move stallholders saw as an attack on their trade.",
     "stallholders", "an attack on their trade"),
    ("The council shut the night market, which the Traders Guild regarded as a betrayal.",
     "the Traders Guild", "a betrayal"),
    ("The council shut the night market, a step critics described as rushed.", "critics", "rushed"),
])
def test_a_view_of_what_was_just_said_held_by_the_subject_of_a_relative(sentence, source, content) -> None:
    [c] = [c for c in attributed(sentence) if content in c.text]
    assert [s.mention for s in c.sources] == [source]
    assert "night market" not in c.text


def test_the_clause_a_view_is_held_of_stays_the_outlets_own() -> None:
    text = "The council shut the old night market on Friday, a move stallholders saw as an attack on their trade."
    found = [(c.attribution, c.text) for c in claims(text)]
    assert ("unattributed", "The council shut the old night market on Friday") in found
    assert ("indirect", "as an attack on their trade") in found
