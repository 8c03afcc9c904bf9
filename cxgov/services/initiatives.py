"""Initiative services: propose/create, edit (version-checked), and status check-ins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.models import (
    ALLOWED_PHASES,
    CLOSED_STATUSES,
    CheckIn,
    Department,
    Expense,
    Health,
    Initiative,
    InitiativeKpi,
    InitiativeTerm,
    Kpi,
    KpiReading,
    PdcaCycle,
    Person,
    Phase,
    Status,
    StrategicObjective,
    TaxonomyKind,
    TaxonomyTerm,
)
from cxgov.models.inputs import CheckInInput, InitiativeInput, parse_input
from cxgov.models.inputs_checkin import CheckInExtrasInput
from cxgov.queries.health import delivery_facts, rules_from
from cxgov.rules.health import RUNNING, delivery_signals, is_better, worst
from cxgov.rules.kpi_numbers import KpiScale, reading_problems, renamed
from cxgov.rules.permissions import Action, authorise
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.uniqueness import flush_refusing_duplicates, other_with_same
from cxgov.services.unit import Actor, acting_person, audit_actor, audit_created, versioned_update
from cxgov.settings import get_settings

SCALAR_FIELDS = (
    "title",
    "description",
    "discipline",
    "objective_id",
    "owner_id",
    "sponsor_id",
    "owning_department_id",
    "requesting_department_id",
    "lane",
    "status",
    "priority",
    "progress_pct",
    "start_date",
    "target_date",
    "project_code",
)
PHASE_STARTED_ON = {
    Phase.PLAN: "plan_started_on",
    Phase.DO: "do_started_on",
    Phase.CHECK: "check_started_on",
    Phase.ACT: "act_started_on",
}


def create_initiative(*, session: Session, actor: Actor, data: dict[str, Any] | InitiativeInput) -> int:
    """Create an initiative with its first PDCA cycle. Non-office roles can only propose."""
    values = parse_input(InitiativeInput, data)
    person = acting_person(session, actor)
    authorise(person, Action.PROPOSE_INITIATIVE)
    if values.status is not Status.PROPOSED:
        _require_status_right(person)
    _check_against_database(session, values, initiative_id=None)
    initiative = Initiative(
        **values.model_dump(include=set(SCALAR_FIELDS)), updated_by_id=person.id if person else None
    )
    session.add(initiative)
    _flush_checking_title(session, values.title)
    cycle = PdcaCycle(
        initiative_id=initiative.id, number=1, phase=values.phase, **{PHASE_STARTED_ON[values.phase]: date.today()}
    )
    session.add(cycle)
    _set_terms(session, initiative.id, values.journey_stage_ids + values.channel_ids)
    session.flush()
    audit_created(session, person=person, entity="initiative", row=initiative)
    audit.record(
        session,
        actor=audit_actor(person),
        entity="initiative",
        entity_id=initiative.id,
        action="create",
        field="phase",
        new=values.phase,
    )
    _audit_terms(session, person, initiative.id, [], values.journey_stage_ids + values.channel_ids)
    return initiative.id


def update_initiative(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    seen_version: int | None,
    data: dict[str, Any] | InitiativeInput,
    reason: str = "",
) -> dict:
    """Save the edit form if nobody saved since `seen_version`; returns field -> (old, new)."""
    values = parse_input(InitiativeInput, data)
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    _check_against_database(session, values, initiative_id=initiative_id)
    cycle = current_cycle(session, initiative_id)
    old_terms = term_ids(session, initiative_id)
    new_terms = sorted(set(values.journey_stage_ids + values.channel_ids))
    if initiative.status is not values.status:  # status moves have rights, rules and reasons: services.lifecycle
        raise ValidationError({"status": "lifecycle.error.status_by_move"})
    if cycle.phase != values.phase:  # moves have criteria, reasons and a history: cxgov.services.pdca
        raise ValidationError({"phase": "pdca.error.phase_by_move"})
    if initiative.lane != values.lane:  # a lane change needs a reason: cxgov.services.pdca.change_lane
        raise ValidationError({"lane": "pdca.error.lane_by_change"})
    extra = {}
    if old_terms != new_terms:
        extra["journey_stages_and_channels"] = (old_terms, new_terms)
    changes = versioned_update(
        session,
        person=person,
        model=Initiative,
        entity="initiative",
        row=initiative,
        seen_version=seen_version,
        values=values.model_dump(include=set(SCALAR_FIELDS)),
        extra_changes=extra,
        reason=reason,
    )
    if "journey_stages_and_channels" in changes:
        _set_terms(session, initiative_id, new_terms)
    _flush_checking_title(session, values.title)
    return changes


def record_check_in(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    data: dict[str, Any] | CheckInInput,
    allow_closed: bool = False,
) -> int:
    """Append a status check-in (delivery health with its reason; check-ins are never edited); its progress
    becomes the initiative's. In the same transaction, optionally: spend booked as an expense (needs the budget
    right) and a reading of one of the initiative's own KPIs for the check-in's month (part of checking in).
    A closed initiative (completed, rejected, cancelled) has nothing left to report on: refused, unless
    `allow_closed` says the caller imports or seeds history reported while it ran. Returns the check-in's id."""
    raw = data if isinstance(data, dict) else data.model_dump()
    values, extras = _check_in_parts(raw)
    booking = (Action.MANAGE_BUDGET,) if extras.spend_cents is not None else ()
    person, initiative = initiative_to_change(session, actor, initiative_id, (Action.CHECK_IN, *booking))
    if initiative.status in CLOSED_STATUSES and not allow_closed:
        raise ValidationError(
            {"health": ("programs.error.closed_no_check_in", {"status": f"enum.status.{initiative.status.value}"})}
        )
    derived = _derived_health_at_check_in(session, initiative_id)
    overrides = derived is not None and is_better(values.health, derived)
    if overrides and not values.override_reason:
        raise ValidationError(
            {"override_reason": ("health.error.override_needed", {"derived": f"enum.health.{derived.value}"})}
        )
    if not overrides:  # a reason given where nothing is overridden (e.g. the bulk grid's row reason) is no override
        values = values.model_copy(update={"override_reason": ""})
    check_in = CheckIn(
        initiative_id=initiative_id,
        author_id=person.id if person else initiative.owner_id,
        derived_health=derived,
        **values.model_dump(),
    )
    session.add(check_in)
    session.flush()
    audit_created(session, person=person, entity="check_in", row=check_in)
    if values.progress_pct is not None:  # the check-in's progress is the initiative's progress from now on
        versioned_update(
            session,
            person=person,
            model=Initiative,
            entity="initiative",
            row=initiative,
            seen_version=initiative.version,
            values={"progress_pct": values.progress_pct},
        )
    if extras.spend_cents is not None:
        _book_spend(session, person, initiative_id, values.checkin_date, extras.spend_cents)
    if extras.kpi_id is not None:
        _record_reading(session, person, initiative_id, values.checkin_date, extras)
    return check_in.id


