"""The JSON report: valid against its published JSON Schema, with every claim and the summary."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from verify.errors import NotFound
from verify.reports import write_report
from verify.reports.json import schema
from verify.reviews import review_claim

from _claims import seed


def _report(store, **kw):
    buf = io.StringIO()
    write_report(store, "json", buf, **kw)
    return json.loads(buf.getvalue())


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_report_validates_and_carries_every_claim(store):
    ids = seed(store)
    review_claim(store, ids["vehicles"], "disputed", note="a drone video shows fewer", reviewer="ana")
    doc = _report(store)
    jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["format"] == "verify-report/1"
    by_id = {c["id"]: c for c in doc["claims"]}
    assert set(by_id) == set(v for k, v in ids.items() if k not in ("river", "hostile"))
    bridge = by_id[ids["bridge"]]
    assert bridge["grade"] == "C3"
    assert bridge["rules"][0]["rule"] == "features/rulebook/parties.feature:12 A party to the conflict speaking alone"
    vehicles = by_id[ids["vehicles"]]
    assert vehicles["history"][0]["from_status"] == "unverified" and vehicles["history"][0]["to_status"] == "disputed"
    s = doc["summary"]
    assert s["claims"] == 7 and s["articles"] == 2
    assert s["by_status"]["disputed"] == 2
    assert s["rests_on"]["nobody"]["claims"] == 2
    assert s["rests_on"]["one_party"]["claims"] == 3


def test_filters_apply_and_an_empty_report_is_valid(store):
    ids = seed(store)
    doc = _report(store, status="refuted")
    assert [c["id"] for c in doc["claims"]] == [ids["evil"]]
    assert doc["filters"] == {"status": "refuted", "source": None, "flag": None, "article": None, "kind": None,
                              "polarity": None, "outlet": None, "since": None, "until": None, "changed_since": None,
                              "needs_review": None}
    empty = _report(store, status="corroborated")
    jsonschema.validate(empty, schema())
    assert empty["claims"] == [] and empty["summary"]["claims"] == 0
    with pytest.raises(NotFound, match="no article with ID 999"):
        _report(store, article=999)


def test_schema_rejects_what_it_should(store):
    seed(store)
    doc = _report(store)
    doc["claims"][0]["status"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema())


def test_a_reviewed_claims_grade_and_credibility_agree(store):
    ids = seed(store)
    review_claim(store, ids["bridge"], "confirmed", note="checked", reviewer="ana")  # the rules graded it C3
    doc = _report(store)
    jsonschema.validate(doc, schema())
    (c,) = [c for c in doc["claims"] if c["id"] == ids["bridge"]]
    assert (c["grade"], c["credibility"]) == ("C1", "1")
    assert (c["rule_grade"], c["rule_credibility"]) == ("C3", "3")
