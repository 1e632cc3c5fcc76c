"""Reference data: the volunteer desks — each gate of City Hall and the joint service centre. Loading again
adds only those missing and keeps an administrator's edits."""

from __future__ import annotations

from django.db import transaction

from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.counters.models import Post

POSTS: list[tuple[str, str]] = [
    ("service-centre", "聯合服務中心"),
    ("east-gate", "市政大樓東門"),
    ("west-gate", "市政大樓西門"),
    ("south-gate", "市政大樓南門"),
    ("north-gate", "市政大樓北門"),
]


def load() -> list[str]:
    existing = set(Post.objects.values_list("code", flat=True))
    added = 0
    for order, (code, name) in enumerate(POSTS, start=1):
        if code in existing:
            continue
        with transaction.atomic():
            post = Post.objects.create(code=code, name=name, sort_order=order * 10)
            record_change(actor=SYSTEM, action="counters.post_create", target=post,
                          after=snapshot(post, ["code", "name", "sort_order"]))
        added += 1
    return [f"{added} volunteer posts"] if added else []
