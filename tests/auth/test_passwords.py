"""Password hashing (argon2id with OWASP's parameters), the rules for new passwords, and their settings."""

import pytest

from cxgov.auth.passwords import (
    MAX_PASSWORD_LENGTH,
    common_passwords,
    hash_password,
    is_common,
    needs_rehash,
    password_problem,
    verify_password,
)
from cxgov.settings import SettingsError, load_settings

ANNA = {"email": "anna.devries@example.nl", "name": "Anna de Vries"}


def test_hashes_are_argon2id_with_the_owasp_parameters():
    password_hash = hash_password("lange zin met spaties")
    assert password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "lange zin" not in password_hash
    assert hash_password("lange zin met spaties") != password_hash  # salted


def test_verify_accepts_the_password_and_nothing_else():
    password_hash = hash_password("Fietsbel-Koffie-Regen")
    assert verify_password(password_hash, "Fietsbel-Koffie-Regen")
    assert not verify_password(password_hash, "fietsbel-koffie-regen")
    assert not verify_password(password_hash, "")
    assert not verify_password("not a hash", "Fietsbel-Koffie-Regen")


def test_needs_rehash_when_the_parameters_are_older():
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8_192, parallelism=1).hash("Fietsbel-Koffie-Regen")
    assert needs_rehash(weak)
    assert not needs_rehash(hash_password("Fietsbel-Koffie-Regen"))
    assert needs_rehash("garbage")


def test_the_common_list_is_long_and_holds_the_dutch_favourites():
    listed = common_passwords()
    assert len(listed) >= 500
    assert {"123456", "password", "qwerty", "welkom01", "wachtwoord", "geheim"} <= listed
    assert all(entry == entry.lower() for entry in listed)


@pytest.mark.parametrize(
    "password",
    [
        "Welkom01",
        "WACHTWOORD",
        "Wachtwoord2026!",
        "qwertyuiop123",
        "P@ssw0rd",
        "123456789012",
        "!!Feyenoord1908",
    ],
)
def test_common_passwords_are_refused_whatever_the_case_or_the_digits_around_them(password):
    assert is_common(password)
    assert password_problem(password, min_length=8) == ("error.account_password_common", {})


def test_too_short_and_too_long():
    assert password_problem("Zeven-tk", min_length=12) == ("error.account_password_too_short", {"min": 12})
    too_long = "x" * (MAX_PASSWORD_LENGTH + 1)
    assert password_problem(too_long, min_length=12) == ("error.too_long", {"max": MAX_PASSWORD_LENGTH})


@pytest.mark.parametrize(
    "password",
    [
        "annadevries2026!",
        "Mijn naam is Anna!",
        "VRIES-en-nog-wat",
        "xx-anna.devries-xx",
    ],
)
def test_passwords_containing_the_name_or_email_name_are_refused(password):
    assert password_problem(password, min_length=12, **ANNA) == ("error.account_password_personal", {})


def test_a_good_password_passes():
    assert password_problem("Groene fiets op de kade", min_length=12, **ANNA) is None
    # short name parts ("de") are not refused inside other words
    assert password_problem("Modern deck of cards 77", min_length=12, **ANNA) is None


# --- settings ------------------------------------------------------------------------------------------------


def test_account_settings_have_defaults(monkeypatch):
    for name in ("CXGOV_PASSWORD_MIN_LENGTH", "CXGOV_LOCKOUT_THRESHOLD", "CXGOV_LOCKOUT_MINUTES"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert (settings.password_min_length, settings.lockout_threshold, settings.lockout_minutes) == (12, 5, 15)


def test_account_settings_are_read(monkeypatch):
    monkeypatch.setenv("CXGOV_PASSWORD_MIN_LENGTH", " 16 ")
    monkeypatch.setenv("CXGOV_LOCKOUT_THRESHOLD", "10")
    monkeypatch.setenv("CXGOV_LOCKOUT_MINUTES", "60")
    settings = load_settings()
    assert (settings.password_min_length, settings.lockout_threshold, settings.lockout_minutes) == (16, 10, 60)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CXGOV_PASSWORD_MIN_LENGTH", "twelve", "CXGOV_PASSWORD_MIN_LENGTH must be a whole number"),
        ("CXGOV_PASSWORD_MIN_LENGTH", "6", "CXGOV_PASSWORD_MIN_LENGTH must be between 8 and 64"),
        ("CXGOV_PASSWORD_MIN_LENGTH", "12.5", "whole number"),
        ("CXGOV_LOCKOUT_THRESHOLD", "1", "CXGOV_LOCKOUT_THRESHOLD must be between 3 and 100"),
        ("CXGOV_LOCKOUT_MINUTES", "0", "CXGOV_LOCKOUT_MINUTES must be between 1 and 1440"),
        ("CXGOV_LOCKOUT_MINUTES", "-5", "CXGOV_LOCKOUT_MINUTES"),
        ("CXGOV_LOCKOUT_THRESHOLD", "١٠", "CXGOV_LOCKOUT_THRESHOLD must be a whole number \\(digits 0–9\\)"),
        ("CXGOV_LOCKOUT_MINUTES", "1_000", "CXGOV_LOCKOUT_MINUTES must be a whole number"),
        ("CXGOV_LOCKOUT_MINUTES", "9" * 5_000, "CXGOV_LOCKOUT_MINUTES must be between 1 and 1440"),
    ],
)
def test_bad_account_settings_are_refused_with_the_setting_named(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()
