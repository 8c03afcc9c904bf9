"""A readings file read into readings, without a database: months as people write them, Dutch numbers, every
problem named by its row, and what the database already holds told apart from what contradicts it."""

from datetime import date

import pytest

from cxgov.io.catalogue import Catalogue, KpiRef
from cxgov.io.dutch_values import DateFormat, ValueProblem
from cxgov.io.months import parse_month
from cxgov.io.problems import problem_text
from cxgov.io.reading_plan import ReadingOptions, plan_readings
from cxgov.io.table_file import read_table
from cxgov.models import KpiKind
from cxgov.rules.kpi_numbers import KpiScale

TODAY = date(2025, 6, 15)
DAY_FIRST = DateFormat("dmy", "", {})
CATALOGUE = Catalogue(
    kpis=(
        KpiRef(1, "RNPS", "Relationship NPS", KpiKind.NPS),
        KpiRef(2, "CONTACTS", "Contacts per 100 orders", KpiKind.OPERATIONAL),
    )
)
SCALES = {
    1: KpiScale("Relationship NPS", KpiKind.NPS),
    2: KpiScale("Contacts per 100 orders", KpiKind.OPERATIONAL, scale_min=0, scale_max=10_000),
}


def plan(text: str, stored=None, **options):
    table = read_table(text.encode("utf-8"), file_name="readings.csv", max_bytes=10**6)
    return plan_readings(table, CATALOGUE, SCALES, stored or {}, ReadingOptions(**options), today=TODAY)


@pytest.mark.parametrize(
    "text",
    ["2025-03", "2025/3", "03-2025", "3/2025", "mrt 2025", "Maart 2025", "MRT. 2025", "Mar 2025", "March-2025",
     "01-03-2025", "2025-03-01", "1.3.2025"],
)  # fmt: skip
def test_a_month_is_read_however_it_is_written(text):
    assert parse_month(text, DAY_FIRST) == date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("15-03-2025", "import.period.not_first_day"),
        ("2025-03-31", "import.period.not_first_day"),
        ("Q1 2025", "import.period.unreadable"),
        ("maartje 2025", "import.period.unreadable"),
        ("mrt 25", "import.date.two_digit_year"),
        ("03-25", "import.date.two_digit_year"),
        ("2025-13", "import.date.invalid"),
        ("1899-03", "import.date.out_of_range"),
    ],
)
def test_what_is_not_a_month_is_named(text, key):
    with pytest.raises(ValueProblem) as refused:
        parse_month(text, DAY_FIRST)
    assert refused.value.key == key


def test_a_dutch_file_gives_its_readings_and_how_its_dates_were_read():
    shown = plan(
        "KPI;Maand;Waarde;Aantal;Bron\n"
        "RNPS;mrt 2025;7,4;812;Panel Q\n"
        "Contacts per 100 orders;01-04-2025;1.234,5;;\n"
        "contacts;2025-05;-0;;Telefonie\n"
    )
    assert shown.ok, [problem_text(p) for p in shown.problems]
    assert [(r.row, r.kpi_id, r.period, r.value, r.sample_size, r.source) for r in shown.readings] == [
        (2, 1, date(2025, 3, 1), 7.4, 812, "Panel Q"),
        (3, 2, date(2025, 4, 1), 1234.5, None, ""),
        (4, 2, date(2025, 5, 1), 0.0, None, "Telefonie"),
    ]
    assert shown.date_format.order == "dmy"
    assert shown.counts(CATALOGUE).to_dict("records") == [
        {"kpi": "CONTACTS", "period": date(2025, 4, 1), "rows": 1},
        {"kpi": "CONTACTS", "period": date(2025, 5, 1), "rows": 1},
        {"kpi": "RNPS", "period": date(2025, 3, 1), "rows": 1},
    ]


def test_every_problem_kind_is_named_by_its_row():
    shown = plan(
        "KPI;Periode;Waarde;n;Bron\n"
        "RNPS;15-03-2025;7;800;\n"  # 2: a day within the month
        "RNPS;2025-03;150;800;\n"  # 3: outside the NPS scale
        "RNPS;2025-04;7;;\n"  # 4: n required for an NPS
        "RNPS;2025-05;7;80,5;\n"  # 5: n not whole
        "RNPS;2025-07;7;800;\n"  # 6: a month that has not begun
        "RNPS;2025-05;7;800;responses\n"  # 7: the computed readings' source
        "XYZ;2025-05;7;800;\n"  # 8: no such KPI
        "CONTACTS;2025-05;;;\n"  # 9: no value
        "CONTACTS;2025-05;zeven;;\n"  # 10: not a number
        "CONTACTS;2025-02;3;;\n"  # 11: fine
        "contacts;feb 2025;4;;\n"  # 12: the same KPI, month and source as row 11
        ";2025-02;3;;\n"  # 13: no KPI
        "CONTACTS;2025-02;-1;;Web\n"  # 14: below the KPI's own scale
    )
    found = [(p.row, p.field, p.key) for p in shown.problems]
    assert found == [
        (2, "period", "import.period.not_first_day"),
        (3, "value", "kpi_rules.error.outside_kind"),
        (4, "n", "kpi_rules.error.sample_required"),
        (5, "n", "import.n.not_whole"),
        (6, "period", "kpi_rules.error.period_future"),
        (7, "source", "measurement.error.source_reserved"),
        (8, "kpi", "import.kpi.unknown"),
        (9, "value", "import.value.empty"),
        (10, "value", "import.value.not_a_number"),
        (12, "period", "import.reading.repeated"),
        (13, "kpi", "import.kpi.empty"),
        (14, "value", "kpi_rules.error.outside_kpi"),
    ]
    texts = [problem_text(p) for p in shown.problems]
    assert (
        texts[0] == "row 2, Period: “15-03-2025” is a day within a month: a reading covers a month, write its first day"
    )
    assert "between -100 and 100" in texts[1] and "row 11" in texts[9]
    assert [r.row for r in shown.readings] == [11] and not shown.ok


def test_a_stored_reading_is_known_when_identical_and_a_problem_when_not():
    stored = {(1, date(2025, 3, 1), "Panel Q"): (7.4, 812), (2, date(2025, 3, 1), ""): (3.0, None)}
    text = "KPI;Period;Value;n;Source\nRNPS;2025-03;7,4;812;Panel Q\nCONTACTS;2025-03;3;;\nCONTACTS;2025-04;3;;\n"
    shown = plan(text, stored)
    assert shown.ok and [r.row for r in shown.known] == [2, 3] and [r.row for r in shown.readings] == [4]
    changed = plan(text.replace("7,4;812", "7,5;812").replace("2025-03;3;", "2025-03;3,2;"), stored)
    assert [problem_text(p, "nl") for p in changed.problems] == [
        "rij 2, Waarde: deze maand en bron hebben al 7,4 (n 812): corrigeer die in Beheer → KPI's",
        "rij 3, Waarde: deze maand en bron hebben al 3: corrigeer die in Beheer → KPI's",
    ]
    other_n = plan(text.replace("7,4;812", "7,4;813"), stored)
    assert [p.key for p in other_n.problems] == ["import.reading.conflict"]


def test_missing_columns_and_columns_chosen_by_hand():
    text = "Indicator;Wanneer;Hoeveel\nCONTACTS;2025-03;7\n"
    refused = plan(text)
    assert [problem_text(p) for p in refused.problems] == [
        "Period: no column holds “Period”: name it in the file or choose the column",
        "Value: no column holds “Value”: name it in the file or choose the column",
    ]
    assert plan(text, columns={"period": 1, "value": 2}).ok
