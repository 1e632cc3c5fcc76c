"""Reference data: the partner associations that give the free consultations (律師公會, 建築師公會, 地政士公會).
Loading again adds only those missing and keeps an administrator's edits."""

from __future__ import annotations

from django.db import transaction

from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.counters.models import Association, ConsultationField

ASSOCIATIONS: list[tuple[str, str]] = [
    ("臺北律師公會", ConsultationField.LEGAL),
    ("臺北市建築師公會", ConsultationField.ARCHITECTURE),
    ("臺北市地政士公會", ConsultationField.LAND),
]


def load() -> list[str]:
    existing = set(Association.objects.values_list("name", flat=True))
    added = 0
    for order, (name, field) in enumerate(ASSOCIATIONS, start=1):
        if name in existing:
            continue
        with transaction.atomic():
            association = Association.objects.create(name=name, field=field, sort_order=order * 10)
            record_change(actor=SYSTEM, action="counters.association_create", target=association,
                          after=snapshot(association, ["name", "field", "sort_order"]))
        added += 1
    return [f"{added} partner associations"] if added else []
