Feature: Corroboration
  How many independent sources stand behind a claim. A source counts once for its government or
  parent organisation: the White House and the Pentagon are both the Government of the United
  States, the SBU and the President of Ukraine both the Government of Ukraine. Claims that a person
  has linked as corroborating add their sources. A claim nobody else confirms is single-source at
  best; the rules never mark a claim "confirmed": that is a reviewer's call after checking it.
  "Single source" is said only of claims that name a source: a claim that names none is the
  outlet's own assertion, not one source, and 02-unattributed.feature says what becomes of it.

  Scenario: One source alone is a single source
    Given a claim with an attributed source
    When it is corroborated by fewer than 2 independent sources
    Then its status is "single-source"
    And its information credibility is "3"

  Scenario: Two independent sources corroborate a claim
    Given any claim
    When it is corroborated by at least 2 independent sources
    Then its status is "corroborated"
    And its information credibility is "2"

  Scenario: A claim that another claim contradicts is disputed
    Given any claim
    When it is contradicted by another claim
    Then its status is "disputed"
    And flag it as "contradicted"
    And it needs review because "another claim contradicts it"
