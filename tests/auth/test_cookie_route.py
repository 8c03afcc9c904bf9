"""The sign-in cookie route on both databases: a fresh sign-in's ticket buys an HttpOnly, SameSite, signed cookie
once; requests from other sites are turned away; DELETE clears the cookie."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from cxgov.auth import cookie_route as routes
from cxgov.auth.tokens import COOKIE_NAME, ROUTE_PATH, unsigned
from cxgov.db import session_scope
from cxgov.models import Person
from cxgov.queries.sessions import sign_in_state
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password, sign_in
from cxgov.settings import get_settings
from tests.factories import add_person

SECRET = "k" * 64
PASSWORD = "Groene fiets op de kade"
ORIGIN = {"Origin": "http://testserver"}  # the TestClient's own host: a request from one of the app's pages


@pytest.fixture
def client(database_url, monkeypatch):
    """The route as serve.py mounts it, on the test database, with local accounts."""
    monkeypatch.setenv("CXGOV_DATABASE_URL", database_url)
    monkeypatch.setenv("CXGOV_AUTH_MODE", "local")
    get_settings.cache_clear()
    monkeypatch.setitem(routes._serving, "routes", routes._serving["routes"])  # restored afterwards
    app = Starlette(routes=routes.sign_in_cookie_routes(cookie_secret=lambda: SECRET))
    with TestClient(app) as test_client:
        yield test_client
    routes._engine(database_url).dispose()
    routes._engine.cache_clear()


@pytest.fixture
def ticket(engine):
    """The ticket of a manager's fresh sign-in (what the page hands to the route)."""
    person = add_person(engine, name="Mila Manager")
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=person, new_password=f"x{PASSWORD}")
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=person, current_password=f"x{PASSWORD}", new_password=PASSWORD)
    with session_scope(engine, write=True) as session:
        email = session.get(Person, person).email
        return sign_in(session=session, email=email, password=PASSWORD).ticket


def _claim(client, ticket, headers=ORIGIN):
    return client.post(ROUTE_PATH, json={"ticket": ticket}, headers=headers)


def test_a_ticket_buys_an_http_only_same_site_signed_cookie_once(client, engine, ticket):
    answer = _claim(client, ticket)
    assert answer.status_code == 204
    header = answer.headers["set-cookie"]
    assert header.startswith(f"{COOKIE_NAME}=")
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert {"httponly", "samesite", "path", "max-age"} <= attributes and "secure" not in attributes
    assert "samesite=lax" in header.lower() and "path=/" in header.lower()
    assert answer.headers["cache-control"] == "no-store"
    token = unsigned(answer.cookies[COOKIE_NAME], SECRET)
    with session_scope(engine) as session:
        assert sign_in_state(session, token=token).name == "Mila Manager"
    assert _claim(client, ticket).status_code == 410, "used once"


def test_over_https_the_cookie_is_secure(client, ticket):
    answer = _claim(client, ticket, headers={"Origin": "https://testserver"})
    assert answer.status_code == 204 and "secure" in answer.headers["set-cookie"].lower()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        ORIGIN | {"Sec-Fetch-Site": "cross-site"},
    ],
    ids=["no origin", "other site", "opaque origin", "cross-site fetch"],
)
def test_a_request_from_another_site_is_turned_away_and_spends_nothing(client, ticket, headers):
    answer = _claim(client, ticket, headers=headers)
    assert answer.status_code == 403 and "set-cookie" not in answer.headers
    assert _claim(client, ticket).status_code == 204, "the ticket is still good for its own page"


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"ticket": 7}', b'{"ticket": "' + b"t" * 500 + b'"}'])
def test_a_request_without_a_ticket_is_refused(client, body):
    answer = client.post(ROUTE_PATH, content=body, headers=ORIGIN | {"Content-Type": "application/json"})
    assert answer.status_code == 400 and "set-cookie" not in answer.headers


def test_an_unknown_ticket_buys_nothing(client):
    assert _claim(client, "a-ticket-nobody-issued").status_code == 410


def test_with_company_sign_in_no_ticket_is_claimed(client, ticket, monkeypatch):
    monkeypatch.setenv("CXGOV_AUTH_MODE", "sso")
    get_settings.cache_clear()
    assert _claim(client, ticket).status_code == 410


def test_delete_clears_the_cookie_for_the_apps_pages_only(client):
    answer = client.delete(ROUTE_PATH, headers=ORIGIN)
    assert answer.status_code == 204
    header = answer.headers["set-cookie"].lower()
    assert header.startswith(f"{COOKIE_NAME}=") and "max-age=0" in header and "httponly" in header
    assert client.delete(ROUTE_PATH, headers={"Origin": "https://evil.example"}).status_code == 403


def test_mounting_the_route_is_what_serving_routes_reports(client):
    assert routes.serving_routes()
