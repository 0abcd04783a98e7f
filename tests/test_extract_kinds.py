"""What kind of source a phrase names, read from the phrase itself: bodies, people, the unnamed and the vague."""

from __future__ import annotations

from verify.extract import extract_claims
from verify.models import Claim


def one(text: str, words: str) -> Claim:
    found = [c for c in extract_claims(text) if words in c.text and c.sources]
    assert found, f"no attributed claim contains {words!r}"
    return found[0]


def kinds(text: str, words: str) -> list[tuple[str, str]]:
    return [(s.mention, s.kind) for s in one(text, words).sources]


def test_bodies_written_in_lower_case_are_organisations() -> None:
    for text, mention in [
        ("Estonia's coast guard command said the ferry had been towed to port.", "Estonia's coast guard command"),
        ("The regional prosecutor's office said in a statement that the ferry had been towed to port.",
         "The regional prosecutor's office"),
        ("Finland's border agency said the ferry had been towed to port.", "Finland's border agency"),
        ("A testing lab at the technical university said the ferry had been towed to port.",
         "A testing lab at the technical university"),
        ("Norway's armed forces said the ferry had been towed to port.", "Norway's armed forces"),
        ("The Latvian navy command said the ferry had been towed to port.", "The Latvian navy command"),
    ]:
        assert kinds(text, "ferry") == [(mention, "organisation")], text


def test_a_name_in_lower_case_company_keeps_its_capital() -> None:
    src = one("Norway's armed forces said the ferry had been towed to port.", "ferry").sources[0]
    assert src.canonical == "Norway's armed forces"


def test_a_definite_title_is_one_person_and_an_indefinite_one_is_unnamed() -> None:
    assert kinds("The ferry sank near the harbour, the regional governor said.", "ferry") == [
        ("the regional governor", "person")]
    assert kinds("The ferry sank near the harbour, the head of the coast guard said.", "ferry") == [
        ("the head of the coast guard", "person")]
    assert kinds("The ferry sank near the harbour, a senior official said.", "ferry") == [
        ("a senior official", "anonymous")]


def test_a_single_unknown_name_the_article_never_gives_a_person_is_a_body() -> None:
    # a movement or a country standing for its government; no first name anywhere in the article
    assert kinds("Fatah said the crossing would stay shut.", "crossing") == [("Fatah", "organisation")]
    assert kinds("Estonia says the crossing will stay shut.", "crossing") == [("Estonia", "organisation")]


def test_a_single_name_the_article_gives_in_full_stays_a_person() -> None:
    text = "Maria Kask spoke at the harbour on Monday. Kask said the crossing would stay shut."
    assert kinds(text, "crossing") == [("Kask", "person")]
    assert kinds("Ms. Tamm visited the port. Tamm said the crossing would stay shut.", "crossing") == [
        ("Tamm", "person")]


def test_a_headline_in_title_case_does_not_make_a_name_a_person() -> None:
    text = "Fatah Rocket Sites Hit Overnight\n\nFatah said the crossing would stay shut."
    assert ("Fatah", "organisation") in kinds(text, "crossing")


def test_a_description_beside_a_name_says_what_it_is() -> None:
    assert kinds("Maritime security firm Corvane said the tanker was drifting.", "tanker") == [
        ("Maritime security firm Corvane", "organisation")]
    assert kinds("Estonia's rescue service, Paasteamet Kiir, said a man was lightly hurt.", "man") == [
        ("Estonia's rescue service, Paasteamet Kiir", "organisation")]
    src = one("The independent outlet Baltic Wave reported that the tanker was drifting.", "tanker").sources[0]
    assert src.kind == "outlet"
    assert one("Tallinn Harbour TV reported that the tanker was drifting.", "tanker").sources[0].kind == "outlet"


def test_names_joined_by_for_are_one_body() -> None:
    src = one("According to the Estonian Centre for Maritime Safety, the tanker was drifting.", "tanker").sources[0]
    assert (src.canonical, src.kind) == ("Estonian Centre for Maritime Safety", "organisation")


