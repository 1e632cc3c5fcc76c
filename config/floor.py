"""WSGI entry point for `make bench`: the platform, plus a "floor" endpoint when BENCH_FLOOR=1.

The floor is what any Django request costs before the project adds anything: a request object, a
trivial view and its JSON response, with no middleware and no URL resolution. bench/run.py compares
the real API against it in the same gunicorn process. Without BENCH_FLOOR=1 this module serves exactly
`config.wsgi.application`, so nothing extra is ever reachable in a deployment.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, JsonResponse

from config.wsgi import application as platform_application

FLOOR_PATH = "/__floor__"


def floor_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


def floor_application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    """Answer like Django's WSGIHandler does, minus the middleware chain and URL resolution."""
    response = floor_view(WSGIRequest(environ))
    headers = [*response.items(), *(("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values())]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return response  # the server calls response.close(), which sends request_finished as Django does


def with_floor(app: WSGIApplication) -> WSGIApplication:
    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == FLOOR_PATH:
            return floor_application(environ, start_response)
        return app(environ, start_response)

    return application


application: WSGIApplication = (
    with_floor(platform_application) if os.environ.get("BENCH_FLOOR") == "1" else platform_application
)
