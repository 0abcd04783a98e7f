"""Where a claim's content ends, and what on a wire page is no claim at all.

A content stops where another source's clause begins; headlines, datelines, requests for anonymity
and acts of force are not statements.
"""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim


def claims(text: str) -> list[Claim]:
    return extract_claims(text)


def by_cue(text: str, cue: str) -> Claim:
    found = [c for c in claims(text) if c.cue and c.cue.text == cue]
    assert len(found) == 1, [(c.cue.text if c.cue else None, c.text) for c in claims(text)]
    return found[0]


def texts(text: str) -> list[str]:
    return [c.text for c in claims(text) if c.attribution != "unattributed"]


# -- content edges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("link", ["while", "whereas", "but", "though"])
def test_a_contrasting_clause_is_another_sources_claim(link: str) -> None:
    text = f"The brigade said it had held the ridge, {link} the ministry said the ridge was lost."
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert [(c.text, c.sources[0].mention) for c in cs] == [
        ("it had held the ridge", "The brigade"),
        ("the ridge was lost", "the ministry"),
    ]


def test_a_source_in_the_middle_does_not_take_the_next_sources_clause() -> None:
    text = "Two bridges were damaged overnight, the mayor said, but the army said only one was hit."
    mayor = [c for c in claims(text) if c.sources and c.sources[0].mention == "the mayor"][0]
    assert mayor.text == "Two bridges were damaged overnight"
    army = [c for c in claims(text) if c.sources and c.sources[0].mention == "the army"][0]
    assert army.text == "only one was hit"


def test_a_denial_after_but_is_cut_off_the_first_claim() -> None:
    text = "Moscow said its troops had entered the town, but Kyiv denied losing any positions."
    assert texts(text) == ["its troops had entered the town", "losing any positions"]


def test_one_speaker_denying_and_saying_gives_two_separate_contents() -> None:
    text = "The navy denied sinking the trawler and said it was investigating the collision."
    assert texts(text) == ["sinking the trawler", "it was investigating the collision"]


def test_a_denial_in_the_present_and_a_statement_after_it_keep_their_own_contents() -> None:
    for text in ("The navy denies sinking the trawler and says it is investigating the collision.",
                 "Georgia rejects the accusation and said its patrol boats stayed in port."):
        denied, said = extract_claims(text)
        assert denied.polarity == "denied" and denied.text in ("sinking the trawler", "the accusation")
        assert said.polarity == "asserted" and said.text.startswith(("it is investigating", "its patrol boats"))
        assert said.sources[0].mention == denied.sources[0].mention


def test_a_relative_clause_with_its_own_source_is_theirs() -> None:
    text = "A missile hit the grain silo, which local officials said burned for two days."
    silo = by_cue(text, "said")
    assert silo.text == "burned for two days"
    assert silo.sources[0].mention == "local officials"


def test_a_relative_clause_whose_verb_follows_the_reporting_verb() -> None:
    text = "The siege has dragged on, which foreign officials estimate has cost thousands of lives."
    c = by_cue(text, "estimate")
    assert c.sources[0].mention == "foreign officials"
    assert c.text == "has cost thousands of lives"


def test_a_relative_clause_cuts_the_outer_claim_short() -> None:
    text = "The governor said drones had set a depot alight, which firefighters said was put out by noon."
    governor = [c for c in claims(text) if c.sources[0].mention == "The governor"][0]
    assert governor.text == "drones had set a depot alight"


@pytest.mark.parametrize("verb", ["said", "told reporters", "wrote"])
def test_a_subjects_own_relative_clause_ends_before_its_main_verb(verb: str) -> None:
    text = f"The port director, who said the cranes had been idle for a week, {verb} that shipping would resume."
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert [(c.text, c.sources[0].canonical) for c in cs] == [
        ("the cranes had been idle for a week", cs[1].sources[0].canonical),
        ("shipping would resume", cs[0].sources[0].canonical),
    ]
    assert cs[0].sources[0].mention == "who"


@pytest.mark.parametrize("note", ["without giving details", "without providing evidence", "without citing figures"])
def test_the_outlets_note_after_a_claim_is_not_the_sources(note: str) -> None:
    text = f"The coast guard said it had seized three smuggling boats, {note}."
    assert texts(text) == ["it had seized three smuggling boats"]


@pytest.mark.parametrize("word", ["Neither", "No"])
def test_a_claim_as_a_noun_after_a_quantifier_has_no_speaker(word: str) -> None:
    text = f"{word} claim about the convoy could be checked by this newspaper."
    assert texts(text) == []


