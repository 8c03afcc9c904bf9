"""Recognising columns by their headers (cxgov.io.columns), in English and Dutch."""

from cxgov.i18n import TEXTS
from cxgov.io.columns import FIELDS, READING_FIELDS, SURVEY_FIELDS, detect_mapping, normalise


def test_normalise_drops_case_accents_and_separators():
    assert normalise("  Respons_ID ") == "respons id"
    assert normalise("Klantreis-fase") == "klantreis fase"
    assert normalise("Opmérking:") == "opmerking"
    assert normalise("Journey   Stage") == "journey stage"


def test_a_dutch_survey_file_is_mapped():
    headers = ["Respons ID", "Datum", "Vraag", "Cijfer", "Kanaal", "Contactmoment", "Klantreisfase", "Afdeling"]
    headers += ["Vestiging", "Toelichting", "Leeftijd"]
    mapping = detect_mapping(headers, SURVEY_FIELDS, required=("date", "kpi", "score"))
    assert mapping.columns == {
        "response_id": 0,
        "date": 1,
        "kpi": 2,
        "score": 3,
        "channel": 4,
        "touchpoint": 5,
        "journey_stage": 6,
        "department": 7,
        "region": 8,
        "comment": 9,
    }
    assert (mapping.unknown_headers, mapping.missing, mapping.duplicate_headers) == (["Leeftijd"], [], [])


def test_english_and_tool_spellings_are_mapped():
    mapping = detect_mapping(["ResponseId", "RecordedDate", "KPI", "Rating", "Store"], SURVEY_FIELDS)
    assert mapping.columns == {"response_id": 0, "date": 1, "kpi": 2, "score": 3, "region": 4}


def test_a_readings_file_is_mapped_and_a_missing_field_named():
    mapping = detect_mapping(
        ["KPI", "Maand", "Waarde", "Bron"], READING_FIELDS, required=("kpi", "period", "value", "n")
    )
    assert mapping.columns == {"kpi": 0, "period": 1, "value": 2, "source": 3}
    assert mapping.missing == ["n"]


def test_duplicate_and_competing_headers_are_reported():
    mapping = detect_mapping(["id", "Respondent ID", "Score", "score ", "Cijfer"], SURVEY_FIELDS)
    assert mapping.duplicate_headers == ["Score", "score "]
    assert mapping.columns["response_id"] == 1  # the more telling name wins over a bare "id"
    assert mapping.columns["score"] == 2
    assert mapping.ambiguous == ["response_id", "score"]


def test_empty_headers_are_neither_unknown_nor_duplicate():
    mapping = detect_mapping(["Datum", "", ""], SURVEY_FIELDS, required=("date", "score"))
    assert (mapping.unknown_headers, mapping.duplicate_headers, mapping.missing) == ([], [], ["score"])


def test_aliases_are_normalised_and_each_field_has_a_label():
    for field, aliases in FIELDS.items():
        assert all(alias == normalise(alias) for alias in aliases)
        assert f"import.field.{field}" in TEXTS
    every = [alias.replace(" ", "") for aliases in FIELDS.values() for alias in aliases]
    assert len(every) == len(set(every))  # no header name means two fields
