"""The admin pages in AppTest: empty and filled databases, both languages, forms only for those allowed."""

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.models import LocalAccount, Role
from cxgov.models.base import utcnow
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import reset_password
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.people import update_person
from cxgov.services.reference import create_department, create_objective, create_term, update_department
from cxgov.ui.frame.acting import PICKER_KEYS
from cxgov.ui.navigation import page_file
from tests.admin_helpers import audit_events, run
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts

ADMIN_PAGES = ["people", "departments", "objectives", "lists", "kpis", "pack-template", "audit-log"]
TITLES = {
    "people": ("People", "Mensen"),
    "departments": ("Departments", "Afdelingen"),
    "objectives": ("Strategic objectives", "Strategische doelen"),
    "lists": ("Journey stages & channels", "Klantreisfasen & kanalen"),
    "kpis": ("KPI catalogue", "KPI-catalogus"),
    "pack-template": ("Board pack template", "Sjabloon voor bestuurspakketten"),
    "audit-log": ("Audit log", "Auditlog"),
}


@pytest.fixture
def filled(db):
    """A small Voltera: departments, people, an objective, list values, a KPI with readings, an initiative."""
    url, engine = db
    finance = run(engine, create_department, SYSTEM_ACTOR, data={"name": "Finance"})
    run(engine, create_department, SYSTEM_ACTOR, data={"name": "Logistics", "active": False})
    admin = add_person(engine, Role.ADMIN, name="Anne Admin", department_id=finance)
    viewer = add_person(engine, Role.VIEWER, name="Victor Viewer")
    manager = add_person(engine, Role.MANAGER, name="Mila Manager", department_id=finance)
    analyst = add_person(engine, Role.ANALYST, name="Ada Analyst")
    objective = run(engine, create_objective, SYSTEM_ACTOR, data={"title": "Effortless service", "owner_id": admin})
    run(
        engine,
        create_term,
        SYSTEM_ACTOR,
        data={"kind": "journey_stage", "code": "payment", "name_en": "Payment", "name_nl": "Betalen", "position": 3},
    )
    run(
        engine,
        create_term,
        SYSTEM_ACTOR,
        data={"kind": "channel", "code": "whatsapp", "name_en": "WhatsApp", "name_nl": "WhatsApp", "position": 6},
    )
    kpi = run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={
            "code": "nps_rel",
            "name": "Relationship NPS",
            "kind": "nps",
            "scale_min": -100,
            "scale_max": 100,
            "owner_id": manager,
        },
    )
    run(
        engine,
        record_kpi_reading,
        SYSTEM_ACTOR,
        data={"kpi_id": kpi, "period": date(2026, 10, 1), "value": 28.0, "sample_size": 812, "source": "panel"},
    )
    add_initiative(
        engine, owner_id=manager, title="Plain-language invoices", objective_id=objective, owning_department_id=finance
    )
    return {
        "url": url,
        "engine": engine,
        "admin": admin,
        "viewer": viewer,
        "manager": manager,
        "analyst": analyst,
        "finance": finance,
    }


