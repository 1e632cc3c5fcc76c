"""Writing the audit trail and the personal-data access log: two append-only chains sealed with a key kept
outside the database (chain.py), anchored outside it (anchors.py), checked by verify.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN, AuditEntry, AuditHead, PersonalDataAccess
from secretariat.audit.services.anchors import Anchor, AnchorOutcome, ChainTip, anchors_read, audit_anchor
from secretariat.audit.services.chain import HASHED_FIELDS, Sealer, access_hash, entry_hash
from secretariat.audit.services.verify import (
    ChainReport,
    Verification,
    access_chain_check,
    audit_chain_check,
    audit_verify,
)
from secretariat.core.actors import Actor, Person, Viewer, person_or_none
from secretariat.core.errors import ValidationFailed
from secretariat.core.request_context import client_ip

__all__ = [
    "HASHED_FIELDS", "Anchor", "AnchorOutcome", "AuditRow", "ChainReport", "ChainTip", "Verification",
    "access_chain_check", "access_hash", "anchors_read", "audit_anchor", "audit_chain_check", "audit_record",
    "audit_record_many", "audit_verify", "entry_hash", "personal_data_access_record",
]


def _target_fields(target: Any) -> tuple[str, str, str]:
    meta = getattr(target, "_meta", None)
    if meta is not None:
        return meta.label_lower, str(target.pk), str(target)[:200]
    return type(target).__name__.lower(), "", str(target)[:200]


def _entry(*, seal: Sealer, seq: int, prev_hash: str, actor: Actor | Viewer | None, action: str, target: Any,
           before: dict[str, Any] | None, after: dict[str, Any] | None, extra: dict[str, Any] | None) -> AuditEntry:
    target_type, target_id, target_label = _target_fields(target)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    person = person_or_none(actor) if authenticated and actor is not None else None
    entry = AuditEntry(
        seq=seq, occurred_at=timezone.now(), actor=person,
        actor_label=person.get_username() if person is not None else "system", action=action,
        target_type=target_type, target_id=target_id, target_label=target_label,
        before=before, after=after, extra=extra, ip_address=client_ip.get(), prev_hash=prev_hash,
    )
    entry.hash = seal(entry)
    return entry


def _locked_head(chain: str) -> AuditHead:
    # The head rows come with the migration; get_or_create only matters after a test flush. A head removed to
    # hide tampering restarts at seq 1, which collides with the existing rows and fails.
    head, _created = AuditHead.objects.select_for_update().get_or_create(chain=chain)
    return head


def _move_head(head: AuditHead, seq: int, last_hash: str) -> None:
    head.last_seq, head.last_hash = seq, last_hash
    head.save(update_fields=["last_seq", "last_hash"])


def audit_record(
    *,
    actor: Actor | Viewer | None,  # anyone but a signed-in person is recorded as `system`
    action: str,
    target: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one row to the chain. Runs inside the caller's transaction, so the row exists exactly
    when the change it describes was committed. Appends are serialised by locking the chain head."""
    with transaction.atomic():
        head = _locked_head(AUDIT_CHAIN)
        entry = _entry(seal=Sealer(AUDIT_CHAIN), seq=head.last_seq + 1, prev_hash=head.last_hash, actor=actor,
                       action=action, target=target, before=before, after=after, extra=extra)
        entry.save()
        _move_head(head, entry.seq, entry.hash)
    return entry


@dataclass(frozen=True)
class AuditRow:
    """One change for `audit_record_many`: what `audit_record` takes, less the actor."""

    action: str
    target: Any
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    extra: dict[str, Any] | None = None


def audit_record_many(*, actor: Actor, rows: list[AuditRow], batch_size: int = 2000) -> int:
    """Append many rows at once, exactly as one `audit_record` call each would, in order: for bulk loads
    (the demo), where a head lock and two writes per row would take most of a minute. The head is locked
    once and moved once, so the chain stays whole; the seals are computed in this one pass in Python (no query
    per row). Returns how many rows were appended."""
    if not rows:
        return 0
    seal = Sealer(AUDIT_CHAIN)
    with transaction.atomic():
        head = _locked_head(AUDIT_CHAIN)
        seq, prev = head.last_seq, head.last_hash
        entries: list[AuditEntry] = []
        for row in rows:
            seq += 1
            entry = _entry(seal=seal, seq=seq, prev_hash=prev, actor=actor, action=row.action, target=row.target,
                           before=row.before, after=row.after, extra=row.extra)
            prev = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=batch_size)
        _move_head(head, seq, prev)
    return len(entries)


def personal_data_access_record(
    *, actor: Person, subject: Any, fields: list[str], reason: str, approved_by: Any = None
) -> PersonalDataAccess:
    """Log that `actor` is being shown `fields` of `subject`'s personal data. Domain views call this
    before they unmask anything; without a stated reason nothing is shown and nothing is logged. The row is
    appended to the access log's own chain (sealed like the audit trail) and mirrored in the audit trail."""
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationFailed(_("State why you need to see this person's data."), code="reason_required",
                               field="reason")
    if not fields:
        raise ValidationFailed(_("Name the fields to be shown."), code="fields_required")
    subject_type, subject_id, subject_label = _target_fields(subject)
    with transaction.atomic():
        # Always the access head before the audit head (audit_record below), so two writers never deadlock.
        head = _locked_head(ACCESS_CHAIN)
        access = PersonalDataAccess(
            seq=head.last_seq + 1, occurred_at=timezone.now(), actor=actor, subject_type=subject_type,
            subject_id=subject_id, subject_label=subject_label, fields=list(fields), reason=reason[:500],
            approved_by=approved_by, prev_hash=head.last_hash,
        )
        access.hash = access_hash(access)
        access.save()
        _move_head(head, access.seq, access.hash)
        audit_record(actor=actor, action="personal_data.view", target=subject,
                     extra={"fields": list(fields), "reason": reason[:500], "access_id": access.pk})
    return access
