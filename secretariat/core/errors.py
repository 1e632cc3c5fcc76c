"""One family of application errors with stable codes.

Services raise these; the API turns them into a 4xx JSON body with the code and the message in both
languages, and the UI shows the message in the form. The message is a lazy translation so it can be
rendered in zh-Hant and English from the same error.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    """A refusal the user can act on. `code` is stable; `status` is the HTTP status the API uses."""

    code = "application_error"
    status = 400
    default_message: str | Promise = _("The request could not be completed.")

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        code: str | None = None,
        params: dict[str, Any] | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message if message is not None else self.default_message
        if code is not None:
            self.code = code
        self.params = params or {}
        self.field = field
        super().__init__(self.render())

    def render(self) -> str:
        """The message in the active language, with its parameters filled in."""
        return str(self.message) % self.params if self.params else str(self.message)


class ValidationFailed(ApplicationError):
    code = "invalid"
    status = 400
    default_message = _("Some of the values are not valid.")


class NotFound(ApplicationError):
    code = "not_found"
    status = 404
    default_message = _("The record does not exist or you may not see it.")


class PermissionRefused(ApplicationError):
    code = "permission_denied"
    status = 403
    default_message = _("You do not have permission to do this.")


class Conflict(ApplicationError):
    code = "conflict"
    status = 409
    default_message = _("Someone else changed this record at the same time. Reload and try again.")
