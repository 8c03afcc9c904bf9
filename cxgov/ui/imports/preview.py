"""The preview of a file: what would be added, every problem by its row, and the choices that fix a file — which
column holds which field, the KPI every row answers, and what a value a list does not know stands for."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.ui.imports.work import PreviewSummary
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, day, labelled, month, number, tr

MAPPED_DIMENSIONS = ("channel", "journey_stage", "department")
FIRST_PROBLEMS = 5  # named in the message itself; the table below lists them all


def render_preview(summary: PreviewSummary, choices: dict) -> None:
    """The whole preview; changing a choice runs the preview again with it."""
    _totals(summary)
    if not summary.ok:
        _problems(summary)
    if summary.questions:
        with st.expander(tr("imports.questions"), expanded=not summary.ok or summary.rows == 0):
            _questions(summary, choices)
    with st.expander(tr("imports.columns"), expanded=not summary.ok):
        _columns(summary, choices)
    if summary.date_format is not None:
        key, params = summary.date_format
        st.info(tr(key, **{k: plain(v) for k, v in params.items()}), icon=":material/event:")
    if summary.unknown_values:
        _unknown_values(summary, choices)
    _first_rows(summary)
    if not summary.counts.empty:
        st.markdown(f"**{tr('imports.counts')}**")
        counts = summary.counts.assign(period=[month(p) for p in summary.counts["period"]])
        st.dataframe(
            counts,
            hide_index=True,
            column_config={c: st.column_config.TextColumn(tr(f"imports.col.{c}")) for c in ("kpi", "period")}
            | {"rows": st.column_config.NumberColumn(tr("imports.col.rows"))},
        )


def _totals(summary: PreviewSummary) -> None:
    new = summary.rows - summary.known
    cells = st.columns(5)
    for cell, key, value in zip(
        cells,
        ("new", "known", "skipped", "redacted", "problems"),
        (new, summary.known, summary.skipped, summary.redacted, summary.problem_total),
        strict=True,
    ):
        cell.metric(tr(f"imports.total.{key}"), number(value, 0))


def _problems(summary: PreviewSummary) -> None:
    first = summary.problems["problem"].head(FIRST_PROBLEMS)
    st.error(
        counted("imports.problems", summary.problem_total) + "\n\n" + "\n".join(f"- {plain(p)}" for p in first),
        icon=":material/error:",
    )
    if len(summary.problem_fields) > 1:
        st.dataframe(
            summary.problem_fields,
            hide_index=True,
            column_config={
                "field": st.column_config.TextColumn(tr("imports.col.field")),
                "rows": st.column_config.NumberColumn(tr("imports.col.rows")),
            },
            key="import_problem_fields",
        )
    st.dataframe(
        summary.problems,
        hide_index=True,
        column_config={
            "row": st.column_config.NumberColumn(tr("imports.col.row"), format="%d"),
            "field": st.column_config.TextColumn(tr("imports.col.field")),
            "problem": st.column_config.TextColumn(tr("imports.col.problem"), width="large"),
        },
        key="import_problems",
    )
    if summary.problem_total > len(summary.problems):
        st.caption(counted("imports.problems_more", summary.problem_total - len(summary.problems)))


def _choose_column(choices: dict, field: str, widget: str) -> None:
    choices["columns"][field] = st.session_state[widget]


def _columns(summary: PreviewSummary, choices: dict) -> None:
    """A choice per field: the column that holds it, or none."""
    st.caption(tr("imports.columns_help"))
    positions = [None, *range(len(summary.headers))]
    shown = labelled({None: tr("imports.no_column")} | {i: f"{i + 1}. {h}" for i, h in enumerate(summary.headers)})
    cells = st.columns(4)
    for position, field in enumerate(summary.fields):
        widget = f"import_col.{field}.{hash(tuple(summary.headers))}"
        current = summary.columns.get(field)
        cells[position % 4].selectbox(
            tr(f"import.field.{field}"),
            positions,
            index=positions.index(current) if current in positions else 0,
            format_func=shown,
            key=widget,
            on_change=_choose_column,
            args=(choices, field, widget),
        )
    if not summary.survey_kpis:
        return
    kpis = [None, *sorted(summary.survey_kpis)]
    widget = "import_kpi_for_all"
    st.selectbox(
        tr("imports.kpi_for_all"),
        kpis,
        index=kpis.index(choices.get("kpi")) if choices.get("kpi") in kpis else 0,
        format_func=labelled(
            {None: tr("imports.kpi_per_row")} | {c: f"{c} — {n}" for c, n in summary.survey_kpis.items()}
        ),
        help=tr("imports.kpi_for_all_help"),
        key=widget,
        on_change=lambda: choices.__setitem__("kpi", st.session_state[widget]),
    )


def _choose_question(choices: dict, index: int, widget: str) -> None:
    choices.setdefault("questions", {})[index] = st.session_state[widget]


def _questions(summary: PreviewSummary, choices: dict) -> None:
    """A survey tool's export: the KPI each question column's answers are imported as, or none."""
    st.caption(tr("imports.questions_help"))
    kpis = [None, *sorted(summary.survey_kpis)]
    shown = labelled(
        {None: tr("imports.question_not_imported")} | {c: f"{c} — {n}" for c, n in summary.survey_kpis.items()}
    )
    for question in summary.questions:
        widget = f"import_question.{question.index}.{abs(hash(question.column_id))}"
        label = f"{question.column_id} — {question.text}" if question.text else question.column_id
        st.selectbox(
            plain(label),
            kpis,
            index=kpis.index(question.kpi_code) if question.kpi_code in kpis else 0,
            format_func=shown,
            key=widget,
            on_change=_choose_question,
            args=(choices, question.index, widget),
        )


def _unknown_values(summary: PreviewSummary, choices: dict) -> None:
    """Values a list does not know: mapped to one of its values here, or the file is refused."""
    st.warning(tr("imports.unknown_values"), icon=":material/help:")
    for dimension in MAPPED_DIMENSIONS:
        names = summary.list_names.get(dimension, {})
        for value, rows in summary.unknown_values.get(dimension, {}).items():
            widget = f"import_map.{dimension}.{abs(hash(value))}"
            options = [None, *names]
            st.selectbox(
                tr(f"imports.map.{dimension}", value=plain(value), rows=number(rows, 0)),
                options,
                format_func=labelled({None: tr("imports.map.refuse"), **names}),
                key=widget,
                on_change=lambda d=dimension, v=value, w=widget: _map_value(choices, d, v, w),
            )


def _map_value(choices: dict, dimension: str, value: str, widget: str) -> None:
    chosen = st.session_state[widget]
    if chosen is None:
        choices["maps"].pop((dimension, value), None)
    else:
        choices["maps"][(dimension, value)] = chosen


def _first_rows(summary: PreviewSummary) -> None:
    st.markdown(f"**{tr('imports.first_rows')}**")
    st.dataframe(summary.first_rows, hide_index=True, key="import_first_rows")
    if summary.read_rows.empty:
        return
    st.markdown(f"**{tr('imports.read_rows')}**")
    read = summary.read_rows
    if "date" in read.columns:
        read = read.assign(date=[day(d) for d in read["date"]])
    if "period" in read.columns:
        read = read.assign(period=[month(p) for p in read["period"]])
    for column, digits in (("value", 2), ("n", 0)):
        if column in read.columns:
            read = read.assign(**{column: ["—" if pd.isna(v) else number(v, digits) for v in read[column]]})
    st.dataframe(
        read,
        hide_index=True,
        column_config={c: st.column_config.TextColumn(tr(f"imports.col.{c}")) for c in read.columns if c != "row"}
        | {"row": st.column_config.NumberColumn(tr("imports.col.row"), format="%d")},
        key="import_read_rows",
    )