def test_a_named_armed_group_is_an_organisation() -> None:
    assert kinds("Kivu-based R12 rebels said they had taken the airport.", "airport") == [
        ("Kivu-based R12 rebels", "organisation")]


def test_an_acronym_or_a_name_with_a_digit_opening_a_sentence_is_still_a_name() -> None:
    assert kinds("R12 rebels said they had taken the airport.", "airport") == [("R12 rebels", "organisation")]
    assert kinds("KLA fighters said they had taken the airport.", "airport") == [("KLA fighters", "organisation")]


def test_plural_nouns_opening_a_sentence_are_not_people_named() -> None:
    assert kinds("Doctors said the clinic had run out of fuel.", "clinic") == [("Doctors", "anonymous")]
    assert kinds("Prosecutors said the clinic had been shelled twice.", "clinic") == [("Prosecutors", "organisation")]


def test_a_sentence_opening_adverb_is_never_a_person() -> None:
    for src in one("Separately, rescuers said the clinic had run out of fuel.", "clinic").sources:
        assert src.mention == "rescuers" and src.kind == "anonymous"


def test_people_placed_somewhere_are_unnamed_not_the_place() -> None:
    assert kinds("Diplomats in Riga said the talks had stalled.", "talks") == [("Diplomats in Riga", "anonymous")]


def test_people_of_a_named_body_placed_somewhere_are_unnamed_not_the_place() -> None:
    assert kinds("Relief workers in Tartu said the shelter was full.", "shelter") == [("Relief workers in Tartu", "anonymous")]
    assert kinds("A Red Cross official in Narva said the shelter was full.", "shelter") == [
        ("A Red Cross official in Narva", "anonymous")]
    assert kinds("The Ministry of Health in Tallinn said the shelter was full.", "shelter")[0][1] == "organisation"


def test_vague_collectives_and_artefacts() -> None:
    assert kinds("Aid agencies warn that the camp has no clean water.", "camp") == [("Aid agencies", "vague")]
    assert kinds("Footage circulating on social media appeared to show the camp on fire.", "camp") == [
        ("Footage circulating on social media", "vague")]
    assert kinds("Footage showed the camp on fire.", "camp") == [("Footage", "vague")]
    assert kinds("Nearly 300 people died, according to Estonian tallies.", "300") == [("Estonian tallies", "vague")]


def test_sources_with_an_affiliation_are_anonymous_not_vague() -> None:
    assert kinds("Two rebel sources said the checkpoint had been abandoned.", "checkpoint") == [
        ("Two rebel sources", "anonymous")]
    assert kinds("Sources said the checkpoint had been abandoned.", "checkpoint")[0][1] == "vague"


def test_coordinated_sources_are_kept_whole_as_two() -> None:
    assert kinds("According to local medics and rescuers, the shelling cut power to the district.", "power") == [
        ("local medics", "anonymous"), ("rescuers", "anonymous")]
    assert kinds("Rescuers and police said two people were still missing.", "missing") == [
        ("Rescuers", "anonymous"), ("police", "organisation")]
    assert kinds("Nurses and aid workers at the clinic said they had no fuel left.", "fuel") == [
        ("Nurses", "anonymous"), ("aid workers at the clinic", "anonymous")]
    assert kinds("The town fell on Friday, a militia commander and a war monitor said.", "town") == [
        ("a militia commander", "anonymous"), ("a war monitor", "organisation")]


def test_one_body_whose_name_has_an_and_is_not_split() -> None:
    c = [c for c in extract_claims("According to the Conflict Mapping and Casualty Data project, 40 people died.")
         if c.cue and c.cue.text == "According to"][0]
    assert [(s.canonical, s.kind) for s in c.sources] == [("Conflict Mapping and Casualty Data project", "organisation")]


