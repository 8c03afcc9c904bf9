"""Input model of the sign-in cookie route: the one-time ticket a freshly signed-in page hands in."""

from __future__ import annotations

from pydantic import Field

from cxgov.models.inputs import Strict

MAX_TICKET_LENGTH = 100  # a ticket is 43 characters (cxgov.auth.tokens); anything much longer is not one


class TicketInput(Strict):
    ticket: str = Field(min_length=1, max_length=MAX_TICKET_LENGTH)
