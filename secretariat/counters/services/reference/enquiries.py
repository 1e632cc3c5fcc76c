"""Reference data: the counter's enquiry categories every installation starts with — the six of the
seed's table (壹、六、（一）), each on a number key of the counter screen. An administrator may rename,
reorder, deactivate or add categories; loading again adds only those missing."""

from __future__ import annotations

from secretariat.core.changes import SYSTEM
from secretariat.counters.models import EnquiryCategory
from secretariat.counters.services.enquiries import category_save

# code, name (as the report prints it), English name, keyboard key
CATEGORIES: list[tuple[str, str, str, str]] = [
    ("civil", "民政", "Civil affairs", "1"),
    ("finance", "財政建設", "Finance and development", "2"),
    ("education", "教育", "Education", "3"),
    ("transport", "交通", "Transport", "4"),
    ("works", "工務", "Public works", "5"),
    ("police_health", "警政衛生", "Police and health", "6"),
]


def load() -> list[str]:
    existing = set(EnquiryCategory.objects.values_list("code", flat=True))
    added = 0
    for order, (code, name, name_en, hotkey) in enumerate(CATEGORIES, start=1):
        if code not in existing:
            category_save(actor=SYSTEM, code=code, name=name, name_en=name_en, hotkey=hotkey,
                          sort_order=order * 10)
            added += 1
    return [f"{added} enquiry categories"] if added else []
