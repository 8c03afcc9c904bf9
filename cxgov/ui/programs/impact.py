"""Impact on the initiative page's KPI tab: per linked KPI baseline, target, actual, the expected gain and the
effect estimate with its interval, verdict and method; and the form recording the segments the initiative ran in."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cxgov.queries import impact as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.impact import DID, YOY_TYPED
from cxgov.services.initiative_segments import set_initiative_segments
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import labelled, measure, month, number, term_name_column, tr
from cxgov.ui.kit.writes import settle, submit
from cxgov.ui.programs.initiative_reads import DETAIL_AREAS

DIMENSIONS = ("region", "channel", "touchpoint", "journey_stage", "department")  # stores first: the usual pilot


def signed(value, written: Callable = measure) -> str:
    """A change with its sign: "+4.2", "-1.5" (written the reader's way), "—" when missing."""
    if value is None or pd.isna(value):
        return "—"
    return f"+{written(value)}" if value > 0 else written(value)


def tenths(value) -> str:
    """An estimate to one decimal: its interval is rarely narrower than that."""
    return number(value, 1)


def estimate_text(value, low, high) -> str:
    """A change with half its 95% interval's width ("+4.2 ± 3.1"), or the bare change without one."""
    if value is None or pd.isna(value):
        return "—"
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return signed(value, tenths)
    return f"{signed(value, tenths)} ± {tenths((high - low) / 2)}"  # a number's notation, the same in both languages


def effect_text(row) -> str:
    """The effect of one row of the impact table with its interval."""
    return estimate_text(row.effect, row.low, row.high)


def verdict_text(row) -> str:
    """ "significant change", "within noise", "too few responses", or "not yet measurable: …" with the reason."""
    if row.state != "measured":
        return tr("impact.verdict.not_measurable", reason=tr(f"impact.reason.{row.state}"))
    return tr(f"impact.verdict.{row.verdict}")


def method_text(row, names: dict[str, str]) -> str:
    """How the effect was estimated, naming the months or the control segments."""
    if row.state != "measured":
        return "—"
    if row.method == DID:
        return tr(
            "impact.method.did",
            control=", ".join(names.get(s, s) for s in row.control),
            treated=", ".join(names.get(s, s) for s in row.treated),
        )
    key = "impact.method.yoy_typed" if row.method == YOY_TYPED else "impact.method.yoy"
    return tr(key, first=month(row.after_first), last=month(row.after_last))


def effect_sentence(row, names: dict[str, str]) -> str:
    """One line for the check result: "NPS +4.2 ± 3.1 year on year, same months: significant change"."""
    return f"{row.name} {effect_text(row)} {method_text(row, names)}: {verdict_text(row)}"


def segment_names(dimension: str) -> dict[str, str]:
    """Segment value → its name in the reader's language, for one dimension."""
    choices = read(queries.segment_choices, DETAIL_AREAS)
    shown = choices[choices["dimension"] == dimension]
    return dict(zip(shown["segment"], shown[term_name_column()], strict=True))


def render_impact(d: InitiativeDetail, may_edit: bool) -> None:
    """The Impact section: the effect table and, for those who may edit the initiative, the segments form."""
    st.subheader(tr("impact.title"))
    frame = read(queries.initiative_impact, DETAIL_AREAS, initiative_id=d.id)
    ran_in = read(queries.initiative_segments, DETAIL_AREAS, initiative_id=d.id)
    if frame.empty:
        st.caption(tr("impact.none"))
    else:
        names = {}
        for dimension in set(frame["dimension"]) - {""}:
            names |= segment_names(dimension)
        st.dataframe(
            pd.DataFrame(
                {
                    tr("programs.kpi.name"): frame["name"],
                    tr("programs.kpi.baseline"): [measure(v) for v in frame["baseline"]],
                    tr("programs.kpi.target"): [measure(v) for v in frame["target"]],
                    tr("impact.col.actual"): [measure(v) for v in frame["actual"]],
                    tr("impact.col.expected_gain"): [signed(v) for v in frame["expected_gain"]],
                    tr("impact.col.effect"): [effect_text(r) for r in frame.itertuples()],
                    tr("impact.col.verdict"): [verdict_text(r) for r in frame.itertuples()],
                    tr("impact.col.method"): [method_text(r, names) for r in frame.itertuples()],
                }
            ),
            hide_index=True,
            width="stretch",
        )
        for row in frame.itertuples():  # the same in words, as the check result drafts it
            st.markdown(f"- {plain(effect_sentence(row, names))}")
        st.caption(tr("impact.caption"))
    _ran_in(ran_in)
    if may_edit:
        _segments_form(d, ran_in)


def _ran_in(ran_in: pd.DataFrame) -> None:
    if ran_in.empty:
        st.caption(tr("impact.segments.everywhere"))
        return
    dimension = ran_in["dimension"].iloc[0]
    names = segment_names(dimension)
    st.caption(
        tr(
            "impact.segments.ran_in",
            dimension=tr(f"impact.dimension.{dimension}"),
            segments=", ".join(names.get(s, s) for s in ran_in["segment"]),
        )
    )


def _segments_form(d: InitiativeDetail, ran_in: pd.DataFrame) -> None:
    with st.expander(tr("impact.segments.edit"), icon=":material/storefront:"):
        stored = ran_in["dimension"].iloc[0] if not ran_in.empty else DIMENSIONS[0]
        key = f"impact_segments_{d.id}_{d.version}"  # a new version starts from what is stored then
        dimension = st.selectbox(
            tr("impact.segments.dimension"),
            DIMENSIONS,
            index=DIMENSIONS.index(stored),
            format_func=labelled({v: tr(f"impact.dimension.{v}") for v in DIMENSIONS}),
            key=f"{key}.dimension",
        )
        names = segment_names(dimension)
        current = [s for s in ran_in["segment"] if s in names] if dimension == stored else []
        with st.form(key):
            chosen = st.multiselect(
                tr("impact.segments.values"),
                list(names),
                default=current,
                format_func=labelled(names),
                key=f"{key}.segments",
                help=tr("impact.segments.help"),
            )
            saved = st.form_submit_button(tr("impact.segments.save"))
    if saved:
        result = submit(
            set_initiative_segments,
            areas=("initiatives",),
            initiative_id=d.id,
            seen_version=d.version,
            data={"dimension": dimension, "segments": chosen},
        )
        settle(result, tr("form.saved"), {"segments": tr("impact.segments.values")})
