"""Which statuses a project moves through its PDCA phases in (cxgov.rules.pdca.MOVING_STATUSES)."""

from cxgov.models import CLOSED_STATUSES, Status
from cxgov.rules.pdca import FUNDED_STATUSES, MOVING_STATUSES


def test_a_project_moves_while_proposed_approved_or_active():
    assert set(MOVING_STATUSES) == {Status.PROPOSED, Status.APPROVED, Status.ACTIVE}


def test_a_paused_or_closed_project_does_not_move():
    assert Status.ON_HOLD not in MOVING_STATUSES
    assert not MOVING_STATUSES & set(CLOSED_STATUSES)


def test_every_funded_status_moves():
    assert FUNDED_STATUSES <= MOVING_STATUSES
