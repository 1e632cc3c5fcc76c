"""Audit rows for the demo's bulk-loaded records, written as `audit_record` writes them but many at once.

The demo loads 4,033 releases, each through five audited steps; one `audit_record` call per step (a head
lock and two writes each) would take most of a minute. Here the rows are built in memory with the same
columns, chained with the same hash function from the current head, inserted with bulk_create, and the
head is moved once — under the head's row lock, so the chain stays whole and `audit_verify` passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from secretariat.audit.models import AuditEntry, AuditHead
from secretariat.audit.services import entry_hash

BATCH = 2000


@dataclass(frozen=True)
class Row:
    action: str
    target: Any
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None


def append(rows: list[Row]) -> int:
    """Append `rows` to the chain as the platform (`system`), in order. Call inside a transaction."""
    if not rows:
        return 0
    head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
    seq, prev, now = head.last_seq, head.last_hash, timezone.now()
    entries: list[AuditEntry] = []
    for row in rows:
        seq += 1
        entry = AuditEntry(seq=seq, occurred_at=now, actor=None, actor_label="system", action=row.action,
                           target_type=row.target._meta.label_lower, target_id=str(row.target.pk),
                           target_label=str(row.target)[:200], before=row.before, after=row.after, extra=row.extra,
                           ip_address="", prev_hash=prev)
        entry.hash = prev = entry_hash(entry)
        entries.append(entry)
    AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
    head.last_seq, head.last_hash = seq, prev
    head.save(update_fields=["last_seq", "last_hash"])
    return len(entries)
