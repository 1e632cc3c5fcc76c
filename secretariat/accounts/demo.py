"""Demo accounts, one per persona, all with the password printed by `make run`."""

from __future__ import annotations

from typing import Any

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import user_create
from secretariat.core.changes import SYSTEM

DEMO_PASSWORD = "Taipei-demo-112"

# username, display name, role, agency short name, unit
DEMO_USERS: list[tuple[str, str, str, str | None, str | None]] = [
    ("admin", "王管理", Role.SECRETARIAT_ADMIN, "秘書處", "文書組"),
    ("clerk", "林書記", Role.SECRETARIAT_STAFF, "秘書處", "機要組"),
    ("counter", "陳櫃台", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組"),
    ("media", "張媒體", Role.SECRETARIAT_STAFF, "秘書處", "媒體事務組"),
    ("liaison", "黃聯絡", Role.AGENCY_LIAISON, "交通局", None),
    ("head", "吳局長", Role.AGENCY_HEAD, "交通局", None),
    ("outsider", "周聯絡", Role.AGENCY_LIAISON, "衛生局", None),
    ("auditor", "許稽核", Role.AUDITOR, None, None),
    ("councillor", "鄭議員", Role.COUNCILLOR, None, None),
]


def load() -> list[str]:
    created = 0
    for username, display_name, role, agency_name, unit_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        fields: dict[str, Any] = {"display_name": display_name, "role": role, "email": f"{username}@demo.invalid"}
        if agency_name:
            fields["agency"] = Agency.objects.get(short_name=agency_name)
        if unit_name:
            fields["unit"] = Unit.objects.get(agency=fields["agency"], name=unit_name)
        user_create(actor=SYSTEM, username=username, password=DEMO_PASSWORD, **fields)
        created += 1
    return [f"{created} demo accounts"]


def logins() -> list[tuple[str, str, str]]:
    rows = []
    for username, display_name, role, agency_name, unit_name in DEMO_USERS:
        where = " ".join(part for part in (agency_name, unit_name) if part)
        rows.append((username, DEMO_PASSWORD, f"{display_name} · {Role(role).label} {where}".strip()))
    return rows