def test_the_speaker_comes_before_a_participle_and_its_phrase() -> None:
    assert kinds("Residents reached by phone described heavy shelling overnight.", "shelling") == [
        ("Residents", "anonymous")]
    assert kinds("A sailor detained in the port city told investigators the ship had been seized.", "seized")[0] == (
        "A sailor", "anonymous")


def test_a_hyphenated_participle_belongs_to_the_phrase() -> None:
    assert kinds("Chad's army-backed government has said the border is closed.", "border") == [
        ("Chad's army-backed government", "organisation")]


def test_a_definite_description_resolves_to_the_body_named_before() -> None:
    text = ("The ferry was hit while moored, according to Estonia's transport ministry. "
            "The ministry said none of the crew were hurt.")
    src = one(text, "crew").sources[0]
    assert (src.canonical, src.kind) == ("Estonia's transport ministry", "organisation")


def test_an_unnamed_person_given_a_name_in_an_aside_is_a_person() -> None:
    text = ('A border guard commander, who goes by the call sign "Lynx", said his unit had found the tunnel. '
            '"It ran for two kilometres," he said.')
    assert [(s.canonical, s.kind) for s in one(text, "tunnel").sources] == [("Lynx", "person")]
    assert [(s.canonical, s.kind) for s in one(text, "kilometres").sources] == [("Lynx", "person")]
    src = one("One farmer, who gave only his first name, Peeter, said the well was dry.", "well").sources[0]
    assert (src.mention, src.canonical, src.kind) == ("One farmer", "Peeter", "person")


def test_a_name_given_only_as_in_an_aside_after_an_inverted_quotation_is_a_person() -> None:
    text = '"The well has been dry since May," said a 60-year-old farmer, who gave his name only as Tiit.'
    src = one(text, "well has been dry").sources[0]
    assert (src.canonical, src.kind) == ("Tiit", "person")
    src = one("One farmer, who gave her name only as Malle, said the well was dry.", "well").sources[0]
    assert (src.canonical, src.kind) == ("Malle", "person")


def test_the_group_refers_to_the_body_named_before_not_to_a_state() -> None:
    text = ("Estonia's army said it had shot down two drones. Fatah said its fighters had fired them. "
            "The group said more would follow.")
    assert [(s.canonical, s.kind) for s in one(text, "more would follow").sources] == [("Fatah", "organisation")]


def test_the_group_can_be_a_body_whose_name_says_forces_but_no_state() -> None:
    text = "The Coastal Defence Forces said they held the harbour. The group said it had taken 40 prisoners."
    assert [(s.canonical, s.kind) for s in one(text, "40 prisoners").sources] == [("Coastal Defence Forces", "organisation")]
    # a state's forces are not "the group"
    text = "Latvian forces said they held the harbour. The group said it had taken 40 prisoners."
    assert [s.kind for s in one(text, "40 prisoners").sources] == ["anonymous"]


def test_the_statement_is_the_words_of_whoever_put_it_out() -> None:
    text = ("Estonia's interior ministry issued a statement on Monday. "
            "The statement said the ferry had been towed to port.")
    assert [(s.mention, s.canonical, s.kind) for s in one(text, "towed").sources] == [
        ("The statement", "Estonia's interior ministry", "organisation")]
    text = "The port authority said in a letter that the quay was unsafe. The letter added that repairs would take a month."
    assert [s.canonical for s in one(text, "repairs").sources] == ["port authority"]
    # with no statement put out before, it is no one in particular
    assert [s.kind for s in one("The statement said the ferry had been towed to port.", "towed").sources] == ["vague"]


def test_they_refers_to_the_people_counted_before() -> None:
    text = "Estonia's army said the bridge held. Rescuers searched the rubble overnight. They said two people were missing."
    assert [(s.mention, s.kind) for s in one(text, "missing").sources] == [("They", "anonymous")]
    assert one(text, "missing").sources[0].canonical.endswith("rescuers")


