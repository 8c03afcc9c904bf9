"""Company single sign-on (CXGOV_AUTH_MODE=sso): what the `[auth]` section needs, and who an identity is.

Streamlit does the OpenID Connect round trip (`st.login`, Authlib) and keeps the identity's claims in a signed
cookie; cxgov only maps the verified e-mail address to a person (cxgov.services.sso). This module is pure: the
app frame hands it `st.secrets["auth"]`, `python -m cxgov check-config` what `read_auth_section` finds.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

REQUIRED_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
CALLBACK_PATH = "/oauth2callback"  # Streamlit serves the provider's answer here and nowhere else
MIN_COOKIE_SECRET_LENGTH = 32  # as for every other secret (cxgov.production.MIN_SECRET_LENGTH)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")  # where plain HTTP is acceptable (a developer's machine)


def config_problems(auth: Mapping[str, object] | None, *, production: bool) -> list[str]:
    """What is missing or unsafe in the `[auth]` section, each naming the key and the fix; [] when it works.

    Messages never contain a secret's value. Plain-HTTP redirects are refused in production only: the
    identity cookie would travel unencrypted.
    """
    if not auth:
        return ["[auth] is missing from .streamlit/secrets.toml: add it with " + ", ".join(REQUIRED_KEYS)
                + " (README, Company single sign-on)."]
    found = [f"[auth] {key} is missing or empty." for key in REQUIRED_KEYS if not str(auth.get(key) or "").strip()]
    secret = str(auth.get("cookie_secret") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET_LENGTH:
        found.append(f"[auth] cookie_secret is shorter than {MIN_COOKIE_SECRET_LENGTH} characters; generate one "
                     "with python3 -c 'import secrets; print(secrets.token_hex(32))'.")
    redirect = str(auth.get("redirect_uri") or "")
    if redirect:
        parsed = urlparse(redirect)
        if not parsed.path.endswith(CALLBACK_PATH):
            found.append(f"[auth] redirect_uri must end with {CALLBACK_PATH} (the app's address + {CALLBACK_PATH}), "
                         "and be registered with the identity provider exactly so.")
        if production and parsed.scheme != "https" and parsed.hostname not in LOCAL_HOSTS:
            found.append("[auth] redirect_uri must use https in production: the sign-in cookie would travel "
                         "unencrypted.")
    return found


def read_auth_section(project_dir: Path, home: Path | None = None) -> dict[str, object] | None:
    """The `[auth]` section Streamlit would read: ~/.streamlit/secrets.toml, then the project's (which wins)."""
    home = Path.home() if home is None else home
    merged: dict[str, object] = {}
    for path in (home / ".streamlit" / "secrets.toml", project_dir / ".streamlit" / "secrets.toml"):
        if path.is_file():
            merged |= tomllib.loads(path.read_text(encoding="utf-8")).get("auth", {})
    return merged or None


def email_of(claims: Mapping[str, object]) -> str | None:
    """The verified e-mail address of an identity, lower-case; None when it has none cxgov can trust.

    Google and Okta send `email` with `email_verified`; Microsoft Entra ID often sends no `email` but the
    sign-in name (`preferred_username`, usually the UPN, which is an address). An identity whose provider
    says the address is *not* verified is refused: anybody could have typed it.
    """
    if claims.get("email_verified") is False or str(claims.get("email_verified", "")).lower() == "false":
        return None
    for key in ("email", "preferred_username"):
        value = str(claims.get(key) or "").strip().lower()
        if "@" in value:
            return value
    return None


def display_name(claims: Mapping[str, object], email: str) -> str:
    """The name to give a person created from their first sign-in: the provider's, else the address's name."""
    name = str(claims.get("name") or "").strip()
    return name[:120] if name else email.split("@", 1)[0]
