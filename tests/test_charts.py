"""Chart builders: plain DataFrames in, plotly figures with the expected traces, labels and colours out."""

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from cxgov import charts
from cxgov.models import Discipline, Health, Status

DISCIPLINES = {d.value: f"D:{d.value}" for d in Discipline}
STATUSES = {s.value: f"S:{s.value}" for s in Status}
HEALTH = {h.value: f"H:{h.value}" for h in Health} | {"no_update": "H:none"}


def test_discipline_status_chart_stacks_one_trace_per_status_present():
    counts = pd.DataFrame(
        {
            "discipline": ["design", "design", "culture"],
            "status": ["active", "proposed", "active"],
            "initiatives": [3, 1, 2],
        }
    )
    figure = charts.discipline_status_chart(
        counts, title="By discipline", discipline_labels=DISCIPLINES, status_labels=STATUSES, count_label="Initiatives"
    )
    assert isinstance(figure, go.Figure)
    assert [trace.name for trace in figure.data] == ["S:proposed", "S:active"]  # lifecycle order
    active = figure.data[1]
    assert dict(zip(active.y, active.x, strict=True)) == {
        "D:strategy": 0,
        "D:customer_understanding": 0,
        "D:design": 3,
        "D:measurement": 0,
        "D:governance": 0,
        "D:culture": 2,
    }
    assert figure.layout.barmode == "stack" and figure.layout.title.text == "By discipline"


def test_discipline_status_chart_lists_all_six_disciplines_in_canonical_order():
    counts = pd.DataFrame({"discipline": ["governance"], "status": ["active"], "initiatives": [1]})
    figure = charts.discipline_status_chart(
        counts, title="t", discipline_labels=DISCIPLINES, status_labels=STATUSES, count_label="n"
    )
    canonical = ["D:strategy", "D:customer_understanding", "D:design", "D:measurement", "D:governance", "D:culture"]
    # plotly draws only categories present in a trace, so the trace itself must carry every discipline.
    assert list(figure.data[0].y) == canonical and list(figure.data[0].x) == [0, 0, 0, 0, 1, 0]
    assert list(figure.layout.yaxis.categoryarray) == canonical[::-1]  # strategy on top


def test_discipline_status_chart_ticks_whole_initiatives_only():
    one = pd.DataFrame({"discipline": ["design"], "status": ["active"], "initiatives": [1]})
    axis = charts.discipline_status_chart(
        one, title="t", discipline_labels=DISCIPLINES, status_labels=STATUSES, count_label="n"
    ).layout.xaxis
    assert (axis.tick0, axis.dtick, axis.tickformat) == (0, 1, ",d")  # never "0 0 0 1 1 1"
    many = pd.DataFrame({"discipline": ["design", "design"], "status": ["active", "proposed"], "initiatives": [30, 10]})
    assert (
        charts.discipline_status_chart(
            many, title="t", discipline_labels=DISCIPLINES, status_labels=STATUSES, count_label="n"
        ).layout.xaxis.dtick
        == 5
    )


def test_health_chart_uses_rag_colours_and_skips_empty_slices():
    counts = pd.DataFrame({"health": ["red", "amber", "green", "no_update"], "initiatives": [2, 0, 5, 1]})
    figure = charts.health_chart(counts, title="Health", health_labels=HEALTH, separators=",.")
    (pie,) = figure.data
    assert list(pie.labels) == ["H:red", "H:green", "H:none"]
    assert list(pie.values) == [2, 5, 1]
    assert list(pie.marker.colors) == ["#c62828", "#2e7d32", "#9e9e9e"]
    assert figure.layout.separators == ",."