def _submit(at, label: str):
    next(b for b in at.button if b.label == label).click()
    return at.run()


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("url_path", ADMIN_PAGES)
def test_admin_pages_on_an_empty_database(monkeypatch, db, url_path, lang):
    url, engine = db
    if url_path not in ("audit-log", "pack-template"):  # which a reader does not get at all (tests below)
        at = open_page(monkeypatch, url, url_path, lang=lang)
        assert not at.exception, at.exception
        assert at.title[0].value == TITLES[url_path][lang == "nl"]
    admin = add_person(engine, Role.ADMIN)  # the first admin sees the empty state with its forms
    at = open_page(monkeypatch, url, url_path, lang=lang, acting=admin)
    assert not at.exception, at.exception
    assert at.title[0].value == TITLES[url_path][lang == "nl"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_admin_pages_with_data(monkeypatch, filled, lang):
    expected = {
        "people": ["Anne Admin", "Mila Manager", "Finance", "Beheerder" if lang == "nl" else "Admin"],
        "departments": ["Finance", "Logistics"],
        "objectives": ["Effortless service", "Anne Admin"],
        "lists": ["payment", "Betalen"],
        "kpis": ["NPS_REL", "Relationship NPS", "Mila Manager", "panel"],
        "audit-log": ["KPI-meting" if lang == "nl" else "KPI reading", "systeem" if lang == "nl" else "system"],
    }
    for url_path, needles in expected.items():
        at = open_page(monkeypatch, filled["url"], url_path, lang=lang, acting=filled["admin"])
        assert not at.exception, (url_path, at.exception)
        shown = texts(at)
        for needle in needles:
            assert needle in shown, (url_path, needle)


def test_adding_a_department_through_the_form_lists_it(monkeypatch, filled):
    at = open_page(monkeypatch, filled["url"], "departments", acting=filled["admin"])
    at.text_input(key="admin.departments.add.0.name").input("Returns & Aftersales")
    at = _submit(at, "Add")
    assert not at.exception, at.exception
    assert "Returns & Aftersales" in at.dataframe[0].value.to_string()
    assert "Added." in texts(at)
    assert at.text_input(key="admin.departments.add.1.name").value == ""  # a fresh, empty form


def test_a_person_added_through_the_form_is_listed_and_can_be_chosen_in_the_demo_mode(monkeypatch, filled):
    demo_mode = filled["url"].startswith("sqlite")
    at = open_page(
        monkeypatch, filled["url"], "people", acting=filled["admin"], mode="acting-as" if demo_mode else "sso"
    )
    at.text_input(key="admin.people.add.0.name").input("Noor Nieuw")
    at.text_input(key="admin.people.add.0.email").input("Noor@Voltera.nl")
    at.selectbox(key="admin.people.add.0.role").select(Role.ANALYST)
    at = _submit(at, "Add")
    assert not at.exception, at.exception
    assert "noor@voltera.nl" in at.dataframe[0].value.to_string()
    if demo_mode:
        assert "Noor Nieuw · CX analyst" in at.selectbox(key=PICKER_KEYS["en"]).options  # the picker's cache refreshed


def test_a_duplicate_department_names_the_field_in_dutch(monkeypatch, filled):
    at = open_page(monkeypatch, filled["url"], "departments", lang="nl", acting=filled["admin"])
    at.text_input(key="admin.departments.add.0.name").input("FINANCE")
    at = _submit(at, "Toevoegen")
    assert "Naam" in at.error[0].value and "is al in gebruik" in at.error[0].value


def test_editing_keeps_the_version_seen_and_reports_a_conflict(monkeypatch, filled):
    engine, finance = filled["engine"], filled["finance"]
    at = open_page(monkeypatch, filled["url"], "departments", acting=filled["admin"])
    at.selectbox(key="admin_departments_pick").select(finance).run()
    name_key = f"admin.departments.edit.{finance}.1.name"
    assert at.text_input(key=name_key).value == "Finance"
    run(
        engine,
        update_department,
        SYSTEM_ACTOR,
        department_id=finance,
        seen_version=1,
        data={"name": "Finance & Control"},
    )  # someone else saves meanwhile
    at.text_input(key=name_key).input("Finance NL")
    at = _submit(at, "Save")
    assert not at.exception, at.exception
    assert "changed by system" in texts(at)
    at = _submit(at, "Reload")
    assert at.text_input(key=f"admin.departments.edit.{finance}.2.name").value == "Finance & Control"
    at.text_input(key=f"admin.departments.edit.{finance}.2.name").input("Finance NL")
    at = _submit(at, "Save")
    assert "Saved." in texts(at) and "Finance NL" in at.dataframe[0].value.to_string()


def test_an_admin_cannot_deactivate_themselves_in_the_form(monkeypatch, filled):
    admin = filled["admin"]
    at = open_page(monkeypatch, filled["url"], "people", acting=admin)
    at.selectbox(key="admin_people_pick").select(admin).run()
    at.checkbox(key=f"admin.people.edit.{admin}.1.active").uncheck()
    at = _submit(at, "Save")
    assert "you cannot change your own role" in at.error[0].value


def test_people_filters(monkeypatch, filled):
    run(
        filled["engine"],
        update_person,
        filled["admin"],
        person_id=filled["viewer"],
        seen_version=1,
        data={"name": "Victor Viewer", "email": "victor@voltera.nl", "role": "viewer", "active": False},
    )
    at = open_page(monkeypatch, filled["url"], "people", acting=filled["admin"])
    assert "Victor Viewer" not in at.dataframe[0].value.to_string()  # active people by default
    at.selectbox(key="admin_people_active").select(False).run()
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["Victor Viewer"]
    at.selectbox(key="admin_people_active").select(None).run()
    at.selectbox(key="admin_people_role").select(Role.MANAGER).run()
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["Mila Manager"]
    at.selectbox(key="admin_people_role").select(None).run()
    at.selectbox(key="admin_people_department").select(filled["finance"]).run()
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["Anne Admin", "Mila Manager"]


@pytest.mark.parametrize("url_path", ["people", "departments", "objectives", "lists", "kpis"])
def test_a_viewer_sees_tables_but_no_forms(monkeypatch, filled, url_path):
    at = open_page(monkeypatch, filled["url"], url_path, acting=filled["viewer"])
    assert not at.exception, at.exception
    assert at.dataframe, "the table is shown"
    assert not [b for b in at.button if b.label in ("Add", "Save", "Record")]
    assert "needs another role" in texts(at)


def test_recording_a_kpi_reading_through_the_form(monkeypatch, filled):
    at = open_page(monkeypatch, filled["url"], "kpis", acting=filled["analyst"])
    at.date_input(key="admin.readings.add.0.period").set_value(date(2026, 11, 1))
    at.number_input(key="admin.readings.add.0.value").set_value(31.5)
    at.number_input(key="admin.readings.add.0.sample_size").set_value(640)
    at.text_input(key="admin.readings.add.0.source").input("panel")
    at = _submit(at, "Record")
    assert not at.exception, at.exception
    assert "31.5" in at.dataframe[1].value.to_string()
    at.date_input(key="admin.readings.add.1.period").set_value(date(2026, 11, 1))
    at.number_input(key="admin.readings.add.1.value").set_value(30)
    at.number_input(key="admin.readings.add.1.sample_size").set_value(640)
    at.text_input(key="admin.readings.add.1.source").input("panel")
    at = _submit(at, "Record")
    assert "already has a reading" in at.error[0].value


def test_the_audit_log_does_not_exist_for_those_who_may_not_see_it(monkeypatch, filled):
    """Not found rather than forbidden: not in the sidebar, and no page behind its link."""
    for person in (None, filled["manager"], filled["viewer"]):
        at = open_page(monkeypatch, filled["url"], "portfolio", acting=person)
        assert "audit-log" not in _nav_paths(at)
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page_file("audit-log"))
    office, leader = add_person(filled["engine"], Role.PROGRAMME_OFFICE), add_person(filled["engine"], Role.LEADER)
    for person in (filled["admin"], office, leader):
        assert "audit-log" in _nav_paths(open_page(monkeypatch, filled["url"], "portfolio", acting=person))


def _nav_paths(at) -> set[str]:
    """The url paths of the pages this run registered with st.navigation (AppTest keeps no public list)."""
    return {str(info.get("url_pathname")) for info in at._registered_pages.values()}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_audit_log_filters_and_verifies_the_chain(monkeypatch, filled, lang):
    at = open_page(monkeypatch, filled["url"], "audit-log", lang=lang, acting=filled["admin"])
    assert ("Chain head" if lang == "en" else "Kop van de keten") in texts(at)
    at.selectbox(key="admin_audit_entity").select("kpi").run()
    frame = at.dataframe[0].value
    assert set(frame.iloc[:, 3]) == {"KPI"} and len(frame) == 1
    assert frame.loc[0, t("admin.audit.col.reason", lang)] == "—"  # no reason given: a dash, never None or nan
    at.selectbox(key="admin_audit_entity").select(None).run()
    at.text_input(key="admin_audit_text").input("effortless").run()
    assert len(at.dataframe[0].value) == 1
    at = _submit(at, "Verify chain" if lang == "en" else "Keten controleren")
    assert at.success and ("intact" in at.success[0].value)


# --- local account resets and the audit export ---------------------------------------------------------------

NEW_PASSWORD = "Klantreis-Kwartaal-2026"


def _account(engine, person_id: int) -> bool | None:
    """None without a local account, else whether it must choose a new password."""
    with session_scope(engine) as session:
        account = session.get(LocalAccount, person_id)
        return None if account is None else account.must_change_password


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_admin_sets_a_password_in_the_reset_tab(monkeypatch, filled, lang):
    manager = filled["manager"]
    at = open_page(monkeypatch, filled["url"], "people", lang=lang, acting=filled["admin"])
    assert ("Set or reset password" if lang == "en" else "Wachtwoord instellen of resetten") in [
        t.label for t in at.tabs
    ]
    assert ("Local account" if lang == "en" else "Lokaal account") in at.dataframe[0].value.columns
    at.selectbox(key="admin.reset.0.person").select(manager)
    at.text_input(key="admin.reset.0.new").input(NEW_PASSWORD)
    at.text_input(key="admin.reset.0.repeat").input(NEW_PASSWORD)
    at = _submit(at, "Set password" if lang == "en" else "Wachtwoord instellen")
    assert not at.exception, at.exception
    assert _account(filled["engine"], manager) is True, "an account that must choose a new password"
    assert ("must choose a new password" if lang == "en" else "nieuw wachtwoord kiezen") in texts(at)
    assert at.text_input(key="admin.reset.1.new").value == "", "no password lingers in the form"
    table = at.dataframe[0].value.set_index(at.dataframe[0].value.columns[0])
    assert table.loc["Mila Manager", "Local account" if lang == "en" else "Lokaal account"] == (
        "Yes" if lang == "en" else "Ja"
    )
    assert NEW_PASSWORD not in texts(at) and "argon2" not in texts(at)


