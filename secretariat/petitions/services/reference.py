"""Reference data: the petition categories every installation starts with (editable in the admin).

Loading adds the categories that are missing and leaves existing ones alone, so an administrator's
edits (names, answer days, deactivation) survive.
"""

from __future__ import annotations

from secretariat.core.changes import SYSTEM
from secretariat.petitions.models import Category
from secretariat.petitions.services import category_save

# code, name, English name. Each is answered in 6 working days until an administrator says otherwise.
CATEGORIES: list[tuple[str, str, str]] = [
    ("traffic", "交通", "Traffic and transport"),
    ("roads", "道路與路燈", "Roads and street lights"),
    ("sanitation", "環境衛生", "Environment and sanitation"),
    ("building", "建管與都更", "Building control and urban renewal"),
    ("welfare", "社會福利", "Social welfare"),
    ("education", "教育", "Education"),
    ("police", "警政治安", "Police and public safety"),
    ("parks", "公園綠地", "Parks and green space"),
    ("other", "其他", "Other"),
]
ANSWER_DAYS = 6


def load() -> list[str]:
    existing = set(Category.objects.values_list("code", flat=True))
    added = []
    for order, (code, name, name_en) in enumerate(CATEGORIES, start=1):
        if code not in existing:
            category_save(actor=SYSTEM, code=code, name=name, name_en=name_en, answer_days=ANSWER_DAYS,
                            sort_order=order * 10)
            added.append(name)
    return [f"{len(added)} petition categories"] if added else []