def test_a_denial_ends_where_with_brings_in_another_speaker() -> None:
    text = 'The port authority denied the report, with its director calling it "pure invention."'
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert [(c.text, c.sources[0].mention, c.polarity) for c in cs] == [
        ("the report", "The port authority", "denied"),
        ('it "pure invention."', "its director", "asserted"),
    ]


def test_neither_confirming_nor_denying_is_no_statement() -> None:
    text = "The shipping line has neither confirmed nor denied the seizure of its tanker."
    assert texts(text) == []


def test_a_nationality_before_claims_makes_it_a_noun() -> None:
    text = 'The harbour master rejected the Danish claims as "fantasy" and said the buoys were in place.'
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert {c.sources[0].mention for c in cs} == {"The harbour master"}


@pytest.mark.parametrize("tail", ["and did not comment on the crew", "but declined to give details", "but gave no figures"])
def test_what_the_source_would_not_say_is_no_part_of_the_claim(tail: str) -> None:
    text = f"The navy said its ships had escorted the convoy past the strait {tail}."
    assert texts(text) == ["its ships had escorted the convoy past the strait"]


def test_a_relative_clause_with_its_own_source_ends_before_the_main_verb() -> None:
    text = "The blast, which the regional council says injured nine workers, was the third at the plant."
    c = by_cue(text, "says")
    assert (c.text, c.sources[0].mention) == ("injured nine workers", "the regional council")


@pytest.mark.parametrize("where", [
    "in comments carried by the state broadcaster",
    "on X, formerly Twitter,",
    "on Monday, in a written statement,",
])
def test_where_it_was_said_is_not_part_of_what_was_said(where: str) -> None:
    text = f"The port director said {where} that the quay would reopen in spring."
    assert texts(text) == ["the quay would reopen in spring"]


def test_a_phrase_that_takes_up_the_claim_names_who_rejects_it() -> None:
    text = "The army says it has destroyed 40 tanks, a figure the rebel command rejects."
    army, rebels = [c for c in claims(text) if c.attribution != "unattributed"]
    assert army.text == "it has destroyed 40 tanks"
    assert rebels.text == "a figure the rebel command rejects"
    assert rebels.sources[0].mention == "the rebel command"


def test_which_and_a_denial_at_the_end_of_the_sentence() -> None:
    text = "The council accused the militia of looting the market, which the militia denies."
    c = by_cue(text, "denies")
    assert c.text == "which the militia denies"
    assert c.sources[0].mention == "the militia"


def test_nothing_said_when_the_phrase_is_negated() -> None:
    text = "He said 500 soldiers had been wounded, a figure the ministry does not publish."
    assert texts(text) == ["500 soldiers had been wounded"]


def test_as_clause_takes_what_comes_before_it() -> None:
    text = "The ferry resumed sailing on Tuesday, as the port captain said on Monday."
    c = by_cue(text, "said")
    assert c.text == "The ferry resumed sailing on Tuesday"
    assert c.sources[0].mention == "the port captain"


def test_a_nested_report_without_a_link_stays_inside_the_outer_content() -> None:
    text = "The envoy said the rebels had said they would withdraw."
    envoy = [c for c in claims(text) if c.sources[0].mention == "The envoy"][0]
    assert envoy.text == "the rebels had said they would withdraw"


@pytest.mark.parametrize("between", [
    "on Tuesday", "late on Tuesday", "Tuesday night", "last week", "in a statement", "on Telegram",
    "in a statement on Telegram", "on state television", "on social media",
])
def test_the_time_or_channel_before_a_clause_without_that_is_no_part_of_it(between: str) -> None:
    c = by_cue(f"The regional governor said {between} two power stations had been hit.", "said")
    assert c.text == "two power stations had been hit"


@pytest.mark.parametrize("after", ["it had", "the brigade had", "Kyiv had"])
def test_the_clause_after_a_time_keeps_its_subject(after: str) -> None:
    c = by_cue(f"The ministry said on Friday {after} pulled back from the river.", "said")
    assert c.text == f"{after} pulled back from the river"


def test_a_name_running_on_from_a_channel_is_not_taken_for_a_subject() -> None:
    c = by_cue("The envoy said in an interview on Sky News Tonight that talks would resume.", "said")
    assert c.text == "talks would resume"


