"""Concurrent saves lose nothing: 8 threads × 50 read-modify-write saves, version-checked.

Every save adds one to a counter kept in the initiative's description, with the version its read saw; a
rejected save re-reads and tries again. So the final counter must equal the number of accepted saves, every
refusal must be a ConflictError, and each accepted save adds exactly one audit event to an intact chain.
The loop itself lives in bench/concurrency.py, which prints the same figures (and the naive save's losses).
"""

import pytest
from sqlalchemy import func
from sqlmodel import select

from bench.concurrency import SAVES, THREADS, read_form, run_saves
from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import ConflictError
from cxgov.models import AuditEvent, Initiative, InitiativeTerm, PdcaCycle, Role, TaxonomyKind, TaxonomyTerm
from cxgov.services import initiative_access
from cxgov.services.initiatives import update_initiative
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_person


def _assert_nothing_lost(outcome, rows: int) -> None:
    assert outcome.errors == [], "every refused save must be a ConflictError, never a raw database error"
    assert outcome.rows == rows
    assert outcome.accepted == THREADS * SAVES
    assert outcome.lost == 0
    assert sum(outcome.final_by_row.values()) == THREADS * SAVES
    assert len(outcome.audit_seqs) == THREADS * SAVES  # one event (the description) per accepted save
    assert outcome.gapless
    assert outcome.verify_ok


def test_eight_writers_on_one_initiative_lose_nothing(engine):
    outcome = run_saves(engine, same_row=True)
    _assert_nothing_lost(outcome, rows=1)
    [(initiative_id, final)] = outcome.final_by_row.items()
    with session_scope(engine) as session:
        assert session.get(Initiative, initiative_id).version == 1 + final


def test_eight_writers_on_their_own_initiatives_lose_nothing(engine):
    outcome = run_saves(engine, same_row=False)
    _assert_nothing_lost(outcome, rows=THREADS)
    assert set(outcome.final_by_row.values()) == {SAVES}
    assert outcome.rejected == 0  # nobody else touched a thread's row: no refusals either


def test_the_naive_save_is_shown_to_lose_updates(engine):
    """The floor the version check is measured against: proves the test above can fail."""
    outcome = run_saves(engine, save="naive", same_row=True, saves=10)
    assert outcome.errors == []
    assert outcome.lost > 0


def _terms(engine) -> tuple[int, int]:
    with session_scope(engine, write=True) as session:
        stage = TaxonomyTerm(
            kind=TaxonomyKind.JOURNEY_STAGE, code="orientation", name_en="Orientation", name_nl="Oriëntatie"
        )
        channel = TaxonomyTerm(kind=TaxonomyKind.CHANNEL, code="phone", name_en="Phone", name_nl="Telefoon")
        session.add_all([stage, channel])
        session.flush()
        return stage.id, channel.id


def _snapshot(engine, initiative_id: int) -> tuple:
    """Everything a save could touch: the row, its cycle, its terms, and the audit trail's length."""
    with session_scope(engine) as session:
        row = session.get(Initiative, initiative_id).model_dump()
        cycle = session.exec(select(PdcaCycle).where(PdcaCycle.initiative_id == initiative_id)).one().model_dump()
        terms = session.exec(
            select(InitiativeTerm.term_id)
            .where(InitiativeTerm.initiative_id == initiative_id)
            .order_by(InitiativeTerm.term_id)
        ).all()
        events = session.exec(select(func.count()).select_from(AuditEvent)).one()
        return row, cycle, terms, events


def _stale_edit(engine, actor, initiative_id, seen_version, stage_id, channel_id):
    data, _ = read_form(engine, initiative_id)
    data |= {"progress_pct": 70, "journey_stage_ids": [stage_id], "channel_ids": [channel_id]}
    with session_scope(engine, write=True) as session:
        update_initiative(
            session=session, actor=actor, initiative_id=initiative_id, seen_version=seen_version, data=data
        )


def test_stale_save_has_no_side_effects(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE, name="Sanne de Vries")
    stage_id, channel_id = _terms(engine)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner, journey_stage_ids=[stage_id])
    data, version = read_form(engine, initiative_id)
    with session_scope(engine, write=True) as session:  # someone else saves first
        update_initiative(
            session=session,
            actor=owner,
            initiative_id=initiative_id,
            seen_version=version,
            data=data | {"progress_pct": 10},
        )
    before = _snapshot(engine, initiative_id)
    with pytest.raises(ConflictError) as caught:
        _stale_edit(engine, owner, initiative_id, version, stage_id, channel_id)
    assert "Sanne de Vries" in caught.value.message("en")
    assert _snapshot(engine, initiative_id) == before


def test_save_racing_a_commit_is_refused_by_the_row_count(engine, monkeypatch):
    """The UPDATE … WHERE version = :seen finds no row when another save commits after the service read it."""
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    stage_id, channel_id = _terms(engine)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    real_get = initiative_access.get_or_404

    def get_then_someone_commits(session, model, entity, row_id, **options):
        row = real_get(session, model, entity, row_id, **options)
        session.connection().exec_driver_sql(  # the other save lands between our read and our UPDATE
            f"UPDATE initiative SET version = version + 1, description = 'theirs' WHERE id = {int(row_id)}"
        )
        return row

    monkeypatch.setattr(initiative_access, "get_or_404", get_then_someone_commits)
    before = _snapshot(engine, initiative_id)
    with pytest.raises(ConflictError):
        _stale_edit(engine, owner, initiative_id, 1, stage_id, channel_id)
    assert _snapshot(engine, initiative_id) == before


def test_save_without_a_version_is_a_conflict(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    before = _snapshot(engine, initiative_id)
    data, _ = read_form(engine, initiative_id)
    with pytest.raises(ConflictError), session_scope(engine, write=True) as session:
        update_initiative(
            session=session,
            actor=owner,
            initiative_id=initiative_id,
            seen_version=None,
            data=data | {"progress_pct": 40},
        )
    assert _snapshot(engine, initiative_id) == before
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok
