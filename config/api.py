"""The one JSON API (/api/v1/). Each app contributes a router; errors share one body."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import BaseRenderer

from secretariat.accounts.api import router as accounts_router
from secretariat.accounts.api.auth import session_auth, token_auth
from secretariat.audit.api import router as audit_router
from secretariat.cases.api import router as cases_router
from secretariat.core.api import router as core_router
from secretariat.core.errors import ApplicationError
from secretariat.core.http_errors import error_payload
from secretariat.core.input_safety import problems
from secretariat.council.api import router as council_router
from secretariat.counters.api import router as counters_router
from secretariat.media.api import router as media_router
from secretariat.notifications.api import router as notifications_router
from secretariat.petitions.api import router as petitions_router
from secretariat.reporting.api import router as reports_router


class ReadableJSONRenderer(BaseRenderer):
    """JSON with Chinese left as characters rather than \\u escapes."""

    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> str:
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


class SecretariatAPI(NinjaAPI):
    """NinjaAPI whose every answer carries the one error body, the 405 for a wrong method included (ninja's own
    is plain text)."""

    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_method_not_allowed(pattern.callback)
        return patterns, app_name, namespace


def _json_method_not_allowed(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @functools.wraps(view)  # keeps csrf_exempt: ninja checks CSRF itself, for session auth only
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = _respond(request, 405, error_payload("method_not_allowed", HTTP_MESSAGES[405]))
            response["Allow"] = allowed
        return response

    return answer


api = SecretariatAPI(
    title="Secretariat API",
    version="1",
    description="臺北市政府秘書處業務平台 API. Authenticate with the browser session (send the CSRF token) "
    "or a personal token: `Authorization: Bearer sec_…`.",
    urls_namespace="api",
    auth=[session_auth, token_auth],
    renderer=ReadableJSONRenderer(),
)

HTTP_CODES = {400: "bad_request", 401: "not_authenticated", 403: "permission_denied", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "too_large", 429: "too_many_requests"}
HTTP_MESSAGES = {
    400: _("The request could not be read. Send valid JSON."),
    401: _("Sign in or send a valid API token."),
    403: _("You do not have permission to do this."),
    404: _("The record does not exist or you may not see it."),
    405: _("This address does not accept that method."),
    413: _("The request is larger than the API accepts."),
    429: _("Too many requests. Wait a moment and try again."),
}


def _respond(request: HttpRequest, status: int, payload: dict[str, Any]) -> HttpResponse:
    return api.create_response(request, payload, status=status)


def refuse_unsafe_arguments(view: Callable[..., Any]) -> Callable[..., Any]:
    """The one input check (core/input_safety.py) for every operation's arguments after ninja has read them:
    path ids and query parameters as well as bodies (whose InputSchema refuses the same values first)."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        path_names = request.resolver_match.kwargs if request.resolver_match else {}
        errors = [{"loc": [_source(name, path_names, request), *path], "msg": str(problem), "type": "unsafe_input"}
                  for name, value in kwargs.items() for path, problem in problems(value, (name,))]
        if errors:
            raise ValidationError(errors)
        return view(request, *args, **kwargs)

    return checked


def _source(name: str, path_names: dict[str, Any], request: HttpRequest) -> str:
    if name in path_names:
        return "path"
    return "query" if name in request.GET else "body"


api.add_decorator(refuse_unsafe_arguments)


@api.exception_handler(ApplicationError)
def on_application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return _respond(request, exc.status, error_payload(exc.code, exc.message, params=exc.params, field=exc.field))


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [{"loc": [str(part) for part in error.get("loc", [])], "msg": error.get("msg", ""),
                "type": error.get("type", "")} for error in exc.errors]
    field = details[0]["loc"][-1] if details and details[0]["loc"] else None
    return _respond(request, 422, error_payload("invalid_input", _("Some of the values are missing or not valid."),
                                                field=field, details=details))


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _respond(request, 401, error_payload("not_authenticated", HTTP_MESSAGES[401]))


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    status = exc.status_code
    message = HTTP_MESSAGES.get(status, _("The request could not be completed."))
    return _respond(request, status, error_payload(HTTP_CODES.get(status, "error"), message))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _respond(request, 404, error_payload("not_found", HTTP_MESSAGES[404]))


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _respond(request, 413, error_payload("too_large", HTTP_MESSAGES[413]))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _respond(request, 403, error_payload("permission_denied", HTTP_MESSAGES[403]))


api.add_router("/", accounts_router)
api.add_router("/", core_router)
api.add_router("/audit/", audit_router)
api.add_router("/cases/", cases_router)
api.add_router("/", notifications_router)
api.add_router("/", petitions_router)
api.add_router("/council/", council_router)
api.add_router("/media/", media_router)
api.add_router("/counters/", counters_router)
api.add_router("/reports/", reports_router)
