Feature: Across articles
  The same claim told by several outlets. Matching pairs each new article's claims with the
  stored claims of other articles that say the same thing, and notes what changed on the way:
  a source swapped or dropped, an unnamed source named or a named one hidden, figures that no
  longer agree, a hedge gone. A match counts as corroboration (01-corroboration.feature) only when
  the two sources are independent and neither article copies the other's wording; these rules
  flag the drift so that a desk sees it beside the status.

  Scenario: Another article gives the claim to a different source
    Given a claim matched in another article
    When another article attributes it to a different source
    Then flag it as "attribution-mismatch"
    And it needs review because "another article attributes the same claim to a different source"

  Scenario: An outlet states as fact what another attributes
    Given a claim matched in another article
    When it states as fact what another article attributes
    Then flag it as "attribution-dropped"
    And it needs review because "another article attributes this claim to a source"

  Scenario: A source left unnamed elsewhere is named here
    Given a claim matched in another article
    When it names a source that an earlier article left unnamed
    Then flag it as "source-named"

  Scenario: A source named elsewhere is left unnamed here
    Given a claim matched in another article
    When it hides a source that an earlier article named
    Then flag it as "source-hidden"

  Scenario: The figures disagree beyond their stated precision
    Given a claim matched in another article
    When its figures disagree with another article's
    Then flag it as "number-conflict"
    And it needs review because "another article states different figures for the same claim"

  Scenario: A hedge is dropped on the way
    Given a claim matched in another article
    When it drops a hedge an earlier article kept
    Then flag it as "hedge-dropped"
