"""The measured-KPI chart builders (cxgov.kpi_charts): the band, indicative points, last year, the target step,
segments with whiskers best first, and CX beside business on two axes."""

from datetime import date

import pandas as pd

from cxgov.kpi_charts import (
    BUSINESS_COLOUR,
    TrendLabels,
    cx_business_chart,
    every_month,
    kpi_margin_trend,
    segment_chart,
)

LABELS = TrendLabels("KTV", "95% margin", "indicative (n < 30)", "last year", "target")
PERIODS = [date(2026, m, 1) for m in (1, 2, 3)]
NAMES = {p: p.strftime("%b %Y") for p in PERIODS}


def series(**changes) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "period": PERIODS,
            "value": [7.5, 7.6, 7.2],
            "value_low": [7.4, 7.5, 6.5],
            "value_high": [7.6, 7.7, 7.9],
            "indicative": [False, False, True],
            "last_year": [7.1, float("nan"), 7.3],
        }
    )
    return frame.assign(**changes)


def traces(figure) -> dict:
    return {trace.name: trace for trace in figure.data}


def test_the_trend_draws_band_indicative_points_last_year_and_the_target_step():
    targets = pd.Series([float("nan"), 7.8, 7.8])
    figure = kpi_margin_trend(
        series(), title="KTV", value_label="Score", labels=LABELS, period_labels=NAMES, targets=targets
    )
    shown = traces(figure)
    assert shown["95% margin"].fill == "tonexty" and list(shown["95% margin"].y) == [7.4, 7.5, 6.5]
    upper = figure.data[0]
    assert list(upper.y) == [7.6, 7.7, 7.9] and upper.showlegend is False
    assert list(shown["KTV"].marker.symbol) == ["circle", "circle", "circle-open"]
    assert shown["indicative (n < 30)"].marker.symbol == "circle-open" and list(shown["indicative (n < 30)"].y) == [7.2]
    assert shown["last year"].line.dash == "dash" and list(shown["last year"].y) == [7.1, None, 7.3]
    assert shown["target"].line.shape == "hv" and list(shown["target"].y) == [None, 7.8, 7.8]
    assert list(figure.layout.xaxis.ticktext) == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert figure.layout.separators == ".,"


def test_typed_readings_draw_no_band_and_no_target_means_no_step():
    typed = series(value_low=[None] * 3, value_high=[None] * 3, indicative=[False] * 3, last_year=[None] * 3)
    figure = kpi_margin_trend(typed, title="t", value_label="%", labels=LABELS, period_labels=NAMES, separators=",.")
    assert [trace.name for trace in figure.data] == ["KTV"]
    assert list(figure.data[0].marker.symbol) == ["circle"] * 3 and figure.layout.separators == ",."


def test_segments_come_best_first_with_whiskers_and_indicative_apart():
    segments = pd.DataFrame(
        {
            "name": ["Kassa", "Web", "App"],
            "value": [7.2, 8.1, 6.0],
            "value_low": [7.0, 7.9, 5.0],
            "value_high": [7.4, 8.3, 7.5],
            "n": [120, 90, 12],
            "indicative": [False, False, True],
        }
    )
    figure = segment_chart(segments, title="t", value_label="KTV", firm_label="KTV", indicative_label="few")
    firm, few = figure.data
    assert list(firm.y) == ["Kassa", "Web"] and list(few.y) == ["App"] and few.marker.symbol == "circle-open"
    assert [round(v, 6) for v in firm.error_x.array] == [0.2, 0.2] and list(few.error_x.arrayminus) == [1.0]
    assert list(figure.layout.yaxis.categoryarray) == ["App", "Kassa", "Web"]  # plotly draws the last on top
    lower = segment_chart(
        segments, title="t", value_label="x", firm_label="a", indicative_label="b", higher_is_better=False
    )
    assert list(lower.layout.yaxis.categoryarray) == ["Web", "Kassa", "App"]


def test_cx_and_business_get_an_axis_each():
    pairs = pd.DataFrame({"period": PERIODS, "cx": [7.5, 7.6, 7.2], "business": [2.0, float("nan"), 3.1]})
    figure = cx_business_chart(pairs, title="t", cx_label="KTV", business_label="Revenue", period_labels=NAMES)
    cx, business = figure.data
    assert cx.yaxis in (None, "y") and business.yaxis == "y2" and list(business.y) == [2.0, None, 3.1]
    assert figure.layout.yaxis2.overlaying == "y" and figure.layout.yaxis2.tickfont.color == BUSINESS_COLOUR
    assert figure.layout.yaxis2.tickmode == "auto"  # its own round ticks, not synced to the left axis


def test_months_without_responses_break_the_line_and_the_band():
    series = pd.DataFrame(
        {
            "period": [date(2025, 11, 1), date(2026, 2, 1)],
            "value": [10.0, 40.0],
            "value_low": [0.0, 20.0],
            "value_high": [20.0, 60.0],
            "sample_size": [100, 100],
            "indicative": [False, False],
            "last_year": [None, None],
        }
    )
    filled = every_month(series)
    assert list(filled["period"]) == [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert filled["value"].isna().tolist() == [False, True, True, False]
    figure = kpi_margin_trend(
        filled,
        title="t",
        value_label="v",
        labels=TrendLabels(value="NPS", band="band", indicative="ind", last_year="ly", target="tg"),
        period_labels={p: str(p) for p in filled["period"]},
    )
    line = next(trace for trace in figure.data if trace.name == "NPS")
    assert [y is None or y != y for y in line.y] == [False, True, True, False]  # None breaks the line
    assert "ind" not in [trace.name for trace in figure.data]  # an empty month is not an indicative one
