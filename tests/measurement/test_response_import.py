"""Importing survey responses from files, on both databases: Dutch files read right, every problem named by its
row, nothing written until a file is clean, then everything in one go; a re-import never double counts."""

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.io.problems import problem_text
from cxgov.io.response_plan import ImportOptions
from cxgov.models import AuditEvent, KpiFigure, KpiReading, Role, SurveyImport, SurveyResponse, TaxonomyTerm
from cxgov.services.response_import import import_responses, preview_responses
from cxgov.settings import get_settings
from tests.admin_helpers import run
from tests.factories import add_person
from tests.measurement.builders import add_survey_kpi

DUTCH = (
    "Respondent;Datum;KPI;Cijfer;Kanaal;Klantreisfase;Winkel;Opmerking\n"
    "r1;03-02-2025;RNPS;9;Winkel;Bezorging;Utrecht;Prima geholpen, mijn naam is Jan Jansen\n"
    "r2;13-02-2025;RNPS;3;webshop;bestelling;;Bel me op 06-12345678\n"
    "r3;14-02-2025;KTV;7,0;Winkel;;Amersfoort;\n"
    "r4;15-02-2025;KTV;;Winkel;;;\n"
)


@pytest.fixture
def setup(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpis = {"RNPS": add_survey_kpi(engine, "RNPS", "nps"), "KTV": add_survey_kpi(engine, "KTV", "ktv")}
    with session_scope(engine, write=True) as session:
        for kind, code, en, nl in (
            ("channel", "store", "Store", "Winkel"),
            ("channel", "web", "Web shop", "Webshop"),
            ("journey_stage", "delivery_installation", "Delivery & installation", "Bezorgen & installeren"),
            ("journey_stage", "purchase", "Purchase", "Kopen"),
        ):
            session.add(TaxonomyTerm(kind=kind, code=code, name_en=en, name_nl=nl))
    return analyst, kpis


def preview(engine, actor, text, encoding="utf-8-sig", **options):
    return run(
        engine,
        preview_responses,
        actor,
        data=text.encode(encoding),
        file_name="export.csv",
        options=ImportOptions(**options),
    )


def do_import(engine, actor, text, encoding="utf-8-sig", **options):
    return run(
        engine,
        import_responses,
        actor,
        data=text.encode(encoding),
        file_name="export.csv",
        options=ImportOptions(**options),
    )


def test_a_dutch_file_is_previewed_then_imported_whole(engine, setup):
    analyst, kpis = setup
    shown = preview(engine, analyst, DUTCH, encoding="cp1252")
    assert shown.plan.ok, [problem_text(p) for p in shown.plan.problems]
    assert (len(shown.plan.rows), shown.plan.skipped, shown.known) == (3, 1, 0)
    assert shown.plan.date_format.order == "dmy"
    assert shown.plan.redacted == 2
    result = do_import(engine, analyst, DUTCH, encoding="cp1252")
    assert (result.added, result.known, result.per_kpi) == (3, 0, {"KTV": 1, "RNPS": 2})
    with session_scope(engine) as session:
        stored = session.execute(sa.select(SurveyResponse).order_by(SurveyResponse.id)).scalars().all()
        assert [(r.responded_on, r.score, r.region) for r in stored] == [
            (date(2025, 2, 3), 9, "Utrecht"),
            (date(2025, 2, 13), 3, ""),
            (date(2025, 2, 14), 7, "Amersfoort"),
        ]
        assert "Jan Jansen" not in stored[0].comment and "06-12345678" not in stored[1].comment
        assert stored[0].channel_id == stored[2].channel_id is not None and stored[1].channel_id != stored[0].channel_id
        assert stored[0].journey_stage_id is not None and stored[1].journey_stage_id is not None
        reading = session.execute(sa.select(KpiReading).where(KpiReading.kpi_id == kpis["RNPS"])).scalar_one()
        assert (reading.value, reading.sample_size, reading.indicative) == (0.0, 2, True)
        batch = session.execute(sa.select(SurveyImport)).scalar_one()
        assert json.loads(batch.rows_per_kpi) == {"KTV": 1, "RNPS": 2} and batch.size == len(DUTCH.encode("cp1252"))
        events = session.execute(sa.select(AuditEvent).where(AuditEvent.entity == "survey_import")).scalars().all()
        assert len(events) == 1 and batch.sha256 in events[0].new_value and "export.csv" in events[0].new_value


def test_every_problem_is_named_by_its_row_and_nothing_is_written(engine, setup):
    analyst, _ = setup
    bad = (
        "Datum;KPI;Cijfer;Kanaal\n"
        "03-02-2025;RNPS;11;Winkel\n"
        "31-02-2025;RNPS;8;Winkel\n"
        "04-02-2025;XYZ;8;Winkel\n"
        "05-02-2025;KTV;7,5;Winkle\n"
        "05-02-2025;RNPS;=1+1;Winkel\n"
        ";RNPS;5;Winkel\n"
    )
    shown = preview(engine, analyst, bad)
    texts = [problem_text(p) for p in shown.plan.problems]
    assert [p.row for p in shown.plan.problems] == [2, 3, 4, 5, 5, 6, 7]
    assert "outside the answer scale 0–10" in texts[0]
    assert shown.plan.unknown_values == {"channel": {"Winkle": 1}}
    with pytest.raises(ValidationError):
        do_import(engine, analyst, bad)
    with session_scope(engine) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)).scalar_one() == 0
        assert session.execute(sa.select(sa.func.count()).select_from(SurveyImport)).scalar_one() == 0
    assert "channel" not in preview(engine, analyst, bad.replace("Winkle", "Winkel")).plan.unknown_values
    with session_scope(engine) as session:
        store = session.execute(sa.select(TaxonomyTerm.id).where(TaxonomyTerm.code == "store")).scalar_one()
    mapped = preview(engine, analyst, bad, value_maps={"channel": {"winkle": store}})
    assert "channel" not in mapped.plan.unknown_values


