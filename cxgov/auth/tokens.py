"""Sign-in tokens: random values handed to a browser, of which the database keeps only a hash, and the signed
value of the sign-in cookie that carries one.

Pure functions shared by the sign-in services, the cookie route (cxgov/auth/cookie_route.py) and the app frame. The cookie
is signed with Streamlit's `server.cookieSecret`, which every app server must share (README, Running in
production): a forged or altered cookie is turned away before the database is asked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE_NAME = "cxgov_session"
ROUTE_PATH = "/_cxgov/sign-in-cookie"  # outside Streamlit's reserved /_stcore/, /media/, /component/, /static/
TOKEN_BYTES = 32  # 256 random bits: beyond guessing, whatever the number of sessions
_PURPOSE = b"cxgov sign-in cookie\x00"  # keeps this MAC apart from anything else signed with the same secret


def new_token() -> str:
    """A fresh random token (URL- and cookie-safe text)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(value: str) -> str:
    """What the database stores of a token or ticket: its SHA-256, 64 hex characters."""
    return hashlib.sha256(value.encode()).hexdigest()


def signed(token: str, secret: str) -> str:
    """The cookie value for `token`: the token and its MAC under `secret`."""
    return f"{token}.{_mac(token, secret)}"


def unsigned(cookie_value: str | None, secret: str) -> str | None:
    """The token inside a cookie value, or None when it is missing, malformed or not signed with `secret`."""
    if not cookie_value or "." not in cookie_value or not secret:
        return None
    token, mac = cookie_value.rsplit(".", 1)
    return token if token and hmac.compare_digest(mac, _mac(token, secret)) else None


def _mac(token: str, secret: str) -> str:
    return hmac.new(secret.encode(), _PURPOSE + token.encode(), hashlib.sha256).hexdigest()


def route_path(base_url_path: str | None) -> str:
    """The cookie route under Streamlit's `server.baseUrlPath` (empty when the app is served at the root)."""
    base = (base_url_path or "").strip("/")
    return f"/{base}{ROUTE_PATH}" if base else ROUTE_PATH


def cookie_path(base_url_path: str | None) -> str:
    """The cookie's Path: the whole app, and nothing else on the host when it is served under a base path."""
    base = (base_url_path or "").strip("/")
    return f"/{base}" if base else "/"
