"""Which bulk-grid rows wait for confirmation: progress falling by more than 50 points, until that very value
is confirmed (pure)."""

from datetime import date

from cxgov.rules.bulk import SeenRow, drops_to_confirm, plan


def _seen(initiative_id: int, progress: int) -> SeenRow:
    return SeenRow(
        initiative_id=initiative_id,
        title=f"Initiative {initiative_id}",
        owner="Mila",
        version=3,
        check_in_id=10,
        health="green",
        reason="",
        progress_pct=progress,
        target_date=date(2027, 1, 31),
    )


SEEN = {1: _seen(1, 80), 2: _seen(2, 80), 3: _seen(3, 60), 4: _seen(4, 10)}


def _rows(progress: dict[int, int]):
    return plan(SEEN, {i: SEEN[i].values() | {"progress_pct": p} for i, p in progress.items()})


def test_only_a_fall_of_more_than_fifty_points_waits():
    rows = _rows({1: 29, 2: 30, 3: 5, 4: 100})  # falls of 51, 50 and 55; a rise of 90
    assert drops_to_confirm(rows, SEEN, {}) == {1: 29, 3: 5}


def test_a_confirmed_drop_no_longer_waits_but_another_value_is_asked_about_again():
    rows = _rows({1: 8, 3: 5})
    assert drops_to_confirm(rows, SEEN, {1: 8, 3: 6}) == {3: 5}


def test_a_row_without_a_new_check_in_has_no_drop():
    rows = plan(SEEN, {1: SEEN[1].values() | {"target_date": date(2027, 6, 30)}})
    assert drops_to_confirm(rows, SEEN, {}) == {}
