"""The bulk grid holds back a row whose progress falls by more than 50 points and says which; the other rows
are saved, and the held row is saved once the person confirms the drop."""

from datetime import date

import pytest

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.services.initiatives import record_check_in
from tests.pages.harness import open_page
from tests.pages.test_bulk_update import check_ins, edit_rows, portfolio, save_grid  # noqa: F401 (portfolio: a fixture)


@pytest.fixture
def underway(portfolio):  # noqa: F811 (the imported fixture, extended)
    """Callback promise and Plain invoices reported at 80% progress."""
    for title in ("Callback promise", "Plain invoices"):
        with session_scope(portfolio["engine"], write=True) as session:
            record_check_in(
                session=session,
                actor=portfolio["office"],
                initiative_id=portfolio["ids"][title],
                data={"checkin_date": date.today(), "health": "green", "progress_pct": 80},
            )
    return portfolio


def _progress(engine, initiative_id) -> list[int]:
    return [c.progress_pct for c in check_ins(engine, initiative_id)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_big_drop_waits_for_confirmation_while_the_other_rows_are_saved(monkeypatch, underway, lang):
    engine, ids = underway["engine"], underway["ids"]
    at = open_page(monkeypatch, underway["url"], "bulk-update", lang=lang, acting=underway["owner"])
    # rows by title: 0 Callback promise (80 → 20), 1 Plain invoices (80 → 70), 2 Store survey (0 → 10)
    edit_rows(at, {0: {"progress_pct": 20}, 1: {"progress_pct": 70}, 2: {"health": "green", "progress_pct": 10}})
    save_grid(at)
    assert not at.exception, at.exception
    assert _progress(engine, ids["Callback promise"]) == [80]  # held back: no new check-in
    assert _progress(engine, ids["Plain invoices"]) == [80, 70] and _progress(engine, ids["Store survey"]) == [10]
    [warning] = [w.value for w in at.warning]
    assert warning.startswith(t("bulk.drop.warning", lang, points=50)) and "**Callback promise**: 80% → 20%" in warning
    assert "Plain invoices" not in warning
    assert t("bulk.summary_held", lang, n=1) in at.success[0].value
    assert next(iter(at.data_editor[0].value["progress_pct"])) == 20  # the held edit stays on screen

    at.button(key="bulk_update_confirm_drops").click().run()
    assert not at.exception, at.exception
    assert _progress(engine, ids["Callback promise"]) == [80, 20]
    assert not at.warning and "bulk_update_confirm_drops" not in [b.key for b in at.button]


def test_changing_the_held_row_again_asks_about_the_new_value_only_when_it_still_drops(monkeypatch, underway):
    engine, ids = underway["engine"], underway["ids"]
    at = open_page(monkeypatch, underway["url"], "bulk-update", acting=underway["owner"])
    edit_rows(at, {0: {"progress_pct": 8}})  # meant 80 → 78
    save_grid(at)
    assert "80% → 8%" in at.warning[0].value
    edit_rows(at, {0: {"progress_pct": 78}})
    at.run()
    assert not at.warning  # the drop it asked about is no longer on screen
    save_grid(at)
    assert _progress(engine, ids["Callback promise"]) == [80, 78]
