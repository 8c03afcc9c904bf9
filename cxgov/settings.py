"""Environment → one frozen Settings object. Every setting is documented in the README (tests/test_settings.py
keeps the README's defaults in step with the Settings defaults below, where each default is written once).

Reading the settings never writes a file: local SQLite mode's audit key file is created by `create_audit_key_file`,
which `python -m cxgov migrate` and the app's start call.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_FILE = PROJECT_ROOT / "db" / "cxgov.sqlite3"
DEFAULT_AUDIT_KEY_FILE = PROJECT_ROOT / "db" / "audit.key"
ANCHORS_FILE_NAME = "audit-anchors.txt"  # beside the generated audit key file
LANGUAGES = ("en", "nl")  # the interface languages; cxgov.i18n re-exports them with its catalogues
ENVIRONMENTS = ("development", "production")
# CXGOV_AUTH_MODE: sign-in with local accounts, company single sign-on (OpenID Connect), or the demo picker
AUTH_MODES = ("local", "sso", "acting-as")


class SettingsError(ValueError):
    """A setting has a value cxgov refuses to start with."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    audit_key: bytes = field(repr=False)  # never printed in logs or tracebacks; empty until the key file exists
    language: str = "en"  # CXGOV_LANGUAGE, one of LANGUAGES: the default interface language
    password_min_length: int = 12  # CXGOV_PASSWORD_MIN_LENGTH, local accounts; see load_settings for every bound
    lockout_threshold: int = 5  # CXGOV_LOCKOUT_THRESHOLD: consecutive failed sign-ins that lock a local account
    lockout_minutes: int = 15  # CXGOV_LOCKOUT_MINUTES: how long the lock lasts
    environment: str = "development"  # CXGOV_ENV; production is checked by cxgov.production at start
    auth_mode: str = "local"  # CXGOV_AUTH_MODE, one of AUTH_MODES
    sso_create_viewers: bool = False  # CXGOV_SSO_CREATE_VIEWERS: an unknown e-mail becomes a viewer
    sso_trust_email: bool = False  # CXGOV_SSO_TRUST_EMAIL: the provider vouches for every address it sends
    sso_use_preferred_username: bool = False  # CXGOV_SSO_USE_PREFERRED_USERNAME: a sign-in name may be the address
    session_hours: int = 12  # CXGOV_SESSION_HOURS: how long a sign-in lasts across tabs and refreshes
    check_in_cadence_days: int = 30  # CXGOV_CHECK_IN_CADENCE_DAYS: a running initiative without a check-in for
    # longer is flagged amber
    spend_tolerance_pct: int = 10  # CXGOV_SPEND_TOLERANCE_PCT: spend above the plan to date by more is flagged red
    board_name: str = "CX board"  # CXGOV_BOARD_NAME: the governance body a new meeting is for, unless chosen
    quorum_pct: int = 50  # CXGOV_QUORUM_PCT: the share of members present for a quorum
    board_budget_change_pct: int = 10  # CXGOV_BOARD_BUDGET_CHANGE_PCT: budget changes the board hears about
    board_kpi_move_pct: int = 5  # CXGOV_BOARD_KPI_MOVE_PCT: KPI movements the board hears about (% of the scale)
    pack_template_max_mb: int = 20  # CXGOV_PACK_TEMPLATE_MAX_MB: the largest board pack template an admin uploads
    kpi_min_responses: int = 30  # CXGOV_KPI_MIN_RESPONSES: below this n a computed KPI value is indicative only
    import_max_mb: int = 100  # CXGOV_IMPORT_MAX_MB: the largest survey or readings file an import accepts
    import_max_rows: int = 1_000_000  # CXGOV_IMPORT_MAX_ROWS: the most rows of one file an import reads
    redact_comments: bool = True  # CXGOV_REDACT_COMMENTS: personal data in survey comments is redacted on import
    comment_retention_days: int = 730  # CXGOV_COMMENT_RETENTION_DAYS: survey comments older than this are removed
    audit_anchor_file: Path | None = None  # CXGOV_AUDIT_ANCHOR_FILE: where anchors of the audit chain are appended
    # CXGOV_TIME_ZONE: event times (audit log, moves) are shown in it, and the demo is dated to today on it. The
    # default is where most installations are; stored times stay UTC whatever it says.
    time_zone: str = "Europe/Amsterdam"

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


def default_of(name: str):
    """The default of the Settings field `name`: the class above is the one place each default is written."""
    return next(f.default for f in fields(Settings) if f.name == name)


