"""Cases over JSON (/api/v1/cases/): the scoped inbox with its tabs, one case with its timeline, its steps, and
routing many cases at once."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pydantic
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router
from ninja.errors import ValidationError

from secretariat.cases.constants import MAX_STEP_FILES, CaseStatus
from secretariat.cases.kinds import decline_reason_label, kind_for
from secretariat.cases.schemas import (
    BulkAssignIn,
    BulkAssignOut,
    CaseDetailOut,
    CaseListOut,
    CaseListQuery,
    StepIn,
    TabOut,
)
from secretariat.cases.selectors import case_get_for, case_redacted, case_timeline_for, case_title_for
from secretariat.cases.selectors.files import case_step_files_for
from secretariat.cases.selectors.inbox import (
    InboxFilter,
    case_inbox_page,
    case_inbox_tab_counts,
    inbox_cursor_parse,
    inbox_filter_checked,
    sort_parse,
)
from secretariat.cases.services import available_steps, case_transition
from secretariat.cases.services.bulk import case_bulk_assign
from secretariat.cases.services.files import FILES_FIELD
from secretariat.core import roc
from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.attachments import AnyUpload
from secretariat.core.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from secretariat.accounts.models import Agency
    from secretariat.cases.models import Case, CaseEvent
    from secretariat.core.models import Attachment

router = Router(tags=["cases"])

DUE_VALUES = {"", "today", "soon", "week", "overdue"}


def _agency(agency: Agency | None) -> dict[str, Any] | None:
    return {"id": agency.pk, "short_name": agency.short_name} if agency else None


def _status_label(value: str) -> str:
    return str(CaseStatus(value).label) if value in CaseStatus.values else value


def _case_out(user: Actor | Viewer, case: Case) -> dict[str, Any]:
    kind = kind_for(case.kind)
    return {
        "id": case.pk, "reference": case.reference, "kind": case.kind, "kind_label": str(kind.label),
        "title": case_title_for(user, case), "redacted": case_redacted(user, case),
        "status": case.status, "status_label": _status_label(case.status),
        "lead_agency": _agency(case.lead_agency), "co_agencies": [_agency(a) for a in case.co_agencies.all()],
        "received_at": case.received_at, "received_on": case.received_on,
        "received_roc": roc.format_slash(case.received_on), "assigned_on": case.assigned_on, "due_on": case.due_on,
        "due_roc": roc.format_slash(case.due_on) if case.due_on else "",
        "due_state": getattr(case, "due_state", ""), "extended": case.extended,
        "extension_requested_until": case.extension_requested_until, "outcome": case.outcome,
        "outcome_label": str(case.get_outcome_display()) if case.outcome else "",
        "reopen_count": case.reopen_count, "decline_reason": case.decline_reason,
        "decline_label": str(decline_reason_label(kind, case.decline_reason)) if case.decline_reason else "",
        "merged_into": case.merged_into.reference if case.merged_into_id and case.merged_into else None,
        "version": case.version,
    }


def _file_out(attachment: Attachment) -> dict[str, Any]:
    return {"id": attachment.id, "name": attachment.original_name, "size": attachment.size,
            "content_type": attachment.content_type,
            "download_url": reverse("api:attachment_download", args=[str(attachment.id)])}


def _event_out(event: CaseEvent, labels: dict[str, Any], files: list[Attachment]) -> dict[str, Any]:
    return {
        "occurred_at": event.occurred_at, "occurred_roc": roc.format_slash(timezone.localdate(event.occurred_at)),
        "actor": event.actor_label, "action": event.action, "action_label": str(labels.get(event.action, event.action)),
        "from_status": event.from_status, "to_status": event.to_status, "agency": _agency(event.agency),
        "note": event.note, "files": [_file_out(attachment) for attachment in files],
    }


def _detail_out(request: HttpRequest, case: Case) -> dict[str, Any]:
    transitions = kind_for(case.kind).workflow.transitions
    labels: dict[str, Any] = {t.name: t.label for t in transitions}
    labels["open"] = _("Registered")
    events = case_timeline_for(user=request.user, case=case)
    files = case_step_files_for(user=request.user, case=case, events=events)
    return {
        **_case_out(request.user, case),
        "timeline": [_event_out(event, labels, files.get(event.pk, [])) for event in events],
        "steps": [{"name": t.name, "label": str(t.label), "requires": list(t.requires)}
                  for t in available_steps(user=request.user, case=case)],
    }


def _list_filter(request: HttpRequest, query: CaseListQuery) -> InboxFilter:
    if query.status and query.status not in CaseStatus.values:
        raise ValidationFailed(_("Unknown status “%(status)s”."), code="unknown_status", field="status",
                               params={"status": query.status[:30]})
    if query.due not in DUE_VALUES:
        raise ValidationFailed(_("`due` is one of “today”, “soon”, “week” or “overdue”."), code="invalid_due",
                               field="due")
    if query.due_from and query.due_to and query.due_from > query.due_to:
        raise ValidationFailed(_("The end of the due range comes before its start."), code="invalid_due_range",
                               field="due_to")
    filters = InboxFilter(kind=query.kind[:30], status=query.status, due=query.due, text=query.text[:100],
                          agency_id=query.agency_id, led=query.led, due_from=query.due_from, due_to=query.due_to,
                          tab=query.tab, sort=sort_parse(query.sort), after=inbox_cursor_parse(query.cursor[:80]))
    return inbox_filter_checked(request.user, filters)


@router.get("", response=CaseListOut, summary="The cases you may see: the inbox's tabs, filters and orders")
def case_list(request: HttpRequest, query: Query[CaseListQuery]) -> dict[str, Any]:
    """Without `tab` or `status`, every case still waiting for someone, soonest due first (not yet routed
    first). Follow `next_cursor` for the next page; it holds the order, so keep `sort` as it was. The filtered
    list as a spreadsheet: `/cases/export/?format=ods|xlsx|csv` with the same parameters (signed in)."""
    filters = _list_filter(request, query)
    page = case_inbox_page(user=request.user, filters=filters, limit=query.limit)
    prefetch_related_objects(page.rows, "co_agencies", "merged_into")
    return {"items": [_case_out(request.user, case) for case in page.rows], "next_cursor": page.next_cursor,
            "sort": page.sort}


@router.get("/tabs", response=list[TabOut], summary="Your inbox's tabs with how many cases each holds")
def case_tabs(request: HttpRequest, query: Query[CaseListQuery]) -> list[dict[str, Any]]:
    """The count of each tab under the other filters given (one COUNT per tab); `code` "" is every open case."""
    counts = case_inbox_tab_counts(user=request.user, filters=_list_filter(request, query))
    return [{"code": entry.tab.code if entry.tab else "", "label": str(entry.tab.label if entry.tab else _("All open")),
             "count": entry.count} for entry in counts]


def _versions(sent: dict[str, int]) -> dict[int, int]:
    """`versions` keyed by case id: a key that is not a case id is refused, not guessed at."""
    for key in sent:
        if not (key.isascii() and key.isdigit() and len(key) <= 18):
            raise ValidationFailed(_("`versions` maps case ids to the versions you saw: “%(key)s” is not a case id."),
                                   code="invalid_versions", field="versions", params={"key": key[:20]})
    return {int(key): value for key, value in sent.items()}


@router.post("/bulk-assign", response=BulkAssignOut, summary="Assign (or re-route) many cases to one agency")
def case_bulk_assign_endpoint(request: SignedInRequest, payload: BulkAssignIn) -> dict[str, Any]:
    """Each case is its own audited `assign` step: a refused case (already assigned, changed since — give
    `versions` — or unknown) does not stop the others, and `refused` says which and why. 403 for anyone
    but the Secretariat's staff; 400 for no ids, more than 200, or an unknown agency."""
    versions = _versions(payload.versions or {})
    result = case_bulk_assign(actor=request.user, case_ids=payload.ids, agency_id=payload.agency, versions=versions)
    return {"assigned": [{"id": case.pk, "reference": case.reference, "version": case.version}
                         for case in result.assigned],
            "refused": [{"id": refusal.case_id, "reference": refusal.reference, "code": refusal.code,
                         "message": refusal.message} for refusal in result.refused]}


