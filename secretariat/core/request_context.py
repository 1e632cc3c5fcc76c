"""Facts about the current request (client address) that audit rows record, without passing the
request down through every service. Set by `RequestContextMiddleware`; empty outside requests."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

client_ip: ContextVar[str] = ContextVar("client_ip", default="")


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Behind a proxy, REMOTE_ADDR is the proxy; deployments set the real address there
        # (gunicorn's forwarded_allow_ips) rather than trusting a client-sent header here.
        token = client_ip.set(request.META.get("REMOTE_ADDR", "")[:45])
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(token)
