"""Question columns matched to the KPI their id or text names, and only when it names exactly one."""

from cxgov.io.catalogue import Catalogue, KpiRef
from cxgov.io.question_kpis import match_questions
from cxgov.models import KpiKind

CATALOGUE = Catalogue(
    kpis=(
        KpiRef(1, "RNPS", "Relationship NPS", KpiKind.NPS),
        KpiRef(2, "KTV", "Klanttevredenheid", KpiKind.KTV),
        KpiRef(3, "CES", "Customer effort", KpiKind.CES),
    )
)


def test_a_question_naming_one_kpi_by_code_or_name_is_matched_and_the_rest_listed():
    questions = [
        (4, "RNPS", ""),
        (5, "Q2", "Klanttevredenheid – Response"),
        (6, "Q3", "Hoe makkelijk ging het? (CES)"),
        (7, "Q4", "Processes and services"),  # "ces" inside a word names nothing
        (8, "Q5", "RNPS of KTV?"),  # two KPIs: left to the user
    ]
    matched, unmatched = match_questions(questions, CATALOGUE)
    assert matched == {4: "RNPS", 5: "KTV", 6: "CES"}
    assert [index for index, *_ in unmatched] == [7, 8]