@pytest.mark.parametrize("note", ["though the toll could not be confirmed", "although the army disputed it"])
def test_a_concession_after_an_attributed_clause_is_the_outlets(note: str) -> None:
    c = by_cue(f"The shelling killed nine people in the market, local medics said, {note}.", "said")
    assert c.text == "The shelling killed nine people in the market"


def test_a_phrase_split_by_its_attribution_keeps_both_halves() -> None:
    c = by_cue("The new dam, the engineer said, would hold back the spring floods.", "said")
    assert c.text == "The new dam would hold back the spring floods"


@pytest.mark.parametrize(("sentence", "cue", "content", "source"), [
    ("Hospital officials put the death toll at 19 on Sunday.", "put", "the death toll at 19 on Sunday", "Hospital officials"),
    ("The relief agency puts the number of people sheltering in schools at 40,000.", "puts",
     "the number of people sheltering in schools at 40,000", "The relief agency"),
])
def test_putting_a_toll_at_a_figure_is_the_estimate_of_whoever_puts_it(sentence: str, cue: str, content: str, source: str) -> None:
    c = by_cue(sentence, cue)
    assert (c.text, [s.mention for s in c.sources]) == (content, [source])
    assert c.numbers and c.numbers[0].value in (19, 40_000)


@pytest.mark.parametrize("sentence", ["The toll was put at 19 by midday.", "The shelling put pressure on it to withdraw."])
def test_no_estimate_without_someone_putting_it(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


@pytest.mark.parametrize("silence", ["did not immediately comment on", "has not commented on", "did not comment on"])
def test_a_source_that_did_not_comment_made_no_claim(silence: str) -> None:
    found = claims(f"The border guard {silence} the shooting at the crossing.")
    assert [c.attribution for c in found] == ["unattributed"]


def test_what_the_source_did_not_immediately_comment_on_is_no_part_of_its_claim() -> None:
    c = by_cue("The brigade said it had retaken the bridge and did not immediately comment on its losses.", "said")
    assert c.text == "it had retaken the bridge"


def test_a_body_named_by_several_words_estimates_with_a_verb_in_s() -> None:
    c = by_cue("The regional mine action office estimates that 3,000 hectares are still mined.", "estimates")
    assert (c.text, c.sources[0].mention) == ("3,000 hectares are still mined", "The regional mine action office")


@pytest.mark.parametrize("sentence", ["The junta has not published any casualty figures.",
                                      "The ministry never provided details of the raid."])
def test_figures_or_details_never_given_are_no_claim(sentence: str) -> None:
    assert [c.attribution for c in claims(sentence)] == ["unattributed"]


# -- headlines and datelines -----------------------------------------------------------------------

def test_a_title_case_headline_is_no_claim() -> None:
    text = "Shelling Reported Near Kherson as Army Says Front Holds\n\nThe town lost power, the governor said.\n"
    assert texts(text) == ["The town lost power"]


def test_a_sentence_case_line_without_a_full_stop_is_still_read() -> None:
    text = "Governor says the town lost power;\n\nCrews worked through the night.\n"
    assert texts(text) == ["the town lost power"]


@pytest.mark.parametrize("dateline", [
    "ODESA, May 2 (Agency) - ",
    "ODESA/KYIV, May 2 (Agency) - ",
    "ODESA: ",
])
def test_a_dateline_is_neither_source_nor_content(dateline: str) -> None:
    text = f"Port Hit Overnight\n\n{dateline}Two cranes were damaged, the port authority said.\n"
    c = by_cue(text, "said")
    assert c.text == "Two cranes were damaged"
    assert all(cl.cue.text != ":" for cl in claims(text) if cl.cue)


def test_a_capitalised_name_and_colon_later_in_the_text_is_a_speaker() -> None:
    text = "The hearing opened at nine.\n\nHOST: The bridge will stay closed until spring.\n"
    c = by_cue(text, ":")
    assert c.sources[0].mention == "HOST"


def test_a_transcript_turn_opening_with_a_stray_quotation_mark_is_its_speakers() -> None:
    # some copy sets a transcript as a quotation run over paragraphs: each turn opens with a mark
    # that never closes, and the label after it names who speaks
    text = ('The full exchange follows:\n\n'
            '"HOST: Thanks for joining us. Will the bridge reopen before the winter storms arrive?\n\n'
            '"OKONJO: It will reopen. The engineers finished the deck repairs last week and the council signed off.\n\n'
            '"HOST: And the cost of the repairs was met by the county in full?\n')
    turns = [c for c in claims(text) if c.cue and c.cue.text == ":"]
    assert [c.sources[0].mention for c in turns] == ["HOST", "OKONJO", "HOST"]
    # the turn is the whole paragraph, and a report inside it is no claim of its own
    assert turns[1].text == "It will reopen. The engineers finished the deck repairs last week and the council signed off"
    assert not any(c.cue and c.cue.text == "signed off" for c in claims(text))


def test_a_transcript_turn_is_its_whole_paragraph() -> None:
    text = "The hearing opened at nine.\n\nCHAIR: The bridge will stay closed. The county says the deck is unsafe.\n"
    c = by_cue(text, ":")
    assert c.text == "The bridge will stay closed. The county says the deck is unsafe"
    assert [cl.cue.text for cl in claims(text) if cl.cue] == [":"]


@pytest.mark.parametrize("line, speaker", [
    # a roundup's extract: a heading, a dash, who wrote it, a colon and the quotation
    ("FERRY USE FELL IN THE WINTER - Ana B. Lutz and Omar Fine: “Fewer riders took the early boats than in any year on record.”",
     ["Ana B. Lutz", "Omar Fine"]),
    ("Why the count matters - More from Lutz: “The totals decide how much the county gets for the harbour.”", ["Lutz"]),
    # the party in brackets, and a long title before the name
    ("Sen. Ada Kell (D-Maine):\"No one has shown me where that estimate came from.\"", ["Sen. Ada Kell"]),
    ("Former secretary of state Ada Kell:\"We took the figure from the agency and its own review.\"",
     ["Former secretary of state Ada Kell"]),
])
def test_a_name_and_colon_before_a_quotation_is_its_speaker(line: str, speaker: list[str]) -> None:
    c = by_cue(f"The hearing opened at nine.\n\n{line}\n", ":")
    assert [s.mention for s in c.sources] == speaker
    assert c.attribution == "direct"


@pytest.mark.parametrize("heading", ["Bombshell:", "Remember:", "Setback on the Coast Road:", "CLARIFICATION:"])
def test_a_headings_word_before_a_colon_is_no_speaker(heading: str) -> None:
    # a one-word label the story never uses again is a word of a heading, not a name
    text = f"The port reopened on Monday.\n\n{heading} The council sold the harbour land to a developer last spring.\n"
    assert not any(c.cue and c.cue.text == ":" for c in claims(text))


def test_a_one_word_label_the_story_names_again_is_a_speaker() -> None:
    text = "Okonjo: The ferry will run again in spring, and fares will stay the same.\n\nOkonjo spoke at the pier.\n"
    c = by_cue(text, ":")
    assert c.sources[0].mention == "Okonjo"


def test_a_reviewer_named_after_by_is_not_read_as_a_colon_speaker() -> None:
    text = "The hearing opened at nine.\n\nA new play opens, reviewed by The Courier’s Ada Kell: “The cast is young and quick.”\n"
    assert not any(c.cue and c.cue.text == ":" for c in claims(text))


# -- junk ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("aside", [
    "who asked not to be named",
    "who declined to be identified",
    "asking not to be quoted",
    "who requested anonymity",
    "who did not want his full name used",
    "who did not want her surname published",
])
def test_a_request_for_anonymity_is_no_claim(aside: str) -> None:
    text = f"A border guard, {aside}, said three trucks had crossed."
    assert texts(text) == ["three trucks had crossed"]


