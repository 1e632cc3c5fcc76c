"""Personas and helpers of the press tests, beside the shared ones of tests/fixtures.py:

- `media_officer` 張媒體 — Secretariat staff in 媒體事務組: approves for the media unit, publishes, corrects
- `media_head` 李組長 — head of 媒體事務組 (holds media.approve_as_unit_head): first approval of its releases
- `media_writer` 陳撰稿 — Secretariat staff in 媒體事務組 who drafts the Secretariat's releases
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.core.changes import SYSTEM
from secretariat.media.models import PressRelease
from secretariat.media.services import releases as services

BODY = "<p>本局將於週末實施交通管制。</p>"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()  # the public pages' cache must not leak from one test into another


@pytest.fixture
def media_officer(make_persona: Any) -> User:
    return make_persona("media", "張媒體", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組")


@pytest.fixture
def media_writer(make_persona: Any) -> User:
    return make_persona("writer", "陳撰稿", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組")


@pytest.fixture
def media_head(make_persona: Any) -> User:
    head: User = make_persona("mediahead", "李組長", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組")
    head.user_permissions.add(Permission.objects.get(content_type__app_label="media", codename="approve_as_unit_head"))
    return User.objects.get(pk=head.pk)  # a fresh object: permissions are cached on the instance


def approved(writer: User, head: User, officer: User, title: str = "週末交通管制") -> PressRelease:
    """A release drafted by `writer`, approved by `head` and then by `officer` (the media unit)."""
    release = services.release_draft(actor=writer, title=title, body=BODY)
    release = services.release_submit(actor=writer, release_id=release.pk, version=release.version)
    release = services.release_approve_unit(actor=head, release_id=release.pk, version=release.version)
    return services.release_approve_media(actor=officer, release_id=release.pk, version=release.version)


def published(writer: User, head: User, officer: User, title: str = "週末交通管制") -> PressRelease:
    release = approved(writer, head, officer, title)
    return services.release_publish(actor=officer, release_id=release.pk, version=release.version)


def system_published(title: str, agency: Any) -> PressRelease:
    release = services.release_draft(actor=SYSTEM, title=title, body=BODY, agency=agency)
    for step in (services.release_submit, services.release_approve_unit, services.release_approve_media,
                 services.release_publish):
        release = step(actor=SYSTEM, release_id=release.pk, version=release.version)
    return release