def test_budget_chart_shows_planned_and_actual_in_euros():
    budget = pd.DataFrame(
        {"discipline": ["design", "culture"], "planned_cents": [1_500_000, 0], "actual_cents": [1_233_567, 10]}
    )
    figure = charts.budget_chart(
        budget,
        title="Budget",
        discipline_labels=DISCIPLINES,
        planned_label="Planned",
        actual_label="Spent",
        amount_label="€",
    )
    assert [trace.name for trace in figure.data] == ["Planned", "Spent"]
    assert list(figure.data[0].y) == [15_000.0, 0.0]
    assert list(figure.data[1].y) == [12_335.67, 0.1]
    assert list(figure.data[0].x) == ["D:design", "D:culture"]


MONTHS = {date(2026, 9, 1): "sep 2026", date(2026, 10, 1): "okt 2026"}


def test_kpi_trend_chart_draws_one_line_of_readings():
    readings = pd.DataFrame({"period": [date(2026, 9, 1), date(2026, 10, 1)], "value": [23.0, 21.0]})
    figure = charts.kpi_trend_chart(
        readings, title="WISMO", value_label="%", series_label="Readings", period_labels=MONTHS
    )
    (line,) = figure.data
    assert line.mode == "lines+markers" and list(line.y) == [23.0, 21.0]
    assert figure.layout.title.text == "WISMO" and figure.layout.yaxis.title.text == "%"
    assert not figure.layout.showlegend  # one line explains itself


def test_kpi_trend_chart_names_the_months_as_the_reader_writes_them():
    periods = [date(2025, m, 1) for m in range(1, 13)] + [date(2026, m, 1) for m in range(1, 13)]
    readings = pd.DataFrame({"period": periods, "value": [float(n) for n in range(24)]})
    labels = {p: f"{p.month:02d}/{p.year}" for p in periods}
    axis = charts.kpi_trend_chart(
        readings, title="t", value_label="v", series_label="s", period_labels=labels
    ).layout.xaxis
    assert list(axis.ticktext) == [
        "01/2025",
        "04/2025",
        "07/2025",
        "10/2025",
        "01/2026",
        "04/2026",
        "07/2026",
        "10/2026",
    ]  # at most eight, evenly spaced
    assert len(axis.tickvals) == len(axis.ticktext)


def test_kpi_trend_chart_draws_the_target_as_a_dashed_line_across_the_readings():
    readings = pd.DataFrame({"period": list(MONTHS), "value": [23.0, 21.0]})
    figure = charts.kpi_trend_chart(
        readings,
        title="WISMO",
        value_label="%",
        series_label="Metingen",
        period_labels=MONTHS,
        target=charts.TargetLine(18.0, "Doel 18"),
    )
    _, target = figure.data
    assert (target.name, list(target.y), target.line.dash) == ("Doel 18", [18.0, 18.0], "dash")
    assert list(target.x) == list(figure.data[0].x)[:: len(MONTHS) - 1]  # from the first reading to the last
    assert figure.layout.showlegend


def test_budget_chart_writes_euros_as_the_locale_does():
    budget = pd.DataFrame({"discipline": ["design"], "planned_cents": [150_000_000], "actual_cents": [0]})
    figure = charts.budget_chart(
        budget,
        title="Budget",
        discipline_labels=DISCIPLINES,
        planned_label="Gepland",
        actual_label="Uitgegeven",
        amount_label="Bedrag",
        separators=",.",
        money_prefix="€\xa0",
    )
    assert figure.layout.yaxis.tickprefix == "€\xa0" and figure.layout.separators == ",."
    assert figure.data[0].hovertemplate.startswith("%{x}: €\xa0%{y:,.2f}")


def test_builders_accept_empty_frames():
    empty_counts = pd.DataFrame({"discipline": [], "status": [], "initiatives": []})
    assert (
        charts.discipline_status_chart(
            empty_counts, title="t", discipline_labels=DISCIPLINES, status_labels=STATUSES, count_label="n"
        ).data
        == ()
    )
    health = pd.DataFrame({"health": ["red"], "initiatives": [0]})
    assert list(charts.health_chart(health, title="t", health_labels=HEALTH).data[0].values) == []
