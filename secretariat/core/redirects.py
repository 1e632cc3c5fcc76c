"""The one way to follow a `next` address a form or link sends: only to a page of this site.

A `next` comes from the request, so anyone can make a link or form that carries `next=https://evil.example/`;
following it blindly turns our trusted address into a trampoline for phishing pages.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The request's `next` (POST, then GET) when it points into this site, otherwise `fallback` (a URL or a
    URL name, as `redirect` takes)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                                     require_https=request.is_secure()):
        return candidate
    return resolve_url(fallback)


def redirect_next(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Redirect to `safe_next(request, fallback)`."""
    return HttpResponseRedirect(safe_next(request, fallback))
