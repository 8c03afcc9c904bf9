"""Numbers in tables go through the reader's locale: a KPI reading of 29.4 reads 29,4 in Dutch, in the KPI
catalogue and on the initiative page."""

from datetime import date

import pytest

from cxgov.db import session_scope
from cxgov.models import InitiativeKpi, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpis import create_kpi, record_kpi_reading
from tests.admin_helpers import run
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page


@pytest.fixture
def measured(db):
    """A KPI with a reading of 29.4 (n = 1,250) and an initiative aiming to bring it from 31.5 to 24.25."""
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    kpi = run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={
            "code": "WISMO",
            "name": "Where is my order share",
            "kind": "operational",
            "unit": "%",
            "scale_min": 0,
            "scale_max": 100,
            "direction": "lower_is_better",
        },
    )
    run(
        engine,
        record_kpi_reading,
        SYSTEM_ACTOR,
        data={
            "kpi_id": kpi,
            "period": date(2026, 10, 1),
            "value": 29.4,
            "sample_size": 1250,
            "source": "contact centre",
        },
    )
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=initiative, kpi_id=kpi, baseline=31.5, target=24.25))
    return {"url": url, "initiative": initiative, "manager": manager}


@pytest.mark.parametrize(
    ("lang", "reading", "sample", "baseline", "target"),
    [
        ("en", "29.4", "1,250", "31.5", "24.25"),
        ("nl", "29,4", "1.250", "31,5", "24,25"),
    ],
)
def test_readings_and_targets_in_the_readers_locale(monkeypatch, measured, lang, reading, sample, baseline, target):
    at = open_page(monkeypatch, measured["url"], "kpis", lang=lang)
    assert not at.exception, at.exception
    readings = at.dataframe[1].value
    assert readings.iloc[0].tolist()[1:3] == [reading, sample]
    assert at.dataframe[0].value.iloc[0].tolist()[4:6] == ["0", "100"]  # the scale ends, not 0.0 and 100.0
    at = open_page(monkeypatch, measured["url"], "initiative", lang=lang, query={"id": str(measured["initiative"])})
    assert not at.exception, at.exception
    links = next(df.value for df in at.dataframe if "WISMO" in df.value.to_string())
    assert links.iloc[0].tolist()[2:5] == [baseline, target, reading]
