"""Writing the audit trail and the personal-data access log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.audit.models import (
    GENESIS_HASH,
    AuditEntry,
    AuditHead,
    AuditVerification,
    PersonalDataAccess,
)
from secretariat.core.errors import ValidationFailed
from secretariat.core.request_context import client_ip

HASHED_FIELDS = ("seq", "occurred_at", "actor_id", "actor_label", "action", "target_type", "target_id",
                 "target_label", "before", "after", "extra", "ip_address", "prev_hash")


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 over the canonical JSON of every recorded column and the previous hash."""
    values: dict[str, Any] = {name: getattr(entry, name) for name in HASHED_FIELDS}
    values["occurred_at"] = entry.occurred_at.astimezone(dt.UTC).isoformat()
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _target_fields(target: Any) -> tuple[str, str, str]:
    meta = getattr(target, "_meta", None)
    if meta is not None:
        return meta.label_lower, str(target.pk), str(target)[:200]
    return type(target).__name__.lower(), "", str(target)[:200]


def _entry(*, seq: int, prev_hash: str, actor: Any, action: str, target: Any, before: dict[str, Any] | None,
           after: dict[str, Any] | None, extra: dict[str, Any] | None) -> AuditEntry:
    target_type, target_id, target_label = _target_fields(target)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    entry = AuditEntry(
        seq=seq, occurred_at=timezone.now(), actor=actor if authenticated else None,
        actor_label=actor.get_username() if authenticated else "system", action=action,
        target_type=target_type, target_id=target_id, target_label=target_label,
        before=before, after=after, extra=extra, ip_address=client_ip.get(), prev_hash=prev_hash,
    )
    entry.hash = entry_hash(entry)
    return entry


def audit_record(
    *,
    actor: Any,
    action: str,
    target: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one row to the chain. Runs inside the caller's transaction, so the row exists exactly
    when the change it describes was committed. Appends are serialised by locking the chain head."""
    with transaction.atomic():
        # The head row comes with the migration; get_or_create only matters after a test flush. A head
        # removed to hide tampering restarts at seq 1, which collides with the existing rows and fails.
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
        entry = _entry(seq=head.last_seq + 1, prev_hash=head.last_hash, actor=actor, action=action, target=target,
                       before=before, after=after, extra=extra)
        entry.save()
        head.last_seq, head.last_hash = entry.seq, entry.hash
        head.save(update_fields=["last_seq", "last_hash"])
    return entry


@dataclass(frozen=True)
class AuditRow:
    """One change for `audit_record_many`: what `audit_record` takes, less the actor."""

    action: str
    target: Any
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None


def audit_record_many(*, actor: Any, rows: list[AuditRow], batch_size: int = 2000) -> int:
    """Append many rows at once, exactly as one `audit_record` call each would, in order: for bulk loads
    (the demo), where a head lock and two writes per row would take most of a minute. The head is locked
    once and moved once, so the chain stays whole. Returns how many rows were appended."""
    if not rows:
        return 0
    with transaction.atomic():
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
        seq, prev = head.last_seq, head.last_hash
        entries: list[AuditEntry] = []
        for row in rows:
            seq += 1
            entry = _entry(seq=seq, prev_hash=prev, actor=actor, action=row.action, target=row.target,
                           before=row.before, after=row.after, extra=row.extra)
            prev = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
        head.last_seq, head.last_hash = seq, prev
        head.save(update_fields=["last_seq", "last_hash"])
    return len(entries)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows_checked: int
    broken_seq: int | None = None
    reason: str = ""
    head_hash: str = ""


def audit_chain_check() -> ChainReport:
    """Walk the chain in order and report the first row whose link does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"row {expected_seq} is missing (deleted)")
        if entry.prev_hash != prev_hash:
            return ChainReport(False, checked, entry.seq, f"row {entry.seq} does not link to row {entry.seq - 1}")
        if entry_hash(entry) != entry.hash:
            return ChainReport(False, checked, entry.seq, f"row {entry.seq} was altered after it was written")
        prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    head = AuditHead.objects.filter(pk=1).first() or AuditHead(pk=1)
    if head.last_seq != expected_seq - 1 or head.last_hash != prev_hash:
        return ChainReport(False, checked, expected_seq,
                           f"rows after {expected_seq - 1} are missing (the chain tip is row {head.last_seq})")
    return ChainReport(True, checked, head_hash=prev_hash)


def audit_verify() -> ChainReport:
    """Check the chain and keep the outcome (the nightly job and the command both call this)."""
    report = audit_chain_check()
    AuditVerification.objects.create(ok=report.ok, rows_checked=report.rows_checked,
                                     broken_seq=report.broken_seq, reason=report.reason[:300],
                                     head_hash=report.head_hash)
    return report


def personal_data_access_record(
    *, actor: Any, subject: Any, fields: list[str], reason: str, approved_by: Any = None
) -> PersonalDataAccess:
    """Log that `actor` is being shown `fields` of `subject`'s personal data. Domain views call this
    before they unmask anything; without a stated reason nothing is shown and nothing is logged."""
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationFailed(_("State why you need to see this person's data."), code="reason_required",
                               field="reason")
    if not fields:
        raise ValidationFailed(_("Name the fields to be shown."), code="fields_required")
    subject_type, subject_id, subject_label = _target_fields(subject)
    with transaction.atomic():
        access = PersonalDataAccess.objects.create(
            actor=actor, subject_type=subject_type, subject_id=subject_id, subject_label=subject_label,
            fields=list(fields), reason=reason[:500], approved_by=approved_by,
        )
        audit_record(actor=actor, action="personal_data.view", target=subject,
                     extra={"fields": list(fields), "reason": reason[:500], "access_id": access.pk})
    return access