def test_an_official_who_asked_not_to_be_named_estimated() -> None:
    text = "An officer who asked not to be named estimated that 60 vehicles were stuck."
    c = by_cue(text, "estimated")
    assert c.text == "60 vehicles were stuck"
    assert c.sources[0].mention == "An officer"
    assert texts(text) == ["60 vehicles were stuck"]


def test_not_wanting_a_name_used_is_no_claim() -> None:
    assert texts("The nurse did not want her name used.") == []


@pytest.mark.parametrize("sentence", [
    "The garrison was offering stiff resistance near the dam.",
    "Moscow is pressing to capture the junction.",
    "The column pressed on toward the coast.",
])
def test_force_is_not_a_stance(sentence: str) -> None:
    assert texts(sentence) == []


def test_offering_words_is_still_a_stance() -> None:
    c = by_cue("The minister offered condolences to the crew's families.", "offered")
    assert c.text.startswith("condolences")


@pytest.mark.parametrize("sentence", [
    "The agency could not independently confirm the account.",
    "The ministry has not acknowledged the losses.",
    "The Kremlin referred questions about the convoy to the army.",
])
def test_saying_nothing_is_no_claim(sentence: str) -> None:
    assert texts(sentence) == []


def test_confirming_a_clause_after_a_negation_is_still_read() -> None:
    c = by_cue("The army did not confirm that the bridge had fallen.", "confirm")
    assert c.text == "the bridge had fallen"


