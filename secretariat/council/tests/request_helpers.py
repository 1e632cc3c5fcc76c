"""Shared story helpers for data-request tests: a term, councillors with portal accounts, filing and steps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from secretariat.accounts.constants import Role
from secretariat.accounts.services import user_create
from secretariat.cases.models import Case
from secretariat.cases.tests.stories import at, take
from secretariat.core.changes import SYSTEM
from secretariat.council.models import Councillor, Term
from secretariat.council.models.requests import DataRequest
from secretariat.council.services.requests import request_file

__all__ = ["at", "file", "make_councillor", "reload", "step", "take"]


def make_councillor(name: str, user: Any = None, *, username: str = "") -> Councillor:
    term, _ = Term.objects.get_or_create(number=14, defaults={"starts_on": dt.date(2022, 12, 25),
                                                              "ends_on": dt.date(2026, 12, 24)})
    if user is None and username:
        user = user_create(actor=SYSTEM, username=username, password="a-long-test-password-1",
                           display_name=name, role=Role.COUNCILLOR, email=f"{username}@example.invalid")
    return Councillor.objects.create(term=term, name=name, user=user, email=f"{name}@example.invalid")


def file(actor: Any, councillor: Councillor, *, on: str = "2025-03-03", **fields: Any) -> DataRequest:
    fields.setdefault("content", "請提供本市公車路線營運資料")
    fields.setdefault("subject", "公車路線營運資料")
    return request_file(actor=actor, councillor_id=councillor.pk, at=at(on), **fields)


def step(actor: Any, request: DataRequest, name: str, *, on: str = "2025-03-03", **data: Any) -> Case:
    return take(actor, request.case, name, on=on, **data)


def reload(request: DataRequest) -> DataRequest:
    return DataRequest.objects.select_related("case").get(pk=request.pk)