def _derived_health_at_check_in(session: Session, initiative_id: int) -> Health | None:
    """What the delivery rules say as this check-in is recorded; recording it is the update the cadence rule
    asks for (even when it reports on an earlier day), so that rule does not count."""
    today = date.today()
    facts = delivery_facts(session, [initiative_id], today)[initiative_id]
    if facts.status not in RUNNING:
        return None
    return worst(delivery_signals(replace(facts, last_check_in=today), today, rules_from(get_settings())))


def _check_in_parts(raw: dict[str, Any]) -> tuple[CheckInInput, CheckInExtrasInput]:
    """The check-in and its extras, validated together: every field's problem is reported at once."""
    extra_keys = set(CheckInExtrasInput.model_fields)
    parts, errors = [], {}
    for model, keys in ((CheckInInput, set(raw) - extra_keys), (CheckInExtrasInput, set(raw) & extra_keys)):
        try:
            parts.append(parse_input(model, {k: raw[k] for k in keys}))
        except ValidationError as exc:
            errors |= exc.errors
    if errors:
        raise ValidationError(errors)
    return parts[0], parts[1]


def _book_spend(session: Session, person: Person | None, initiative_id: int, day: date, cents: int) -> None:
    expense = Expense(
        initiative_id=initiative_id,
        spent_on=day,
        amount_cents=cents,
        note="check-in",
        created_by_id=person.id if person else None,
    )
    session.add(expense)
    session.flush()
    audit_created(session, person=person, entity="expense", row=expense)


# The check-in's reading fields, by the names cxgov.rules.kpi_numbers reports problems under.
CHECK_IN_READING_FIELDS = {"value": "kpi_value", "sample_size": "kpi_sample_size", "period": "checkin_date"}


def _record_reading(
    session: Session, person: Person | None, initiative_id: int, day: date, extras: CheckInExtrasInput
) -> None:
    """A reading of one of the initiative's KPIs, for the month of the check-in, sourced to this initiative;
    checked against the KPI like a reading typed on Admin → KPIs."""
    if session.get(InitiativeKpi, (initiative_id, extras.kpi_id)) is None:
        raise ValidationError({"kpi_id": "programs.error.kpi_not_linked"})
    source = f"initiative {initiative_id}"
    period = day.replace(day=1)
    problems = reading_problems(
        KpiScale.of(session.get(Kpi, extras.kpi_id)),
        value=extras.kpi_value,
        sample_size=extras.kpi_sample_size,
        period=period,
        today=date.today(),
    )
    if problems:
        raise ValidationError(renamed(problems, CHECK_IN_READING_FIELDS))
    taken = session.exec(
        select(KpiReading.id).where(
            KpiReading.kpi_id == extras.kpi_id,
            KpiReading.period == period,
            KpiReading.source == source,
            KpiReading.withdrawn_at.is_(None),
        )
    ).first()
    if taken is not None:  # a withdrawn reading frees its month: the right value may be recorded again
        raise ValidationError({"kpi_value": "programs.error.reading_this_month"})
    reading = KpiReading(
        kpi_id=extras.kpi_id, period=period, value=extras.kpi_value, sample_size=extras.kpi_sample_size, source=source
    )
    session.add(reading)
    session.flush()
    audit_created(session, person=person, entity="kpi_reading", row=reading)


