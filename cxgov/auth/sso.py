"""Company single sign-on (CXGOV_AUTH_MODE=sso): what the `[auth]` section needs, and who an identity is.

Streamlit does the OpenID Connect round trip (`st.login`, Authlib) and keeps the identity's claims in a signed
cookie; cxgov reads those claims strictly here and binds the identity to a person (cxgov.services.sso). This
module is pure: the app frame hands it `st.secrets["auth"]` and `st.user`, `python -m cxgov check-config` what
`read_auth_section` finds.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlparse

from cxgov.auth.tokens import digest
from cxgov.models.inputs_admin import EMAIL_PATTERN

REQUIRED_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
CALLBACK_PATH = "/oauth2callback"  # Streamlit serves the provider's answer here and nowhere else
MIN_COOKIE_SECRET_LENGTH = 32  # as for every other secret (cxgov.production.MIN_SECRET_LENGTH)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")  # where plain HTTP is acceptable (a developer's machine)
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")  # never shown, stored or exported
# The columns' limits: sso_identity.issuer and .subject (OpenID Connect caps `sub` at 255 ASCII characters),
# person.email and person.name.
MAX_ISSUER, MAX_SUBJECT, MAX_EMAIL, MAX_NAME = 500, 255, 254, 120
MAX_SHOWN = 254  # a claimed address is shown and audited up to the longest real address, then cut with "…"


def config_problems(auth: Mapping[str, object] | None, *, production: bool) -> list[str]:
    """What is missing or unsafe in the `[auth]` section, each naming the key and the fix; [] when it works.

    Messages never contain a secret's value. Plain-HTTP redirects are refused in production only: the
    identity cookie would travel unencrypted.
    """
    if not auth:
        return [
            "[auth] is missing from .streamlit/secrets.toml: add it with "
            + ", ".join(REQUIRED_KEYS)
            + " (README, Company single sign-on)."
        ]
    found = [f"[auth] {key} is missing or empty." for key in REQUIRED_KEYS if not str(auth.get(key) or "").strip()]
    secret = str(auth.get("cookie_secret") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET_LENGTH:
        found.append(
            f"[auth] cookie_secret is shorter than {MIN_COOKIE_SECRET_LENGTH} characters; generate one "
            "with python3 -c 'import secrets; print(secrets.token_hex(32))'."
        )
    redirect = str(auth.get("redirect_uri") or "")
    if redirect:
        parsed = urlparse(redirect)
        if not parsed.path.endswith(CALLBACK_PATH):
            found.append(
                f"[auth] redirect_uri must end with {CALLBACK_PATH} (the app's address + {CALLBACK_PATH}), "
                "and be registered with the identity provider exactly so."
            )
        if production and parsed.scheme != "https" and parsed.hostname not in LOCAL_HOSTS:
            found.append(
                "[auth] redirect_uri must use https in production: the sign-in cookie would travel unencrypted."
            )
    return found


def read_auth_section(project_dir: Path, home: Path | None = None) -> dict[str, object] | None:
    """The `[auth]` section Streamlit would read: ~/.streamlit/secrets.toml, then the project's (which wins)."""
    home = Path.home() if home is None else home
    merged: dict[str, object] = {}
    for path in (home / ".streamlit" / "secrets.toml", project_dir / ".streamlit" / "secrets.toml"):
        if path.is_file():
            merged |= tomllib.loads(path.read_text(encoding="utf-8")).get("auth", {})
    return merged or None


class Refusal(StrEnum):
    """Why an identity signed in at the provider gets no access to cxgov (each has its own page text)."""

    NO_SUBJECT = "no_subject"  # the ID token's issuer or subject is missing or unusable
    NO_EMAIL = "no_email"  # the provider sent no e-mail address, so a first sign-in cannot find the person
    INVALID_EMAIL = "invalid_email"  # the address is not one cxgov stores (markup, too long, control characters)
    UNVERIFIED = "unverified"  # the provider did not vouch for the address: anybody could have typed it
    UNKNOWN = "unknown"  # no person has this address: an admin must add them
    ALREADY_BOUND = "already_bound"  # the address belongs to another identity of the same provider
    DEACTIVATED = "deactivated"  # the person's access has ended


