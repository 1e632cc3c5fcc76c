"""Error pages in the user's language, in the site layout; JSON for clients that ask for JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from secretariat.core.http_errors import error_payload

PAGES = {
    403: ("permission_denied", _("You do not have permission to open this page.")),
    404: ("not_found", _("This page does not exist, or you may not see it.")),
    500: ("server_error", _("Something went wrong on our side. The error was logged; please try again later.")),
}


def _respond(request: HttpRequest, status: int) -> HttpResponse:
    code, message = PAGES[status]
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(error_payload(code, message), status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, "error.html", {"status": status, "message": message}, status=status)


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
