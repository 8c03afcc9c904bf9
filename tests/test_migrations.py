"""Migrations: they match the models, run up and down on populated databases, and keep every row.

The test databases themselves are built from the migrations (tests/conftest.py), so every other test also
runs on the migrated schema, not on `create_all`.
"""

import itertools
import sqlite3
from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError

from cxgov.db import DatabaseNotMigrated, alembic_config, ensure_migrated, make_engine, migrate, session_scope
from cxgov.models import Initiative, PdcaCycle, Role
from cxgov.models.base import utcnow
from cxgov.services.initiatives import record_check_in
from tests.factories import add_department, add_initiative, add_person


def populate(engine) -> None:
    """A little of everything the services write: people, departments, initiatives, cycles, check-ins, audit."""
    department = add_department(engine, "Klantenservice")
    owner = add_person(engine, Role.PROGRAMME_OFFICE, department_id=department)
    for n in range(3):
        initiative_id = add_initiative(
            engine, owner_id=owner, actor=owner, title=f"Migrated initiative {n}", owning_department_id=department
        )
        with session_scope(engine, write=True) as session:
            record_check_in(
                session=session,
                actor=owner,
                initiative_id=initiative_id,
                data={"checkin_date": date(2026, 11, 1), "health": "amber", "reason": "Supplier late"},
            )


def dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, keyed by table name."""
    metadata = sa.MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: sorted(map(tuple, connection.execute(sa.select(table)).all()), key=repr)
            for name, table in metadata.tables.items()
        }


def row_counts(engine) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(engine).items()}


def test_models_and_migrations_agree(database_url):
    """`alembic check`: autogenerate finds nothing to add (SQLite skips the hand-written indexes: tested below)."""
    command.check(alembic_config(database_url))


def test_upgrade_on_a_migrated_populated_database_keeps_every_row(engine, database_url):
    populate(engine)
    before = dump(engine)
    assert sum(map(len, before.values())) > 20
    migrate(database_url)
    assert dump(engine) == before


def test_downgrade_to_base_and_upgrade_again(engine, database_url):
    """From a populated head down to nothing (tables, triggers, indexes, the audit head) and back up."""
    populate(engine)
    engine.dispose()
    command.downgrade(alembic_config(database_url), "base")
    assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}
    migrate(database_url)
    counts = row_counts(engine)
    assert counts.pop("audit_head") == 1 and counts.pop("alembic_version") == 1
    assert set(counts.values()) == {0}
    ensure_migrated(engine)


def test_each_revision_downgrades_and_upgrades_keeping_rows(engine, database_url):
    """For every revision after the first: populated head → down to just before it → head, rows kept.

    Tables the revision itself creates lose their rows on its downgrade by nature; every other table must
    keep its rows. With one revision (0001_foundation, which creates every table) the loop has nothing to do
    yet and this test only holds the history to one linear line; the base round trip is tested above.
    """
    script = ScriptDirectory.from_config(alembic_config(database_url))
    revisions = list(reversed(list(script.walk_revisions())))  # oldest first
    assert len(script.get_heads()) == 1, "the history must be one line (merge the heads)"
    assert revisions[0].down_revision is None
    assert all(r.down_revision == prev.revision for prev, r in itertools.pairwise(revisions))
    populate(engine)
    before = row_counts(engine)
    for revision in revisions[1:]:
        engine.dispose()
        command.downgrade(alembic_config(database_url), revision.down_revision)
        kept_tables = set(sa.inspect(engine).get_table_names())
        migrate(database_url)
        after = row_counts(engine)
        assert {t: after[t] for t in kept_tables} == {t: before[t] for t in kept_tables}, revision.revision


# --- hand-written indexes (autogenerate cannot compare them on SQLite) ------------------------------------


def _insert_initiative(connection, owner: int, title: str, status: str = "active") -> int:
    now = utcnow()
    return connection.execute(
        sa.insert(Initiative.__table__)
        .values(
            title=title,
            description="",
            discipline="design",
            owner_id=owner,
            lane="project",
            status=status,
            priority="medium",
            progress_pct=0,
            version=1,
            created_at=now,
            updated_at=now,
        )
        .returning(Initiative.__table__.c.id)
    ).scalar_one()


def test_open_titles_are_unique_case_insensitively_in_the_database(engine):
    owner = add_person(engine)
    with engine.begin() as connection:
        _insert_initiative(connection, owner, "WhatsApp service")
        _insert_initiative(connection, owner, "whatsapp SERVICE", status="completed")  # closed: allowed
        _insert_initiative(connection, owner, "WHATSAPP service", status="cancelled")
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_initiative(connection, owner, "Whatsapp Service", status="on_hold")


def _insert_cycle(connection, initiative_id: int, number: int, closed_on: date | None = None) -> None:
    connection.execute(
        sa.insert(PdcaCycle.__table__).values(
            initiative_id=initiative_id,
            number=number,
            phase="plan",
            closed_on=closed_on,
            hypothesis="",
            check_result="",
            lesson="",
            created_at=utcnow(),
        )
    )


def test_one_open_pdca_cycle_per_initiative_in_the_database(engine):
    owner = add_person(engine)
    with engine.begin() as connection:
        initiative_id = _insert_initiative(connection, owner, "Faster refunds")
        _insert_cycle(connection, initiative_id, 1, closed_on=date(2026, 6, 30))
        _insert_cycle(connection, initiative_id, 2)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        _insert_cycle(connection, initiative_id, 3)


# --- SQLite: foreign keys survive the migration connection ----------------------------------------------------


def test_sqlite_foreign_keys_are_on_again_after_migrating(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    populate(engine)
    migrate(url)  # again, on the populated database, in this process
    with session_scope(engine) as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO initiative_term (initiative_id, term_id) VALUES (1, 999)")
    engine.dispose()
    with sqlite3.connect(tmp_path / "fresh.sqlite3") as raw:  # and the file itself is consistent
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []


# --- the app refuses a database that is not migrated -----------------------------------------------------------


def test_app_refuses_an_unmigrated_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with pytest.raises(DatabaseNotMigrated, match="python -m cxgov migrate"):
        ensure_migrated(engine)
    engine.dispose()


def test_app_refuses_a_database_at_another_revision(engine):
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'someone_elses_revision'")
    with pytest.raises(DatabaseNotMigrated, match="python -m cxgov migrate"):
        ensure_migrated(engine)


def test_app_accepts_a_migrated_database(engine):
    ensure_migrated(engine)


# --- 0006: credits carry a reason; plan-action costs are 64-bit -------------------------------------------------


def test_credits_booked_before_the_rule_get_a_reason_and_new_ones_need_one(engine, database_url):
    """A negative expense stored before reasons were required survives the upgrade with a reason saying so;
    afterwards the database itself refuses a credit without one."""
    owner = add_person(engine)
    initiative_id = add_initiative(engine, owner_id=owner)
    engine.dispose()
    command.downgrade(alembic_config(database_url), "0005_health_plan_team")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO expense (initiative_id, spent_on, amount_cents, category, note, created_at) "
            f"VALUES ({initiative_id}, '2026-10-01', -5000, 'other', 'refund', '2026-10-01 10:00:00')"
        )
    migrate(database_url)
    with engine.connect() as connection:
        reason = connection.exec_driver_sql("SELECT correction_reason FROM expense").scalar_one()
    assert reason == "credit booked before a reason was required"
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO expense (initiative_id, spent_on, amount_cents, category, note, correction_reason, "
            f"created_at) VALUES ({initiative_id}, '2026-10-02', -100, 'other', '', '', '2026-10-02 10:00:00')"
        )


def test_a_plan_action_holds_the_largest_amount_its_input_allows(engine):
    from cxgov.models.inputs_budget import MAX_CENTS

    owner = add_person(engine)
    initiative_id = add_initiative(engine, owner_id=owner)
    with engine.begin() as connection:
        cycle_id = connection.exec_driver_sql(
            f"SELECT id FROM pdca_cycle WHERE initiative_id = {initiative_id}"
        ).scalar_one()
        connection.exec_driver_sql(
            "INSERT INTO plan_action (cycle_id, description, cost_cents, version, created_at) "
            f"VALUES ({cycle_id}, 'Carrier contract', {MAX_CENTS - 1}, 1, '2026-10-02 10:00:00')"
        )
        assert connection.exec_driver_sql("SELECT cost_cents FROM plan_action").scalar_one() == MAX_CENTS - 1
