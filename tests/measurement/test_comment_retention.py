"""Survey comments on both databases: removed after the retention period with the scores kept, exported only by
those allowed to, every export in the audit log, and a comment that looks like a formula exported as text."""

import io
import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from cxgov.db import session_scope
from cxgov.errors import PermissionDenied
from cxgov.models import AuditEvent, Department, KpiFigure, Role, SurveyResponse, TaxonomyTerm
from cxgov.services.comment_retention import comments_to_purge, comments_workbook, export_comments, purge_comments
from tests.admin_helpers import audit_events, run
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi

TODAY = date(2026, 3, 10)
RETENTION = 730  # the default CXGOV_COMMENT_RETENTION_DAYS
CUT_OFF = TODAY - timedelta(days=RETENTION)


@pytest.fixture
def kpi(engine):
    return add_survey_kpi(engine, "RNPS", "nps")


def stored(engine):
    with session_scope(engine) as session:
        return session.execute(
            sa.select(SurveyResponse.responded_on, SurveyResponse.score, SurveyResponse.comment).order_by(
                SurveyResponse.responded_on
            )
        ).all()


def test_comments_older_than_the_retention_are_removed_and_scores_stay(engine, kpi):
    add_responses(
        engine,
        kpi,
        [
            (CUT_OFF - timedelta(days=1), 9, {"comment": "Te oud"}),
            (CUT_OFF - timedelta(days=30), 2, {"comment": ""}),
            (CUT_OFF, 7, {"comment": "Precies op de grens"}),
            (TODAY, 10, {"comment": "Vandaag"}),
        ],
    )
    with session_scope(engine) as session:
        figures_before = session.execute(sa.select(sa.func.sum(KpiFigure.n))).scalar_one()
        assert comments_to_purge(session=session, today=TODAY) == 1
    analyst = add_person(engine, Role.ANALYST)
    assert run(engine, purge_comments, analyst, today=TODAY) == 1
    assert stored(engine) == [
        (CUT_OFF - timedelta(days=30), 2, ""),
        (CUT_OFF - timedelta(days=1), 9, ""),
        (CUT_OFF, 7, "Precies op de grens"),
        (TODAY, 10, "Vandaag"),
    ]
    with session_scope(engine) as session:
        removed_at = session.execute(
            sa.select(SurveyResponse.responded_on, SurveyResponse.comment_removed_at).order_by(
                SurveyResponse.responded_on
            )
        ).all()
        assert [when is not None for _, when in removed_at] == [False, True, False, False]
        assert session.execute(sa.select(sa.func.sum(KpiFigure.n))).scalar_one() == figures_before
    events = audit_events(engine, "survey_response")
    assert [(entity_id, action) for entity_id, action, *_ in events] == [("-", "purge_comments")]
    assert json.loads(events[0][4]) == {"before": CUT_OFF.isoformat(), "comments": 1, "retention_days": RETENTION}
    assert run(engine, purge_comments, analyst, today=TODAY) == 0  # nothing left to remove, and still recorded
    assert len(audit_events(engine, "survey_response")) == 2


def test_the_retention_follows_the_setting(engine, kpi, monkeypatch):
    from cxgov.settings import get_settings

    add_responses(engine, kpi, [(TODAY - timedelta(days=40), 9, {"comment": "Zes weken oud"})])
    monkeypatch.setenv("CXGOV_COMMENT_RETENTION_DAYS", "30")
    get_settings.cache_clear()
    analyst = add_person(engine, Role.ANALYST)
    assert run(engine, purge_comments, analyst, today=TODAY) == 1


@pytest.fixture
def commented(engine, kpi):
    with session_scope(engine, write=True) as session:
        store = TaxonomyTerm(kind="channel", code="store", name_en="Store", name_nl="Winkel")
        service = Department(name="Klantenservice")
        session.add_all([store, service])
        session.flush()
        segments = {"channel_id": store.id, "department_id": service.id, "region": "Utrecht"}
    add_responses(
        engine,
        kpi,
        [
            (date(2026, 1, 5), 3, {"comment": '=HYPERLINK("http://evil.example","klik")', **segments}),
            (date(2026, 1, 20), 9, {"comment": "Snel geholpen", "touchpoint": "Kassa"}),
            (date(2026, 1, 21), 8, {"comment": ""}),
            (date(2026, 2, 2), 6, {"comment": "Buiten de periode"}),
        ],
    )
    return kpi


def test_an_export_lists_the_period_s_comments_and_is_audited(engine, commented):
    analyst = add_person(engine, Role.ANALYST, name="Ada Analyst")
    frame = run(engine, export_comments, analyst, kpi_id=commented, since=date(2026, 1, 1), until=date(2026, 1, 31))
    assert frame.to_dict("records") == [
        {"date": date(2026, 1, 20), "kpi": "RNPS", "score": 9, "segments": "Kassa", "comment": "Snel geholpen"},
        {
            "date": date(2026, 1, 5),
            "kpi": "RNPS",
            "score": 3,
            "segments": "Store · Klantenservice · Utrecht",
            "comment": '=HYPERLINK("http://evil.example","klik")',
        },
    ]
    dutch = run(
        engine,
        export_comments,
        analyst,
        kpi_id=commented,
        since=date(2026, 1, 5),
        until=date(2026, 1, 5),
        language="nl",
    )
    assert dutch["segments"].tolist() == ["Winkel · Klantenservice · Utrecht"]
    with session_scope(engine) as session:
        events = session.execute(
            sa.select(AuditEvent.actor_name, AuditEvent.entity_id, AuditEvent.new_value)
            .where(AuditEvent.action == "export_comments")
            .order_by(AuditEvent.seq)
        ).all()
    assert [(who, entity_id, json.loads(new)) for who, entity_id, new in events] == [
        ("Ada Analyst", str(commented), {"since": "2026-01-01", "until": "2026-01-31", "rows": 2}),
        ("Ada Analyst", str(commented), {"since": "2026-01-05", "until": "2026-01-05", "rows": 1}),
    ]


def test_a_comment_that_looks_like_a_formula_is_exported_as_text(engine, commented):
    analyst = add_person(engine, Role.ANALYST)
    frame = run(engine, export_comments, analyst, kpi_id=commented, since=date(2026, 1, 1), until=date(2026, 1, 31))
    sheet = load_workbook(io.BytesIO(comments_workbook(frame, "nl"))).active
    assert [cell.value for cell in sheet[1]] == ["Datum", "KPI", "Score", "Segmenten", "Toelichting"]
    cell = sheet.cell(row=3, column=5)
    assert (cell.data_type, cell.value) == ("s", '\'=HYPERLINK("http://evil.example","klik")')
    assert sheet.cell(row=2, column=3).value == 9 and sheet.cell(row=2, column=1).is_date


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_managers_and_viewers_may_not_export_comments_and_the_attempt_is_recorded(engine, commented, role):
    person = add_person(engine, role)
    with pytest.raises(PermissionDenied):
        run(engine, export_comments, person, kpi_id=commented, since=date(2026, 1, 1), until=date(2026, 1, 31))
    with pytest.raises(PermissionDenied):
        run(engine, purge_comments, person, today=TODAY)
    with session_scope(engine) as session:
        actions = session.execute(sa.select(AuditEvent.action, AuditEvent.entity, AuditEvent.field)).all()
    assert ("denied", "kpi", "export_comments") in actions and ("export_comments", "kpi", None) not in actions
