"""The audit trail and the personal-data access log over JSON, for auditors and administrators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router

from secretariat.audit import selectors
from secretariat.audit.schemas import AccessOut, AnchorOut, AuditEntryOut, VerifyOut
from secretariat.audit.services import audit_anchor, audit_verify
from secretariat.core.errors import Conflict, PermissionRefused

router = Router(tags=["audit"])


@router.get("/entries", response=list[AuditEntryOut], summary="Audit rows, newest first (keyset: before_seq)")
def entries(request: HttpRequest, before_seq: int | None = None, action: str = "", target_type: str = "",
            target_id: str = "", limit: int = 50) -> Any:
    return selectors.audit_entry_list(user=request.user, before_seq=before_seq, action=action,
                                      target_type=target_type, target_id=target_id, limit=limit)


@router.get("/personal-data-accesses", response=list[AccessOut], summary="Who viewed whose personal data")
def accesses(request: HttpRequest, before_id: int | None = None, subject_type: str = "", subject_id: str = "",
             limit: int = 50) -> Any:
    return selectors.personal_data_access_list(user=request.user, before_id=before_id,
                                               subject_type=subject_type, subject_id=subject_id, limit=limit)


@router.post("/verify", response=VerifyOut, summary="Check the hash chain now")
def verify(request: HttpRequest) -> Any:
    if not request.user.has_perm("audit.view_auditentry"):
        raise PermissionRefused()
    return audit_verify()


@router.post("/anchor", response=AnchorOut, summary="Write the chains' tips outside the database now")
def anchor(request: HttpRequest) -> Any:
    """409 `anchor_not_configured` when neither an anchor file nor an auditors' address is set."""
    if not request.user.has_perm("audit.view_auditentry"):
        raise PermissionRefused()
    try:
        outcome = audit_anchor()
    except ImproperlyConfigured as error:
        raise Conflict(_("No anchor file or auditors' address is configured: the anchor was not kept."),
                       code="anchor_not_configured") from error
    return {"anchored_at": outcome.anchor.anchored_at, "kept_in_file": outcome.path is not None,
            "mailed_to": outcome.mailed_to,
            "tips": [{"chain": name, "seq": tip.seq, "hash": tip.hash}
                     for name, tip in sorted(outcome.anchor.tips.items())]}
