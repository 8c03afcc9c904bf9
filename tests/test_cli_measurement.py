"""`python -m cxgov import responses|readings`, `purge-comments` and `recompute-figures`: the services' checks on
the command line, a dry run that writes nothing, every problem printed with its row, and the exit codes."""

import csv
import io
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import AuditEvent, Kpi, KpiReading, Role, SurveyImport, SurveyResponse, TaxonomyTerm
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi

READINGS = "KPI;Maand;Waarde;Aantal;Bron\nRNPS;mrt 2025;7,4;812;Panel Q\nContactratio;01-04-2025;1.234,5;;\n"
RESPONSES = (
    "Respondent;Datum;KPI;Cijfer;Kanaal;Opmerking\n"
    "r1;03-02-2025;RNPS;9;Winkel;Mail me op jan@voorbeeld.nl\n"
    "r2;13-02-2025;RNPS;3;Winkle;\n"
    "r3;14-02-2025;RNPS;;Winkel;\n"
)


@pytest.fixture
def kpis(engine):
    rnps = add_survey_kpi(engine, "RNPS", "nps", name="Relationship NPS")
    with session_scope(engine, write=True) as session:
        contacts = Kpi(code="CONTACTS", name="Contactratio", kind="operational", scale_min=0)
        session.add_all([contacts, TaxonomyTerm(kind="channel", code="store", name_en="Store", name_nl="Winkel")])
        session.flush()
        return {"RNPS": rnps, "CONTACTS": contacts.id}


