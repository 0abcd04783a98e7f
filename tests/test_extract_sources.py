"""Sources of extracted claims: kinds, registry names, pronouns, several at once, relays and carry-over."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim, Source
from verify.registry import Registry


def one(text: str, words: str, registry: Registry | None = None) -> Claim:
    found = [c for c in extract_claims(text, registry) if words in c.text]
    assert found, f"no claim contains {words!r}"
    return found[0]


def kinds_of(text: str, words: str) -> list[tuple[str, str]]:
    return [(s.mention, s.kind) for s in one(text, words).sources]


def test_registry_aliases_resolve_to_one_canonical_name() -> None:
    text = (
        "Russian President Vladimir Putin said the talks were over. Putin added that the border "
        "would stay closed. The Kremlin said the decision was final."
    )
    assert one(text, "talks").sources[0].canonical == "Vladimir Putin"
    assert one(text, "border").sources[0].canonical == "Vladimir Putin"
    c = one(text, "decision")
    assert c.sources[0].canonical == "Government of Russia"
    assert c.sources[0].kind == "organisation"


def test_pronoun_resolves_to_the_last_named_person() -> None:
    text = "Dmitry Peskov spoke to reporters on Friday. He said the convoy had turned back."
    c = one(text, "convoy")
    assert c.sources[0].mention == "He"
    assert c.sources[0].canonical == "Dmitry Peskov"
    assert text[c.sources[0].span[0] : c.sources[0].span[1]] == "He"


def test_a_pronoun_after_an_unnamed_person_is_that_person() -> None:
    text = ("The governor said the dam had held. A farmer who lost his barn said the water came at night. "
            "\"We had ten minutes,\" he said.")
    c = one(text, "ten minutes")
    assert (c.sources[0].mention, c.sources[0].canonical, c.sources[0].kind) == ("he", "unnamed farmer", "anonymous")


def test_surname_resolves_to_the_full_name_used_earlier() -> None:
    text = "Lena Okafor, the port director, said exports fell. Okafor said imports rose."
    assert one(text, "imports").sources[0].canonical == "Lena Okafor"


def test_several_sources_in_one_phrase() -> None:
    c = one("On Tuesday the White House and the Pentagon confirmed the shipment had arrived.", "shipment")
    assert sorted(s.canonical for s in c.sources) == ["Pentagon", "White House"]


@pytest.mark.parametrize("opening", ["Both", "Either"])
def test_the_word_that_pairs_two_sources_is_no_part_of_the_first(opening: str) -> None:
    c = one(f"{opening} the army and the police said the ferry had sunk within minutes.", "ferry")
    assert [(s.mention, s.kind) for s in c.sources] == [("the army", "organisation"), ("the police", "organisation")]


@pytest.mark.parametrize("phrase", [
    "Villagers in the upper valley", "Families from the flooded village", "Farmers near the ceasefire line",
    "Volunteers outside the field hospital",
])
def test_people_placed_somewhere_are_the_source_not_the_place(phrase: str) -> None:
    c = one(f"{phrase} said the drones came in low before dawn.", "drones")
    assert [(s.mention, s.kind) for s in c.sources] == [(phrase, "anonymous")]


@pytest.mark.parametrize("where", ["here", "there"])
def test_where_the_reporter_stands_is_no_part_of_the_source(where: str) -> None:
    c = one(f"Aid workers {where} said the crossing had been shut since dawn.", "crossing")
    assert [(s.mention, s.kind) for s in c.sources] == [("Aid workers", "anonymous")]


@pytest.mark.parametrize("group", ["could not resist", "would not stop", "could never resist"])
def test_a_verb_after_its_auxiliary_is_no_source(group: str) -> None:
    text = f"The defence minister {group} taking a swipe at the generals, saying the front would hold."
    c = one(text, "front")
    assert [s.mention for s in c.sources] == ["The defence minister"]


@pytest.mark.parametrize("text", [
    "Will Farrant, who runs the shelter, said the roof had been hit twice.",
    "The roof had been hit twice, said Will Farrant, who runs the shelter.",
])
def test_will_before_a_surname_is_a_first_name(text: str) -> None:
    c = one(text, "roof")
    assert [(s.mention, s.kind) for s in c.sources] == [("Will Farrant", "person")]


def test_will_opening_a_question_stays_the_modal() -> None:
    assert all(c.attribution == "unattributed" or c.sources[0].mention != "Will Kyiv"
               for c in extract_claims("Will Kyiv agree to the terms the envoys said were final?"))


def test_a_second_verb_after_and_keeps_the_name_given_in_the_aside() -> None:
    text = ("A navy spokesman, Captain Ilya Sorokin, told state radio the patrol boat had returned to port "
            "and denied that it had fired on the trawler.")
    found = [c for c in extract_claims(text) if c.attribution != "unattributed"]
    assert [(c.polarity, c.sources[0].mention, c.sources[0].kind) for c in found] == [
        ("asserted", "A navy spokesman, Captain Ilya Sorokin", "person"),
        ("denied", "A navy spokesman, Captain Ilya Sorokin", "person"),
    ]


@pytest.mark.parametrize(("text", "source"), [
    ("The ministry blamed saboteurs for the fire, an accusation the union says it rejects outright.", "the union"),
    ("Half the villagers said the well had been poisoned.", "Half the villagers"),
    ("All the medics said the wounded were civilians.", "All the medics"),
])
def test_a_noun_before_an_article_belongs_to_another_phrase(text: str, source: str) -> None:
    c = [c for c in extract_claims(text) if c.cue and c.cue.text in ("says", "said")][0]
    assert c.sources[0].mention == source


def test_now_after_a_name_is_part_of_the_name() -> None:
    c = one("The news site Frontline Now, citing two nurses, said the clinic had been shelled.", "clinic")
    assert [s.mention for s in c.sources] == ["two nurses"]
    assert [s.mention for s in c.relayed_by] == ["The news site Frontline Now"]


def test_outside_before_a_noun_is_part_of_the_source() -> None:
    c = one("An outside monitoring group said the count was far too low.", "count")
    assert c.sources[0].mention == "An outside monitoring group"


def test_anonymous_sources() -> None:
    c = one("A senior Ukrainian military official said the bridge had been hit twice.", "bridge")
    assert c.sources[0].kind == "anonymous"
    assert c.sources[0].canonical == "senior Ukrainian military official"
    d = one("People familiar with the negotiations said a deal was close.", "deal")
    assert d.sources[0].kind == "anonymous"


def test_weak_attributions_are_vague_and_keep_their_cue() -> None:
    for text, cue in [
        ("Sources say the convoy was delayed by fuel shortages.", "say"),
        ("Reports indicate that the convoy was delayed by fuel shortages.", "indicate"),
        ("It is believed that the convoy was delayed by fuel shortages.", "is believed"),
        ("Estimates suggest the convoy was delayed by fuel shortages.", "suggest"),
    ]:
        c = one(text, "convoy was delayed")
        assert c.sources[0].kind == "vague", text
        assert c.cue is not None and c.cue.text == cue
        assert c.attribution != "unattributed"


def test_user_registry_entries_are_used() -> None:
    reg = Registry.starter()
    reg.add(Source(canonical="Harbour Authority of Tallinn", kind="organisation", aliases=["the harbour authority"]))
    c = one("The harbour authority said the quay was closed.", "quay", reg)
    assert c.sources[0].canonical == "Harbour Authority of Tallinn"


def test_second_hand_claim_is_relayed_by_the_organisation_telling_it() -> None:
    text = (
        "The SBU said the prisoners were questioned with interpreters. One prisoner claimed he had "
        "been promised a construction job.\n"
    )
    c = one(text, "construction job")
    assert c.sources[0].mention == "One prisoner"
    assert [r.canonical for r in c.relayed_by] == ["Security Service of Ukraine"]


def test_a_spokesman_after_his_bodys_account_speaks_for_it_and_relays_nothing() -> None:
    text = ("The border guard said its boats had stopped a smuggling convoy. A border guard spokeswoman said "
            "three of the smugglers had been arrested.\n")
    c = one(text, "three of the smugglers")
    assert [s.mention for s in c.sources] == ["A border guard spokeswoman"]
    assert c.relayed_by == []


def test_a_report_passed_on_by_a_trailing_according_to_is_relayed_by_it() -> None:
    text = "The harbour master said two tugs had sunk at their moorings, according to the port's radio station.\n"
    tugs = one(text, "two tugs had sunk")
    assert [s.mention for s in tugs.sources] == ["The harbour master"]
    assert [r.mention for r in tugs.relayed_by] == ["the port's radio station"]
    # the station's own claim, that the harbour master said so, is kept as its own
    station = [c for c in extract_claims(text) if c.sources and c.sources[0].mention == "the port's radio station"]
    assert [c.text for c in station] == ["The harbour master said two tugs had sunk at their moorings"]


def test_two_accounts_of_one_sentence_each_with_its_according_to_stay_apart() -> None:
    text = ("About 40 fishing boats were lost in the storm, according to the harbour authority, while three "
            "crew members are still missing, according to the coast guard.\n")
    boats, crews = one(text, "fishing boats"), one(text, "crew members")
    assert boats.text == "About 40 fishing boats were lost in the storm"
    assert crews.text == "three crew members are still missing"
    assert [s.mention for s in boats.sources] == ["the harbour authority"] and not boats.relayed_by
    assert [s.mention for s in crews.sources] == ["the coast guard"] and not crews.relayed_by
    # a trailing "said" after such a sentence signs the second clause alone
    later = one("Ten boats sank, according to the harbour authority, while two crews swam ashore, the mayor said.\n",
                "swam ashore")
    assert later.text == "two crews swam ashore" and [s.mention for s in later.sources] == ["the mayor"]


def test_an_account_told_inside_another_sources_report_is_relayed_by_that_source() -> None:
    text = "A deserter told border guards he had been ordered to burn the depot, the interior ministry said.\n"
    c = one(text, "burn the depot")
    assert [s.mention for s in c.sources] == ["A deserter"]
    assert [r.mention for r in c.relayed_by] == ["the interior ministry"]


def test_an_account_after_a_fronted_according_to_is_relayed_by_it() -> None:
    text = "According to the navy, the skipper said his trawler had been boarded twice.\n"
    (c,) = [x for x in extract_claims(text) if x.text == "his trawler had been boarded twice"]
    assert [s.mention for s in c.sources] == ["the skipper"]
    assert [r.mention for r in c.relayed_by] == ["the navy"]


def test_a_relay_is_the_closest_report_and_never_a_stance_or_the_speaker_itself() -> None:
    # "which backs ..." is a stance around the denial, not a report of it: the officials relay it
    text = "The council, which backs the militia, has denied hiring foreign pilots, port officials said.\n"
    c = one(text, "foreign pilots")
    assert [r.mention for r in c.relayed_by] == ["port officials"]
    # a source going on about its own campaign does not relay itself
    own = "The militia said it had hit a barge, part of a campaign it says is lawful.\n"
    assert all(not c.relayed_by for c in extract_claims(own))


def test_a_claim_cut_to_nothing_inside_a_report_is_no_relay_and_no_error() -> None:
    text = ("The campaign has not decided what other issues it would raise. The aide said areas where Lee wants "
            "to see changes include:\n\nVoter rolls: Lee, whose base includes farmers and students, said closed "
            "primaries -- those open only to party members -- shut out young voters.\n")
    assert any("closed primaries" in c.text for c in extract_claims(text))


@pytest.mark.parametrize("sentence", [
    "The Baltic news agency quoted a harbour pilot as saying that two tankers had collided.",
    "The Baltic news agency quoted a harbour pilot as telling its reporter that two tankers had collided.",
])
def test_quoted_as_saying_is_the_quoted_persons_claim_relayed_by_the_agency(sentence: str) -> None:
    [c] = [x for x in extract_claims(sentence) if x.attribution != "unattributed"]
    assert c.text == "two tankers had collided"
    assert [s.mention for s in c.sources] == ["a harbour pilot"]
    assert [r.mention for r in c.relayed_by] == ["The Baltic news agency"]


@pytest.mark.parametrize("sentence", [
    "The Coastal Gazette reported, citing the fisheries ministry, that the cod quota would be halved.",
    "The Coastal Gazette reported that the cod quota would be halved, citing the fisheries ministry.",
    "Citing the fisheries ministry, the Coastal Gazette reported that the cod quota would be halved.",
])
def test_a_report_citing_a_source_is_that_sources_claim_relayed_by_the_reporter(sentence: str) -> None:
    [c] = [x for x in extract_claims(sentence) if x.attribution != "unattributed"]
    assert c.text == "the cod quota would be halved"
    assert [s.mention for s in c.sources] == ["the fisheries ministry"]
    assert [r.mention.lower() for r in c.relayed_by] == ["the coastal gazette"]


def test_citing_a_reason_is_no_source() -> None:
    text = "The ferry company said it had cancelled the crossing, citing high winds."
    c = one(text, "cancelled")
    assert (c.text, c.sources[0].mention, c.relayed_by) == ("it had cancelled the crossing", "The ferry company", [])


def test_state_news_agencies_are_outlets_that_speak_for_their_state() -> None:
    reg = Registry.starter()
    for name, state in [("RIA Novosti", "Government of Russia"), ("TASS", "Government of Russia"),
                        ("Ukrinform", "Government of Ukraine")]:
        src = reg.resolve(name)
        assert (src.kind, src.affiliation) == ("outlet", state)
        assert "party-to-conflict" in src.tags


@pytest.mark.parametrize("mention, canonical", [
    ("Ukraine's defence ministry", "Ministry of Defence of Ukraine"),
    ("The Ukrainian foreign ministry", "Ministry of Foreign Affairs of Ukraine"),
    ("Russia's foreign ministry", "Ministry of Foreign Affairs of Russia"),
])
def test_the_warring_states_ministries_are_in_the_starter_registry(mention: str, canonical: str) -> None:
    c = one(f"{mention} said the convoy had turned back.", "convoy")
    assert (c.sources[0].canonical, c.sources[0].kind) == (canonical, "organisation")


@pytest.mark.parametrize("mention, canonical, kind", [
    ("Lavrov", "Sergei Lavrov", "person"),
    ("Russia's RIA state news agency", "RIA Novosti", "outlet"),
    # a title a letter away from a ministry's name is still a person
    ("Ukraine's foreign minister", "Ukraine's foreign minister", "person"),
    ("According to a Coast Guard tally,", "Coast Guard tally", "organisation"),
])
def test_wire_sources_resolve_to_who_they_are(mention: str, canonical: str, kind: str) -> None:
    text = (f"{mention} the ferry had sunk." if mention.startswith("According") else f"{mention} said the ferry had sunk.")
    c = one(text, "ferry")
    assert (c.sources[0].canonical, c.sources[0].kind) == (canonical, kind)


def test_descriptive_registry_entry_for_an_unnamed_person() -> None:
    text = (
        "Ukrainian troops captured North Korean soldiers near the border, the SBU said. "
        "One soldier said he had never seen a map of the area.\n"
    )
    c = one(text, "map of the area")
    assert c.sources[0].canonical == "captured North Korean soldier"


def test_a_captured_soldier_of_another_war_is_not_the_starter_registrys_prisoner() -> None:
    # the starter registry knows one captured North Korean soldier; a Russian paratrooper held by
    # Ukraine, or a conscript held by a militia, is someone else, unnamed
    text = (
        "Ukrainian troops took two Russian paratroopers prisoner near Vovchansk, the army said. "
        "A captured soldier said in a video that his unit had been sent from Pskov.\n"
    )
    c = one(text, "Pskov")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("unnamed captured soldier", "anonymous")


@pytest.mark.parametrize("mention, canonical", [
    ("One of the captured soldiers", "unnamed captured soldiers"),
    ("Some of the displaced families", "unnamed displaced families"),
    ("Many of the medics", "unnamed medics"),
])
def test_one_of_a_group_is_named_by_the_group(mention: str, canonical: str) -> None:
    c = one(f"The town fell in March. {mention}, speaking in a video released on Sunday, said the road was mined.\n", "mined")
    assert c.sources[0].canonical == canonical


@pytest.mark.parametrize("mention, canonical, kind", [
    ("One of the conscripted drivers", "unnamed conscripted drivers", "anonymous"),
    ("Some of the stranded fishermen", "unnamed stranded fishermen", "anonymous"),
    ("Several of the nurses", "unnamed nurses", "anonymous"),
])
def test_a_share_of_a_group_is_the_whole_phrase_and_kind_of_the_group(mention: str, canonical: str, kind: str) -> None:
    c = one(f"The ferry sank off the coast. {mention} said the engine had failed twice.\n", "engine")
    s = c.sources[0]
    assert (s.mention, s.canonical, s.kind) == (mention, canonical, kind)


def test_one_of_them_is_someone_of_the_people_counted_before() -> None:
    c = one("Volunteer rescuers said the ferry had capsized at dawn. Some of them said the hull had split in two.\n", "hull")
    assert (c.sources[0].mention, c.sources[0].canonical, c.sources[0].kind) == ("Some of them", "unnamed volunteer rescuers", "anonymous")
    c = one("Two herders were stopped at the checkpoint. \u201cWe only wanted water,\u201d said one of them.\n", "water")
    assert (c.sources[0].mention, c.sources[0].canonical, c.sources[0].kind) == ("one of them", "unnamed person", "anonymous")


def test_a_sentence_opening_with_a_phrase_is_no_one_a_pronoun_can_mean() -> None:
    # "Despite the shelling", "Like most of the staff", "Running short of fuel": the capitalised first
    # word opens a phrase, it is not a subject a later "she" refers to
    text = (
        "Amina Yusuf runs the only clinic still open in the east of the city.\n\n"
        "Despite the shelling, its doors stayed open all week. Like most of the staff, she sleeps there. "
        "Running short of fuel, the clinic cut its hours on Friday.\n\n"
        "She said the wards were full of children hurt by shrapnel.\n"
    )
    c = one(text, "shrapnel")
    assert c.sources[0].canonical == "Amina Yusuf"


def test_a_word_capitalised_only_where_it_opens_a_sentence_is_no_name() -> None:
    text = (
        "Volunteers from the Sudanese Red Crescent reached the camp on Tuesday.\n\n"
        "Exhausted families queued for water through the night. They said the wells had been poisoned.\n"
    )
    src = one(text, "wells").sources[0]
    assert src.canonical != "Exhausted" and src.kind != "organisation"


def test_the_armed_group_is_the_body_last_named() -> None:
    text = (
        "The Rapid Support Forces said on Sunday that they had taken the airport.\n\n"
        "The paramilitary group said its fighters had not entered the camp.\n"
    )
    c = one(text, "entered the camp")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("Rapid Support Forces", "organisation")


def test_the_agency_is_the_body_last_named() -> None:
    text = (
        "The Danube Relief Network said 2,000 families had reached the camp.\n\n"
        "The agency warned that the wells would run dry within a week.\n"
    )
    c = one(text, "wells would run dry")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("Danube Relief Network", "organisation")


@pytest.mark.parametrize("text, canonical", [
    ("Turkish officials said the convoy had crossed at dawn.", "Turkish officials"),
    ("Russian state media said the convoy had crossed at dawn.", "Russian state media"),
    ("The convoy had crossed at dawn, according to Israeli tallies.", "Israeli tallies"),
    ("Officials said the convoy had crossed at dawn.", "officials"),
])
def test_a_nationality_keeps_its_capital_in_an_unnamed_source(text: str, canonical: str) -> None:
    assert one(text, "convoy had crossed").sources[0].canonical == canonical


def test_inherited_claims_continue_the_account() -> None:
    text = (
        "The ministry said two pilots had been rescued from the sea. Both pilots were taken to a hospital.\n\n"
        "Ana Ruiz said she had left the town in March. She posted a video of the empty square.\n"
    )
    c = one(text, "taken to a hospital")
    assert c.attribution == "inherited"
    assert c.sources[0].mention == "The ministry"
    d = one(text, "video of the empty square")
    assert d.attribution == "inherited"
    assert d.sources[0].mention == "She"
    assert d.sources[0].canonical == "Ana Ruiz"


def test_background_sentences_stay_unattributed() -> None:
    text = (
        "The governor said the dam would be repaired by June. These days the reservoir is half empty.\n\n"
        "The announcement followed a week of heavy rain. The dam was built in 1961 and supplies three towns.\n"
    )
    for words in ("reservoir is half empty", "week of heavy rain", "built in 1961"):
        c = one(text, words)
        assert c.attribution == "unattributed"
        assert c.sources == []


def test_headings_bylines_and_author_notes_are_not_claims() -> None:
    text = (
        "Floods Close Three Roads in the Valley\n\n"
        "By Jane Roe\n\n"
        "Photo: The river at dawn on Sunday, seen from the old bridge.\n\n"
        "Three roads were closed after the river rose overnight.\n\n"
        "Author\n\n"
        "Jane Roe is a staff reporter covering the valley and its towns.\n\n"
        "View all posts\n"
    )
    texts = [c.text for c in extract_claims(text)]
    assert texts == ["Three roads were closed after the river rose overnight"]
    assert extract_claims(text)[0].attribution == "unattributed"


def test_numbers_are_attached_to_claims() -> None:
    c = one("The agency said about 1,200 people had been evacuated.", "evacuated")
    assert [n.text for n in c.numbers] == ["about 1,200"]


def test_outlet_main_clause_before_an_attributed_subordinate_clause() -> None:
    text = "The count is the first official tally of damaged bridges, days after the ministry said that nine had collapsed.\n"
    claims = extract_claims(text)
    own = [c for c in claims if c.attribution == "unattributed"]
    assert [c.text for c in own] == ["The count is the first official tally of damaged bridges"]
    said = one(text, "nine had collapsed")
    assert said.sources[0].mention == "the ministry"


def test_short_and_middle_initial_names_resolve_to_the_full_name_of_the_article() -> None:
    text = (
        "Marta K. Ilves said the ferry service would resume in May. Ilves added that fares would not rise. "
        "Marta Ilves said later that two new boats had been ordered."
    )
    names = {s.canonical for c in extract_claims(text) for s in c.sources}
    assert names == {"Marta Ilves"}


def test_a_surname_before_the_full_name_still_resolves_to_it() -> None:
    text = "Ilves said the pier was unsafe. Harbour master Marta Ilves said repairs would take a month."
    assert one(text, "pier").sources[0].canonical == "Marta Ilves"


def test_place_and_title_before_a_name_are_not_the_name() -> None:
    c = one("Nevada Sen. Jane Holt said the water bill would pass.", "water bill")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("Jane Holt", "person")
    d = one("Senator Jane Holt of Nevada said the water bill would pass.", "water bill")
    assert d.sources[0].canonical == "Jane Holt"


def test_a_name_runs_on_across_for_after_a_title() -> None:
    c = one("The office of the Special Envoy for Arctic Affairs said the talks would resume.", "talks")
    assert c.sources[0].canonical == "Special Envoy for Arctic Affairs"


def test_a_definite_description_resolves_to_the_named_source_with_that_head_noun() -> None:
    text = (
        "Estonia's Ministry of Transport said the bridge would close on Monday. "
        "The ministry said a detour had been signposted."
    )
    assert one(text, "detour").sources[0].canonical == one(text, "bridge").sources[0].canonical
    assert one(text, "detour").sources[0].kind == "organisation"


def test_bare_role_nouns_and_lone_pronouns_are_never_named_sources() -> None:
    for text, words in [
        ("The minister said the port would reopen next week.", "port"),
        ("The company said its profits had doubled.", "profits"),
        ("It said the road was closed.", "road"),
        ("He said the vote was rigged.", "vote"),
    ]:
        src = one(text, words).sources[0]
        assert src.kind in ("anonymous", "vague"), (text, src)
        assert src.canonical.startswith("unnamed"), (text, src)


def test_data_that_shows_something_is_not_a_person() -> None:
    src = one("Shipping data showed grain exports fell by a third.", "grain").sources[0]
    assert (src.mention, src.kind) == ("Shipping data", "vague")


def test_party_members_in_general_are_vague_and_a_named_paper_is_an_organisation() -> None:
    assert one("Republicans said the budget was too large.", "budget").sources[0].kind == "vague"
    src = one("The Guardian reported that the dam had failed.", "dam").sources[0]
    assert (src.canonical, src.kind) == ("Guardian", "organisation")


def test_the_speaker_stands_before_a_relative_clause_without_commas() -> None:
    from verify.extract import extract_claims

    c = [x for x in extract_claims("Two divers who worked on the sunken wreck said the hull had cracked.") if "hull" in x.text][0]
    assert c.sources[0].mention == "Two divers"
    d = [x for x in extract_claims("A port official who spoke with the Coastal Gazette said the dredging would stop.") if "dredging" in x.text][0]
    assert d.sources[0].mention == "A port official"


@pytest.mark.parametrize("relative", ["that", "which"])
def test_the_speaker_stands_before_a_relative_clause_about_a_thing(relative: str) -> None:
    # the place named in the clause is where the thing was, not who speaks
    text = f"The skipper of a barge {relative} ran aground near Vukovar said the cargo was safe."
    c = [x for x in extract_claims(text) if "cargo" in x.text][0]
    assert [s.mention for s in c.sources] == ["The skipper of a barge"]


def test_a_document_with_words_after_it_is_still_the_source_of_what_it_shows() -> None:
    c = [x for x in extract_claims("Records kept by the port authority show that the ferry ran late twice a week.") if "ran late" in x.text][0]
    assert c.sources[0].mention == "Records kept by the port authority"
    assert c.cue.text == "show"
    d = [x for x in extract_claims("A survey of 300 skippers found wide support for the levy.") if "levy" in x.text][0]
    assert d.sources[0].mention == "A survey of 300 skippers"


def test_a_body_in_a_place_is_the_body_not_the_place() -> None:
    c = [x for x in extract_claims("Police in Odesa said two people were hurt.") if x.sources][0]
    assert c.sources[0].mention == "Police in Odesa"
    c = [x for x in extract_claims("Harbour officials at the ministry said the port would reopen.") if x.sources][0]
    assert c.sources[0].mention == "Harbour officials at the ministry"


@pytest.mark.parametrize("sentence, mention", [
    ("A nurse at the field clinic said the generator had run dry.", "A nurse at the field clinic"),
    ("\"We have no more bandages,\" a doctor at the camp told reporters by phone.", "a doctor at the camp"),
    ("\"The bridge is gone,\" a witness in the village said.", "a witness in the village"),
])
def test_one_person_at_a_place_is_the_person_not_the_place(sentence: str, mention: str) -> None:
    c = [x for x in extract_claims(sentence) if x.sources][0]
    assert c.sources[0].mention == mention and c.sources[0].kind == "anonymous"
    assert "by phone" not in c.text


@pytest.mark.parametrize("sentence, canonical", [
    ("The transport ministry in Tallinn said the ferry would sail on Friday.", "transport ministry in Tallinn"),
    ("The Ministry of Transport in Tallinn said the ferry would sail on Friday.", "Ministry of Transport in Tallinn"),
])
def test_a_ministry_placed_in_a_capital_is_the_ministry_not_the_capital(sentence: str, canonical: str) -> None:
    src = one(sentence, "ferry").sources[0]
    assert (src.canonical, src.kind) == (canonical, "organisation")


def test_a_description_ending_in_a_place_gives_way_to_the_name_after_it() -> None:
    src = one("The mayor of Tartu, Kaspar Lumi, said the bridge would reopen in May.", "bridge").sources[0]
    assert (src.canonical, src.kind) == ("Kaspar Lumi", "person")


@pytest.mark.parametrize("rank", ["Brig.", "Cpl.", "Pvt."])
def test_a_military_rank_does_not_end_the_sentence(rank: str) -> None:
    text = f"The spokesman for the coast guard, {rank} Aino Kask, said the trawler had been towed to port."
    cs = extract_claims(text)
    assert [c.text for c in cs] == ["the trawler had been towed to port"]
    assert cs[0].sources[0].canonical.endswith("Aino Kask")


def test_a_quotation_after_a_reported_claim_is_the_same_speakers() -> None:
    text = 'The captain said the ferry would run. "We have checked the hull twice."\n'
    found = [c for c in extract_claims(text) if "checked the hull" in c.text]
    assert found and found[0].sources[0].mention == "The captain"


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("The ferry crews almost immediately said the harbour was closed.", "The ferry crews"),
        ("The dock workers have twice complained that the cranes were unsafe.", "The dock workers"),
        ("The two unions have in fact reported that the cranes were unsafe.", "The two unions"),
        ("The harbour board has so far argued that the cranes were unsafe.", "The harbour board"),
        ("The pilots have both said that the cranes were unsafe.", "The pilots"),
        ("They all agreed that the cranes were unsafe.", "They"),
    ],
)
def test_an_adverb_or_quantifier_before_the_verb_is_not_the_source(sentence: str, source: str) -> None:
    assert one(sentence, "cranes were unsafe" if "cranes" in sentence else "harbour").sources[0].mention == source


def test_a_verb_after_to_is_no_source() -> None:
    text = "The harbour master went on to discuss recently released figures on ferry delays."
    assert not [c for c in extract_claims(text) if c.sources and c.sources[0].mention == "discuss"]


def test_a_share_keeps_its_almost() -> None:
    c = one("Almost half of the crews said the harbour was closed.", "harbour")
    assert c.sources[0].mention == "Almost half of the crews"


def test_a_speaker_after_an_opening_document_is_the_source() -> None:
    text = "In a memo to the crews, the ferry company warned that fares would rise."
    found = [c for c in extract_claims(text) if "fares would rise" in c.text]
    assert [c.sources[0].mention for c in found] == ["the ferry company"]


def test_a_poll_opening_the_sentence_still_reports_its_respondents() -> None:
    text = "In a poll released Monday, most islanders said the ferry was too slow."
    found = [c for c in extract_claims(text) if "ferry was too slow" in c.text]
    assert "a poll" in [c.sources[0].mention for c in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two captains spent weeks lobbing pointed insults at one another.",
        "The mayor has ignored every warning, committing repeated blunders after telling her staff she would soften her tone.",
    ],
)
def test_a_participle_alone_is_no_source(sentence: str) -> None:
    for c in extract_claims(sentence):
        assert not any(s.mention in ("lobbing", "committing") for s in c.sources)


def test_a_participle_opening_the_sentence_is_not_the_subject() -> None:
    c = one("Chastened by the audit, the mayor revised the budget, promising to cut fares for commuters.", "cut fares")
    assert c.sources[0].mention == "the mayor"


def test_a_participle_after_a_second_clause_belongs_to_that_clause() -> None:
    c = one("The ferry was late again, and the captain turned back to port, saying the crossing had been rough.", "rough")
    assert c.sources[0].mention == "the captain"


@pytest.mark.parametrize("sentence, speaker", [
    ("The harbour master on Monday renewed his attacks on the ferry line, saying its boats were \"a danger to all.\"",
     "The harbour master"),
    ("The fishermen's union has sharpened its criticism of the quota board, saying the limits ignore the science.",
     "The fishermen's union"),
])
def test_a_participle_after_a_possessive_noun_cue_belongs_to_the_clause_subject(sentence: str, speaker: str) -> None:
    # "his attacks on", "its criticism of" are claims owned by a pronoun; the participle's speaker is
    # the subject of the clause the pronoun stands for
    c = one(sentence, sentence.split("saying ")[1][:12])
    assert c.cue.text == "saying"
    assert c.sources[0].mention == speaker


def test_a_lawmakers_party_label_does_not_stand_for_the_subject() -> None:
    text = "Rep. Ada Kell, D-Maine, who faces a hard race this fall, dropped her backing for the dam, saying it costs too much."
    c = one(text, "costs too much")
    assert c.sources[0].mention == "Rep. Ada Kell"



def test_a_belief_inside_another_sources_finding_is_not_listed_as_theirs() -> None:
    found = extract_claims("A new survey found that few islanders thought of the ferry as a priority.")
    assert [s.mention for c in found for s in c.sources] == ["A new survey"]


def test_a_stance_inside_a_finding_is_the_findings() -> None:
    found = extract_claims("A new survey found that most islanders backed the new timetable.")
    assert [s.mention for c in found for s in c.sources] == ["A new survey"]


def test_a_study_of_people_named_by_a_data_word_is_the_studys_finding() -> None:
    # "data" in "data analysts" says what the analysts do; the survey before them is what found it
    text = "A Gazette survey last week of senior county data analysts found both plans poorly understood."
    c = one(text, "both plans poorly understood")
    assert c.sources[0].mention.startswith("A Gazette survey")


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The auditors checked the records and found that one payment was missing.", "The auditors", "one payment"),
        ("The Gazette did the sums, and found that the odds were 1 in 50.", "The Gazette", "the odds"),
        ("The mayor toured the site and implied that the contract was rigged.", "The mayor", "the contract"),
    ],
)
def test_a_second_verb_with_that_after_and_belongs_to_the_clauses_subject(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution != "unattributed"
    assert c.sources[0].mention == source


def test_a_named_group_with_an_aside_finds_what_it_found() -> None:
    c = one("Harbour Watch, a union-funded group, found broad support for the ferry plan among fishermen.", "broad support")
    assert c.sources[0].mention.startswith("Harbour Watch")
    # a person with an aside who finds something charming states nothing
    assert all(x.attribution == "unattributed" for x in extract_claims("The mayor, a former sailor, found the harbour charming."))


@pytest.mark.parametrize("sentence, speaker", [
    ("Growers trying to win back grazing rights in the valley say the new rules came too late.", "Growers"),
    ("Police investigating the fire at the depot say the blaze was set on purpose.", "Police"),
    ("The county clerks whose offices have been cut say the backlog will take a year to clear.", "The county clerks"),
])
def test_the_speaker_is_the_phrase_before_its_qualifying_clause(sentence: str, speaker: str) -> None:
    c = [c for c in extract_claims(sentence) if c.cue and c.cue.text == "say"][0]
    assert [s.mention for s in c.sources] == [speaker]


@pytest.mark.parametrize("sentence, speaker", [
    ("Likewise, Omar Fine, a former harbour pilot, said he could not back the dredging plan.", "Omar Fine, a former harbour pilot"),
    ("Fine however said he would welcome the port joining a wider network.", "Fine"),
    ("Ada Kell in a blog post said she would name more judges to the bench.", "Ada Kell"),
])
def test_words_between_the_speaker_and_the_verb_are_not_the_speaker(sentence: str, speaker: str) -> None:
    c = [c for c in extract_claims(sentence) if c.cue and c.cue.text == "said"][0]
    assert [s.mention for s in c.sources] == [speaker]


def test_a_statement_or_interview_between_source_and_verb_is_no_source() -> None:
    # the channel or outlet named in the phrase is where the words appeared, not who said them
    text = ("The defence ministry in a statement on Telegram said four launchers were hit. "
            "The mayor in an interview with Reuters said the water plant was offline. "
            "Militia leaders in a video posted online claimed the bridge was theirs.")
    assert one(text, "launchers").sources[0].mention == "The defence ministry"
    assert one(text, "water plant").sources[0].mention == "The mayor"
    assert one(text, "bridge").sources[0].mention == "Militia leaders"
    c = one("The navy, which in a post on its channel said two boats were lost, denied it later.", "boats")
    assert (c.sources[0].mention, c.sources[0].canonical) == ("which", "unnamed navy")


def test_a_briefing_room_is_a_place_and_a_later_clause_keeps_its_subject() -> None:
    text = ("The envoy appeared before reporters in the embassy briefing room to explain that talks had stalled. "
            "He wore a uniform in videos he says were filmed at the front.")
    assert all(s.mention != "reporters" for c in extract_claims(text) for s in c.sources)
    assert one(text, "filmed").sources[0].mention == "he"


def test_a_span_of_time_before_the_verb_is_no_source() -> None:
    text = ("The brigade spokesman three days ago said the road to the port was mined. "
            "The governor less than an hour later said the blaze was contained.")
    assert one(text, "mined").sources[0].mention == "The brigade spokesman"
    assert one(text, "blaze").sources[0].mention == "The governor"


def test_an_opening_linking_adverb_is_no_source() -> None:
    text = "Furthermore, Captain Olena Marchuk, a navy spokeswoman, said two patrol boats were sunk."
    c = one(text, "patrol boats")
    assert c.sources[0].canonical == "Olena Marchuk"
    assert c.sources[0].mention.startswith("Captain Olena Marchuk")


def test_fighting_that_continues_is_no_statement() -> None:
    text = "The shelling of the suburbs continued overnight, local officials said."
    claims = extract_claims(text)
    assert all(c.cue is None or c.cue.text != "continued" for c in claims)
    assert one(text, "shelling").sources[0].mention == "local officials"
    quoted = one("“We hold the line,” the colonel continued.", "hold the line")
    assert quoted.sources[0].mention == "the colonel"


def test_a_count_with_at_least_is_what_was_said() -> None:
    text = "Reaching the village at dawn, medics said at least 11 civilians were wounded."
    c = one(text, "civilians")
    assert c.text.startswith("at least 11")
    assert c.sources[0].mention == "medics"


def test_according_to_a_source_with_an_aside_on_its_evidence() -> None:
    # the aside notes what the source left out; the claim is what follows it
    text = "According to the border guard, which gave no evidence, the drones came from the north."
    claims = [c for c in extract_claims(text) if c.sources]
    assert len(claims) == 1
    assert claims[0].cue.text == "According to"
    assert claims[0].text == "the drones came from the north"
    assert claims[0].sources[0].mention == "the border guard"


def test_a_named_group_and_an_army_with_its_article_are_two_sources() -> None:
    text = "Hamas and the Israeli army both denied that the convoy had been targeted. The army later said it was reviewing footage."
    c = one(text, "convoy")
    assert [s.mention for s in c.sources] == ["Hamas", "the Israeli army"]
    assert one(text, "footage").sources[0].canonical != "Hamas and the Israeli army"


def test_an_opening_when_clause_ends_at_its_comma() -> None:
    text = "When the governor announced the evacuation, farming families said they had nowhere to go."
    c = one(text, "evacuation")
    assert c.text == "the evacuation"
    assert one(text, "nowhere").sources[0].mention == "farming families"


def test_a_relative_clause_after_an_apposed_name_is_no_part_of_the_source() -> None:
    text = "The militia's commander, Omar Haddad, whose men hold the ridge, said the ceasefire was over."
    c = one(text, "ceasefire")
    assert c.sources[0].canonical == "Omar Haddad"
    assert c.sources[0].kind == "person"
    assert "whose" not in c.sources[0].mention


def test_a_statement_from_a_body_is_that_bodys_word() -> None:
    text = "A statement from the Malian army, which took the town last week, said the road was secure."
    c = one(text, "road was secure")
    assert c.sources[0].mention == "the Malian army"
    assert c.sources[0].kind == "organisation"


def test_names_with_lower_case_particles_are_whole() -> None:
    text = ("Defence Minister Karl von der Brandt said the tanks would arrive in May. "
            "Prince Faisal bin Khalid said the talks were useful. "
            "The general, Hamid el-Tayeb, said the airport was shut. "
            "The al-Farouq Brigades said they had withdrawn.")
    assert one(text, "tanks").sources[0].canonical == "Karl von der Brandt"
    assert one(text, "talks").sources[0].canonical == "Faisal bin Khalid"
    c = one(text, "airport")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("Hamid el-Tayeb", "person")
    c = one(text, "withdrawn")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("al-Farouq Brigades", "organisation")


def test_a_restrictive_relative_whose_verb_a_source_vouches_for() -> None:
    # "that the army claims was fired": the army claims it, though "claims" could be a noun
    text = "The depot was hit by a rocket that the navy claims was launched from a barge."
    c = one(text, "launched from a barge")
    assert c.sources[0].mention == "the navy"
    assert c.cue.text == "claims"
    # a noun after "said that" is still a noun
    assert all(c.cue.text != "claims" for c in extract_claims("She said that the navy claims were false."))


def test_a_relative_aside_ends_where_the_main_verb_goes_on() -> None:
    text = "The drone strike, which the governor says wounded nine workers, destroyed a warehouse."
    c = one(text, "nine workers")
    assert c.text == "wounded nine workers"
    assert c.sources[0].mention == "the governor"


def test_an_agency_quoting_others_relays_them() -> None:
    text = "Anadolu, quoting regional officials, said a dam had burst near the front line."
    c = one(text, "dam had burst")
    assert c.sources[0].mention == "regional officials"
    assert [s.mention for s in c.relayed_by] == ["Anadolu"]
    assert all(c.cue.text != "quoting" for c in extract_claims(text))


def test_an_adjective_in_ed_inside_a_place_keeps_the_whole_phrase() -> None:
    text = "Moscow-appointed officials in the occupied south of Kherson region said a shell hit a school."
    c = one(text, "shell hit a school")
    assert c.sources[0].mention.startswith("Moscow-appointed officials")


def test_a_hyphenated_title_is_no_part_of_the_name() -> None:
    text = "UN Secretary-General Ana Ortiz told reporters the aid convoy had reached the city."
    assert one(text, "aid convoy").sources[0].canonical == "Ana Ortiz"


def test_a_document_opening_the_sentence_is_not_who_argues_after_it() -> None:
    text = "In a letter to the Security Council released Friday, Serbia rejected the charges, arguing that no troops had crossed."
    c = one(text, "no troops had crossed")
    assert c.sources[0].mention == "Serbia"


def test_most_or_more_before_an_adverb_is_no_source() -> None:
    text = ("The brigade, which had held the ridge since May, most recently said it had pulled back. "
            "Frontline soldiers are more likely to say the enemy has the upper hand.")
    assert one(text, "pulled back").sources[0].canonical == "unnamed brigade"
    assert one(text, "upper hand").sources[0].mention == "Frontline soldiers"


def test_an_opening_perhaps_is_no_source() -> None:
    text = "Perhaps tellingly, the general later toured the front and declared that the offensive had succeeded."
    assert one(text, "offensive had succeeded").sources[0].mention == "the general"


def test_the_body_in_a_spokesman_s_title_is_not_the_spokesman() -> None:
    text = ("Army spokesman Colonel Daniel Okello said troops had reached the river crossing at dawn.\n\n"
            "The army denied shelling the market.")
    army = one(text, "shelling the market").sources[0]
    assert (army.canonical, army.kind) == ("unnamed army", "organisation")


def test_a_two_word_name_followed_by_which_is_a_body() -> None:
    text = ("Al Shabaab, which is linked to al Qaeda, claimed responsibility for the bombing. "
            "The group said its fighters had planted the device.")
    group = one(text, "responsibility").sources[0]
    assert (group.canonical, group.kind) == ("Al Shabaab", "organisation")
    again = one(text, "planted the device").sources[0]
    assert (again.canonical, again.kind) == ("Al Shabaab", "organisation")
    person = one("Al Gore, who chaired the panel, said the report was sound.", "report was sound").sources[0]
    assert (person.canonical, person.kind) == ("Al Gore", "person")


def test_a_named_body_s_report_is_the_body_s_and_a_noun_before_its_verb() -> None:
    text = "Diplomats say the siege is tightening, and a recent World Food Programme report estimated that half the city goes hungry."
    claims = [c for c in extract_claims(text) if "half the city" in c.text]
    assert len(claims) == 1  # "report" is the subject's noun here, not a second verb
    src = claims[0].sources[0]
    assert (src.mention, src.kind) == ("a recent World Food Programme report", "organisation")
    assert one("Local aid groups hailed the ceasefire.", "ceasefire").sources[0].mention == "Local aid groups"
    # an object relative keeps its verb: "which the envoy claims ended ..."
    text = "The talks in Doha, which the envoy claims ended the blockade, resumed on Monday."
    assert any(s.mention == "the envoy" for c in extract_claims(text) for s in c.sources)


def test_a_restrictive_relative_that_gives_a_name_names_the_person() -> None:
    text = '"The roof came down on us," a baker who gave his name as Yusuf told reporters.'
    src = one(text, "roof came down").sources[0]
    assert (src.canonical, src.kind) == ("Yusuf", "person")


def test_a_second_verb_keeps_the_subject_the_first_verb_read_whole() -> None:
    text = "The UN refugee agency in Chad said 20,000 people had crossed and warned that camps were full."
    first = one(text, "20,000 people").sources[0]
    second = one(text, "camps were full").sources[0]
    assert first.mention == second.mention == "The UN refugee agency in Chad"
    assert first.canonical == second.canonical


def test_the_title_alone_after_a_named_holder_is_that_person() -> None:
    text = ("Army spokesman Colonel Daniel Okello said troops had reached the river.\n\n"
            "The spokesman said the crossing was held. The minister said talks would resume.")
    assert one(text, "crossing was held").sources[0].canonical == "Daniel Okello"
    assert one(text, "talks would resume").sources[0].kind == "anonymous"  # no minister was named


def test_a_body_described_by_a_participle_keeps_its_article() -> None:
    [c] = [c for c in extract_claims("A union representing ferry crews endorsed the harbour plan on Thursday.") if c.sources]
    assert [s.mention for s in c.sources] == ["A union representing ferry crews"]


def test_an_and_inside_a_bodys_name_after_its_of_or_for_does_not_split_it() -> None:
    text = "The toll rose to 40, according to the Centre for Peace and Conflict Studies."
    assert [(s.mention, s.canonical) for s in one(text, "toll").sources] == [
        ("the Centre for Peace and Conflict Studies", "Centre for Peace and Conflict Studies")]
    text = "The Ministry of Energy and Mines said the dam had held."
    assert [s.canonical for s in one(text, "dam").sources] == ["Ministry of Energy and Mines"]
    # two bodies: the second a name of its own
    text = "The Ministry of Health and UNICEF said the clinic had run out of vaccines."
    assert [s.canonical for s in one(text, "clinic").sources] == ["Ministry of Health", "UNICEF"]


def test_a_description_after_according_to_is_the_sources_not_the_claims() -> None:
    c = one("Some 300 fighters were killed last year, according to Acled, a monitor of political violence.", "fighters")
    assert c.text == "Some 300 fighters were killed last year"
    assert [(s.mention, s.kind) for s in c.sources] == [("Acled, a monitor of political violence", "organisation")]


def test_footage_with_a_participle_after_it_is_vague() -> None:
    c = one("Footage aired by a local channel showed smoke over the depot.", "smoke")
    assert [s.kind for s in c.sources] == ["vague"]


def test_a_possessive_subject_with_an_aside_keeps_its_second_verb() -> None:
    text = ("The province's governor, known locally as Baba Ali, denied any role in the arrests and accused "
            "rivals of spreading rumours.")
    found = {c.cue.text: (c.text, c.polarity) for c in extract_claims(text) if c.sources}
    assert found == {"denied": ("any role in the arrests", "denied"), "accused": ("rivals of spreading rumours", "asserted")}


def test_a_list_of_people_by_role_keeps_every_source() -> None:
    for text in ["Police, paramedics and neighbours said nine people were hurt in the blast.",
                 "At least nine people were hurt in the blast, police, paramedics and neighbours said.",
                 "At least nine people were hurt in the blast, according to police, paramedics and neighbours."]:
        c = one(text, "nine people")
        assert c.text.rstrip(".").endswith("hurt in the blast"), text
        assert [s.mention.lower() for s in c.sources] == ["police", "paramedics", "neighbours"], text
    # a body before the list is no part of it
    c = one("The shell hit the clinic, paramedics and neighbours said.", "shell")
    assert [s.mention for s in c.sources] == ["paramedics", "neighbours"]


def test_a_document_published_by_a_body_is_the_bodys_word() -> None:
    c = one("A report published by the Lowy Institution last week said 40 clinics had closed.", "clinics")
    assert [(s.mention, s.kind) for s in c.sources] == [("the Lowy Institution", "organisation")]
    # a document someone else obtained stays its author's
    c = one("A letter from the ministry obtained by the Courier warns that the dam may fail.", "dam")
    assert [s.mention for s in c.sources] == ["the ministry"]


def test_a_person_after_a_bodys_name_is_a_source_of_their_own() -> None:
    text = "Ann Lee of the University of Otago and Professor Ruth Kane said the data were sound."
    assert [s.mention for s in one(text, "data").sources] == ["Ann Lee of the University of Otago", "Professor Ruth Kane"]


def test_a_clause_before_an_inverted_speaker_is_no_aside_of_its_subject() -> None:
    text = ("The shell, fired from a ridge, landed near the school as pupils arrived, said Major Tan Hock, the "
            "garrison commander.")
    c = one(text, "ridge")
    assert c.text.startswith("The shell, fired from a ridge, landed")
    assert [s.canonical for s in c.sources] == ["Tan Hock"]


def test_an_adverb_and_participle_before_a_noun_are_part_of_the_subject() -> None:
    text = "Mali's internationally recognised council, based in Bamako, accused the rebels of hoarding fuel."
    found = [(c.cue.text, c.text, [s.mention for s in c.sources]) for c in extract_claims(text) if c.sources]
    assert found == [("accused", "the rebels of hoarding fuel", ["Mali's internationally recognised council"])]


def test_one_person_placed_at_a_named_place_is_unnamed() -> None:
    for text, mention in [("A nurse at the Central Hospital in Kano said 11 patients had died.",
                           "A nurse at the Central Hospital in Kano"),
                          ("Eleven patients had died, a senior army officer in Gao said.", "a senior army officer in Gao")]:
        assert [(s.mention, s.kind) for s in one(text, "atients").sources] == [(mention, "anonymous")], text


def test_members_of_a_named_body_are_unnamed_people() -> None:
    text = "Farmers and members of the Vigilance Brigade, a local militia, said the road had been mined."
    assert [(s.mention.split(",")[0], s.kind) for s in one(text, "road").sources] == [
        ("Farmers", "anonymous"), ("members of the Vigilance Brigade", "anonymous")]


def test_an_and_inside_a_name_closed_by_its_head() -> None:
    c = one("Raids rose by a third, according to the Sahel Conflict Mapping and Event Records Project.", "Raids")
    assert [s.canonical for s in c.sources] == ["Sahel Conflict Mapping and Event Records Project"]


def test_a_group_named_after_a_province_and_a_named_headquarters_are_bodies() -> None:
    assert kinds_of("Islamic State Sahel Province claimed the ambush in a statement.", "ambush") == [
        ("Islamic State Sahel Province", "organisation")]
    assert kinds_of("Army Headquarters in Bamako said the convoy had reached Kidal.", "convoy") == [
        ("Army Headquarters in Bamako", "organisation")]


def test_a_newspaper_citing_a_person_relays_that_person() -> None:
    c = one("The Morning Star newspaper said, citing a nurse who treated the wounded, that the clinic had run out of "
            "blood.", "clinic")
    assert [(s.mention, s.kind) for s in c.sources] == [("a nurse who treated the wounded", "anonymous")]
    assert [(s.mention, s.kind) for s in c.relayed_by] == [("The Morning Star newspaper", "outlet")]


def test_an_unnamed_source_who_asked_not_to_be_identified_is_the_outlets_own() -> None:
    text = ("The envoy's office said it was alarmed by the fighting. A diplomat in Doha, who asked not to be "
            "identified, said the talks had stalled.")
    c = one(text, "talks")
    assert c.relayed_by == []


def test_a_medium_shows_what_its_pictures_show() -> None:
    c = one("Rebel media showed fighters raising a flag over the barracks.", "flag")
    assert [(s.mention, s.kind) for s in c.sources] == [("Rebel media", "vague")]


def test_a_name_with_its_initials_in_brackets_is_a_body() -> None:
    c = one("Harakat Fursan wal-Tahrir (HFT) claimed responsibility for the ambush near the bridge.", "ambush")
    assert [(s.canonical, s.kind) for s in c.sources] == [("Harakat Fursan wal-Tahrir", "organisation")]


def test_what_a_body_gave_no_figure_for_is_the_outlets_note() -> None:
    text = "The navy said two patrol boats had sunk the raiders. It gave no figure for its own losses."
    found = {c.text.rstrip("."): c.attribution for c in extract_claims(text)}
    assert found["It gave no figure for its own losses"] == "unattributed"


def test_land_claimed_by_a_state_is_no_reported_claim() -> None:
    assert all(c.attribution == "unattributed" for c in extract_claims("The island is claimed in full by both states."))
    c = one("The ambush was claimed by the rebels.", "ambush")
    assert [s.mention for s in c.sources] == ["the rebels"]


def test_a_figure_plural_people_dispute_is_their_denial() -> None:
    text = "The ministry says it holds 80% of the province, a figure local analysts dispute."
    c = one(text, "a figure")
    assert (c.polarity, [s.mention for s in c.sources]) == ("denied", ["local analysts"])


def test_traders_placed_in_a_district_speak_and_a_radio_relays_a_nurse() -> None:
    c = one("Traders and shopkeepers in the old market said the stalls had burned overnight.", "stalls")
    assert [s.mention for s in c.sources] == ["Traders", "shopkeepers in the old market"]
    c = one("Radio Tamazuj, citing a nurse at the Teaching Hospital, reported that nine patients had died.", "patients")
    assert [(s.mention, s.kind) for s in c.sources] == [("a nurse at the Teaching Hospital", "anonymous")]
    assert [(s.mention, s.kind) for s in c.relayed_by] == [("Radio Tamazuj", "outlet")]


def test_a_long_coordination_of_unnamed_sources_keeps_both_and_the_claim_before_it() -> None:
    text = ("Gunmen killed 14 villagers near the river on Sunday, two police sources and a local elected official "
            "said on Monday.")
    c = one(text, "villagers")
    assert c.text.startswith("Gunmen killed 14 villagers")
    assert [(s.mention, s.kind) for s in c.sources] == [("two police sources", "anonymous"),
                                                        ("a local elected official", "anonymous")]


def test_one_person_by_role_placed_somewhere_and_a_title_placed_somewhere() -> None:
    c = one("Farmers and a village chief in Dungu said the bridge had been cut.", "bridge")
    assert [(s.mention, s.kind) for s in c.sources] == [("Farmers", "anonymous"), ("a village chief in Dungu", "anonymous")]
    c = one("The senator from Iowa said the bill would fail.", "bill")
    assert [(s.mention, s.kind) for s in c.sources] == [("The senator from Iowa", "person")]


def test_people_placed_somewhere_are_they_and_a_channel_is_no_source() -> None:
    text = ("Three police officers in Goma, speaking on condition of anonymity, said the convoy was unarmed. "
            "They said the mine had been laid overnight.")
    c = one(text, "mine")
    assert [(s.canonical, s.kind) for s in c.sources] == [("police officers in Goma", "anonymous")]
    c = one("Videos circulating on WhatsApp showed a bridge in flames.", "bridge")
    assert [(s.canonical, s.kind) for s in c.sources] == [("videos circulating on WhatsApp", "vague")]


def test_a_forum_is_a_body_and_drivers_are_people() -> None:
    c = one("The Kasese Pastoralists Forum said the herders had fled.", "herders")
    assert [(s.canonical, s.kind) for s in c.sources] == [("Kasese Pastoralists Forum", "organisation")]
    c = one("Traders and bus drivers in Kasese said the market had closed.", "market")
    assert [s.mention for s in c.sources] == ["Traders", "bus drivers in Kasese"]


def test_a_plural_possessive_stays_in_the_name() -> None:
    for text in ["The Herders' Union said the cattle had been seized.", "The Herders’ Union said the cattle had been seized."]:
        c = one(text, "cattle")
        assert [(s.canonical, s.kind) for s in c.sources] == [(text[4:18], "organisation")], text


def test_a_medium_described_before_its_name() -> None:
    c = one("The newspaper The Morning Ledger said the road was shut.", "road")
    assert [(s.mention, s.kind) for s in c.sources] == [("The newspaper The Morning Ledger", "outlet")]
