"""The browser-side guards every answer carries: a Content-Security-Policy that lets a page load only this
site's own files (so an injected `<script>` or a tampered CDN can do nothing), and a Permissions-Policy that
switches off the device features no page of ours uses. (Referrer-Policy is Django's SECURE_REFERRER_POLICY.)

Django 5.2 has no CSP of its own (6.0 does; see docs/decisions/0012). What must be inline takes the request's
nonce: `<script nonce="{{ request.csp_nonce }}">`. The nonce is made only when a template asks for it and the
policy names it only then, so a page without inline code (all of ours today) stays cacheable: a cached page
whose nonce no longer matches the header would lose its scripts.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Device features no page uses; `()` denies them to the page and to anything it frames.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
    "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "usb", "xr-spatial-tracking",
))


class LazyNonce:
    """A per-request nonce, drawn on first use; `str()` gives it, `used` says whether anyone asked."""

    def __init__(self) -> None:
        self._value = ""

    def __str__(self) -> str:
        if not self._value:
            self._value = secrets.token_urlsafe(18)
        return self._value

    @property
    def used(self) -> bool:
        return bool(self._value)


def content_security_policy(nonce: str = "") -> str:
    """The policy: this site's files only; data: images for the icons stylesheets embed; no plugins, no
    framing, no foreign form targets or <base>."""
    inline = f" 'nonce-{nonce}'" if nonce else ""
    directives = {
        "default-src": "'self'",
        "script-src": f"'self'{inline}",
        "style-src": f"'self'{inline}",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class SecurityHeadersMiddleware:
    """Sets Content-Security-Policy and Permissions-Policy unless the view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce = LazyNonce()
        request.csp_nonce = nonce  # type: ignore[attr-defined]  # read by templates as request.csp_nonce
        response = self.get_response(request)
        policy = content_security_policy(str(nonce) if nonce.used else "")
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
