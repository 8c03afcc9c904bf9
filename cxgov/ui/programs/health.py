"""Derived health on the page: the delivery and outcome panels of an initiative and the rules' reasons."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pandas as pd
import streamlit as st

from cxgov import written
from cxgov.models import Health
from cxgov.queries import health as queries
from cxgov.queries.health import Assessment
from cxgov.rules.health import Signal, is_better
from cxgov.ui.kit.runtime import READ_AREAS, read, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, lang, tr

# Everything a rule looks at: check-ins, milestones and dependencies (initiatives), spend (budget), readings (kpis).
HEALTH_AREAS = (*READ_AREAS, "kpis")
HEALTH_BOX = {Health.GREEN: st.success, Health.AMBER: st.warning, Health.RED: st.error}


def assessments(initiative_ids: Collection[int]) -> dict[int, Assessment]:
    """What the rules say today about these initiatives (cached until their data changes)."""
    current = settings()
    return read(
        queries.assess,
        HEALTH_AREAS,
        initiative_ids=tuple(sorted(initiative_ids)),
        today=date.today(),
        cadence_days=current.check_in_cadence_days,
        spend_tolerance_pct=current.spend_tolerance_pct,
    )


def derived_codes(initiative_ids: Collection[int]) -> dict[int, str]:
    """initiative id -> the derived delivery health code, "" where the rules do not apply (for table columns)."""
    judged = assessments(initiative_ids)
    return {i: judged[i].derived.value if i in judged and judged[i].derived else "" for i in initiative_ids}


def reason_text(signal: Signal) -> str:
    """A rule's reason in the user's language, its dates and amounts in the user's locale."""
    return written.reason_text(signal, lang())


def _reason_list(signals: tuple[Signal, ...]) -> str:
    return "".join(f"\n- {plain(reason_text(s))}" for s in signals)


def _box(health: Health, heading: str, signals: tuple[Signal, ...] = ()) -> None:
    HEALTH_BOX[health](f"**{plain(heading)}**{_reason_list(signals)}")


def render_health_panel(
    reported: str, reported_on: date | None, reason: str, assessment: Assessment | None, check_ins: pd.DataFrame
) -> None:
    """Delivery (reported, and what the rules say where they differ) beside outcome (from the KPIs)."""
    delivery, outcome = st.columns(2)
    with delivery:
        st.markdown(f"**{tr('health.delivery')}**", help=tr("health.delivery_help"))
        _render_delivery(reported, reported_on, reason, assessment, check_ins)
    with outcome:
        st.markdown(f"**{tr('health.outcome')}**", help=tr("health.outcome_help"))
        if assessment is not None and not assessment.outcome_started:
            st.info(
                f"**{tr('health.outcome.not_started')}**  \n{tr('health.outcome.not_started_why')}",
                icon=":material/hourglass_empty:",
            )
        elif assessment is None or assessment.outcome_health is None:
            st.info(tr("health.outcome.none"), icon=":material/radio_button_unchecked:")
        else:
            health = assessment.outcome_health
            _box(health, tr("health.outcome.verdict", health=label(health)), assessment.outcome)


def _render_delivery(
    reported: str, reported_on: date | None, reason: str, assessment: Assessment | None, check_ins: pd.DataFrame
) -> None:
    health = _as_health(reported)
    if health is not None:
        HEALTH_BOX[health](
            f"**{plain(tr('health.reported', health=label(health), date=day(reported_on)))}**"
            + (f"  \n{plain(reason)}" if reason else "")
        )
    else:
        st.info(tr("programs.health.none"), icon=":material/radio_button_unchecked:")
    if assessment is None or assessment.derived is None:
        st.caption(tr("health.not_running"))
        return
    if not assessment.delivery:
        st.caption("✓ " + tr("health.rules_agree"))
        return
    _box(assessment.derived, tr("health.derived", health=label(assessment.derived)), assessment.delivery)
    override = _latest_override(check_ins)
    if override and health is not None and is_better(health, assessment.derived):
        st.caption(plain(tr("health.override", reason=override)))


def _as_health(code: str) -> Health | None:
    """The reported health, or None for an initiative without check-ins (portfolio.NO_UPDATE)."""
    return Health(code) if code in {h.value for h in Health} else None


def _latest_override(check_ins: pd.DataFrame) -> str:
    if check_ins.empty:
        return ""
    return str(check_ins.iloc[0]["override_reason"] or "")


def override_reason_field(assessment: Assessment, field_label: str) -> str:
    """In the check-in form: what the rules say now, and the reason to give when reporting better than that."""
    st.markdown(tr("health.check_in.derived", health=label(assessment.derived)) + _reason_list(assessment.delivery))
    return st.text_input(field_label, help=tr("health.check_in.override_hint"), key="programs_check_in.override_reason")