@dataclass(frozen=True)
class ClaimedIdentity:
    """Who the provider says signed in: issuer and subject, and the address a first sign-in may bind by."""

    issuer: str
    subject: str
    email: str | None  # lower-case and trusted, or None (then `problem` says why)
    shown: str  # the claimed address as cxgov may show and store it ("" when none was sent)
    problem: Refusal | None = None


def claimed_identity(
    claims: Mapping[str, object], *, trust_email: bool, use_preferred_username: bool
) -> ClaimedIdentity:
    """Read the claims of Streamlit's identity cookie (`st.user`) strictly.

    An address counts as verified only when `email_verified` is the JSON boolean true, or when the administrator
    said the provider vouches for its addresses (CXGOV_SSO_TRUST_EMAIL). The sign-in name (`preferred_username`)
    is used only with CXGOV_SSO_USE_PREFERRED_USERNAME: at some providers people choose it themselves.
    """
    issuer, subject = str(claims.get("iss") or ""), str(claims.get("sub") or "")
    if (
        not issuer
        or not subject
        or len(issuer) > MAX_ISSUER
        or len(subject) > MAX_SUBJECT
        or CONTROL_CHARACTERS.search(issuer + subject)
    ):
        return ClaimedIdentity(
            issuer=shown(issuer), subject=shown(subject), email=None, shown="", problem=Refusal.NO_SUBJECT
        )
    raw, vouched = _claimed_address(claims, trust_email=trust_email, use_preferred_username=use_preferred_username)
    if raw is None:
        return ClaimedIdentity(issuer=issuer, subject=subject, email=None, shown="", problem=Refusal.NO_EMAIL)
    text = raw if isinstance(raw, str) else repr(raw)
    address = text.strip().lower()
    usable = (
        isinstance(raw, str)
        and not CONTROL_CHARACTERS.search(address)
        and len(address) <= MAX_EMAIL
        and EMAIL_PATTERN.match(address) is not None
    )
    problem = None if usable and vouched else Refusal.UNVERIFIED if usable else Refusal.INVALID_EMAIL
    return ClaimedIdentity(
        issuer=issuer, subject=subject, email=None if problem else address, shown=shown(text), problem=problem
    )


def _claimed_address(
    claims: Mapping[str, object], *, trust_email: bool, use_preferred_username: bool
) -> tuple[object | None, bool]:
    """(the claimed address, whether the provider vouches for it), or (None, False) when there is none."""
    email = claims.get("email")
    if email not in (None, ""):
        return email, claims.get("email_verified") is True or trust_email
    username = claims.get("preferred_username")
    if use_preferred_username and isinstance(username, str) and "@" in username:
        return username, True
    return None, False


def shown(value: str) -> str:
    """A claimed value as cxgov shows and stores it: control characters (NUL included) replaced, the length capped."""
    text = CONTROL_CHARACTERS.sub("\ufffd", value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def round_trip_key(claims: Mapping[str, object]) -> str:
    """One company sign-in round trip as a hash: the ID token's issuer, subject, issued-at time and nonce, which
    Streamlit keeps in `st.user`. A refresh or a new tab brings the same; only a new sign-in brings another."""
    return digest(json.dumps([str(claims.get(key, "")) for key in ("iss", "sub", "iat", "nonce")]))


def display_name(claims: Mapping[str, object], email: str) -> str:
    """The name to give a person created from their first sign-in: the provider's, else the address's name."""
    name = CONTROL_CHARACTERS.sub("", str(claims.get("name") or "")).strip()
    return name[:MAX_NAME] if name else email.split("@", 1)[0][:MAX_NAME]