def test_a_word_of_a_named_source_after_according_to_is_no_second_cue() -> None:
    text = "According to the Border Data project, 900 people crossed in May."
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert len(cs) == 1 and cs[0].cue.text == "According to"


def test_the_same_content_from_one_source_under_two_cues_counts_once() -> None:
    text = ("Colonel Ivan Petrov was asked how the siege would end. "
            "He responded then the way we must respond now: the city will not fall.")
    assert texts(text) == ["the city will not fall"]


@pytest.mark.parametrize("sentence", [
    "It's worth noting that the ferry has never once run on time.",
    "I'm old enough to remember Mayor Ruiz going on the radio in 1990, declaring the harbour closed for good.",
    "It's easy to be cynical about the deal and call the council lazy.",
])
def test_a_clause_opening_with_a_contraction_is_no_source(sentence: str) -> None:
    # "It's worth", "I'm old enough": a pronoun's contraction that runs on opens a clause, not a noun phrase
    assert not any(c.sources and c.sources[0].mention.split()[0].lower() in ("it's", "i'm") for c in claims(sentence))


def test_a_contracted_pronoun_alone_is_still_a_subject() -> None:
    cs = [c for c in claims("They’ve argued that the ferry is too slow.") if c.attribution != "unattributed"]
    assert [(c.text, c.sources[0].mention) for c in cs] == [("the ferry is too slow", "They")]


# -- page furniture --------------------------------------------------------------------------------

FURNITURE = (
    "Drones Hit Rail Yard\n\n"
    "By Marta Kovalenko and Ian Doyle\n\n"
    "LVIV, June 4 (Agency) - Drones hit a rail yard overnight, the regional governor said.\n\n"
    "Reporting by Marta Kovalenko in Lviv; Editing by Ian Doyle\n\n"
    "Our Standards: The Agency Principles.\n\n"
    "Agency Media Ltd, 14 River Street, Leeds LS1 4AB. Tel: +44 113 000 0000.\n\n"
    "Marta Kovalenko is a correspondent in Lviv who writes about the railways.\n"
)


def test_page_furniture_makes_no_claim() -> None:
    cs = claims(FURNITURE)
    assert [(c.text, c.attribution) for c in cs] == [("Drones hit a rail yard overnight", "indirect")]


def test_copy_that_only_looks_like_furniture_is_still_read() -> None:
    text = "By the end of the week, officials said, the line would reopen. Police said 9 Canal Street was hit.\n"
    assert texts(text) == ["the line would reopen", "9 Canal Street was hit"]


def test_according_to_his_own_information_is_no_second_claim() -> None:
    text = "The scout said the road was cut and, according to his information, the ford was mined."
    cs = [c for c in claims(text) if c.attribution != "unattributed"]
    assert len(cs) == 1
    assert cs[0].sources[0].mention == "The scout"
    assert "the ford was mined" in cs[0].text


def test_according_to_his_information_alone_names_the_pronoun() -> None:
    text = "Colonel Ivan Petrov spoke at noon. According to his information, the ford is mined."
    c = by_cue(text, "According to")
    assert c.sources[0].mention == "his"
    assert c.sources[0].canonical == "Ivan Petrov"


def test_words_after_a_source_in_the_middle_that_open_with_a_preposition_are_the_outlets() -> None:
    text = "Nine sailors were rescued, the coast guard said, without giving their names."
    (c,) = [x for x in claims(text) if x.attribution != "unattributed"]
    assert c.text == "Nine sailors were rescued"
    (t,) = [x for x in claims("Two barges sank, the port authority said, in a statement on Monday.") if x.attribution != "unattributed"]
    assert t.text == "Two barges sank"
    # a predicate after the source still completes the claim
    (d,) = [x for x in claims("The breakwater, the coast guard said, was breached twice.") if x.attribution != "unattributed"]
    assert d.text == "The breakwater was breached twice"


def test_a_count_that_could_not_be_verified_is_the_outlets_caveat() -> None:
    text = "The navy said it had sunk 14 boats, a figure that could not be independently verified."
    assert texts(text) == ["it had sunk 14 boats"]
