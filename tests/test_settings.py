"""Settings come from the environment once and refuse values cxgov cannot run with."""

import re
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from cxgov import audit, settings
from cxgov.db import session_scope
from cxgov.settings import (
    DEFAULT_AUDIT_KEY_FILE,
    DEFAULT_DATABASE_FILE,
    PROJECT_ROOT,
    Settings,
    SettingsError,
    create_audit_key_file,
    get_settings,
    load_settings,
)


def test_defaults_use_the_local_sqlite_file_and_a_key_file(monkeypatch, tmp_path):
    monkeypatch.delenv("CXGOV_DATABASE_URL", raising=False)
    monkeypatch.delenv("CXGOV_AUDIT_KEY", raising=False)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    monkeypatch.delenv("CXGOV_AUTH_MODE", raising=False)
    create_audit_key_file()  # what `migrate` and the app's start do
    loaded = load_settings()
    assert loaded.is_sqlite and loaded.local_sign_in and not loaded.acting_as_allowed  # safe by default
    assert (tmp_path / "audit.key").read_text().encode() == loaded.audit_key
    assert create_audit_key_file() is None
    assert load_settings().audit_key == loaded.audit_key  # the key file is reused, not regenerated
    assert "audit_key" not in repr(loaded)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CXGOV_LANGUAGE", "de", "CXGOV_LANGUAGE"),
        ("CXGOV_AUDIT_KEY", "short", "at least 16"),
        ("CXGOV_SSO_CREATE_VIEWERS", "maybe", "true or false"),
        ("CXGOV_AUTH_MODE", "oidc", "CXGOV_AUTH_MODE must be one of local, sso, acting-as"),
    ],
)
def test_bad_values_are_refused_with_the_setting_named(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()


def test_postgresql_needs_an_audit_key_and_refuses_the_demo_mode(monkeypatch):
    monkeypatch.setenv("CXGOV_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    monkeypatch.delenv("CXGOV_AUDIT_KEY", raising=False)
    with pytest.raises(SettingsError, match="CXGOV_AUDIT_KEY is required"):
        load_settings()
    monkeypatch.setenv("CXGOV_AUDIT_KEY", "k" * 32)
    assert load_settings().local_sign_in
    monkeypatch.setenv("CXGOV_AUTH_MODE", "acting-as")
    with pytest.raises(SettingsError, match="needs the local SQLite database"):
        load_settings()


def test_the_demo_picker_only_when_chosen(monkeypatch, tmp_path):
    monkeypatch.delenv("CXGOV_DATABASE_URL", raising=False)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    for mode, picker in (("local", False), ("sso", False), ("acting-as", True)):
        monkeypatch.setenv("CXGOV_AUTH_MODE", mode)
        assert load_settings().acting_as_allowed == picker


def _fresh_project_root(monkeypatch, root: Path) -> None:
    """Settings as on a fresh checkout at `root`: local SQLite mode, no key set, no key file yet."""
    for name in ("CXGOV_DATABASE_URL", "CXGOV_AUDIT_KEY", "CXGOV_AUDIT_KEY_FILE", "CXGOV_AUDIT_ANCHOR_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(settings, "DEFAULT_DATABASE_FILE", root / "db" / "cxgov.sqlite3")
    monkeypatch.setattr(settings, "DEFAULT_AUDIT_KEY_FILE", root / "db" / "audit.key")


def test_reading_the_settings_writes_nothing_and_migrate_or_the_app_creates_the_key_file(monkeypatch, tmp_path):
    _fresh_project_root(monkeypatch, tmp_path)
    loaded = load_settings()
    assert list(tmp_path.rglob("*")) == []
    assert loaded.audit_key == b"" and loaded.audit_anchor_file == tmp_path / "db" / "audit-anchors.txt"
    key_file = tmp_path / "db" / "audit.key"
    assert create_audit_key_file() == key_file
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert load_settings().audit_key == key_file.read_text().encode() and len(load_settings().audit_key) == 64


def test_nothing_is_audited_without_a_key(monkeypatch, tmp_path, engine):
    _fresh_project_root(monkeypatch, tmp_path)
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="no audit key"), session_scope(engine, write=True) as session:
            audit.record(session, actor=audit.SYSTEM, entity="portfolio", entity_id="x", action="create")
    finally:
        get_settings.cache_clear()


def _as_written(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_the_readme_states_the_defaults_the_code_has():
    readme = Path(PROJECT_ROOT, "README.md").read_text()
    documented = dict(re.findall(r"^\| `(CXGOV_[A-Z_]+)` \| `([^`]*)`", readme, flags=re.MULTILINE))
    expected = {
        f"CXGOV_{f.name.upper()}": _as_written(f.default)
        for f in fields(Settings)
        if f.default is not MISSING and f.default is not None
    }
    expected["CXGOV_ENV"] = expected.pop("CXGOV_ENVIRONMENT")
    expected["CXGOV_DATABASE_URL"] = f"sqlite:///{DEFAULT_DATABASE_FILE.relative_to(PROJECT_ROOT)}"
    expected["CXGOV_AUDIT_KEY_FILE"] = str(DEFAULT_AUDIT_KEY_FILE.relative_to(PROJECT_ROOT))
    assert documented == expected