@router.get("/{case_id}", response=CaseDetailOut, summary="One case with its timeline and your next steps")
def case_detail(request: HttpRequest, case_id: int) -> dict[str, Any]:
    return _detail_out(request, case_get_for(user=request.user, pk=case_id))


# The step's values as JSON, or the same fields as multipart/form-data with the files beside them.
LIST_FIELDS = {"co_agencies"}
FILES_SCHEMA = {"type": "object", "properties": {
    FILES_FIELD: {"type": "array", "items": {"type": "string", "format": "binary"}, "maxItems": MAX_STEP_FILES}}}
STEP_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": StepIn.model_json_schema()},
    "multipart/form-data": {"schema": {"allOf": [StepIn.model_json_schema(), FILES_SCHEMA]}},
}}}


def _invalid(loc: list[str], message: str, kind: str = "invalid") -> ValidationError:
    return ValidationError([{"loc": loc, "msg": message, "type": kind}])


def _raw_values(request: HttpRequest) -> tuple[Any, list[AnyUpload]]:
    if request.content_type == "multipart/form-data":
        unknown = sorted(set(request.FILES) - {FILES_FIELD})
        if unknown:
            raise _invalid(["body", unknown[0]], str(_("Send files in the field “attachments”.")), "extra_forbidden")
        values = {key: items if key in LIST_FIELDS else items[-1] for key, items in request.POST.lists()}
        return values, request.FILES.getlist(FILES_FIELD)
    try:
        return json.loads(request.body or b"{}"), []
    except ValueError:
        raise _invalid(["body"], str(_("The body is not valid JSON.")), "json_invalid") from None


def _step_input(request: HttpRequest) -> tuple[StepIn, list[AnyUpload]]:
    """The step's values and files, refused with 422 `invalid_input` as a schema-read body would be."""
    values, files = _raw_values(request)
    try:
        return StepIn.model_validate(values), files
    except pydantic.ValidationError as error:
        raise ValidationError([{"loc": ["body", *map(str, item["loc"])], "msg": item["msg"], "type": item["type"]}
                               for item in error.errors(include_url=False)]) from None


@router.post("/{case_id}/steps/{name}", response=CaseDetailOut, summary="Take a step on a case",
             openapi_extra=STEP_BODY)
def case_step(request: SignedInRequest, case_id: int, name: str) -> dict[str, Any]:
    """The step's values (StepIn) as JSON, or as multipart/form-data with up to 10 files in `attachments`: a refused
    file (type, size, content) refuses the whole step with 400 `attachment_rejected` and nothing is written.
    409 `conflict` when `version` is not the case's current version (someone changed it since);
    400 when the step is not allowed now or a value is missing or wrong; 403 when the step is not yours."""
    case = case_get_for(user=request.user, pk=case_id)
    payload, files = _step_input(request)
    data = payload.dict(exclude={"version"}, exclude_none=True)
    changed = case_transition(actor=request.user, case_id=case.pk, name=name[:40], version=payload.version,
                              data=data, files=files)
    try:
        return _detail_out(request, case_get_for(user=request.user, pk=case.pk))
    except NotFound:
        # The step took the case out of the caller's sight (returned for re-routing): still say how it ended.
        return _detail_out(request, changed)
