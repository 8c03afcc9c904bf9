"""Charts of the PDF pack as vector drawings (reportlab.graphics): clustered and stacked bars, lines; a legend
under the plot, the value axis written in the pack's language (euros for money), category labels wrapped, or
turned when they are too long to stand side by side."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from cxgov import i18n
from cxgov.pack.blocks import Chart
from cxgov.pack.pdf_look import INK, MUTED, PALETTE, RULE, PackFont, fitted

PLOT_HEIGHT = 170  # points; the drawing adds the legend and the category labels below
LABEL_SIZE = 7.5
LEGEND_SIZE = 8
TICKS = 5  # about this many steps on the value axis
WRAPPED_LINES = 2  # a category label wraps onto at most this many lines, else it is turned
TURNED_ANGLE = 35
TURNED_LONGEST = 32  # characters of a turned label; the table beside the chart has the whole text


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    step: float


def chart_drawing(chart: Chart, font: PackFont, width: float, lang: str) -> Drawing | None:
    """The chart as a drawing `width` points wide; None when it has no figure to show (no categories, or only
    missing values)."""
    count = len(chart.categories)
    series = _plotted(chart, font)
    if not count or not series:
        return None
    axis = value_axis(chart.kind, [values for _, values, _ in series], chart.number_format)
    written = number_writer(chart.number_format, lang)
    legend = Group()
    legend_height = _legend(legend, [(name, colour) for name, _, colour in series], font, width)
    left = max(stringWidth(written(v), font.regular, LABEL_SIZE) for v in _ticks(axis)) + 8
    plot_width = width - left - 6
    names, label_height, angle = category_labels([font.line(c) for c in chart.categories], font, plot_width / count)
    plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()  # bars: clustered unless stacked
    plot.x, plot.y = left, legend_height + label_height + 8
    plot.width, plot.height = plot_width, PLOT_HEIGHT
    drawing = Drawing(width, plot.y + PLOT_HEIGHT + 8, initialFontName=font.regular)  # not Helvetica
    drawing.add(legend)
    plot.data = [[0 if v is None and chart.kind == "stacked_bar" else v for v in values] for _, values, _ in series]
    _axes(plot, names, angle, axis, written, font)
    for n, (_, _, colour) in enumerate(series):
        if chart.kind == "line":
            plot.lines[n].strokeColor = colour
            plot.lines[n].strokeWidth = 1.8
            plot.lines[n].symbol = makeMarker("FilledCircle", size=4, fillColor=colour, strokeColor=colour)
        else:
            plot.bars[n].fillColor = colour
            plot.bars[n].strokeColor = None
    if chart.kind == "stacked_bar":
        plot.categoryAxis.style = "stacked"
    elif chart.kind == "bar":
        plot.barSpacing = 1
    drawing.add(plot)
    return drawing


def value_axis(kind: str, values: list[list[float | None]], number_format: str) -> Axis:
    """A value axis over the figures in round steps; from zero for bars, money and counts."""
    if kind == "stacked_bar":  # the stack's height per category; negatives stack downwards
        found = [sum(v for v in column if v and v > 0) for column in zip(*values, strict=True)]
        found += [sum(v for v in column if v and v < 0) for column in zip(*values, strict=True)]
    else:
        found = [v for series in values for v in series if v is not None]
    low, high = min(found), max(found)
    if kind != "line" or number_format != "measure":
        low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        low, high = (low - 1, high + 1) if low else (0.0, 1.0)
    step = _round_step((high - low) / TICKS, whole=number_format == "count")
    return Axis(math.floor(low / step) * step, math.ceil(high / step) * step, step)


def number_writer(number_format: str, lang: str) -> Callable[[float], str]:
    """How the value axis writes a number: euros without cents for money, whole counts, measures."""
    if number_format == "money":
        return lambda v: i18n.format_money_whole(round(v * 100), lang)
    if number_format == "count":
        return lambda v: i18n.format_number(v, lang, 0)
    return lambda v: i18n.format_measure(v, lang)


def category_labels(labels: list[str], font: PackFont, slot: float) -> tuple[list[str], float, int]:
    """The labels as drawn, the height they take and their angle: wrapped onto a few lines where every line
    fits the category's width, else turned and cut to a readable length."""
    leading = LABEL_SIZE * 1.2
    wrapped = [simpleSplit(label, font.regular, LABEL_SIZE, slot - 4) or [""] for label in labels]
    if all(len(lines) <= WRAPPED_LINES for lines in wrapped) and all(
        stringWidth(line, font.regular, LABEL_SIZE) <= slot - 4 for lines in wrapped for line in lines
    ):
        return ["\n".join(lines) for lines in wrapped], max(len(lines) for lines in wrapped) * leading + 4, 0
    cut = [label if len(label) <= TURNED_LONGEST else label[: TURNED_LONGEST - 1].rstrip() + "…" for label in labels]
    longest = max(stringWidth(label, font.regular, LABEL_SIZE) for label in cut)
    return cut, longest * math.sin(math.radians(TURNED_ANGLE)) + leading + 4, TURNED_ANGLE


