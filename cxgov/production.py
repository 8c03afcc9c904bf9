"""Production readiness: the settings and Streamlit options cxgov refuses to run in production with.

`problems()` is pure: the app frame feeds it Streamlit's live options at start, `python -m cxgov check-config`
feeds it what `read_streamlit_options()` finds in the config files and environment. Messages name the setting
or option and the fix, never a secret's value; they are for operators, so they stay in English.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cxgov.auth import sso
from cxgov.settings import Settings

MIN_SECRET_LENGTH = 32  # 32 characters of token_hex = 128 bits: beyond guessing, and what `secrets` suggests
COOKIE_SECRET = "server.cookieSecret"
XSRF = "server.enableXsrfProtection"
ERROR_DETAILS = "client.showErrorDetails"
DATA_EXPORT = "client.disableDataExport"
STREAMLIT_OPTIONS = (COOKIE_SECRET, XSRF, ERROR_DETAILS, DATA_EXPORT)
# Streamlit's own defaults; a cookie secret nobody set is None here (Streamlit makes a random one per process).
STREAMLIT_DEFAULTS = {COOKIE_SECRET: None, XSRF: True, ERROR_DETAILS: "full", DATA_EXPORT: False}
SECRETS_FILE = ".streamlit/secrets.toml"
ENTRY = "streamlit run app.py"  # how the app was started when serve.py's routes are missing
GENERATE = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


@dataclass(frozen=True)
class Problem:
    """One setting cxgov will not run in production with (`refuses`), or a warning the operator should read."""

    setting: str
    message: str
    refuses: bool = True

    def __str__(self) -> str:
        return f"{'ERROR' if self.refuses else 'WARNING'}: {self.setting} {self.message}"


def problems(
    settings: Settings,
    streamlit_options: Mapping[str, object] | None,
    auth_section: Mapping[str, object] | None = None,
    *,
    sign_in_routes: bool | None = None,
) -> list[Problem]:
    """Everything wrong with a production configuration; nothing in development (where defaults must work).

    `streamlit_options` maps the option names in STREAMLIT_OPTIONS to their effective values, with None for
    a cookie secret that was not set deliberately; pass None when the options cannot be known.
    With the options (the full check at start and in check-config) comes `auth_section`, the `[auth]` section
    of the secrets, checked when CXGOV_AUTH_MODE=sso. `sign_in_routes` says whether the running server serves
    the sign-in cookie route (None where that cannot be known, as in check-config).
    """
    if not settings.is_production:
        return []
    found = _settings_problems(settings)
    if sign_in_routes is False and settings.local_sign_in:
        found.append(
            Problem(
                ENTRY,
                (
                    "serves local accounts without the sign-in cookie route: every refresh and new tab would ask to sign "
                    "in again. Start the app through its web entry instead: `streamlit run serve.py`."
                ),
            )
        )
    if streamlit_options is not None:
        found += _streamlit_problems(streamlit_options)
        if settings.sso_sign_in:
            found += [Problem(SECRETS_FILE, message) for message in sso.config_problems(auth_section, production=True)]
    return found


def refusals(found: list[Problem]) -> list[Problem]:
    """The problems that stop cxgov from starting (warnings are only reported)."""
    return [problem for problem in found if problem.refuses]


def _settings_problems(settings: Settings) -> list[Problem]:
    found = []
    if not settings.audit_key:
        found.append(
            Problem(
                "CXGOV_AUDIT_KEY",
                (
                    "is not set. Production never generates a key file: set it to a random secret of at least "
                    f"{MIN_SECRET_LENGTH} characters ({GENERATE}) kept outside the database, the same on every app "
                    "server."
                ),
            )
        )
    elif len(settings.audit_key) < MIN_SECRET_LENGTH:
        found.append(
            Problem(
                "CXGOV_AUDIT_KEY",
                (
                    f"is shorter than {MIN_SECRET_LENGTH} characters, which production refuses. Generate one with "
                    f"{GENERATE}. A new key cannot verify events sealed with the old one: run `python -m cxgov "
                    "verify-audit` and keep its output before switching."
                ),
            )
        )
    if settings.auth_mode == "acting-as":
        found.append(
            Problem(
                "CXGOV_AUTH_MODE",
                (
                    "is acting-as, the local demo mode where anyone can act as anyone. Use local (accounts with "
                    "passwords) or sso (company single sign-on)."
                ),
            )
        )
    if settings.audit_anchor_file is None:
        # A warning, not a refusal: the file is only the first copy of the anchors; an installation may keep
        # them another way (verify-audit's anchor line in its tickets or board pack).
        found.append(
            Problem(
                "CXGOV_AUDIT_ANCHOR_FILE",
                (
                    "is not set, so `python -m cxgov backup` and `verify-audit --append-anchor` keep no anchor of the "
                    "audit trail. Without an anchor kept outside the database, deleting the last audit events and "
                    "rewinding the chain's head goes undetected. Point it at an append-only file and copy its lines off "
                    "the database host (see the README, Audit trail: guarantees and limits)."
                ),
                refuses=False,
            )
        )
    if settings.is_sqlite:
        # A warning, not a refusal: one app server on one host runs well on SQLite (WAL, one writer at a
        # time, online backups), and this check cannot know how many servers will start.
        found.append(
            Problem(
                "CXGOV_DATABASE_URL",
                (
                    "points to a SQLite file. That suits one app server on one host only; several app servers must "
                    "share one PostgreSQL database (see the README, Running in production)."
                ),
                refuses=False,
            )
        )
    return found


def _streamlit_problems(options: Mapping[str, object]) -> list[Problem]:
    found = []
    secret = options.get(COOKIE_SECRET)
    if not secret:
        found.append(
            Problem(
                COOKIE_SECRET,
                (
                    "is not set, so Streamlit makes a random one per process: sign-in cookies break on restart and "
                    "between app servers. Set the same random secret of at least "
                    f"{MIN_SECRET_LENGTH} characters ({GENERATE}) on every app server: `cookieSecret` under `[server]` "
                    "in .streamlit/config.toml, or STREAMLIT_SERVER_COOKIE_SECRET."
                ),
            )
        )
    elif len(str(secret)) < MIN_SECRET_LENGTH:
        found.append(
            Problem(
                COOKIE_SECRET,
                (
                    f"is shorter than {MIN_SECRET_LENGTH} characters. Generate one with {GENERATE} and set it on every "
                    "app server."
                ),
            )
        )
    if not _is_true(options.get(XSRF, STREAMLIT_DEFAULTS[XSRF])):
        found.append(
            Problem(
                XSRF,
                (
                    "is off, so other web sites could send requests in a signed-in user's name. Set "
                    "`enableXsrfProtection = true` under `[server]` (or remove the line: true is Streamlit's default)."
                ),
            )
        )
    details = options.get(ERROR_DETAILS, STREAMLIT_DEFAULTS[ERROR_DETAILS])
    if str(details).lower() not in ("none", "false"):
        found.append(
            Problem(
                ERROR_DETAILS,
                (
                    f"is {details!r}, so users would see error details (tracebacks with file paths, SQL and values). "
                    'Set `showErrorDetails = "none"` under `[client]`; details stay in the server log.'
                ),
            )
        )
    if not _is_true(options.get(DATA_EXPORT, STREAMLIT_DEFAULTS[DATA_EXPORT])):
        found.append(
            Problem(
                DATA_EXPORT,
                (
                    "is off, so every table offers Streamlit's own CSV download and copy: cells such as "
                    "=HYPERLINK(...) would run as formulas in Excel, and the audit log could be copied past its audited "
                    "export. Set `disableDataExport = true` under `[client]` (cxgov's .streamlit/config.toml does)."
                ),
            )
        )
    return found


def _is_true(value: object) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1", "yes", "on")


def read_streamlit_options(
    project_dir: Path, home: Path | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, object]:
    """The options Streamlit would read from its config files and environment variables, without Streamlit.

    In Streamlit's order, later wins: ~/.streamlit/config.toml, the project's .streamlit/config.toml, then
    STREAMLIT_* environment variables. Flags given to `streamlit run` cannot be seen here; the app checks
    its live options again at start.
    """
    home = Path.home() if home is None else home
    environ = os.environ if environ is None else environ
    options: dict[str, object] = dict(STREAMLIT_DEFAULTS)
    for path in (home / ".streamlit" / "config.toml", project_dir / ".streamlit" / "config.toml"):
        if path.is_file():
            config = tomllib.loads(path.read_text(encoding="utf-8"))
            for name in STREAMLIT_OPTIONS:
                section, key = name.split(".")
                if key in config.get(section, {}):
                    options[name] = config[section][key]
    for name in STREAMLIT_OPTIONS:
        variable = _environment_variable(name)
        if variable in environ:
            options[name] = environ[variable]
    return options


def _environment_variable(option: str) -> str:
    """Streamlit's variable for an option: server.cookieSecret → STREAMLIT_SERVER_COOKIE_SECRET."""
    snake = "".join(f"_{c}" if c.isupper() else c for c in option.replace(".", "_"))
    return f"STREAMLIT_{snake.upper()}"
