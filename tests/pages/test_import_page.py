"""Measurement → Import in AppTest, on both databases: a Dutch file previewed by a job (columns, dates as read,
every problem with its row), a column chosen by hand, an unknown channel mapped, the import run by a job and
its figures computed; nobody without the right gets the uploader."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import KpiReading, Role, SurveyResponse, TaxonomyKind
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpis import create_kpi
from cxgov.ui.kit.jobs import jobs
from tests.admin_helpers import run
from tests.factories import add_person
from tests.measurement.builders import add_survey_kpi
from tests.measurement.page_data import add_term
from tests.pages.harness import open_page

WAIT = 60  # seconds a test waits for a preview or an import job (they end in well under a second)
GOOD = (
    "Datum;KPI;Hoe waarschijnlijk;Kanaal;Opmerking\n"
    "03-02-2025;RNPS;9;Winkel;Snel geholpen\n"
    "13-02-2025;RNPS;10;webshop;\n"
    "14-02-2025;RNPS;4;Winkel;Bel me: 06-12345678\n"
)
BAD = GOOD + "15-02-2025;RNPS;11;Winkel;\n16-02-2025;RNPS;8;Winkle;\n"


@pytest.fixture
def measured(db):
    url, engine = db
    kpi = add_survey_kpi(engine, "RNPS", "nps", name="Relationship NPS")
    store = add_term(engine, TaxonomyKind.CHANNEL, "store", "Store", "Winkel")
    add_term(engine, TaxonomyKind.CHANNEL, "web", "Web shop", "Webshop")
    return {"url": url, "engine": engine, "kpi": kpi, "store": store, "analyst": add_person(engine, Role.ANALYST)}


def settled(at):
    """Run the page until no job of it runs any more (each job waited for, never slept on)."""
    for _ in range(10):
        at.run()
        assert not at.exception, at.exception
        running = [job for job in jobs().kept() if job.running]
        if not running and not at.get("progress"):
            return at
        for job in running:
            assert job.wait(WAIT)
    raise AssertionError("the page kept showing progress")


def upload(monkeypatch, measured, text: str, lang: str = "en"):
    at = open_page(
        monkeypatch,
        measured["url"],
        "measurement",
        lang=lang,
        acting=measured["analyst"],
        query={"tab": "Import" if lang == "en" else "Importeren"},
    )
    assert not at.exception, at.exception
    [uploader] = at.file_uploader
    uploader.set_value(("enquete.csv", text.encode("cp1252"), "text/csv"))
    return settled(at)


def problems(at) -> list[str]:
    found = [df.value for df in at.dataframe if "problem" in df.value.columns]
    return list(found[0]["problem"]) if found else []


def test_a_bad_file_is_previewed_with_every_problem_and_cannot_be_imported(monkeypatch, measured):
    at = upload(monkeypatch, measured, BAD)
    assert problems(at) == ["Score: no column holds “Score”: name it in the file or choose the column"]
    [button] = [b for b in at.button if b.key.startswith("import_go.")]
    assert button.disabled
    with session_scope(measured["engine"]) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)).scalar_one() == 0
    assert "No file has been imported yet." in [c.value for c in at.caption]


def test_a_column_chosen_and_a_channel_mapped_then_the_file_is_imported(monkeypatch, measured):
    at = upload(monkeypatch, measured, BAD)
    score = next(s for s in at.selectbox if s.key.startswith("import_col.score."))
    score.set_value(2)  # the third column: "Hoe waarschijnlijk"
    settled(at)
    texts = problems(at)
    assert [t.split(",")[0] for t in texts] == ["row 5", "row 6"]
    assert "outside the answer scale 0–10" in texts[0] and "“Winkle” is not a channel" in texts[1]
    mapping = next(s for s in at.selectbox if s.key.startswith("import_map.channel."))
    mapping.set_value(measured["store"])
    settled(at)
    assert [t.split(",")[0] for t in problems(at)] == ["row 5"]

    at = upload(monkeypatch, measured, GOOD)  # the corrected file
    score = next(s for s in at.selectbox if s.key.startswith("import_col.score."))
    score.set_value(2)
    settled(at)
    assert problems(at) == []
    read = next(df.value for df in at.dataframe if "journey_stage" in df.value.columns)
    assert list(read["date"]) == ["3 Feb 2025", "13 Feb 2025", "14 Feb 2025"]  # read day-first, as written
    [button] = [b for b in at.button if b.key.startswith("import_go.")]
    assert not button.disabled and button.label == "Import 3 new responses"
    button.click()
    settled(at)
    assert "Imported 3 new responses (0 already known): RNPS 3" in at.success[0].value
    history = next(df.value for df in at.dataframe if "Added per KPI" in df.value.columns).iloc[0]
    assert (history["What"], history["File"], history["Added"], history["Already known"]) == (
        "Survey responses",
        "enquete.csv",
        "3",
        "0",
    )
    assert history["Added per KPI"] == "RNPS 3" and history["By"] != "—"
    with session_scope(measured["engine"]) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)).scalar_one() == 3
        reading = session.execute(sa.select(KpiReading).where(KpiReading.kpi_id == measured["kpi"])).scalar_one()
        assert (reading.value, reading.sample_size, reading.indicative) == (33.3, 3, True)


QUALTRICS = (  # Qualtrics' three header rows; the question's text names no KPI, so the analyst chooses it
    "StartDate,RecordedDate,ResponseId,RecipientEmail,Q1,Q2\n"
    "Start Date,Recorded Date,Response ID,Recipient Email,Hoe waarschijnlijk is het dat u ons aanbeveelt?,Leeftijd\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}",{},{},{}\n'
    "2025-03-31 23:10:01,2025-03-31 23:30:13,R_1,jan@voorbeeld.nl,9,45\n"
    "2025-04-01 08:00:00,2025-04-01 08:05:01,R_2,els@voorbeeld.nl,6,61\n"
)


def test_a_survey_tools_export_imports_the_questions_given_a_kpi(monkeypatch, measured):
    at = open_page(monkeypatch, measured["url"], "measurement", acting=measured["analyst"], query={"tab": "Import"})
    at.selectbox(key="import_preset").set_value("qualtrics")
    at.run()
    [uploader] = at.file_uploader
    uploader.set_value(("qualtrics.csv", QUALTRICS.encode(), "text/csv"))
    settled(at)
    questions = {s.label: s for s in at.selectbox if s.key.startswith("import_question.")}
    assert list(questions) == ["Q1 — Hoe waarschijnlijk is het dat u ons aanbeveelt?", "Q2 — Leeftijd"]
    assert all(s.value is None for s in questions.values())  # neither names a KPI: nothing is imported yet
    [button] = [b for b in at.button if b.key.startswith("import_go.")]
    assert button.disabled
    questions["Q1 — Hoe waarschijnlijk is het dat u ons aanbeveelt?"].set_value("RNPS")
    settled(at)
    assert problems(at) == []
    [button] = [b for b in at.button if b.key.startswith("import_go.")]
    assert not button.disabled and button.label == "Import 2 new responses"
    button.click()
    settled(at)
    assert "Imported 2 new responses (0 already known): RNPS 2" in at.success[0].value
    with session_scope(measured["engine"]) as session:
        stored = session.execute(sa.select(SurveyResponse.response_key, SurveyResponse.score)).all()
    assert sorted(stored) == [("id:R_1:RNPS", 9), ("id:R_2:RNPS", 6)]


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_only_those_who_import_get_the_uploader(monkeypatch, measured, role):
    person = add_person(measured["engine"], role)
    at = open_page(monkeypatch, measured["url"], "measurement", acting=person, query={"tab": "Import"})
    assert not at.exception, at.exception
    assert not at.file_uploader
    assert "Importing measurements is for CX analysts" in at.info[0].value


def test_readings_per_month_are_previewed_and_imported(monkeypatch, measured):
    run(
        measured["engine"],
        create_kpi,
        SYSTEM_ACTOR,
        data={"code": "REV", "name": "Revenue growth", "kind": "business", "unit": "%"},
    )
    at = open_page(
        monkeypatch, measured["url"], "measurement", lang="nl", acting=measured["analyst"], query={"tab": "Importeren"}
    )
    at.radio(key="import_kind").set_value("readings").run()
    [uploader] = at.file_uploader
    uploader.set_value(
        ("omzet.csv", b"KPI;Maand;Waarde;Bron\nREV;mrt 2025;4,2;Finance\nREV;2025-04;3,9;Finance\n", "text/csv")
    )
    settled(at)
    read = next(df.value for df in at.dataframe if "source" in df.value.columns)
    assert list(read["period"]) == ["mrt 2025", "apr 2025"] and list(read["value"]) == ["4,20", "3,90"]
    [button] = [b for b in at.button if b.key.startswith("import_go.")]
    assert button.label == "2 nieuwe metingen importeren"
    button.click()
    settled(at)
    assert "2 nieuwe metingen geïmporteerd (0 al bekend): REV 2" in at.success[0].value
    with session_scope(measured["engine"]) as session:
        values = (
            session.execute(sa.select(KpiReading.value).where(KpiReading.origin == "typed").order_by(KpiReading.period))
            .scalars()
            .all()
        )
    assert values == [4.2, 3.9]