def write(tmp_path, text: str, name: str = "file.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def count(engine, model) -> int:
    with session_scope(engine) as session:
        return session.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()


def test_readings_dry_run_prints_the_preview_and_writes_nothing(database_url, engine, kpis, cli, tmp_path):
    code, out, _ = cli(database_url, "import", "readings", write(tmp_path, READINGS, encoding="cp1252"), "--dry-run")
    assert code == 0
    assert "Columns: KPI ← 'KPI', Period ← 'Maand', Value ← 'Waarde', Number of responses ← 'Aantal'" in out
    assert "Dates: Dates read as day-month-year (the Dutch order)" in out
    assert "RNPS         2025-03          1" in out and "CONTACTS     2025-04          1" in out
    assert "Already known (skipped): 0" in out and "Dry run: nothing was written." in out
    assert count(engine, KpiReading) == count(engine, SurveyImport) == count(engine, AuditEvent) == 0


def test_readings_are_imported_then_known(database_url, engine, kpis, cli, tmp_path):
    path = write(tmp_path, READINGS)
    code, out, _ = cli(database_url, "import", "readings", path)
    assert code == 0 and "2 readings added (CONTACTS 1, RNPS 1), 0 already known" in out
    code, out, _ = cli(database_url, "import", "readings", path)
    assert code == 0 and "0 readings added (none new), 2 already known" in out
    with session_scope(engine) as session:
        assert (
            session.execute(sa.select(AuditEvent.actor_name).where(AuditEvent.entity == "kpi_reading")).scalars().all()
            == ["system"] * 2
        )


def test_a_readings_file_with_problems_is_refused_with_its_rows(database_url, engine, kpis, cli, tmp_path):
    path = write(tmp_path, READINGS + "RNPS;15-04-2025;7;800;\nXYZ;2025-04;7;;\n")
    for extra in ((), ("--dry-run",)):
        code, out, err = cli(database_url, "import", "readings", path, *extra)
        assert ("the file has 2 problem(s): nothing was imported" in err) == (not extra)
        assert code == 1
        assert "Problems: 2" in out
        assert (
            "row 4, Period: “15-04-2025” is a day within a month: a reading covers a month, write its first day" in out
        )
        assert "row 5, KPI: no KPI has the code or name “XYZ”" in out
    assert count(engine, KpiReading) == count(engine, SurveyImport) == 0


def test_bad_arguments_an_unreadable_file_and_an_unknown_person_exit_2(database_url, engine, kpis, cli, tmp_path):
    good = write(tmp_path, READINGS)
    cases = [
        (("import", "readings", str(tmp_path / "missing.csv")), "no such file"),
        (("import", "readings", write(tmp_path, "%PDF-1.7 ...", "x.csv")), "is not a CSV or Excel (.xlsx) file"),
        (("import", "readings", good, "--by", "nobody@example.nl"), "no person has this e-mail address"),
        (("import", "readings", good, "--column", "colour=Maand"), "the field is one of"),
        (("import", "readings", good, "--column", "period=Wanneer"), "the file has no column 'Wanneer'"),
        (("import", "responses", good, "--question", "Q1=RNPS"), "--question goes with --preset"),
        (("import", "responses", good, "--map", "colour:x=store"), "with a DIMENSION of channel"),
        (("import", "responses", good, "--map", "channel:Winkle=Kassa"), "no channel is called 'Kassa'"),
    ]
    for arguments, message in cases:
        code, _, err = cli(database_url, *arguments)
        assert (code, message in err) == (2, True), (arguments, err)
    assert count(engine, KpiReading) == 0


def test_by_names_the_person_and_their_permissions(database_url, engine, kpis, cli, tmp_path):
    path = write(tmp_path, READINGS)
    add_person(engine, Role.MANAGER, name="Mo Manager")
    analyst = add_person(engine, Role.ANALYST, name="Ada Analyst")
    with session_scope(engine) as session:
        emails = dict(session.execute(sa.text("SELECT name, email FROM person")).all())
    code, _, err = cli(database_url, "import", "readings", path, "--by", emails["Mo Manager"])
    assert code == 2 and "Mo Manager" in err, err
    assert count(engine, KpiReading) == 0
    code, _, _ = cli(database_url, "import", "readings", path, "--by", emails["Ada Analyst"].upper())
    with session_scope(engine) as session:
        assert code == 0 and session.execute(sa.select(SurveyImport.imported_by_id)).scalar_one() == analyst
        denied = session.execute(sa.select(AuditEvent.actor_name).where(AuditEvent.action == "denied")).scalars()
        assert list(denied) == ["Mo Manager"]


def test_responses_dry_run_then_import_with_a_value_mapped(database_url, engine, kpis, cli, tmp_path):
    path = write(tmp_path, RESPONSES)
    code, out, _ = cli(database_url, "import", "responses", path, "--dry-run")
    assert code == 1
    assert "Dates: Dates read as day-month-year." in out
    assert "Skipped answers (no score): 1" in out and "Comments with personal data redacted: 1" in out
    assert "Channel values that match nothing (map them with --map): 'Winkle' (rows: 1)" in out
    assert "row 3, Channel: “Winkle” is not a channel" in out and count(engine, SurveyResponse) == 0
    code, out, _ = cli(database_url, "import", "responses", path, "--map", "channel:Winkle=Store")
    assert code == 0 and "2 answers added (RNPS 2), 0 already known; figures recomputed." in out
    with session_scope(engine) as session:
        comments = session.execute(sa.select(SurveyResponse.comment).order_by(SurveyResponse.id)).scalars().all()
    assert "jan@voorbeeld.nl" not in comments[0]
    code, out, _ = cli(database_url, "import", "responses", path, "--map", "channel:Winkle=store", "--dry-run")
    assert code == 0 and "Already known (skipped): 2" in out


def test_responses_with_one_kpi_and_a_column_chosen(database_url, engine, kpis, cli, tmp_path):
    path = write(tmp_path, "Wanneer;Hoe waarschijnlijk\n2025-03-01;10\n2025-03-02;0\n")
    code, out, _ = cli(database_url, "import", "responses", path, "--dry-run")
    assert code == 1 and "Date: no column holds “Date”" in out
    arguments = ("--kpi", "rnps", "--column", "date=Wanneer", "--column", "score=hoe waarschijnlijk")
    code, out, _ = cli(database_url, "import", "responses", path, *arguments)
    assert code == 0 and "2 answers added (RNPS 2)" in out


def _qualtrics(tmp_path) -> str:
    rows = [
        ["StartDate", "RecordedDate", "ResponseId", "RecipientEmail", "Q1", "Q2"],
        ["Start Date", "Recorded Date", "Response ID", "Recipient Email", "Hoe waarschijnlijk … (RNPS)", "Leeftijd"],
        ['{"ImportId":"startDate"}', '{"ImportId":"recordedDate"}', '{"ImportId":"_recordId"}', "{}", "{}", "{}"],
        ["2025-03-31 23:10:01", "2025-03-31 23:30:13", "R_1", "jan@voorbeeld.nl", "9", "45"],
        ["2025-04-01 08:00:00", "2025-04-01 08:05:01", "R_2", "els@voorbeeld.nl", "6", "61"],
    ]
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return write(tmp_path, out.getvalue(), "qualtrics.csv")


def test_a_preset_matches_questions_naming_a_kpi_and_lists_the_others(database_url, engine, kpis, cli, tmp_path):
    path = _qualtrics(tmp_path)
    code, out, _ = cli(database_url, "import", "responses", path, "--preset", "qualtrics")
    assert code == 0
    assert "Question Q1 (Hoe waarschijnlijk … (RNPS)) → KPI RNPS" in out
    assert "Question Q2 (Leeftijd) not imported: map it with --question Q2=KPI_CODE" in out
    assert "2 answers added (RNPS 2)" in out
    code, out, err = cli(
        database_url, "import", "responses", path, "--preset", "qualtrics", "--question", "Q2=CONTACTS"
    )
    assert code == 1 and "row 4, Score: Contactratio is not measured by a survey" in out and "Question Q1 (" in out
    code, _, err = cli(database_url, "import", "responses", path, "--preset", "qualtrics", "--question", "Q9=RNPS")
    assert code == 2 and "no question column 'Q9' (it has: Q1, Q2)" in err


def test_purge_comments_dry_run_then_for_real(database_url, engine, kpis, cli):
    old = date.today() - timedelta(days=800)
    add_responses(engine, kpis["RNPS"], [(old, 9, {"comment": "Oud"}), (date.today(), 8, {"comment": "Nieuw"})])
    code, out, _ = cli(database_url, "purge-comments", "--dry-run")
    assert code == 0 and out.startswith("1 comments of responses given before") and "nothing was written" in out
    with session_scope(engine) as session:
        assert sorted(session.execute(sa.select(SurveyResponse.comment)).scalars()) == ["Nieuw", "Oud"]
    code, out, _ = cli(database_url, "purge-comments")
    assert code == 0 and "Removed 1 comments" in out and "(older than 730 days); scores kept." in out
    with session_scope(engine) as session:
        assert sorted(session.execute(sa.select(SurveyResponse.comment)).scalars()) == ["", "Nieuw"]
        assert (
            session.execute(sa.select(AuditEvent.actor_name).where(AuditEvent.action == "purge_comments")).scalar_one()
            == "system"
        )


def test_recompute_figures_after_the_minimum_changes(database_url, engine, kpis, cli, monkeypatch):
    add_responses(engine, kpis["RNPS"], [(date(2025, 3, day), 9, {}) for day in range(1, 21)])

    def indicative() -> bool:
        with session_scope(engine) as session:
            return session.execute(sa.select(KpiReading.indicative).where(KpiReading.origin == "computed")).scalar_one()

    assert indicative()  # 20 answers, fewer than the default 30
    monkeypatch.setenv("CXGOV_KPI_MIN_RESPONSES", "20")
    code, out, _ = cli(database_url, "recompute-figures")
    assert code == 0 and "of 1 KPIs; a value from fewer than 20 responses is indicative" in out
    assert not indicative()


@pytest.mark.parametrize(("kind", "text"), [("responses", RESPONSES), ("readings", READINGS)])
def test_a_file_of_more_rows_than_the_setting_is_refused_before_it_is_checked(
    database_url, engine, kpis, cli, tmp_path, monkeypatch, kind, text
):
    monkeypatch.setenv("CXGOV_IMPORT_MAX_ROWS", "1")
    code, _, err = cli(database_url, "import", kind, write(tmp_path, text))
    assert code == 2 and "The file has more than 1 rows. Split it" in err and "nothing was written" in err
    assert count(engine, SurveyResponse) == count(engine, KpiReading) == count(engine, SurveyImport) == 0
