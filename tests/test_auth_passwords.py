"""Passwords are Argon2id hashes; the session key is never a default."""

from __future__ import annotations

import stat

import pytest
from argon2 import PasswordHasher

from auth import passwords
from auth.secret_key import InsecureSecretKey, resolve


def test_a_hash_is_argon2id_salted_and_verifies_only_the_right_password():
    first, second = passwords.hash_password("a long pass phrase"), passwords.hash_password("a long pass phrase")
    assert first.startswith("$argon2id$") and first != second
    assert passwords.verify_password(first, "a long pass phrase")
    assert not passwords.verify_password(first, "a long pass phrasE")


@pytest.mark.parametrize("stored", [None, "", "plain-text", "$argon2id$broken"])
def test_a_missing_or_damaged_hash_never_matches(stored):
    assert not passwords.verify_password(stored, "anything at all")


def test_hashes_made_with_weaker_parameters_are_flagged_for_rehash():
    weak = PasswordHasher(time_cost=1, memory_cost=8192).hash("a long pass phrase")
    assert passwords.needs_rehash(weak)
    assert not passwords.needs_rehash(passwords.hash_password("a long pass phrase"))


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "at least 12"),
        ("li-wei-is-my-name", "user name"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password, message):
    with pytest.raises(passwords.WeakPassword, match=message):
        passwords.check_strength(password, "Li-Wei")


def test_secret_key_file_is_random_private_and_stable(tmp_path):
    path = tmp_path / "secret_key"
    key = resolve(None, path)
    assert len(key) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert resolve(None, path) == key
    assert resolve(None, tmp_path / "other") != key


@pytest.mark.parametrize("weak", ["dev", "changeme", "x" * 31])
def test_a_weak_configured_secret_key_refuses_to_start(weak, tmp_path):
    with pytest.raises(InsecureSecretKey, match="at least 32"):
        resolve(weak, tmp_path / "unused")
    assert not (tmp_path / "unused").exists()
