"""The sign-in cookie route, served beside Streamlit's own by the ASGI entry (serve.py).

A page that has just signed somebody in with a local account sends its one-time ticket here (POST) and gets the
sign-in cookie back: HttpOnly, so no script on the page ever reads the token; SameSite=Lax; Secure when the page
was served over HTTPS. A signed-out page has the cookie cleared here (DELETE). Only same-origin requests are
answered — the browser's Origin header must name this host — so another site can neither plant its own sign-in
in a visitor's browser nor clear one. The database is reached through the app's own engine settings (cxgov.db).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlparse

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cxgov.auth.tokens import COOKIE_NAME, cookie_path, route_path, signed
from cxgov.db import make_engine, session_scope
from cxgov.errors import ValidationError
from cxgov.services.sessions import IssuedCookie, claim_sign_in_ticket
from cxgov.settings import get_settings

_serving = {"routes": False}  # set when serve.py mounts the route in this process


def sign_in_cookie_routes(*, cookie_secret: Callable[[], str], base_url_path: str | None = None) -> list[Route]:
    """The route for `st.App(..., routes=…)`, under Streamlit's `server.baseUrlPath`; the cookie is signed with
    `cookie_secret()` (Streamlit's `server.cookieSecret`)."""
    path = cookie_path(base_url_path)

    async def claim(request: Request) -> Response:
        if not _same_origin(request):
            return Response(status_code=403)
        ticket = await _ticket(request)
        if ticket is None:
            return Response(status_code=400)
        try:
            issued = await run_in_threadpool(_claim, ticket)
        except ValidationError:
            return Response(status_code=400)
        if issued is None:  # unknown, used, expired, or its sign-in has ended meanwhile
            return Response(status_code=410)
        response = _no_store(Response(status_code=204))
        response.set_cookie(
            COOKIE_NAME,
            signed(issued.token, cookie_secret()),
            max_age=issued.max_age,
            path=path,
            httponly=True,
            samesite="lax",
            secure=_https(request),
        )
        return response

    async def clear(request: Request) -> Response:
        if not _same_origin(request):
            return Response(status_code=403)
        response = _no_store(Response(status_code=204))
        response.delete_cookie(COOKIE_NAME, path=path, httponly=True, samesite="lax", secure=_https(request))
        return response

    _serving["routes"] = True
    url = route_path(base_url_path)
    return [Route(url, claim, methods=["POST"]), Route(url, clear, methods=["DELETE"])]


def serving_routes() -> bool:
    """Whether this process serves the sign-in cookie route (started through serve.py, not app.py)."""
    return _serving["routes"]


async def _ticket(request: Request) -> str | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    ticket = body.get("ticket") if isinstance(body, dict) else None
    return ticket if isinstance(ticket, str) else None


def _claim(ticket: str) -> IssuedCookie | None:
    """One write unit, in a worker thread: the event loop never waits for the database."""
    if not get_settings().local_sign_in:  # company sign-in and the demo mode have no tickets to claim
        return None
    with session_scope(_engine(get_settings().database_url), write=True) as session:
        return claim_sign_in_ticket(session=session, ticket=ticket)


@lru_cache(maxsize=2)
def _engine(url: str) -> Engine:
    return make_engine(url)


def _same_origin(request: Request) -> bool:
    """The request comes from a page of this app (Origin names the Host it was sent to), never another site."""
    origin, host = request.headers.get("origin"), request.headers.get("host")
    if not origin or not host or urlparse(origin).netloc != host:
        return False
    return request.headers.get("sec-fetch-site", "same-origin") == "same-origin"


def _https(request: Request) -> bool:
    """Served over HTTPS as the browser sees it (behind a TLS proxy too): the page's origin says so."""
    return urlparse(request.headers.get("origin", "")).scheme == "https"


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response
