"""Pages for auditors: the audit trail, the personal-data access log, an on-demand chain check and anchor."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from secretariat.audit.constants import ACCESS_CHAIN, AUDIT_CHAIN
from secretariat.audit.selectors import audit_entry_list, audit_verification_latest, personal_data_access_list
from secretariat.audit.services import audit_anchor, audit_verify

PAGE = 50


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
@permission_required("audit.view_auditentry", raise_exception=True)
@require_GET
def entries(request: HttpRequest) -> HttpResponse:
    filters = {key: request.GET.get(key, "").strip()[:80] for key in ("action", "target_type", "target_id")}
    rows = audit_entry_list(user=request.user, before_seq=_int_or_none(request.GET.get("before")), limit=PAGE,
                            **filters)
    return render(request, "audit/entries.html", {
        "rows": rows, "filters": filters, "older": rows[-1].seq if len(rows) == PAGE else None,
        "verification": audit_verification_latest(),
    })


@login_required
@permission_required("audit.view_auditentry", raise_exception=True)
@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    report = audit_verify()
    if report.ok:
        message = _("The audit trail is intact (%(rows)s rows checked).") % {"rows": report.rows_checked}
        messages.success(request, message)
    else:
        messages.error(request, _("The audit trail is broken at row %(seq)s: %(reason)s")
                       % {"seq": report.broken_seq, "reason": report.reason})
    return redirect("audit:entries")


@login_required
@permission_required("audit.view_auditentry", raise_exception=True)
@require_POST
def anchor(request: HttpRequest) -> HttpResponse:
    """Write the chains' tips outside the database now (besides the daily run), e.g. before an inspection."""
    try:
        outcome = audit_anchor()
    except ImproperlyConfigured:
        messages.error(request, _("No anchor file or auditors' address is configured: the anchor was not kept."))
        return redirect("audit:entries")
    tips = outcome.anchor.tips
    messages.success(request, _("Anchored: the audit trail at row %(audit)s, the personal-data access log at row "
                                "%(access)s.") % {"audit": tips[AUDIT_CHAIN].seq, "access": tips[ACCESS_CHAIN].seq})
    return redirect("audit:entries")


@login_required
@permission_required("audit.view_personaldataaccess", raise_exception=True)
@require_GET
def accesses(request: HttpRequest) -> HttpResponse:
    rows = personal_data_access_list(user=request.user, before_id=_int_or_none(request.GET.get("before")),
                                     limit=PAGE)
    return render(request, "audit/accesses.html",
                  {"rows": rows, "older": rows[-1].pk if len(rows) == PAGE else None})
