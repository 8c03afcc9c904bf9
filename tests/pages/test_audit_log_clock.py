"""The audit log page in AppTest: times on the installation's clock with the zone named, the system actor in
the reader's language (stored as recorded)."""

import re

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AuditEvent, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.reference import create_department
from tests.admin_helpers import run
from tests.factories import add_person
from tests.pages.harness import open_page


@pytest.mark.parametrize(("lang", "system", "when"), [("en", "system", "When"), ("nl", "systeem", "Wanneer")])
def test_the_audit_log_shows_local_times_and_the_system_in_the_readers_language(monkeypatch, db, lang, system, when):
    url, engine = db
    monkeypatch.setenv("CXGOV_TIME_ZONE", "Europe/Amsterdam")
    run(engine, create_department, SYSTEM_ACTOR, data={"name": "Finance"})
    admin = add_person(engine, Role.ADMIN, name="Anne Admin")
    at = open_page(monkeypatch, url, "audit-log", lang=lang, acting=admin)
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    who = table[{"en": "Who", "nl": "Wie"}[lang]].tolist()
    assert system in who and ({"system", "systeem"} - {system}).isdisjoint(who)
    assert all(re.search(r" \d\d:\d\d:\d\d CES?T$", moment) for moment in table[when]), table[when].tolist()
    assert "UTC" not in at.date_input(key="admin_audit_from").label  # the days are local days too
    with session_scope(engine) as session:
        assert "system" in session.exec(select(AuditEvent.actor_name)).all()  # stored as recorded