def test_an_unnamed_role_in_the_lede_is_the_one_named_later_with_that_role() -> None:
    text = ("The town fell on Friday, a militia commander said.\n\n"
            "Jan Kask, a commander in the militia, said the town fell after a week of shelling.")
    assert [(s.canonical, s.kind) for s in one(text, "The town fell on Friday").sources] == [("Jan Kask", "person")]


def test_it_in_a_sentence_about_a_medium_is_that_medium() -> None:
    text = "Estonian state media showed footage of a flag over what it said was the town hall."
    assert [(s.canonical.lower(), s.kind) for s in one(text, "town hall").sources] == [("estonian state media", "vague")]


def test_a_headline_run_with_a_verb_in_it_is_no_ones_name() -> None:
    text = ("Ferry Captain Says He Was Warned Twice\n\n"
            "The captain of a ferry that sank near Tallinn said he had been warned twice about the hull. "
            "Officials said he had ignored both warnings.")
    assert all(s.kind != "person" or "Says" not in s.canonical for c in extract_claims(text) for s in c.sources)


def test_a_pronoun_after_a_lone_name_or_a_title_before_it_keeps_a_person() -> None:
    assert kinds("“The cause is not known,” said Varik, on his first day in the post.", "cause")[0][1] == "person"
    src = one("Tallinn police Chief Mart Saar said the crossing would stay shut.", "crossing").sources[0]
    assert (src.canonical, src.kind) == ("Mart Saar", "person")


def test_a_people_in_general_is_vague() -> None:
    assert kinds("Many Estonians say the crossing should stay shut.", "crossing")[0][1] == "vague"


def test_unnamed_officials_of_a_country_are_anonymous_not_its_government() -> None:
    # the government speaks through named bodies; "officials" of it are people the outlet does not name
    text = "Russian officials said the pipeline had been sabotaged. Three U.S. officials said the drone was Iranian-made."
    for words in ("pipeline", "drone"):
        src = one(text, words).sources[0]
        assert src.kind == "anonymous", src
        assert not src.canonical.startswith("Government"), src


def test_unnamed_officials_of_a_party_still_speak_for_its_side() -> None:
    # anonymous, yet the Kremlin's people: a party to the conflict, and no independent confirmation of it
    from verify.registry import Registry

    reg = Registry.starter()
    text = "Russian officials said the pipeline had been sabotaged. A Ukrainian official said the dam held."
    for words, side in (("pipeline", "Government of Russia"), ("dam", "Government of Ukraine")):
        src = one(text, words).sources[0]
        assert src.kind == "anonymous", src
        assert "party-to-conflict" in reg.tags(src.canonical), src
        assert reg.independence_key(src.canonical) == side
    assert reg.independence_key(one("The Kremlin said the pipeline was intact.", "pipeline").sources[0].canonical) \
        == "Government of Russia"


def test_the_army_or_the_ministry_unnamed_is_still_a_state_body() -> None:
    text = "The ministry said the bridge was reopened. The army said it had cleared the mines."
    for words in ("bridge", "mines"):
        src = one(text, words).sources[0]
        assert src.kind == "organisation", src
        assert src.canonical.startswith("unnamed"), src


def test_a_society_a_programme_or_services_are_bodies_and_videos_name_no_one() -> None:
    for text, mention in [
        ("The Nepal Red Cross Society said the bridge had been washed away.", "The Nepal Red Cross Society"),
        ("According to the Global Food Programme, the bridge had been washed away.", "the Global Food Programme"),
        ("Local rescue services said the bridge had been washed away.", "Local rescue services"),
    ]:
        assert kinds(text, "bridge") == [(mention, "organisation")], text
    assert kinds("Videos shared by villagers showed the bridge being washed away.", "bridge") == [("Videos", "vague")]


