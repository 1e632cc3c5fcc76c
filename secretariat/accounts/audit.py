"""The audit actions of agencies, units, people, API tokens and signing in. Agencies and units are saved
by one helper that writes `<model>.create` / `<model>.change`: that family is read from RECORD_MODELS."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency, Unit
from secretariat.core.audit_actions import AuditAction

# The reference records `services._record_save` creates and changes.
RECORD_MODELS = (Agency, Unit)
RECORD_HOLDS = "before (on change)/after: the record's audited fields"

ACTIONS = (
    AuditAction("user.create", _("Create a user"), "after: the account's name, role, agency, unit and state"),
    AuditAction("user.change", _("Change a user"), "before/after: the account's name, role, agency, unit and state"),
    AuditAction("user.password_set", _("Set a user's password"), "nothing: the password is never recorded"),
    AuditAction("api_token.create", _("Issue an API token"), "after: the token's name and public prefix"),
    AuditAction("api_token.revoke", _("Revoke an API token"), "after: when it was revoked"),
    AuditAction("auth.login", _("Sign in"), "nothing: the row itself says who and from where"),
    AuditAction("auth.logout", _("Sign out"), "nothing: the row itself says who and from where"),
)


def record_saves() -> Iterator[AuditAction]:
    for model in RECORD_MODELS:
        name, record = model._meta.model_name, model._meta.verbose_name
        yield AuditAction(f"{name}.create", format_lazy(_("Create {record}"), record=record), RECORD_HOLDS)
        yield AuditAction(f"{name}.change", format_lazy(_("Change {record}"), record=record), RECORD_HOLDS)


def record_prefixes() -> list[str]:
    return [f"{model._meta.model_name}." for model in RECORD_MODELS]
