"""The request as views that answer htmx see it.

django-htmx's middleware (installed in settings) puts `request.htmx` on every request: true when htmx sent
it, with the details of the swap. `HttpRequest` does not declare the attribute, so a view that reads it
takes an `HtmxRequest` and mypy knows what it holds; at run time it is the same request object.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails
