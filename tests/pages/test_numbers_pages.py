"""Trustworthy numbers on the pages (AppTest): Admin → KPIs shows how each reading stands and lets an analyst
correct or withdraw one with a reason; the initiative page books a credit with its reason and shows outcome
health as not started before the work begins."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Expense, InitiativeKpi, KpiReading, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpis import create_kpi, record_kpi_reading
from tests.admin_helpers import run
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts
from tests.pages.test_programs_pages import save_inline

LAST_MONTH = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)


@pytest.fixture
def rnps(db):
    """Relationship NPS with last month reported by a panel (31) and an app poll (80), and no primary source."""
    url, engine = db
    analyst = add_person(engine, Role.ANALYST, name="Ada Analyst")
    kpi = run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={"code": "RNPS", "name": "Relationship NPS", "kind": "nps", "scale_min": -100, "scale_max": 100},
    )
    readings = {
        source: run(
            engine,
            record_kpi_reading,
            SYSTEM_ACTOR,
            data={"kpi_id": kpi, "period": LAST_MONTH, "value": value, "sample_size": 800, "source": source},
        )
        for source, value in (("panel", 31), ("app poll", 80))
    }
    return {"url": url, "engine": engine, "analyst": analyst, "kpi": kpi, **readings}


def _kpis_page(monkeypatch, p, lang="en"):
    return open_page(monkeypatch, p["url"], "kpis", lang=lang, acting=p["analyst"])


def _submit(at, form: str):
    """Click the submit button of the admin form whose key starts with `form`."""
    return next(b for b in at.main.button if b.key and b.key.startswith(f"FormSubmitter:{form}")).click().run()


def _readings_table(at):
    return next(df.value for df in at.dataframe if "Counts?" in df.value.columns or "Telt mee?" in df.value.columns)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_disagreeing_sources_are_shown_and_count_nowhere(monkeypatch, rnps, lang):
    at = _kpis_page(monkeypatch, rnps, lang)
    assert not at.exception, at.exception
    warning = " ".join(w.value for w in at.warning)
    assert ("Sources disagree for" if lang == "en" else "De bronnen verschillen voor") in warning
    table = _readings_table(at)
    standing = "Does not count: sources disagree" if lang == "en" else "Telt niet: bronnen verschillen"
    assert table.iloc[:, 4].tolist() == [standing, standing]


def test_a_primary_source_decides_which_reading_counts(monkeypatch, rnps):
    at = _kpis_page(monkeypatch, rnps)
    at.selectbox(key="admin_kpis_pick").set_value(rnps["kpi"]).run()
    at.text_input(key=f"admin.kpis.edit.{rnps['kpi']}.1.primary_source").input("panel")
    at = _submit(at, f"admin_kpis_edit_{rnps['kpi']}_1")
    assert not at.exception, at.exception
    assert not at.warning
    table = _readings_table(at).set_index("Source")
    assert table.loc["panel", "Counts?"] == "Counts (primary source)"
    assert table.loc["app poll", "Counts?"] == "Shown beside, not counted"
    assert table.loc["panel", "Also reported"] == "app poll: 80 (n = 800)"


def test_correcting_a_reading_needs_a_reason_and_a_value_on_the_scale(monkeypatch, rnps):
    at = _kpis_page(monkeypatch, rnps)
    at.selectbox(key="admin_reading_correction_pick").set_value(rnps["app poll"]).run()
    prefix = f"admin.reading_correction.edit.{rnps['app poll']}.1"
    at.number_input(key=f"{prefix}.value").set_value(280)
    at = _submit(at, f"admin_reading_correction_edit_{rnps['app poll']}_1")
    assert "**Reason** is required" in " ".join(e.value for e in at.error).replace("\\", "")
    at.text_input(key=f"{prefix}.reason").input("Poll typed with an extra digit")
    at = _submit(at, f"admin_reading_correction_edit_{rnps['app poll']}_1")
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "**Value** must lie between -100 and 100 (the scale of Relationship NPS)" in errors
    at.number_input(key=f"{prefix}.value").set_value(30)
    at = _submit(at, f"admin_reading_correction_edit_{rnps['app poll']}_1")
    assert not at.exception, at.exception
    row = _readings_table(at).set_index("Source").loc["app poll"]
    assert row["Value"] == "30" and row["Corrected"].startswith("by Ada Analyst, ")
    with session_scope(rnps["engine"]) as session:
        assert session.get(KpiReading, rnps["app poll"]).value == 30


def test_withdrawing_a_reading_keeps_it_in_the_history(monkeypatch, rnps):
    at = _kpis_page(monkeypatch, rnps, "nl")
    at.selectbox(key="admin_reading_withdrawal_pick").set_value(rnps["app poll"]).run()
    at = _submit(at, f"admin_reading_withdrawal_edit_{rnps['app poll']}_1")
    assert "**Reden** is verplicht" in " ".join(e.value for e in at.error).replace("\\", "")
    at.text_input(key=f"admin.reading_withdrawal.edit.{rnps['app poll']}.1.reason").input("Geen echte steekproef")
    at = _submit(at, f"admin_reading_withdrawal_edit_{rnps['app poll']}_1")
    assert not at.exception, at.exception
    table = _readings_table(at).set_index("Bron")
    assert table.loc["app poll", "Telt mee?"] == "Ingetrokken"
    assert table.loc["app poll", "Ingetrokken"].startswith("door Ada Analyst, ")
    assert table.loc["app poll", "Ingetrokken"].endswith(": Geen echte steekproef")
    assert table.loc["panel", "Telt mee?"] == "Telt mee"  # alone in its month now
    assert not at.warning
    titles = at.selectbox(key="admin_reading_withdrawal_pick").options
    assert len(titles) == 1  # only the panel's reading can still be withdrawn


def test_a_withdrawal_right_after_a_correction_of_the_same_reading_is_no_conflict(monkeypatch, rnps):
    """Both forms are drawn on every run and remember the version they first saw; a save through one must not
    leave the other holding an old version."""
    reading = rnps["app poll"]
    at = _kpis_page(monkeypatch, rnps)
    at.selectbox(key="admin_reading_correction_pick").set_value(reading).run()
    at.selectbox(key="admin_reading_withdrawal_pick").set_value(reading).run()
    at.number_input(key=f"admin.reading_correction.edit.{reading}.1.value").set_value(30)
    at.text_input(key=f"admin.reading_correction.edit.{reading}.1.reason").input("Extra digit")
    at = _submit(at, f"admin_reading_correction_edit_{reading}_1")
    at.text_input(key=f"admin.reading_withdrawal.edit.{reading}.2.reason").input("Not a real sample after all")
    at = _submit(at, f"admin_reading_withdrawal_edit_{reading}_2")
    assert not at.error, [e.value for e in at.error]
    with session_scope(rnps["engine"]) as session:
        stored = session.get(KpiReading, reading)
        assert (stored.value, stored.version, stored.withdrawal_reason) == (30, 3, "Not a real sample after all")


# --- the initiative page --------------------------------------------------------------------------------------


@pytest.fixture
def proposal(db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative = add_initiative(engine, owner_id=owner, title="Callback pilot")
    kpi = run(engine, create_kpi, SYSTEM_ACTOR, data={"code": "NPS-SHOP", "name": "NPS shop", "kind": "nps"})
    run(
        engine,
        record_kpi_reading,
        SYSTEM_ACTOR,
        data={"kpi_id": kpi, "period": LAST_MONTH, "value": 19, "sample_size": 400},
    )
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=initiative, kpi_id=kpi, baseline=20, target=30))
    return {"url": url, "engine": engine, "owner": owner, "initiative": initiative}


def _initiative_page(monkeypatch, p, lang="en"):
    return open_page(
        monkeypatch, p["url"], "initiative", lang=lang, acting=p["owner"], query={"id": str(p["initiative"])}
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_outcome_of_a_proposal_is_not_started_rather_than_red(monkeypatch, proposal, lang):
    at = _initiative_page(monkeypatch, proposal, lang)
    assert not at.exception, at.exception
    info = " ".join(i.value for i in at.info)
    assert ("Not started" if lang == "en" else "Nog niet gestart") in info
    assert not any("NPS shop" in e.value for e in at.error)  # no "no movement from the baseline" before any work


def test_a_credit_is_booked_with_its_reason_and_shown_as_a_credit(monkeypatch, proposal):
    at = _initiative_page(monkeypatch, proposal)
    at.button(key="programs_btn_expense").click().run()
    at.text_input(key="programs_expense.amount").input("-250,00")
    save_inline(at, "expense", proposal["initiative"])
    assert "**Reason for a credit** is required for a credit" in at.error[-1].value.replace("\\", "")
    at.text_input(key="programs_expense.correction_reason").input("Supplier credit note")
    save_inline(at, "expense", proposal["initiative"])
    assert not at.exception, at.exception
    assert "Credit: Supplier credit note" in texts(at)
    with session_scope(proposal["engine"]) as session:
        assert [(e.amount_cents, e.correction_reason) for e in session.exec(select(Expense))] == [
            (-25000, "Supplier credit note")
        ]


def test_a_negative_spend_in_the_check_in_points_to_a_credit(monkeypatch, proposal):
    at = _initiative_page(monkeypatch, proposal, "nl")
    at.button(key="programs_btn_check_in").click().run()
    at.text_input(key="programs_check_in.spend").input("-45")
    save_inline(at, "check_in", proposal["initiative"])
    assert "Boek een creditering (een negatief bedrag) als uitgave" in at.error[-1].value.replace("\\", "")
