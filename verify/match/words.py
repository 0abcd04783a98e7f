"""The words matching reads past or looks for, as data: one list each, used everywhere in matching."""

from __future__ import annotations

# function words and reporting words: two claims sharing them say nothing about sharing a proposition
STOP = frozenset(
    """a an the and or but nor so yet if then than that this these those there here it its it's they them
    their he him his she her we us our you your i me my who whom whose which what when where why how
    is are was were be been being am has have had having do does did will would can could may might must
    shall should not no yes also just even only still already about around some roughly nearly almost
    approximately at by for from in into of off on onto out over to up with within without as per via
    after before since until while during between among against across toward towards through under
    upon near than more most less least many much few several other another such each every all both any
    said says say saying told tell tells telling added adding according stated reported claimed
    announced confirmed noted estimated alleged believed reportedly allegedly apparently purportedly
    mr mrs ms dr new one last first""".split()
)

# words that hold a claim at arm's length: a version of the claim without any of them drops the hedge
HEDGES = frozenset(
    """alleged allegedly alleges allege claimed claims claim purported purportedly reportedly
    apparently suspected unconfirmed unverified possibly probably may might could likely unlikely
    believed thought suggested suggests appears appeared seems seemed estimated""".split()
)

# words that present a claim as settled
CERTAIN = frozenset("confirmed confirms established proved proven verified".split())

# the drift flags matching gives a claim, in the order they are listed to people
DRIFT_KINDS: tuple[str, ...] = (
    "attribution-mismatch", "attribution-dropped", "source-named", "source-hidden", "number-conflict",
    "hedge-dropped",
)
