Feature: Parties to the conflict
  Governments, armed forces and security services of the countries at war (and the people who
  speak for them) have a stake in every claim they make about it. Their word is reported, not
  taken: without a source from outside their government it stays single-source, however many of
  their officials repeat it.

  Scenario: A party to the conflict speaks about the war
    Given a claim attributed to a source tagged "party-to-conflict"
    Then flag it as "party-to-conflict"

  Scenario: A party's word alone needs a second, independent source
    Given a claim attributed to a source tagged "party-to-conflict"
    When it is corroborated by fewer than 2 independent sources
    Then its status is "single-source"
    And it needs review because "a party to the conflict, not confirmed by anyone outside its government"

  Scenario: A prisoner speaks in captivity
    Given a claim attributed to a source tagged "prisoner-of-war"
    Then flag it as "said-in-captivity"
    And its information credibility is "4"

  # A party that denies a claim gives its position on it, not evidence either way: the claim stays
  # unverified however many of its officials deny it, and the denial says nothing of its truth
  # (credibility 6) until a reviewer, or someone outside the party's government, speaks to it.
  Scenario: A party's denial is its position, not evidence
    Given a claim that its source denies
    When it is attributed to a source tagged "party-to-conflict"
    Then its status is "unverified"
    And its information credibility is "6"
