"""A measured programme for the Measurement page's tests: a KTV from survey responses in segments (two channels,
two departments, two touchpoints), indicative in its latest month, a target that changed, and a business KPI
typed per month that follows the KTV a month later."""

from __future__ import annotations

from datetime import date

from cxgov.db import session_scope
from cxgov.models import TaxonomyKind, TaxonomyTerm
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpi_targets import set_kpi_target
from cxgov.services.kpis import create_kpi, record_kpi_reading
from tests.admin_helpers import run
from tests.factories import add_department
from tests.measurement.builders import add_responses, add_survey_kpi

MONTHS = 15  # more than a year: last year's line and a lagged correlation both have months to work with


def months_back(n: int, today: date | None = None) -> date:
    """The first day of the month `n` months before this one."""
    today = today or date.today()
    month = today.year * 12 + today.month - 1 - n
    return date(month // 12, month % 12 + 1, 1)


def add_term(engine, kind: TaxonomyKind, code: str, name_en: str, name_nl: str) -> int:
    """A journey stage or channel in the editable lists."""
    with session_scope(engine, write=True) as session:
        term = TaxonomyTerm(kind=kind, code=code, name_en=name_en, name_nl=name_nl)
        session.add(term)
        session.flush()
        return term.id


def _ktv_answers(month: date, level: int, segments: list[dict], count: int) -> list[tuple[date, int, dict]]:
    """`count` answers in `month` around `level` (level − 1, level, level + 1 in turn), spread over `segments`."""
    return [(month.replace(day=1 + i % 27), level - 1 + i % 3, segments[i % len(segments)]) for i in range(count)]


def seed_measurement(engine) -> dict:
    """The KTV (responses, 40 a month, the latest month 12), its targets, and the business KPI (typed)."""
    store = add_term(engine, TaxonomyKind.CHANNEL, "store", "Store", "Winkel")
    web = add_term(engine, TaxonomyKind.CHANNEL, "web", "Web shop", "Webwinkel")
    service = add_department(engine, "Customer service")
    logistics = add_department(engine, "Logistics")
    segments = [
        {"channel_id": store, "department_id": service, "touchpoint": "Kassa", "region": "Noord"},
        {"channel_id": web, "department_id": logistics, "touchpoint": "Bezorging", "region": "Zuid"},
        {"channel_id": store, "department_id": service, "touchpoint": "Kassa", "region": "Zuid"},
    ]
    ktv = add_survey_kpi(engine, "KTV", "ktv", name="KTV")
    answers = []
    for back in range(MONTHS, 0, -1):
        level = 7 + (back % 3 == 0)  # a zigzag: some months around 8, the others around 7
        answers += _ktv_answers(months_back(back), level, segments, 12 if back == 1 else 40)
    add_responses(engine, ktv, answers)
    first_target = run(
        engine,
        set_kpi_target,
        SYSTEM_ACTOR,
        data={"kpi_id": ktv, "valid_from": months_back(MONTHS), "target": 7.0},
    )
    run(engine, set_kpi_target, SYSTEM_ACTOR, data={"kpi_id": ktv, "valid_from": months_back(4), "target": 7.8})
    revenue = run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={"code": "REV", "name": "Revenue growth", "kind": "business", "unit": "%", "discipline": "measurement"},
    )
    for back in range(MONTHS, 1, -1):  # the business month follows the CX month before it
        level = 2.0 + 1.5 * ((back + 1) % 3 == 0) + 0.1 * (back % 2)
        run(
            engine,
            record_kpi_reading,
            SYSTEM_ACTOR,
            data={"kpi_id": revenue, "period": months_back(back), "value": level},
        )
    return {
        "ktv": ktv,
        "revenue": revenue,
        "store": store,
        "web": web,
        "service": service,
        "logistics": logistics,
        "first_target": first_target,
    }
