Feature: Anonymous and vague sources
  An anonymous source cannot be graded: Admiralty reliability F ("cannot be judged") until a track
  record exists. A vague attribution ("reports say", "it is believed") names no one at all and
  counts for nothing when sources are counted.

  Scenario: An anonymous source cannot be graded
    Given a claim attributed to an anonymous source
    Then its source reliability is "F"
    And flag it as "anonymous-source"

  Scenario: An anonymous source alone does not verify a claim
    Given a claim attributed to an anonymous source
    When it is corroborated by fewer than 2 independent sources
    Then its status is "unverified"

  Scenario: Figures from an anonymous source need a reviewer
    Given a claim attributed to an anonymous source
    When it states a number
    Then flag it as "anonymous-figure"
    And it needs review because "a figure from a source the article does not name"

  Scenario: A vague attribution is no source
    Given a claim attributed to a vague source
    Then flag it as "vague-source"
    And grade it "F6"

  Scenario: A vague attribution alone does not verify a claim
    Given a claim attributed to a vague source
    When it is corroborated by fewer than 1 independent source
    Then its status is "unverified"
