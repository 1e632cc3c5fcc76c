"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), so that existing 311 apps can file
and follow petitions. JSON only.

- Services are the active petition categories (service_code = category code).
- A service request is a petition; its service_request_id is the case number.
- Reading is public and shows no personal data: the subject stands for the description, the place of
  the problem for the address, and petitions needing secrecy are left out altogether.
- Filing needs `api_key`: a personal API token of someone allowed to register petitions. The
  petition is registered with channel "open311" through the same service as staff registration.

Errors are the spec's array of {code, description} with the HTTP status as the code.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.accounts.services import api_token_authenticate
from secretariat.cases.constants import CaseStatus
from secretariat.cases.kinds import decline_reason_label, kind_for
from secretariat.core.errors import ApplicationError
from secretariat.petitions.selectors.open311 import (
    open311_known_codes,
    open311_public_requests,
    open311_service_get,
    open311_services,
)
from secretariat.petitions.services.open311 import open311_request_file

if TYPE_CHECKING:
    from secretariat.petitions.models import Category, Petition

LIMIT = 1000
MAX_SPAN = dt.timedelta(days=90)
# The moments a window may reach: a day inside the calendar's ends (0001-01-01, 9999-12-31), so that the day
# bounds of the search (a day either side, in Taipei) and the database's UTC stay days there are.
EARLIEST = dt.datetime(1, 1, 2, tzinfo=dt.UTC)
LATEST = dt.datetime(9999, 12, 30, tzinfo=dt.UTC)
DESCRIPTION_LIMIT = 4000  # the spec's limit for a request's description
SUBJECT_CHARS = 60
OPEN = (CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.RETURNED, CaseStatus.ANSWERED)
CLOSED = (CaseStatus.CLOSED, CaseStatus.DECLINED, CaseStatus.MERGED)


class Open311Error(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def _json(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False), status=status,
                        content_type="application/json; charset=utf-8")


def _error(error: Open311Error) -> HttpResponse:
    return _json([{"code": error.status, "description": error.description}], status=error.status)


def _check_format(fmt: str) -> None:
    if fmt != "json":
        raise Open311Error(400, _("Only the JSON format is offered: ask for the same path ending in .json."))