def person_problems(session: Session, **person_ids: int | None) -> dict[str, tuple[str, dict] | str]:
    """field -> why, for each named person (field -> id; None skipped) who is unknown or no longer active."""
    errors: dict[str, tuple[str, dict] | str] = {}
    for field, person_id in person_ids.items():
        person = session.get(Person, person_id) if person_id is not None else None
        if person_id is not None and person is None:
            errors[field] = "error.person_unknown"
        elif person is not None and not person.active:
            errors[field] = ("error.person_inactive", {"name": person.name})
    return errors


def current_cycle(session: Session, initiative_id: int) -> PdcaCycle:
    return session.exec(
        select(PdcaCycle).where(PdcaCycle.initiative_id == initiative_id, PdcaCycle.closed_on.is_(None))
    ).one()


def term_ids(session: Session, initiative_id: int) -> list[int]:
    return sorted(
        session.exec(select(InitiativeTerm.term_id).where(InitiativeTerm.initiative_id == initiative_id)).all()
    )


def _require_status_right(person: Person | None) -> None:
    try:
        authorise(person, Action.CREATE_INITIATIVE_WITH_STATUS)
    except PermissionDenied:
        raise ValidationError({"status": "error.status_for_role"}) from None


def _check_against_database(session: Session, values: InitiativeInput, initiative_id: int | None) -> None:
    """Everything the input model cannot know: people, references, the title, the (status, phase) pair."""
    errors = person_problems(session, owner_id=values.owner_id, sponsor_id=values.sponsor_id)
    for field, model in (
        ("owning_department_id", Department),
        ("requesting_department_id", Department),
        ("objective_id", StrategicObjective),
    ):
        ref_id = getattr(values, field)
        if ref_id is not None and session.get(model, ref_id) is None:
            errors[field] = "error.unknown_reference"
    for field, kind in (("journey_stage_ids", TaxonomyKind.JOURNEY_STAGE), ("channel_ids", TaxonomyKind.CHANNEL)):
        ids = set(getattr(values, field))
        found = (
            set(session.exec(select(TaxonomyTerm.id).where(TaxonomyTerm.id.in_(ids), TaxonomyTerm.kind == kind)).all())
            if ids
            else set()
        )
        if ids - found:
            errors[field] = "error.unknown_reference"
    if values.status not in CLOSED_STATUSES:  # a title is unique among the open initiatives only
        other = other_with_same(
            session,
            Initiative,
            {"title": values.title},
            initiative_id,
            Initiative.status.not_in([s.value for s in CLOSED_STATUSES]),
        )
        if other is not None:
            errors["title"] = ("error.title_taken", {"other": other.title})
    allowed = ALLOWED_PHASES[values.status]
    if values.phase not in allowed:
        errors["phase"] = (
            "error.phase_not_allowed",
            {
                "phase": values.phase.value,
                "status": values.status.value,
                "allowed": ", ".join(p.value for p in Phase if p in allowed),
            },
        )
    if errors:
        raise ValidationError(errors)


def _flush_checking_title(session: Session, title: str) -> None:
    """The open-title index, as PostgreSQL and SQLite name it, guards two saves of one title at the same moment."""
    flush_refusing_duplicates(
        session,
        [
            (
                ("uq_initiative_open_title", "initiative.title", "lower(title)"),
                "title",
                ("error.title_taken", {"other": title}),
            )
        ],
    )


def _set_terms(session: Session, initiative_id: int, ids: list[int]) -> None:
    session.execute(delete(InitiativeTerm).where(InitiativeTerm.initiative_id == initiative_id))
    session.add_all(InitiativeTerm(initiative_id=initiative_id, term_id=i) for i in sorted(set(ids)))


def _audit_terms(session: Session, person: Person | None, initiative_id: int, old: list[int], new: list[int]) -> None:
    if sorted(set(old)) != sorted(set(new)):
        audit.record(
            session,
            actor=audit_actor(person),
            entity="initiative",
            entity_id=initiative_id,
            action="create",
            field="journey_stages_and_channels",
            old=sorted(set(old)) or None,
            new=sorted(set(new)),
        )
