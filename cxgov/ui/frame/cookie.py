"""The sign-in cookie of local accounts, from the page's side: a tiny script asks the cookie route
(cxgov/auth/cookie_route.py) to set it — handing in the one-time ticket of a fresh sign-in — or to clear it after a sign-out.

The page's script never sees the cookie (HttpOnly). The browser sends it with the first request of every new tab
or refresh, which is where Streamlit reads a browser session's cookies from (`st.context.cookies`).
"""

from __future__ import annotations

import secrets

import streamlit as st

from cxgov.auth.tokens import COOKIE_NAME, route_path, unsigned

REQUEST_KEY = "cxgov_cookie_request"  # what the route should do, until it has answered
READ_KEY = "cxgov_cookie_read"  # this browser session's cookie was looked at (it never changes afterwards)

# A same-origin fetch, so the browser attaches and stores the cookie; the answer's status is reported back.
_SCRIPT = """
export default function ({ data, setTriggerValue }) {
  if (!data || !data.url) return;
  fetch(data.url, {
    method: data.method,
    credentials: "same-origin",
    cache: "no-store",
    headers: { "Content-Type": "application/json" },
    body: data.method === "POST" ? JSON.stringify({ ticket: data.ticket }) : undefined,
  }).then((answer) => setTriggerValue("answered", answer.status), () => setTriggerValue("answered", 0));
}
"""
_cookie_request = st.components.v2.component("cxgov_sign_in_cookie", js=_SCRIPT)


def request_cookie(ticket: str) -> None:
    """After a sign-in: have the route set the cookie for this session's ticket (sent by the next run)."""
    st.session_state[REQUEST_KEY] = {"method": "POST", "ticket": ticket, "id": secrets.token_hex(8)}


def request_clear() -> None:
    """After a sign-out, or when the cookie's session has ended: have the route clear the cookie."""
    st.session_state[REQUEST_KEY] = {"method": "DELETE", "ticket": None, "id": secrets.token_hex(8)}


def render_cookie_request() -> None:
    """Send the pending request from the browser, once (a new request gets a new element); forget it when answered."""
    request = st.session_state.get(REQUEST_KEY)
    if request is None:
        return
    with st.sidebar:
        _cookie_request(
            key=f"cxgov_cookie_{request['id']}",
            on_answered_change=_answered,
            data={"url": route_path(st.get_option("server.baseUrlPath")), **request},
        )


def _answered() -> None:
    st.session_state.pop(REQUEST_KEY, None)


def cookie_token() -> str | None:
    """The token in this browser session's sign-in cookie, looked at once per browser session; None when there is
    none or it is not signed with this server's secret (`server.cookieSecret`)."""
    if st.session_state.get(READ_KEY):
        return None
    st.session_state[READ_KEY] = True
    return unsigned(st.context.cookies.get(COOKIE_NAME), st.get_option("server.cookieSecret"))