def _field(variable: str) -> str:
    """The Settings field an environment variable sets: CXGOV_SESSION_HOURS → session_hours."""
    return variable.removeprefix("CXGOV_").lower()


def _flag(variable: str) -> bool:
    """A true-or-false setting from the environment variable, or its Settings default."""
    raw = os.environ.get(variable)
    if raw is None or raw == "":
        return default_of(_field(variable))
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{variable} must be true or false, not {raw!r}")


def _whole_number(variable: str, minimum: int, maximum: int) -> int:
    """A whole-number setting within [minimum, maximum] from the environment variable, or its Settings default;
    a SettingsError names the variable."""
    raw = os.environ.get(variable)
    if raw is None or raw.strip() == "":
        return default_of(_field(variable))
    text = raw.strip()
    # Only the digits 0–9: int() alone would also read '1_000' and Arabic-Indic or full-width digits.
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        raise SettingsError(f"{variable} must be a whole number (digits 0–9), not {raw!r}")
    # More digits than the maximum has is out of range (and int() refuses thousands of digits outright).
    if len(text.lstrip("+-0")) > len(str(maximum)) or not minimum <= int(text) <= maximum:
        raise SettingsError(f"{variable} must be between {minimum} and {maximum}, not {text[:20]}")
    return int(text)


def _board_name() -> str:
    raw = " ".join((os.environ.get("CXGOV_BOARD_NAME") or "").split()) or default_of("board_name")
    if len(raw) > 120 or any(ord(c) < 32 for c in raw):
        raise SettingsError("CXGOV_BOARD_NAME must be a name of at most 120 characters on one line")
    return raw


def _time_zone() -> str:
    """CXGOV_TIME_ZONE as an IANA zone name ("Europe/Amsterdam"), or a SettingsError naming it."""
    raw = (os.environ.get("CXGOV_TIME_ZONE") or "").strip() or default_of("time_zone")
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"CXGOV_TIME_ZONE must be a time zone name such as Europe/Amsterdam, not {raw!r}") from None
    return raw