def test_a_password_typed_differently_twice_is_not_set(monkeypatch, filled):
    at = open_page(monkeypatch, filled["url"], "people", acting=filled["admin"])
    at.selectbox(key="admin.reset.0.person").select(filled["manager"])
    at.text_input(key="admin.reset.0.new").input(NEW_PASSWORD)
    at.text_input(key="admin.reset.0.repeat").input(NEW_PASSWORD + "!")
    at = _submit(at, "Set password")
    assert "differs from the first entry" in at.error[0].value
    assert _account(filled["engine"], filled["manager"]) is None
    at.text_input(key="admin.reset.0.repeat").input("short")
    at.text_input(key="admin.reset.0.new").input("short")
    at = _submit(at, "Set password")
    assert "New password" in at.error[0].value and _account(filled["engine"], filled["manager"]) is None


def test_a_viewer_sees_no_reset_tab_and_no_export(monkeypatch, filled):
    at = open_page(monkeypatch, filled["url"], "people", acting=filled["viewer"])
    assert not at.exception and not at.tabs
    assert "Local account" not in at.dataframe[0].value.columns


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_preparing_an_export_audits_it_and_offers_the_download(monkeypatch, filled, lang):
    at = open_page(monkeypatch, filled["url"], "audit-log", lang=lang, acting=filled["admin"])
    assert not at.get("download_button"), "nothing is exported (or audited) before it is asked for"
    at.selectbox(key="admin_audit_entity").select("kpi").run()
    at = _submit(at, "Prepare export (Excel)" if lang == "en" else "Export voorbereiden (Excel)")
    assert not at.exception, at.exception
    assert len(at.get("download_button")) == 1
    prepared = at.session_state["cxgov_admin_audit_export"]
    assert prepared["name"].endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(prepared["data"])).active
    assert sheet["B1"].value == t("export.audit.occurred_at_utc", lang) and sheet["D2"].value == "kpi"
    [(_, action, _, _, new)] = audit_events(filled["engine"], "audit_log")
    assert action == "export" and '"entity": "kpi"' in new and '"rows": 1' in new
    at.selectbox(key="admin_audit_entity").select(None).run()
    assert not at.get("download_button"), "a file made for other filters is not offered"
    at.selectbox(key="admin_audit_entity").select("audit_log").run()
    assert ("Exported" if lang == "en" else "Geëxporteerd") in texts(at)


def test_the_table_shows_a_lockout_and_a_reset_lifts_it(monkeypatch, filled):
    engine, manager = filled["engine"], filled["manager"]
    run(engine, reset_password, SYSTEM_ACTOR, person_id=manager, new_password=NEW_PASSWORD)
    with session_scope(engine, write=True) as session:  # locked out as after too many wrong passwords
        session.get(LocalAccount, manager).locked_until = utcnow() + timedelta(minutes=15)
    at = open_page(monkeypatch, filled["url"], "people", acting=filled["admin"])
    table = at.dataframe[0].value.set_index("Name")
    assert (table.loc["Mila Manager", "Local account"], table.loc["Mila Manager", "Locked"]) == ("Yes", "Yes")
    assert (table.loc["Anne Admin", "Local account"], table.loc["Anne Admin", "Locked"]) == ("No", "No")
    at.selectbox(key="admin.reset.0.person").select(manager)
    at.text_input(key="admin.reset.0.new").input("Rapportcijfer-Acht-2027")
    at.text_input(key="admin.reset.0.repeat").input("Rapportcijfer-Acht-2027")
    at = _submit(at, "Set password")
    assert at.dataframe[0].value.set_index("Name").loc["Mila Manager", "Locked"] == "No"
