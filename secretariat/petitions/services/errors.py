"""Refusals particular to the public side of petitions (links, passwords, floods)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ApplicationError, NotFound, ValidationFailed


class TooManyAttempts(ApplicationError):
    """Too many submissions or wrong passwords from one address or for one case: wait and retry.
    `params["minutes"]` says how long."""

    code = "too_many_requests"
    status = 429
    default_message = _("Too many attempts. Try again in %(minutes)s minutes.")


class ConfirmationUnknown(NotFound):
    code = "confirmation_unknown"
    default_message = _("This confirmation link is not valid. It may have been mistyped, or it expired and was "
                        "removed. Please send your petition again.")


class ConfirmationExpired(ApplicationError):
    code = "confirmation_expired"
    status = 410
    default_message = _("This confirmation link has expired (links work for %(hours)s hours). Nothing was filed; "
                        "please send your petition again.")


class ConfirmationUsed(ApplicationError):
    code = "confirmation_used"
    status = 410
    default_message = _("This link was already used: your petition is filed. Its case number was sent to you by "
                        "e-mail; the case password was shown once, when you confirmed.")


class LookupRefused(ValidationFailed):
    """One vague message for a wrong number and a wrong password, so neither can be probed alone."""

    code = "lookup_failed"
    default_message = _("The case number or the case password is wrong.")