def test_a_relay_may_cite_services_by_their_common_name() -> None:
    c = one("The agency Ukrinform, citing regional rescue services, reported that the bridge had collapsed.", "bridge")
    assert [s.mention for s in c.sources] == ["regional rescue services"]
    assert [s.mention for s in c.relayed_by] == ["The agency Ukrinform"]


def test_an_embassy_in_a_capital_or_the_residents_of_a_town_are_not_the_place() -> None:
    assert kinds("The Dutch embassy in Tbilisi said the bridge had been washed away.", "bridge") == [
        ("The Dutch embassy in Tbilisi", "organisation")]
    for text, mention in [
        ("Residents of Zugdidi said the bridge had been washed away.", "Residents of Zugdidi"),
        ("Three villagers of Khaishi told the agency that the bridge had been washed away.", "Three villagers of Khaishi"),
        ("Nurses in Batumi said the bridge had been washed away.", "Nurses in Batumi"),
    ]:
        c = one(text, "bridge")
        assert [(s.mention, s.kind) for s in c.sources] == [(mention, "anonymous")], text
        assert c.sources[0].canonical not in ("Zugdidi", "Khaishi", "Batumi")


def test_a_country_that_is_also_a_first_name_stays_its_government_when_alone() -> None:
    text = ("Kenyan Interior Minister Kenya Otieno said the convoy had crossed the border. "
            "Kenya says the bridge had been washed away before the convoy arrived.")
    assert kinds(text, "bridge") == [("Kenya", "organisation")]
    assert kinds(text, "convoy had crossed") == [("Kenyan Interior Minister Kenya Otieno", "person")]


def test_a_source_in_a_body_is_one_unnamed_person_of_it_not_the_body() -> None:
    text = "A cargo ship ran aground near the port, a source in Georgia's coast guard service said on Monday."
    c = one(text, "ran aground")
    assert c.text == "A cargo ship ran aground near the port"
    assert [(s.mention, s.kind) for s in c.sources] == [("a source in Georgia's coast guard service", "anonymous")]


def test_groups_placed_somewhere_are_the_groups_not_the_place() -> None:
    c = one("Several armed groups in the mountains said the bridge had been washed away.", "bridge")
    assert [s.mention for s in c.sources] == ["Several armed groups in the mountains"]


def test_bodies_in_the_plural_with_no_article_or_name_are_no_one_in_particular() -> None:
    c = one("Press freedom groups said the broadcaster had been shut without a court order.\n", "broadcaster")
    assert (c.sources[0].canonical, c.sources[0].kind) == ("press freedom groups", "vague")
    c = one("The port was closed, and press freedom groups said the broadcaster had been shut.\n", "broadcaster")
    assert c.sources[0].kind == "vague"
    # an article or a count says which groups; a capital inside the sentence is a name
    c = one("The port was closed. The two groups said the broadcaster had been shut.\n", "broadcaster")
    assert c.sources[0].kind != "vague"
    c = one("The port was closed, while Tigrayan Salaam groups said the broadcaster had been shut.\n", "broadcaster")
    assert c.sources[0].kind == "organisation"


def test_a_named_news_agency_is_an_outlet_and_the_presidency_a_state_body() -> None:
    text = ("Rebel-run Tamu news agency reported that jets had struck the port.\n\n"
            "The presidency said in a statement that the president would travel to Addis Ababa.")
    kinds = {c.sources[0].mention: c.sources[0].kind for c in extract_claims(text) if c.sources}
    assert kinds == {"Rebel-run Tamu news agency": "outlet", "The presidency": "organisation"}


def test_an_unnamed_newspaper_is_still_an_outlet() -> None:
    text = "Citing two Western officials, the newspaper said foreign advisers were at the base."
    c = next(c for c in extract_claims(text) if "advisers" in c.text)
    assert [(r.canonical, r.kind) for r in c.relayed_by] == [("unnamed newspaper", "outlet")]


