"""Password hashing (argon2id) and the rules a new password must meet.

Pure functions, no database: the accounts service decides who may set which password.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "data" / "common_passwords.txt"
# argon2 hashes input of any length; the bound only stops megabyte "passwords" from costing CPU and memory.
# 256 leaves room for any passphrase (NIST SP 800-63B asks to allow at least 64).
MAX_PASSWORD_LENGTH = 256
# Name and e-mail parts shorter than this ("de", "van", "jo") are too common inside good passwords to refuse.
MIN_PERSONAL_TOKEN = 4

# OWASP Password Storage Cheat Sheet, "Argon2id": "a minimum configuration of 19 MiB of memory, an iteration
# count of 2, and 1 degree of parallelism" (m=19456 KiB, t=2, p=1).
# https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
# The parameters are written into every hash; needs_rehash() notices when they change here.
HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (salted; the string carries the algorithm and its parameters)."""
    return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Does `password` match `password_hash`? A wrong password or a damaged hash is simply False."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Was this hash made with other parameters than today's (so it should be replaced at the next sign-in)?"""
    try:
        return HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash of nothing anyone can type, verified against when there is no account.

    Every sign-in attempt then costs one argon2 verification, so the response time does not tell
    an attacker whether an e-mail address has an account.
    """
    return hash_password("\x00 no account \x00")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The refused common passwords, lower-cased (cxgov/auth/data/common_passwords.txt)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def is_common(password: str) -> bool:
    """On the list, ignoring case, also with the digits and symbols people add around a word (Welkom2026!)."""
    lowered = password.lower()
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", lowered)
    return lowered in common_passwords() or (core != "" and core in common_passwords())


def _personal_tokens(email: str, name: str) -> set[str]:
    """The person's e-mail local part and name, whole and in parts, lower-case, letters and digits only."""
    local = email.split("@", 1)[0].lower()
    words = re.split(r"[^\w]+|_", f"{local} {name.lower()}")
    whole = {re.sub(r"[\W_]+", "", local), re.sub(r"[\W_]+", "", name.lower())}
    return {token for token in whole | set(words) if len(token) >= MIN_PERSONAL_TOKEN}


def password_problem(password: str, *, min_length: int, email: str = "", name: str = "") -> tuple[str, dict] | None:
    """Why `password` may not be used (a message key and its parameters), or None when it is fine.

    Refused: shorter than `min_length`, longer than MAX_PASSWORD_LENGTH, a common password, or one
    containing the person's name or e-mail name (the first guesses of anyone who knows them).
    """
    if len(password) < min_length:
        return "error.account_password_too_short", {"min": min_length}
    if len(password) > MAX_PASSWORD_LENGTH:
        return "error.too_long", {"max": MAX_PASSWORD_LENGTH}
    if is_common(password):
        return "error.account_password_common", {}
    squeezed = re.sub(r"[\W_]+", "", password.lower())
    if any(token in squeezed for token in _personal_tokens(email, name)):
        return "error.account_password_personal", {}
    return None
