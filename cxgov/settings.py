"""Environment → one frozen Settings object. Every setting is documented in the README."""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_FILE = PROJECT_ROOT / "db" / "cxgov.sqlite3"
DEFAULT_AUDIT_KEY_FILE = PROJECT_ROOT / "db" / "audit.key"
ANCHORS_FILE_NAME = "audit-anchors.txt"  # beside the generated audit key file
LANGUAGES = ("en", "nl")
ENVIRONMENTS = ("development", "production")
# CXGOV_AUTH_MODE: sign-in with local accounts, company single sign-on (OpenID Connect), or the demo picker
AUTH_MODES = ("local", "sso", "acting-as")
DEFAULT_TIME_ZONE = "Europe/Amsterdam"  # where most installations are; stored times stay UTC whatever it says


class SettingsError(ValueError):
    """A setting has a value cxgov refuses to start with."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    audit_key: bytes = field(repr=False)  # never printed in logs or tracebacks
    language: str
    password_min_length: int = 12  # local accounts; see load_settings for the bounds
    lockout_threshold: int = 5
    lockout_minutes: int = 15
    environment: str = "development"  # CXGOV_ENV; production is checked by cxgov.production at start
    auth_mode: str = "local"  # CXGOV_AUTH_MODE, one of AUTH_MODES
    sso_create_viewers: bool = False  # CXGOV_SSO_CREATE_VIEWERS: an unknown e-mail becomes a viewer
    sso_trust_email: bool = False  # CXGOV_SSO_TRUST_EMAIL: the provider vouches for every address it sends
    sso_use_preferred_username: bool = False  # CXGOV_SSO_USE_PREFERRED_USERNAME: a sign-in name may be the address
    session_hours: int = 12  # CXGOV_SESSION_HOURS: how long a sign-in lasts across tabs and refreshes
    check_in_cadence_days: int = 30  # a running initiative without a check-in for longer is flagged amber
    spend_tolerance_pct: int = 10  # spend above the plan to date by more than this is flagged red
    audit_anchor_file: Path | None = None  # CXGOV_AUDIT_ANCHOR_FILE: where anchors of the audit chain are appended
    time_zone: str = DEFAULT_TIME_ZONE  # CXGOV_TIME_ZONE: event times (audit log, moves) are shown in it

    @property
    def local_sign_in(self) -> bool:
        """People sign in with their local account (e-mail and password)."""
        return self.auth_mode == "local"

    @property
    def sso_sign_in(self) -> bool:
        """People sign in through the company's identity provider (OpenID Connect, Streamlit's st.login)."""
        return self.auth_mode == "sso"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def acting_as_allowed(self) -> bool:
        """The "acting as" picker of the local demo mode: only when chosen, only on SQLite, never in production.

        load_settings refuses the mode on any other database; cxgov.production refuses it in production.
        """
        return self.auth_mode == "acting-as" and self.is_sqlite and not self.is_production


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be true or false, not {raw!r}")


def _whole_number(name: str, default: int, minimum: int, maximum: int) -> int:
    """A whole-number setting within [minimum, maximum], or a SettingsError naming it."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    text = raw.strip()
    # Only the digits 0–9: int() alone would also read '1_000' and Arabic-Indic or full-width digits.
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise SettingsError(f"{name} must be a whole number (digits 0–9), not {raw!r}")
    # More digits than the maximum has is out of range (and int() refuses thousands of digits outright).
    if len(text.lstrip("+-0")) > len(str(maximum)) or not minimum <= int(text) <= maximum:
        raise SettingsError(f"{name} must be between {minimum} and {maximum}, not {text[:20]}")
    return int(text)


def _time_zone() -> str:
    """CXGOV_TIME_ZONE as an IANA zone name ("Europe/Amsterdam"), or a SettingsError naming it."""
    raw = (os.environ.get("CXGOV_TIME_ZONE") or "").strip() or DEFAULT_TIME_ZONE
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"CXGOV_TIME_ZONE must be a time zone name such as Europe/Amsterdam, not {raw!r}") from None
    return raw