def test_a_one_word_name_after_a_person_placed_in_a_body_names_the_body() -> None:
    text = ("An official at the state grid operator, Ukrenergo, said repairs would take weeks.\n\n"
            "The leader of the party, Jane Roe, said the vote would go ahead.")
    kinds = {c.text: (c.sources[0].canonical, c.sources[0].kind) for c in extract_claims(text)}
    assert kinds["repairs would take weeks"][1] == "anonymous"  # an unnamed official, not a person called Ukrenergo
    assert kinds["the vote would go ahead"] == ("Jane Roe", "person")


def test_a_name_whose_words_go_on_with_its_is_a_body_not_a_person() -> None:
    text = "Vita Nuova Sine Limite said its clinics in the valley had run out of insulin."
    assert kinds(text, "insulin") == [("Vita Nuova Sine Limite", "organisation")]
    # a person's name may meet "its" too, but the article then uses the surname alone
    text = "Marta Ines Okonjo said its clinics had run out of insulin. Okonjo runs the district board."
    assert kinds(text, "insulin") == [("Marta Ines Okonjo", "person")]


def test_an_envoy_to_a_country_speaks_for_the_sender_not_the_country() -> None:
    src = one("Norway's ambassador to Chile said the consulate would reopen in March.", "consulate").sources[0]
    assert (src.mention, src.canonical, src.kind) == (
        "Norway's ambassador to Chile", "Norway's ambassador to Chile", "person")
    src = one("An adviser to the Estonian premier said the ferry had been towed to port.", "ferry").sources[0]
    assert (src.mention, src.kind) == ("An adviser to the Estonian premier", "anonymous")


def test_a_spokesman_for_a_body_named_in_the_next_sentence_is_that_person() -> None:
    text = ("A spokesman for the Coastal Fishers Union said the boats had stayed in port. "
            "The spokesman, Tomas Reyes, said the ban would ruin the season.")
    src = one(text, "boats").sources[0]
    assert (src.mention, src.canonical, src.kind) == (
        "A spokesman for the Coastal Fishers Union", "Tomas Reyes", "person")


def test_a_name_described_as_a_charity_is_a_body() -> None:
    text = "Medical charity Salam Kivu said its clinic in Gulu had treated 40 wounded."
    src = next(c for c in extract_claims(text) if "clinic" in c.text).sources[0]
    assert (src.canonical, src.kind) == ("Salam Kivu", "organisation")


def test_a_named_army_of_no_state_is_the_group_said_after_it() -> None:
    text = ("The Arakan Liberation Army, or ALA, denied shelling the market. In a statement, the group said its "
            "units had fired only at a police post.")
    src = one(text, "police post").sources[0]
    assert (src.mention, src.canonical, src.kind) == ("the group", "Arakan Liberation Army", "organisation")


def test_a_wing_of_a_body_is_an_organisation() -> None:
    assert kinds("The movement's armed wing said the convoy had been ambushed.", "convoy") == [
        ("The movement's armed wing", "organisation")]
    text = "The navy's press wing, Fleet Public Affairs, said the convoy had been ambushed. Two sailors were hurt, it said."
    assert kinds(text, "convoy") == [("The navy's press wing, Fleet Public Affairs", "organisation")]
    src = one(text, "sailors").sources[0]
    assert (src.canonical, src.kind) == ("Fleet Public Affairs", "organisation")


def test_a_peoples_adjective_before_one_word_is_a_group_not_a_person() -> None:
    text = ("The Sudanese Tamazuj claimed the bombing in a message to reporters, saying its fighters had struck the base. "
            "Khartoum's Tamazuj courts were closed, and since the Chadian Tamazuj-e-Harakat split off in 2019 the "
            "movement has weakened.")
    assert kinds(text, "struck the base") == [("The Sudanese Tamazuj", "organisation")]
    # a party's label before a surname stays a politician's
    assert kinds("Democrat Okafor said the bill would pass.", "bill") == [("Democrat Okafor", "person")]
