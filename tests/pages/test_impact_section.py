"""The Impact section of the initiative page's KPI tab, on both databases: the effect of a pilot against the stores
not in it, with verdict and method; the segments form for those who may edit, and not for a viewer."""

from datetime import date

import pytest

from cxgov.db import session_scope
from cxgov.models import InitiativeSegment, Role
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi
from tests.measurement.impact_builders import initiative_with_kpi, nps_answers
from tests.pages.harness import open_page, texts


@pytest.fixture
def pilot(db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Sanne Jansen")
    kpi = add_survey_kpi(engine, code="RNPS", name="Store NPS")
    answers = []
    for store in ("Utrecht", "Zwolle", "Breda"):
        answers += nps_answers(date(2024, 11, 5), 160, 80, 160, {"region": store})
    answers += nps_answers(date(2025, 11, 5), 220, 80, 100, {"region": "Utrecht"})
    for store in ("Zwolle", "Breda"):
        answers += nps_answers(date(2025, 11, 5), 180, 80, 140, {"region": store})
    add_responses(engine, kpi, answers)
    initiative = initiative_with_kpi(engine, kpi, do_on=date(2025, 10, 20), baseline=0, target=15, owner_id=owner)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeSegment(initiative_id=initiative, dimension="region", segment="Utrecht"))
    return {"url": url, "engine": engine, "owner": owner, "initiative": initiative}


def _open(monkeypatch, pilot, who, lang="en"):
    return open_page(
        monkeypatch, pilot["url"], "initiative", lang=lang, acting=who, query={"id": str(pilot["initiative"])}
    )


def _impact_table(at):
    return next(
        frame.value for frame in at.dataframe if "Verdict" in frame.value.columns or "Oordeel" in frame.value.columns
    )


def test_the_pilot_is_judged_against_the_stores_not_in_it(monkeypatch, pilot):
    at = _open(monkeypatch, pilot, pilot["owner"])

    assert not at.exception
    row = _impact_table(at).iloc[0]
    assert row["Expected gain"] == "+15"
    assert row["Effect ± 95%"].startswith("+20.0 ± ")
    assert row["Verdict"] == "significant change"
    assert row["Method"] == "difference in differences against Breda, Zwolle not in the pilot (Utrecht)"
    assert "Ran in store/region: Utrecht." in texts(at)
    assert "Where the initiative ran" in [e.label for e in at.expander]
    links = next(frame.value for frame in at.dataframe if "Period" in frame.value.columns)
    assert [len(period.split()) for period in links["Period"]] == [2]  # "Nov 2026": a month, not a day


def test_dutch_and_read_only_for_a_viewer(monkeypatch, pilot):
    viewer = add_person(pilot["engine"], Role.VIEWER)
    at = _open(monkeypatch, pilot, viewer, lang="nl")

    assert not at.exception
    row = _impact_table(at).iloc[0]
    assert row["Oordeel"] == "significante verandering"
    assert "Waar het initiatief liep" not in [e.label for e in at.expander]


def test_the_owner_moves_the_pilot_to_another_store(monkeypatch, pilot):
    at = _open(monkeypatch, pilot, pilot["owner"])
    key = next(m.key for m in at.multiselect if m.key.startswith("impact_segments_"))
    at.multiselect(key=key).set_value(["Zwolle"])
    next(b for b in at.button if b.label == "Save the segments").click().run()

    assert not at.exception
    with session_scope(pilot["engine"]) as session:
        stored = session.query(InitiativeSegment.segment).all()
    assert [s for (s,) in stored] == ["Zwolle"]
    assert "Ran in store/region: Zwolle." in texts(at)