def _audit_key(database_url: str, production: bool) -> bytes:
    """The HMAC key of the audit chain, kept outside the database.

    Local SQLite mode creates a random key file beside the database on first use so that
    `make run` works without set-up; any other database must get CXGOV_AUDIT_KEY.
    Production never creates a key file (a secret must be chosen, not found lying beside the data):
    a missing (empty) or short key is reported by cxgov.production together with every other problem,
    and the app and the command line refuse to run until it is fixed.
    """
    raw = os.environ.get("CXGOV_AUDIT_KEY")
    if production:
        return (raw or "").encode()
    if raw:
        if len(raw) < 16:  # shorter keys can be brute-forced; 16 chars is the documented floor
            raise SettingsError("CXGOV_AUDIT_KEY must be at least 16 characters long")
        return raw.encode()
    if not database_url.startswith("sqlite"):
        raise SettingsError("CXGOV_AUDIT_KEY is required when the database is not the local SQLite file")
    key_file = Path(os.environ.get("CXGOV_AUDIT_KEY_FILE", DEFAULT_AUDIT_KEY_FILE))
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip().encode()


def _audit_anchor_file(database_url: str, production: bool) -> Path | None:
    """The append-only file of audit-chain anchors: CXGOV_AUDIT_ANCHOR_FILE, else, where local SQLite mode
    generates the audit key file, a file beside it. Otherwise none (production warns, cxgov.production)."""
    raw = os.environ.get("CXGOV_AUDIT_ANCHOR_FILE", "").strip()
    if raw:
        return Path(raw)
    if production or os.environ.get("CXGOV_AUDIT_KEY") or not database_url.startswith("sqlite"):
        return None
    return Path(os.environ.get("CXGOV_AUDIT_KEY_FILE", DEFAULT_AUDIT_KEY_FILE)).parent / ANCHORS_FILE_NAME


def load_settings() -> Settings:
    """Read the environment once into a Settings object (raises SettingsError on bad values)."""
    url = os.environ.get("CXGOV_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_FILE}"
    language = os.environ.get("CXGOV_LANGUAGE", "en")
    if language not in LANGUAGES:
        raise SettingsError(f"CXGOV_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {language!r}")
    environment = os.environ.get("CXGOV_ENV") or "development"
    if environment not in ENVIRONMENTS:
        raise SettingsError(f"CXGOV_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}")
    auth_mode = os.environ.get("CXGOV_AUTH_MODE") or "local"
    if auth_mode not in AUTH_MODES:
        raise SettingsError(f"CXGOV_AUTH_MODE must be one of {', '.join(AUTH_MODES)}, not {auth_mode!r}")
    if auth_mode == "acting-as" and not url.startswith("sqlite"):
        raise SettingsError(
            "CXGOV_AUTH_MODE=acting-as is the local demo mode and needs the local SQLite "
            "database: anyone could act as anyone. Use local or sso for a shared database."
        )
    return Settings(
        database_url=url,
        audit_key=_audit_key(url, production=environment == "production"),
        environment=environment,
        auth_mode=auth_mode,
        language=language,
        sso_create_viewers=_flag("CXGOV_SSO_CREATE_VIEWERS", False),
        sso_trust_email=_flag("CXGOV_SSO_TRUST_EMAIL", False),
        sso_use_preferred_username=_flag("CXGOV_SSO_USE_PREFERRED_USERNAME", False),
        # An hour at least, or people sign in all day; 30 days at most, as long as Streamlit's own identity
        # cookie of company sign-in lasts.
        session_hours=_whole_number("CXGOV_SESSION_HOURS", 12, minimum=1, maximum=720),
        # NIST SP 800-63B: at least 8 characters; above 64 would refuse passphrases people can type.
        password_min_length=_whole_number("CXGOV_PASSWORD_MIN_LENGTH", 12, minimum=8, maximum=64),
        # At least 3, so one typo never locks anybody out; at most 100, or lockout stops meaning anything.
        lockout_threshold=_whole_number("CXGOV_LOCKOUT_THRESHOLD", 5, minimum=3, maximum=100),
        # At least a minute to slow guessing down; at most a day, after which an admin reset is the way.
        lockout_minutes=_whole_number("CXGOV_LOCKOUT_MINUTES", 15, minimum=1, maximum=1440),
        # A week at least (a daily cadence is micromanagement); a year at most, or the rule never fires.
        check_in_cadence_days=_whole_number("CXGOV_CHECK_IN_CADENCE_DAYS", 30, minimum=7, maximum=365),
        spend_tolerance_pct=_whole_number("CXGOV_SPEND_TOLERANCE_PCT", 10, minimum=0, maximum=100),
        audit_anchor_file=_audit_anchor_file(url, production=environment == "production"),
        time_zone=_time_zone(),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests call `get_settings.cache_clear()` after changing the environment)."""
    return load_settings()
