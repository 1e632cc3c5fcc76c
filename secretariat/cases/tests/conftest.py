"""Cases to work on: petitions registered the plain way (a Case plus its Petition row), and a second,
minimal kind so the engine is seen to work for kinds it has never heard of.

The petition row is made through the app registry, not an import: the engine (and so its tests) may
not import a domain app (import-linter), yet the petition kind's own effects need the row to exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.utils import timezone

from secretariat.cases import kinds
from secretariat.cases.kinds import CaseKind, Panel
from secretariat.cases.models import Case
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import NOTE_KIND, at, take


@pytest.fixture
def register_petition(reference_data, secretariat_clerk) -> Callable[..., Case]:
    """`register_petition(title, received=..., category_days=None)`: a letter registered by the clerk."""
    petition_model = apps.get_model("petitions", "Petition")
    category_model = apps.get_model("petitions", "Category")

    def make(title: str = "信義路路燈不亮", *, received: str = "2023-06-20", category_days: int | None = None) -> Case:
        category = None
        if category_days is not None:
            category, _created = category_model.objects.get_or_create(
                code=f"days-{category_days}", defaults={"name": f"{category_days}日類", "answer_days": category_days})
        with transaction.atomic():
            case = case_open(actor=secretariat_clerk, kind_code="petition", title=title, received_at=at(received))
            petition_model.objects.create(case=case, channel="letter", subject=title, content=f"{title}，請儘速處理。",
                                          category=category)
        return case

    return make


@pytest.fixture
def assigned_petition(register_petition, secretariat_clerk, agency_named) -> Callable[..., Case]:
    """`assigned_petition(agency="交通局", assigned="2023-06-21")`: received the day before, then assigned."""

    def make(agency: str = "交通局", *, assigned: str = "2023-06-21", title: str = "信義路路燈不亮",
             received: str | None = None, **extra: Any) -> Case:
        received_on = received or (dt.date.fromisoformat(assigned) - dt.timedelta(days=1)).isoformat()
        case = register_petition(title, received=received_on, **extra)
        return take(secretariat_clerk, case, "assign", on=assigned, agency=agency_named(agency))

    return make


def _memo_panel(case: Case, user: Any) -> dict[str, Any] | None:
    """Shown only to people who may act for the Secretariat: proves a panel can hide itself."""
    return {"greeting": "memo-panel-visible"} if getattr(user, "role", "").startswith("secretariat") else None


@pytest.fixture
def memo_kind(monkeypatch, tmp_path, settings) -> CaseKind:
    """A kind the engine never named: 3 working days, no total cap, no decline list, one panel."""
    kind = CaseKind(code=NOTE_KIND, label="Memo", prefix="M", answer_days=lambda case: 3)
    monkeypatch.setitem(kinds._KINDS, NOTE_KIND, kind)
    (tmp_path / "memo_panel.html").write_text('<section class="card" id="memo-panel">{{ greeting }} '
                                              '{{ case.reference }} {{ user.username }}</section>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    monkeypatch.setitem(kinds._PANELS, NOTE_KIND, {"memo": Panel("memo", "memo_panel.html", _memo_panel)})
    return kind


@pytest.fixture
def open_memo(memo_kind, secretariat_clerk) -> Callable[..., Case]:
    def make(title: str = "研考會列管備忘", *, received: str = "2023-06-20") -> Case:
        return case_open(actor=secretariat_clerk, kind_code=NOTE_KIND, title=title, received_at=at(received))

    return make


@pytest.fixture
def frozen_today(monkeypatch) -> Callable[[str], None]:
    """`frozen_today("2023-07-03")`: pin 'now' to 10:00 Taipei that day, for everything that asks Django."""

    def pin(day: str, hour: int = 10) -> None:
        moment = at(day, hour)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return pin
