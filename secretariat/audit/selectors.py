"""Reading the audit trail: newest first, keyset-paginated so deep pages stay fast."""

from __future__ import annotations

from django.db.models import QuerySet

from secretariat.audit.models import AuditEntry, AuditVerification, PersonalDataAccess
from secretariat.core.actors import Actor, Viewer
from secretariat.core.errors import PermissionRefused


def _require_auditor(user: Actor | Viewer) -> None:
    if not user.has_perm("audit.view_auditentry"):
        raise PermissionRefused()


def audit_entry_list(
    *, user: Actor | Viewer, before_seq: int | None = None, action: str = "", target_type: str = "",
    target_id: str = "", limit: int = 50,
) -> list[AuditEntry]:
    _require_auditor(user)
    rows: QuerySet[AuditEntry] = AuditEntry.objects.select_related("actor").order_by("-seq")
    if before_seq:
        rows = rows.filter(seq__lt=before_seq)
    if action:
        rows = rows.filter(action__startswith=action)
    if target_type:
        rows = rows.filter(target_type=target_type)
    if target_id:
        rows = rows.filter(target_id=target_id)
    return list(rows[: max(1, min(limit, 200))])


def personal_data_access_list(
    *, user: Actor | Viewer, before_id: int | None = None, subject_type: str = "", subject_id: str = "",
    limit: int = 50,
) -> list[PersonalDataAccess]:
    _require_auditor(user)
    rows: QuerySet[PersonalDataAccess] = PersonalDataAccess.objects.select_related("actor", "approved_by")
    if before_id:
        rows = rows.filter(pk__lt=before_id)
    if subject_type:
        rows = rows.filter(subject_type=subject_type)
    if subject_id:
        rows = rows.filter(subject_id=subject_id)
    return list(rows.order_by("-pk")[: max(1, min(limit, 200))])


def audit_verification_latest() -> AuditVerification | None:
    return AuditVerification.objects.order_by("-checked_at").first()
