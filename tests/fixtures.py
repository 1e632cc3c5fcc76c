"""Fixtures shared by every app's tests: reference data and named personas.

Permission tests read as stories about these people:

- `secretariat_admin` 王管理 — Secretariat administrator, 文書組
- `secretariat_clerk` 林書記 — Secretariat staff, 機要組
- `liaison` 黃聯絡 — liaison of 交通局
- `agency_head` 吳局長 — head of 交通局
- `outsider` 周聯絡 — liaison of 衛生局 (must not see 交通局's records)
- `civil_affairs_liaison` 蔡聯絡 — liaison of 民政局 (sees the district offices, e.g. 中正區公所)
- `auditor` 許稽核 — read-only auditor
- `councillor` 鄭議員 — city councillor (sees no agency's records)

Every persona is created through `user_create(actor=SYSTEM, ...)`, as an administrator would, so the
role rules (agency, unit) hold for them exactly as for real accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import user_create
from secretariat.core.changes import SYSTEM

PERSONA_PASSWORD = "Taipei-test-2024"
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def client_for(persona: User | None, **client_options: Any) -> Client:
    """A test client signed in as `persona` (anonymous when None)."""
    client = Client(**client_options)
    if persona is not None:
        client.force_login(persona, backend=LOGIN_BACKEND)
    return client


def in_english(client: Client) -> Client:
    """The interface follows the language switch's cookie (core/language.py), not the browser's header."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def english(message: Any) -> str:
    with translation.override("en"):
        return str(message)


def has_project_translations(language: str = "zh_Hant") -> bool:
    """Whether the project ships its own compiled catalogue for `language` (locale/<lang>/LC_MESSAGES)."""
    return any((Path(path) / language / "LC_MESSAGES" / "django.mo").exists() for path in settings.LOCALE_PATHS)


@pytest.fixture
def reference_data(db) -> None:
    """The shipped site settings, office calendars (2023–2026), agencies and Secretariat units."""
    from secretariat.accounts.services import reference as accounts_reference
    from secretariat.core import reference as core_reference

    core_reference.load()
    accounts_reference.load()


@pytest.fixture
def agency_named(reference_data) -> Callable[[str], Agency]:
    return lambda short_name: Agency.objects.get(short_name=short_name)


@pytest.fixture
def make_persona(reference_data) -> Callable[..., User]:
    def make(username: str, display_name: str, role: str, agency: str | None = None,
             unit: str | None = None) -> User:
        fields: dict[str, Any] = {"display_name": display_name, "role": role,
                                  "email": f"{username}@example.invalid"}
        if agency:
            fields["agency"] = Agency.objects.get(short_name=agency)
        if unit:
            fields["unit"] = Unit.objects.get(agency__short_name=agency or "秘書處", name=unit)
        return user_create(actor=SYSTEM, username=username, password=PERSONA_PASSWORD, **fields)

    return make


@pytest.fixture
def secretariat_admin(make_persona) -> User:
    return make_persona("admin", "王管理", Role.SECRETARIAT_ADMIN, "秘書處", "文書組")


@pytest.fixture
def secretariat_clerk(make_persona) -> User:
    return make_persona("clerk", "林書記", Role.SECRETARIAT_STAFF, "秘書處", "機要組")


@pytest.fixture
def liaison(make_persona) -> User:
    return make_persona("liaison", "黃聯絡", Role.AGENCY_LIAISON, "交通局")


@pytest.fixture
def agency_head(make_persona) -> User:
    return make_persona("head", "吳局長", Role.AGENCY_HEAD, "交通局")


@pytest.fixture
def outsider(make_persona) -> User:
    return make_persona("outsider", "周聯絡", Role.AGENCY_LIAISON, "衛生局")


@pytest.fixture
def civil_affairs_liaison(make_persona) -> User:
    """民政局's liaison: 民政局 is the parent of the twelve district offices, 中正區公所 among them."""
    return make_persona("civil", "蔡聯絡", Role.AGENCY_LIAISON, "民政局")


@pytest.fixture
def auditor(make_persona) -> User:
    return make_persona("auditor", "許稽核", Role.AUDITOR)


@pytest.fixture
def councillor(make_persona) -> User:
    return make_persona("councillor", "鄭議員", Role.COUNCILLOR)


@pytest.fixture(name="client_for")
def client_for_fixture(db) -> Callable[..., Client]:
    """`client_for(persona)`: a django test Client signed in as that persona."""
    return client_for


@pytest.fixture
def mail_at_once(monkeypatch) -> None:
    """Mails leave when the writing transaction commits; a test runs inside one transaction that never does.
    With this fixture what would run on commit runs at once, so the test sees the mail its step sends."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
