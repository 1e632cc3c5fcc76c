"""Shared pieces of the opinion tests: the monitor persona (媒體事務組) and recording an item as a story."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.media.models.opinion import OpinionItem
from secretariat.media.services.opinion import opinion_item_create

TAIPEI = ZoneInfo("Asia/Taipei")


def at(day: str, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=TAIPEI)


@pytest.fixture
def monitor(make_persona: Any) -> User:
    """張媒體 — Secretariat staff of 媒體事務組: the monitor."""
    return make_persona("monitor", "張媒體", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組")


def agency_id(short_name: str) -> int:
    return Agency.objects.get(short_name=short_name).pk


def record(actor: Any, headline: str = "捷運板南線號誌故障 通勤族受困", *, link: str = "",
           agencies: tuple[str, ...] = ("交通局",), seen_at: dt.datetime | None = None, **fields: Any) -> OpinionItem:
    fields.setdefault("outlet", "北市日報")
    fields.setdefault("medium", "news")
    fields.setdefault("sentiment", "negative")
    fields.setdefault("reach", 12000)
    return opinion_item_create(actor=actor, headline=headline, link=link, seen_at=seen_at or at("2023-09-12"),
                               agency_ids=[agency_id(name) for name in agencies], **fields)
