from __future__ import annotations

import pytest

from luoshi.testing import Cast, make_cast


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture(autouse=True)
def _fast_passwords(settings: object) -> None:
    # The cast signs in with real passwords; a fast hasher keeps each test from spending seconds
    # on PBKDF2. Production keeps Django's default.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def english() -> object:
    """Run a test under English messages, for tests that check what a message says."""
    from django.utils import translation

    with translation.override("en"):
        yield
