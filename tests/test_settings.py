"""Settings come from the environment once and refuse values cxgov cannot run with."""

import pytest

from cxgov.settings import SettingsError, load_settings


def test_defaults_use_the_local_sqlite_file_and_a_key_file(monkeypatch, tmp_path):
    monkeypatch.delenv("CXGOV_DATABASE_URL", raising=False)
    monkeypatch.delenv("CXGOV_AUDIT_KEY", raising=False)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    monkeypatch.delenv("CXGOV_AUTH_MODE", raising=False)
    settings = load_settings()
    assert settings.is_sqlite and settings.local_sign_in and not settings.acting_as_allowed  # safe by default
    assert (tmp_path / "audit.key").read_text().encode() == settings.audit_key
    assert load_settings().audit_key == settings.audit_key  # the key file is reused, not regenerated
    assert "audit_key" not in repr(settings)


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