def _iso(moment: dt.datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def _name(category: Category) -> str:
    english = (get_language() or "").startswith("en")
    return category.name_en if english and category.name_en else category.name


# --- Services ----------------------------------------------------------------------------------------

@require_GET
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        _check_format(fmt)
    except Open311Error as error:
        return _error(error)
    group = _("Petitions to the mayor")
    return _json([{
        "service_code": category.code, "service_name": _name(category),
        "description": category.description or _name(category), "metadata": False, "type": "realtime",
        "keywords": ",".join(word for word in (category.name, category.name_en) if word), "group": group,
    } for category in open311_services()])


# --- Reading service requests ------------------------------------------------------------------------

def _public() -> QuerySet[Petition]:
    return open311_public_requests()


def _status_notes(petition: Petition) -> str:
    case = petition.case
    label = str(CaseStatus(case.status).label)
    if case.status == CaseStatus.DECLINED and case.decline_reason:
        return f"{label}: {decline_reason_label(kind_for(case.kind), case.decline_reason)}"
    if case.status == CaseStatus.MERGED and case.merged_into:
        return _("Merged into %(reference)s") % {"reference": case.merged_into.reference}
    return label


def _request_json(petition: Petition) -> dict[str, Any]:
    """One petition as a GeoReport service request. Never any field of the petitioner."""
    case, category = petition.case, petition.category
    return {
        "service_request_id": case.reference,
        "status": "closed" if case.status in CLOSED else "open",
        "status_notes": _status_notes(petition),
        "service_name": _name(category) if category else None,
        "service_code": category.code if category else None,
        "description": petition.subject,
        "agency_responsible": case.lead_agency.name if case.lead_agency else None,
        "service_notice": None,
        "requested_datetime": _iso(case.received_at),
        "updated_datetime": _iso(case.updated_at),
        # The due day, as its last moment in Taipei: the answer is expected by then.
        "expected_datetime": (_iso(timezone.make_aware(dt.datetime.combine(case.due_on, dt.time(23, 59, 59))))
                              if case.due_on and case.status in OPEN else None),
        "address": petition.location or None,
        "address_id": None,
        "zipcode": None,
        "lat": float(petition.latitude) if petition.latitude is not None else None,
        "long": float(petition.longitude) if petition.longitude is not None else None,
        "media_url": None,
    }


def _moment(value: str, name: str, *, end: bool) -> dt.datetime:
    """A w3c datetime (a bare date means the start, or for end_date the end, of that day in Taipei)."""
    try:
        moment = parse_datetime(value)
        day = parse_date(value) if moment is None else None
    except ValueError:  # well-formed but impossible, such as month 13
        moment = day = None
    if moment is None:
        if day is None:
            raise Open311Error(400, _("%(name)s is not a date and time like 2023-07-01T08:00:00+08:00.")
                               % {"name": name})
        moment = _day_start(day, name, following=end)
    moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
    if not EARLIEST <= moment <= LATEST:
        raise _outside(name)
    return moment


def _day_start(day: dt.date, name: str, *, following: bool) -> dt.datetime:
    """The first moment of `day`, or of the day after when `following`."""
    try:
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(days=1 if following else 0)
    except OverflowError:
        raise _outside(name) from None


def _outside(name: str) -> Open311Error:
    return Open311Error(400, _("%(name)s must fall between 0001-01-03 and 9999-12-29.") % {"name": name})


def _shifted(moment: dt.datetime, span: dt.timedelta) -> dt.datetime:
    """`moment` moved by `span`, kept inside EARLIEST–LATEST (the window's other end when only one is asked)."""
    try:
        return min(max(moment + span, EARLIEST), LATEST)
    except OverflowError:
        return EARLIEST if span < dt.timedelta() else LATEST


def _window(params: Any) -> tuple[dt.datetime, dt.datetime]:
    """The requested_datetime range: at most 90 days; the last 90 days when nothing is asked."""
    start_text, end_text = params.get("start_date", "").strip(), params.get("end_date", "").strip()
    start = _moment(start_text, "start_date", end=False) if start_text else None
    end = _moment(end_text, "end_date", end=True) if end_text else None
    if start is None:
        end = end or timezone.now()
        start = _shifted(end, -MAX_SPAN)
    elif end is None:
        end = _shifted(start, MAX_SPAN)
    if end < start:
        raise Open311Error(400, _("end_date is earlier than start_date."))
    if end - start > MAX_SPAN:
        raise Open311Error(400, _("start_date and end_date may not be more than 90 days apart."))
    return start, end


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _search(params: Any) -> QuerySet[Petition]:
    rows = _public()
    references = _codes(params.get("service_request_id", ""))
    if references:  # the spec: this overrides every other argument
        return rows.filter(case__reference__in=references[:LIMIT])
    codes = _codes(params.get("service_code", ""))
    if codes:
        known = open311_known_codes(codes=codes)
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise Open311Error(400, _("Unknown service_code: %(codes)s.") % {"codes": ", ".join(unknown)[:200]})
        rows = rows.filter(category__code__in=codes)
    statuses = _codes(params.get("status", ""))
    if any(status not in ("open", "closed") for status in statuses):
        raise Open311Error(400, _("status may be open, closed, or both separated by a comma."))
    if set(statuses) == {"open"}:
        rows = rows.filter(case__status__in=OPEN)
    elif set(statuses) == {"closed"}:
        rows = rows.filter(case__status__in=CLOSED)
    start, end = _window(params)
    # The day bounds let the (kind, received_on) index narrow the rows; the times are exact.
    return rows.filter(case__received_on__gte=timezone.localdate(start) - dt.timedelta(days=1),
                       case__received_on__lte=timezone.localdate(end) + dt.timedelta(days=1),
                       case__received_at__gte=start, case__received_at__lte=end)


def _requests_get(request: HttpRequest) -> HttpResponse:
    rows = _search(request.GET).order_by("-case__received_at", "-pk")[:LIMIT]
    return _json([_request_json(petition) for petition in rows])


@require_GET
def request_detail(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    try:
        _check_format(fmt)
        petition = _public().filter(case__reference=reference).first()
        if petition is None:
            raise Open311Error(404, _("There is no service request %(id)s.") % {"id": reference[:20]})
    except Open311Error as error:
        return _error(error)
    return _json([_request_json(petition)])


# --- Filing a service request ------------------------------------------------------------------------

def _coordinate(value: str, name: str, limit: int) -> Decimal:
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise Open311Error(400, _("%(name)s is not a number.") % {"name": name}) from None
    if not number.is_finite() or abs(number) > limit:
        raise Open311Error(400, _("%(name)s must be between -%(limit)s and %(limit)s.")
                           % {"name": name, "limit": limit})
    return number.quantize(Decimal("0.000001"))


def _person_name(first: str, last: str) -> str:
    """Chinese names are written family name first, with no space; others first name first."""
    first, last = first.strip(), last.strip()
    if any(ord(char) > 0x2E80 for char in first + last):
        return f"{last}{first}"
    return f"{first} {last}".strip()


def _subject(description: str) -> str:
    line = next((part.strip() for part in description.splitlines() if part.strip()), "")
    return line if len(line) <= SUBJECT_CHARS else f"{line[:SUBJECT_CHARS - 1]}…"


def _requests_post(request: HttpRequest) -> HttpResponse:
    params = request.POST
    actor = api_token_authenticate(params.get("api_key", "").strip())
    if actor is None:
        raise Open311Error(403, _("Invalid api_key: use a personal API token of someone allowed to register "
                                  "petitions."))
    code = params.get("service_code", "").strip()
    if not code:
        raise Open311Error(400, _("service_code is required."))
    category = open311_service_get(code=code)
    if category is None:
        raise Open311Error(400, _("Unknown service_code: %(codes)s.") % {"codes": code[:60]})
    lat, long = params.get("lat", "").strip(), params.get("long", "").strip()
    address = (params.get("address_string", "") or params.get("address_id", "")).strip()
    if bool(lat) != bool(long):
        raise Open311Error(400, _("Give both lat and long, or neither."))
    if not (lat or address):
        raise Open311Error(400, _("A location is required: lat and long, or address_string."))
    latitude = _coordinate(lat, "lat", 90) if lat else None
    longitude = _coordinate(long, "long", 180) if long else None
    description = params.get("description", "").strip()
    if not description:
        raise Open311Error(400, _("description is required: say what the petition is about."))
    if len(description) > DESCRIPTION_LIMIT:
        raise Open311Error(400, _("description may be at most %(limit)s characters long.")
                           % {"limit": DESCRIPTION_LIMIT})
    try:
        registered = open311_request_file(
            actor=actor, category=category, subject=_subject(description), description=description,
            petitioner_name=_person_name(params.get("first_name", ""), params.get("last_name", ""))[:100],
            petitioner_email=params.get("email", ""), petitioner_phone=params.get("phone", ""),
            address=address[:200], latitude=latitude, longitude=longitude,
        )
    except ApplicationError as error:
        raise Open311Error(error.status, error.render()) from None
    return _json([{"service_request_id": registered.petition.case.reference,
                   "service_notice": _("Registered as petition %(reference)s.")
                   % {"reference": registered.petition.case.reference},
                   "account_id": None}], status=201)


# A program posting with its api_key has no session cookie to protect; reading needs no token at all.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        _check_format(fmt)
        return _requests_post(request) if request.method == "POST" else _requests_get(request)
    except Open311Error as error:
        return _error(error)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return _error(Open311Error(404, _("There is no such Open311 resource. This server offers services.json, "
                                      "requests.json and requests/{id}.json.")))
