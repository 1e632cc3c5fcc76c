"""Reference data: the city's agencies and the Secretariat's units (data/agencies.json).

Loading adds what is missing and leaves existing rows alone, so an administrator's edits survive.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from secretariat.accounts.models import Agency, Unit
from secretariat.accounts.services import agency_save, unit_save
from secretariat.core.changes import SYSTEM

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "agencies.json"


def load() -> list[str]:
    data: dict[str, list[dict[str, Any]]] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    existing = set(Agency.objects.values_list("short_name", flat=True))
    added = 0
    for row in data["agencies"]:
        if row["short_name"] in existing:
            continue
        fields = dict(row)
        if parent := fields.pop("parent", None):
            fields["parent"] = Agency.objects.get(short_name=parent)
        agency_save(actor=SYSTEM, **fields)
        added += 1
    units_added = 0
    for row in data["units"]:
        agency = Agency.objects.get(short_name=row["agency"])
        if not Unit.objects.filter(agency=agency, name=row["name"]).exists():
            unit_save(actor=SYSTEM, **{**row, "agency": agency})
            units_added += 1
    return [f"{added} agencies", f"{units_added} units"]
