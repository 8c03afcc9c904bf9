"""Survey tools' exports to one row per answer (cxgov.io.survey_presets), from small realistic files."""

import csv
import io
from dataclasses import replace

from cxgov.io.columns import SURVEY_FIELDS, detect_mapping
from cxgov.io.survey_presets import PRESETS, question_columns, to_long
from cxgov.io.table_file import read_table

QUALTRICS = [
    ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
     "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
     "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q3", "Kanaal"],
    ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
     "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
     "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel", "User Language",
     "Hoe waarschijnlijk is het dat u ons aanbeveelt?", "Hoe tevreden bent u?", "Toelichting", "Kanaal"],
    ['{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}', '{"ImportId":"endDate"}', '{"ImportId":"status"}',
     '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}', '{"ImportId":"finished"}',
     '{"ImportId":"recordedDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}',
     '{"ImportId":"recipientFirstName"}', '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
     '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}', '{"ImportId":"distributionChannel"}',
     '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}',
     '{"ImportId":"Kanaal"}'],
    ["2025-03-31 23:10:01", "2025-03-31 23:30:12", "IP Address", "203.0.113.7", "100", "1211", "True",
     "2025-03-31 23:30:13", "R_1abcDEF", "Jansen", "Jan", "jan@voorbeeld.nl", "", "52.37", "4.89", "email", "NL",
     "9", "4", "Snel geholpen", "Winkel"],
    ["2025-04-01 08:00:00", "2025-04-01 08:05:00", "IP Address", "203.0.113.8", "100", "300", "True",
     "2025-04-01 08:05:01", "R_2ghiJKL", "Vries", "Els", "els@voorbeeld.nl", "", "52.09", "5.12", "email", "NL",
     "", "5", "", "Telefoon"],
]  # fmt: skip
SURVEYMONKEY = [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
     "Last Name", "Custom Data 1", "How likely are you to recommend us?", "Which store?", "Opmerking"],
    ["", "", "", "", "", "", "", "", "", "Response", "Response", "Open-Ended Response"],
    ["114227001", "431000", "03/14/2025 09:01:02 AM", "03/14/2025 09:12:45 AM", "198.51.100.4", "a@b.nl", "Ann",
     "Smit", "", "10", "Utrecht", "Top"],
    ["114227002", "431000", "03/02/2025 11:50:00 PM", "03/02/2025 11:59:00 PM", "198.51.100.5", "", "", "", "",
     "6", "Zwolle", ""],
]  # fmt: skip


def _csv(rows, preset):
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return read_table(out.getvalue().encode("utf-8-sig"), file_name="export.csv", max_bytes=10**6,
                      header_rows=PRESETS[preset].header_rows)  # fmt: skip


def test_qualtrics_questions_leave_out_bookkeeping_and_personal_data():
    table = _csv(QUALTRICS, "qualtrics")
    assert question_columns(table, PRESETS["qualtrics"]) == [
        (17, "Q1", "Hoe waarschijnlijk is het dat u ons aanbeveelt?"),
        (18, "Q2", "Hoe tevreden bent u?"),
    ]


def test_qualtrics_to_one_row_per_answer():
    table = to_long(_csv(QUALTRICS, "qualtrics"), PRESETS["qualtrics"], {17: "NPS", 18: "CSAT"})
    # the comment column is known by its question text, the channel by its column id
    assert table.header_rows == [["response_id", "date", "kpi", "score", "Toelichting", "Kanaal"]]
    assert table.rows == [
        ["R_1abcDEF:NPS", "2025-03-31 23:30:13", "NPS", "9", "Snel geholpen", "Winkel"],
        ["R_1abcDEF:CSAT", "2025-03-31 23:30:13", "CSAT", "4", "Snel geholpen", "Winkel"],
        ["R_2ghiJKL:CSAT", "2025-04-01 08:05:01", "CSAT", "5", "", "Telefoon"],
    ]
    assert table.row_numbers == [4, 4, 5]
    text = repr(table)
    assert "jan@voorbeeld.nl" not in text and "Jansen" not in text and "203.0.113.7" not in text
    mapping = detect_mapping(table.header_rows[0], SURVEY_FIELDS)
    assert mapping.columns == {"response_id": 0, "date": 1, "kpi": 2, "score": 3, "channel": 5, "comment": 4}


def test_surveymonkey_to_one_row_per_answer_with_its_month_first_dates():
    preset = PRESETS["surveymonkey"]
    table = _csv(SURVEYMONKEY, "surveymonkey")
    assert question_columns(table, preset) == [
        (9, "How likely are you to recommend us?", "How likely are you to recommend us?"),
        (10, "Which store?", "Which store?"),  # not a known dimension name: the user may leave it out
    ]
    long = to_long(table, preset, {9: "NPS"})
    assert long.header_rows == [["response_id", "date", "kpi", "score", "Opmerking"]]
    assert [row[:4] for row in long.rows] == [
        ["114227001:NPS", "2025-03-14", "NPS", "10"],
        ["114227002:NPS", "2025-03-02", "NPS", "6"],
    ]
    assert "a@b.nl" not in repr(long) and "Smit" not in repr(long)


def test_a_surveymonkey_matrix_question_names_each_of_its_columns():
    rows = [
        ["Respondent ID", "End Date", "Rate us", "", "Email Address"],
        ["", "", "Service", "Speed", ""],
        ["1", "03/14/2025 09:12:45 AM", "4", "=1+1", "a@b.nl"],
    ]
    table = _csv(rows, "surveymonkey")
    assert question_columns(table, PRESETS["surveymonkey"]) == [
        (2, "Rate us", "Rate us – Service"),
        (3, "Rate us", "Rate us – Speed"),
    ]


def test_formula_cells_follow_their_answer_into_the_long_table():
    rows = [["ResponseId", "RecordedDate", "Q1"], ["Response ID", "Recorded Date", "NPS?"], ["{}", "{}", "{}"]]
    table = _csv([*rows, ["R_1", "=NOW()", "=9"]], "qualtrics")
    table = replace(table, formula_cells=[(4, 1), (4, 2)])  # as an XLSX with formulas would report them
    long = to_long(table, PRESETS["qualtrics"], {2: "NPS"})
    assert long.rows == [["R_1:NPS", "=NOW()", "NPS", "=9"]]
    assert long.formula_cells == [(4, 1), (4, 3)]