def _database_url() -> str:
    return os.environ.get("CXGOV_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_FILE}"


def _environment() -> str:
    environment = os.environ.get("CXGOV_ENV") or default_of("environment")
    if environment not in ENVIRONMENTS:
        raise SettingsError(f"CXGOV_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}")
    return environment


def _generated_key_file(database_url: str, production: bool) -> Path | None:
    """Where local SQLite mode keeps its generated audit key (CXGOV_AUDIT_KEY_FILE, default db/audit.key), so that
    `make run` works without set-up. None when CXGOV_AUDIT_KEY is set, on any other database, and in production,
    which never generates a key (a secret must be chosen, not found lying beside the data)."""
    if production or os.environ.get("CXGOV_AUDIT_KEY") or not database_url.startswith("sqlite"):
        return None
    return Path(os.environ.get("CXGOV_AUDIT_KEY_FILE", DEFAULT_AUDIT_KEY_FILE))


def create_audit_key_file() -> Path | None:
    """Create local SQLite mode's random audit key file if the settings call for one and it is missing; returns
    the file created, if any. `python -m cxgov migrate` and the app's start call it before anything is audited."""
    key_file = _generated_key_file(_database_url(), production=_environment() == "production")
    if key_file is None or key_file.exists():
        return None
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(secrets.token_hex(32))
    key_file.chmod(0o600)
    get_settings.cache_clear()  # settings read before held no key
    return key_file


def _audit_key(database_url: str, production: bool) -> bytes:
    """The HMAC key of the audit chain, kept outside the database: CXGOV_AUDIT_KEY, or local SQLite mode's key
    file (empty until `create_audit_key_file` made it; sealing an audit event refuses an empty key).

    Any other database must get CXGOV_AUDIT_KEY. In production a missing (empty) or short key is reported by
    cxgov.production together with every other problem, and the app and the command line refuse to run until it
    is fixed.
    """
    raw = os.environ.get("CXGOV_AUDIT_KEY")
    if production:
        return (raw or "").encode()
    if raw:
        if len(raw) < 16:  # shorter keys can be brute-forced; 16 chars is the documented floor
            raise SettingsError("CXGOV_AUDIT_KEY must be at least 16 characters long")
        return raw.encode()
    key_file = _generated_key_file(database_url, production)
    if key_file is None:
        raise SettingsError("CXGOV_AUDIT_KEY is required when the database is not the local SQLite file")
    return key_file.read_text().strip().encode() if key_file.exists() else b""


def _audit_anchor_file(database_url: str, production: bool) -> Path | None:
    """The append-only file of audit-chain anchors: CXGOV_AUDIT_ANCHOR_FILE, else, where local SQLite mode
    generates the audit key file, a file beside it. Otherwise none (production warns, cxgov.production)."""
    raw = os.environ.get("CXGOV_AUDIT_ANCHOR_FILE", "").strip()
    if raw:
        return Path(raw)
    key_file = _generated_key_file(database_url, production)
    return None if key_file is None else key_file.parent / ANCHORS_FILE_NAME


def load_settings() -> Settings:
    """Read the environment once into a Settings object (raises SettingsError on bad values). Writes nothing."""
    url = _database_url()
    language = os.environ.get("CXGOV_LANGUAGE", default_of("language"))
    if language not in LANGUAGES:
        raise SettingsError(f"CXGOV_LANGUAGE must be one of {', '.join(LANGUAGES)}, not {language!r}")
    environment = _environment()
    auth_mode = os.environ.get("CXGOV_AUTH_MODE") or default_of("auth_mode")
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
        sso_create_viewers=_flag("CXGOV_SSO_CREATE_VIEWERS"),
        sso_trust_email=_flag("CXGOV_SSO_TRUST_EMAIL"),
        sso_use_preferred_username=_flag("CXGOV_SSO_USE_PREFERRED_USERNAME"),
        # An hour at least, or people sign in all day; 30 days at most, as long as Streamlit's own identity
        # cookie of company sign-in lasts.
        session_hours=_whole_number("CXGOV_SESSION_HOURS", minimum=1, maximum=720),
        # NIST SP 800-63B: at least 8 characters; above 64 would refuse passphrases people can type.
        password_min_length=_whole_number("CXGOV_PASSWORD_MIN_LENGTH", minimum=8, maximum=64),
        # At least 3, so one typo never locks anybody out; at most 100, or lockout stops meaning anything.
        lockout_threshold=_whole_number("CXGOV_LOCKOUT_THRESHOLD", minimum=3, maximum=100),
        # At least a minute to slow guessing down; at most a day, after which an admin reset is the way.
        lockout_minutes=_whole_number("CXGOV_LOCKOUT_MINUTES", minimum=1, maximum=1440),
        # A week at least (a daily cadence is micromanagement); a year at most, or the rule never fires.
        check_in_cadence_days=_whole_number("CXGOV_CHECK_IN_CADENCE_DAYS", minimum=7, maximum=365),
        spend_tolerance_pct=_whole_number("CXGOV_SPEND_TOLERANCE_PCT", minimum=0, maximum=100),
        board_name=_board_name(),
        # A quorum of none is no quorum; of more than all members is never reached.
        quorum_pct=_whole_number("CXGOV_QUORUM_PCT", minimum=1, maximum=100),
        board_budget_change_pct=_whole_number("CXGOV_BOARD_BUDGET_CHANGE_PCT", minimum=0, maximum=1000),
        board_kpi_move_pct=_whole_number("CXGOV_BOARD_KPI_MOVE_PCT", minimum=0, maximum=100),
        # A megabyte holds a plain template; above 200 MB the checks and the drawing would hold too much in memory.
        pack_template_max_mb=_whole_number("CXGOV_PACK_TEMPLATE_MAX_MB", minimum=1, maximum=200),
        # Fewer than 10 answers say nothing; above 10,000 no survey KPI would ever count as more than indicative.
        kpi_min_responses=_whole_number("CXGOV_KPI_MIN_RESPONSES", minimum=10, maximum=10_000),
        # A million responses as CSV take about 40 MB; above 2 GB a file no longer fits one upload.
        import_max_mb=_whole_number("CXGOV_IMPORT_MAX_MB", minimum=1, maximum=2000),
        # A row held as text takes about a kilobyte while it is checked: short rows packed into the size limit
        # would otherwise take the server's memory. Re-imports skip known rows, so a larger export can be split.
        import_max_rows=_whole_number("CXGOV_IMPORT_MAX_ROWS", minimum=1, maximum=10_000_000),
        redact_comments=_flag("CXGOV_REDACT_COMMENTS"),
        # A month at least (a survey round must be read); ten years at most (privacy law asks for a limit).
        comment_retention_days=_whole_number("CXGOV_COMMENT_RETENTION_DAYS", minimum=30, maximum=3650),
        audit_anchor_file=_audit_anchor_file(url, production=environment == "production"),
        time_zone=_time_zone(),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests call `get_settings.cache_clear()` after changing the environment)."""
    return load_settings()