def test_an_answer_dated_after_today_is_refused_and_today_is_not(engine, setup):
    """A swapped day and month (12-01 read as 1 December in a day-first column) or a typo in the year puts an answer
    in the future; today's answers are fine."""
    analyst, _ = setup
    today, tomorrow = date.today(), date.today() + timedelta(days=1)
    text = f"Datum;KPI;Cijfer\n{today:%d-%m-%Y};RNPS;9\n{tomorrow:%d-%m-%Y};RNPS;9\n01-02-2099;RNPS;9\n"
    shown = preview(engine, analyst, text)
    assert [(p.row, p.key) for p in shown.plan.problems] == [(3, "import.date.future"), (4, "import.date.future")]
    assert f"“{tomorrow:%d-%m-%Y}” lies in the future" in problem_text(shown.plan.problems[0])
    assert len(shown.plan.rows) == 1


QUALTRICS = (
    "StartDate,RecordedDate,ResponseId,Q1,Q2\n"
    "Start Date,Recorded Date,Response ID,Hoe waarschijnlijk … (RNPS),Leeftijd\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}",{},{}\n'
    "2025-03-31 23:10:01,2025-03-31 23:30:13,R_1,9,45\n"
    "2025-04-01 08:00:00,2025-04-01 08:05:01,R_2,6,61\n"
)


def test_a_survey_tools_export_imports_the_questions_naming_a_kpi_unless_told_otherwise(engine, setup):
    analyst, _ = setup
    data = QUALTRICS.encode()
    call = {"data": data, "file_name": "qualtrics.csv", "options": ImportOptions(), "preset": "qualtrics"}
    none = run(engine, preview_responses, analyst, **call, question_kpis={})
    assert none.plan.ok and none.plan.rows.empty  # no question given a KPI: nothing to add, nothing wrong
    with pytest.raises(ValidationError):
        run(engine, import_responses, analyst, **call, question_kpis={})
    result = run(engine, import_responses, analyst, **call)  # by default: Q1, whose text names RNPS
    assert (result.added, result.per_kpi) == (2, {"RNPS": 2})
    with session_scope(engine) as session:
        keys = session.execute(sa.select(SurveyResponse.response_key).order_by(SurveyResponse.id)).scalars().all()
    assert keys == ["id:R_1:RNPS", "id:R_2:RNPS"]


def test_the_row_limit_holds_for_the_answers_a_survey_tools_export_turns_into(engine, setup, monkeypatch):
    """Two respondents, each answering two questions given a KPI: four answers, over a limit of three."""
    analyst, _ = setup
    monkeypatch.setenv("CXGOV_IMPORT_MAX_ROWS", "3")
    get_settings.cache_clear()
    call = {"data": QUALTRICS.encode(), "file_name": "q.csv", "options": ImportOptions(), "preset": "qualtrics"}
    assert len(run(engine, preview_responses, analyst, **call, question_kpis={3: "RNPS"}).plan.rows) == 2
    with pytest.raises(ValidationError) as refused:
        run(engine, preview_responses, analyst, **call, question_kpis={3: "RNPS", 4: "KTV"})
    assert "more than 3 answers" in refused.value.message("en")


def test_a_reimport_never_double_counts_even_reordered_or_inside_a_larger_export(engine, setup):
    analyst, kpis = setup
    header = "Datum;KPI;Cijfer\n"
    rows = ["03-02-2025;RNPS;9\n", "03-02-2025;RNPS;9\n", "04-02-2025;RNPS;2\n"]
    assert do_import(engine, analyst, header + "".join(rows)).added == 3
    again = do_import(engine, analyst, header + "".join(reversed(rows)) + "05-02-2025;RNPS;10\n03-02-2025;RNPS;9\n")
    assert (again.added, again.known) == (2, 3)
    assert preview(engine, analyst, header + "".join(rows)).known == 3
    with session_scope(engine) as session:
        figure = session.execute(
            sa.select(KpiFigure).where(
                KpiFigure.kpi_id == kpis["RNPS"], KpiFigure.grain == "month", KpiFigure.dimension == ""
            )
        ).scalar_one()
        assert figure.n == 5


def test_one_kpi_for_the_whole_file_and_a_column_chosen_by_hand(engine, setup):
    analyst, _ = setup
    text = "Wanneer;Hoe waarschijnlijk\n2025-03-01;10\n2025-03-02;0\n"
    refused = preview(engine, analyst, text)
    assert {p.key for p in refused.plan.problems} >= {"import.column.missing", "import.column.no_kpi"}
    chosen = preview(engine, analyst, text, kpi_code="rnps", columns={"date": 0, "score": 1})
    assert chosen.plan.ok and len(chosen.plan.rows) == 2


def test_a_manager_may_not_import(engine, setup):
    manager = add_person(engine, Role.MANAGER)
    with pytest.raises(PermissionDenied):
        do_import(engine, manager, DUTCH)