def _axes(plot, names: list[str], angle: int, axis: Axis, written, font: PackFont) -> None:
    plot.categoryAxis.categoryNames = names
    labels = plot.categoryAxis.labels
    labels.fontName, labels.fontSize, labels.fillColor = font.regular, LABEL_SIZE, INK
    labels.angle, labels.boxAnchor, labels.dy = angle, ("ne" if angle else "n"), -3
    labels.textAnchor = "end" if angle else "middle"
    plot.categoryAxis.strokeColor = MUTED
    plot.categoryAxis.tickDown = 0
    plot.valueAxis.valueMin, plot.valueAxis.valueMax, plot.valueAxis.valueStep = axis.low, axis.high, axis.step
    plot.valueAxis.labelTextFormat = written
    plot.valueAxis.labels.fontName, plot.valueAxis.labels.fontSize = font.regular, LABEL_SIZE
    plot.valueAxis.labels.fillColor = INK
    plot.valueAxis.strokeColor = None
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor, plot.valueAxis.gridStrokeWidth = RULE, 0.5


def _legend(legend: Group, items: list[tuple[str, object]], font: PackFont, width: float) -> float:
    """A colour swatch and name per series, in rows along the bottom; returns the height taken."""
    swatch, gap, leading = 8, 14, LEGEND_SIZE * 1.6
    placed, x, row = [], 0.0, 0
    for name, colour in items:
        text = fitted(name, font.regular, LEGEND_SIZE, width - swatch - 4)
        item = swatch + 4 + stringWidth(text, font.regular, LEGEND_SIZE)
        if x and x + item > width:
            x, row = 0.0, row + 1
        placed.append((x, row, text, colour))
        x += item + gap
    rows = row + 1
    for x, row, text, colour in placed:
        y = (rows - 1 - row) * leading + 2
        legend.add(Rect(x, y, swatch, swatch, fillColor=colour, strokeColor=None))
        legend.add(String(x + swatch + 4, y + 1, text, fontName=font.regular, fontSize=LEGEND_SIZE, fillColor=INK))
    return rows * leading


def _plotted(chart: Chart, font: PackFont) -> list[tuple[str, list[float | None], colors.Color]]:
    """Each series as (name, a finite value or None per category, colour); a series without any value is left
    out (a line needs a point to start from)."""
    count = len(chart.categories)
    plotted = []
    for (name, given), colour in zip(chart.series, _colours(chart), strict=True):
        values = [_finite(v) for v in (*given, *[None] * count)][:count]
        if any(v is not None for v in values):
            plotted.append((font.line(name), values, colour))
    return plotted


def _colours(chart: Chart) -> list[colors.Color]:
    """A colour per series: its own where the chart gives one, else the palette's in turn."""
    given = [*chart.colours, *[None] * len(chart.series)][: len(chart.series)]
    return [colors.HexColor(f"#{hex_ or PALETTE[n % len(PALETTE)]}") for n, hex_ in enumerate(given)]


def _ticks(axis: Axis) -> list[float]:
    count = round((axis.high - axis.low) / axis.step)
    return [axis.low + n * axis.step for n in range(count + 1)]


def _round_step(raw: float, *, whole: bool) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) at or above `raw`; at least 1 for counts."""
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return max(step, 1.0) if whole else step


def _finite(value) -> float | None:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None
