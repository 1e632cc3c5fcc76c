"""Error pages in the user's language, in the site layout; JSON for clients that ask for JSON."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ApplicationError
from secretariat.core.http_errors import error_payload

PAGES = {
    400: ("bad_request", _("The address or the form holds a value that is not valid. Go back and check it.")),
    403: ("permission_denied", _("You do not have permission to open this page.")),
    404: ("not_found", _("This page does not exist, or you may not see it.")),
    # DATA_UPLOAD_MAX_MEMORY_SIZE: Django stops reading the request (RequestDataTooBig).
    413: ("too_large", _("The form sent more than the site accepts at once. Attach large files one at a time, "
                         "or shorten the text.")),
    500: ("server_error", _("Something went wrong on our side. The error was logged; please try again later.")),
}


def _respond(request: HttpRequest, status: int, message: Any = None) -> HttpResponse:
    code, default_message = PAGES[status]
    message = message or default_message
    if "application/json" in request.headers.get("Accept", "") or request.path.startswith("/api/"):
        return JsonResponse(error_payload(code, message), status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def refusal_page(request: HttpRequest, error: ApplicationError) -> HttpResponse:
    """A refusal the user can act on (a day the calendar cannot hold, say) as the error page: its status and
    its message in the user's language."""
    return render(request, "error.html", {"status": error.status, "message": error.render()}, status=error.status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    """A request Django refused to read (too large, malformed) or a view's BadRequest with its own message."""
    if isinstance(exception, RequestDataTooBig):
        return _respond(request, 413)
    # Only a view's own BadRequest says something for the user; Django's other refusals name internals.
    said = exception.args[0] if isinstance(exception, BadRequest) and exception.args else None
    return _respond(request, 400, said if isinstance(said, str | Promise) else None)


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _respond(request, 403)


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _respond(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _respond(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token: usually a page left open past the session's end."""
    message = _("The form expired or did not come from this site. Reload the page and try again.")
    if "application/json" in request.headers.get("Accept", "") or request.path.startswith("/api/"):
        return JsonResponse(error_payload("csrf_failed", message), status=403,
                            json_dumps_params={"ensure_ascii": False})
    return render(request, "error.html", {"status": 403, "message": message}, status=403)
