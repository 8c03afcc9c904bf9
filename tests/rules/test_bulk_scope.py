"""Whose initiatives the bulk update grid lists, by the check-in right of the person's role."""

import pytest

from cxgov.models import Role
from cxgov.rules.bulk import EVERYONE, MINE, check_in_scope


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.ADMIN, EVERYONE),
        (Role.PROGRAMME_OFFICE, EVERYONE),
        (Role.MANAGER, MINE),
        (Role.CONTRIBUTOR, MINE),
        (Role.VIEWER, None),
    ],
)
def test_the_check_in_right_decides_the_scope(role, scope):
    assert check_in_scope(role) == scope


def test_every_role_has_a_scope_or_none():
    assert {check_in_scope(role) for role in Role} <= {EVERYONE, MINE, None}
