"""Event times are stored in UTC and shown on the installation's clock (CXGOV_TIME_ZONE), with the zone named;
the audit log's day filters follow that clock, and its export stays UTC and says so."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from cxgov import audit
from cxgov.db import session_scope
from cxgov.i18n import format_moment, t
from cxgov.models import Role
from cxgov.queries.audit import AuditFilter, events
from cxgov.services.audit_export import export_audit_log
from cxgov.settings import SettingsError, load_settings
from tests.admin_helpers import run
from tests.factories import add_person

LATE_EVENING_UTC = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)  # 00:30 on 6 March in Amsterdam (CET, +1)
SUMMER_NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # 14:00 in Amsterdam (CEST, +2)


def test_the_default_zone_is_amsterdam_and_another_can_be_chosen(monkeypatch):
    monkeypatch.delenv("CXGOV_TIME_ZONE", raising=False)
    assert load_settings().time_zone == "Europe/Amsterdam"
    monkeypatch.setenv("CXGOV_TIME_ZONE", "America/Curacao")
    assert load_settings().time_zone == "America/Curacao"


@pytest.mark.parametrize("value", ["Mars/Olympus_Mons", "europe/amsterdam", "../etc/passwd", "CET+1"])
def test_an_unknown_zone_is_refused_with_the_setting_named(monkeypatch, value):
    monkeypatch.setenv("CXGOV_TIME_ZONE", value)
    with pytest.raises(SettingsError, match="CXGOV_TIME_ZONE must be a time zone name"):
        load_settings()


@pytest.mark.parametrize(
    ("moment", "lang", "shown"),
    [
        (LATE_EVENING_UTC, "nl", "06-03-2026 00:30:00 CET"),
        (LATE_EVENING_UTC, "en", "6 Mar 2026 00:30:00 CET"),
        (SUMMER_NOON_UTC, "nl", "01-07-2026 14:00:00 CEST"),  # summer time, named as such
        (SUMMER_NOON_UTC.replace(tzinfo=None), "nl", "01-07-2026 14:00:00 CEST"),  # a naive stored value is UTC
    ],
)
def test_moments_are_shown_on_the_installation_clock_with_the_zone_named(moment, lang, shown):
    assert format_moment(moment, lang, "Europe/Amsterdam") == shown


def test_without_a_zone_a_moment_stays_utc():
    assert format_moment(SUMMER_NOON_UTC, "en") == "1 Jul 2026 12:00:00 UTC"


@pytest.fixture
def late_event(engine, monkeypatch):
    """One audit event at 23:30 UTC on 5 March: 6 March on an Amsterdam clock."""
    monkeypatch.setattr(audit, "utcnow", lambda: LATE_EVENING_UTC)
    with session_scope(engine, write=True) as session:
        audit.record(session, actor=audit.SYSTEM, entity="portfolio", entity_id=1, action="bulk_load")
    return engine


@pytest.mark.parametrize(
    ("zone", "found_on", "missed_on"),
    [
        ("Europe/Amsterdam", date(2026, 3, 6), date(2026, 3, 5)),
        ("UTC", date(2026, 3, 5), date(2026, 3, 6)),
    ],
)
def test_audit_days_are_days_on_the_clock_the_page_shows(late_event, zone, found_on, missed_on):
    with session_scope(late_event) as session:
        _, found = events(session, AuditFilter(date_from=found_on, date_to=found_on, zone=zone), limit=10)
        _, missed = events(session, AuditFilter(date_from=missed_on, date_to=missed_on, zone=zone), limit=10)
    assert (found, missed) == (1, 0)


def test_the_export_keeps_utc_and_says_so_in_its_header(late_event):
    admin = add_person(late_event, Role.ADMIN)
    data = run(late_event, export_audit_log, admin, filters=AuditFilter(zone="Europe/Amsterdam"))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["B1"].value == t("export.audit.occurred_at_utc") == "When (UTC)"
    assert sheet["B2"].value == datetime(2026, 3, 5, 23, 30)  # the UTC clock, not Amsterdam's 00:30 on 6 March
