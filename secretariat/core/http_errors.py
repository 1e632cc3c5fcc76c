"""The one error body every 4xx from the API carries.

`{"code": stable code, "message": in the request's language, "messages": {"zh-hant": …, "en": …},
"field": the offending field or null, "details": […]}`
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise


def _render(message: str | Promise, params: dict[str, Any]) -> str:
    text = str(message)
    return text % params if params else text


def error_payload(code: str, message: str | Promise, *, params: dict[str, Any] | None = None,
                  field: str | None = None, details: list[Any] | None = None) -> dict[str, Any]:
    params = params or {}
    messages = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            messages[language] = _render(message, params)
    return {"code": code, "message": _render(message, params), "messages": messages, "field": field,
            "details": details or []}
