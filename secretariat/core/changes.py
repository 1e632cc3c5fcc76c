"""The port through which kernel services report a change to the audit trail.

`core` must not import the audit app (the kernel knows no other app), yet every write must be
audited. The audit app installs its recorder here when Django starts; a write attempted before that
fails loudly rather than going unaudited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from secretariat.core.audit_actions import action_require

if TYPE_CHECKING:  # core.actors names SYSTEM from here: the type only, or the two would import each other
    from secretariat.core.actors import Actor, Viewer


class ChangeRecorder(Protocol):
    def __call__(
        self,
        *,
        actor: Actor | Viewer | None,
        action: str,
        target: Any,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> Any: ...


_recorder: ChangeRecorder | None = None


def install_recorder(recorder: ChangeRecorder) -> None:
    global _recorder
    _recorder = recorder


def record_change(
    *,
    actor: Actor | Viewer | None,
    action: str,
    target: Any,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Any:
    """Append one audit row for a change. Must be called inside the writing transaction. `action` must be
    declared (core.audit_actions): an undeclared code raises LookupError and nothing is written."""
    action_require(action)
    if _recorder is None:
        raise ImproperlyConfigured("No audit recorder installed: is secretariat.audit in INSTALLED_APPS?")
    return _recorder(actor=actor, action=action, target=target, before=before, after=after, extra=extra)


def snapshot(instance: Any, fields: list[str]) -> dict[str, Any]:
    """The named fields of a model instance as JSON-ready values, for before/after audit records."""
    data: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if hasattr(value, "pk"):
            value = value.pk
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
            value = str(value)
        data[name] = value
    return data


class SystemActor:
    """The platform itself as the actor of setup and scheduled work: holds every permission and is
    recorded in the audit trail as `system`."""

    pk = None
    is_authenticated = False
    is_active = True

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True

    def get_username(self) -> str:
        return "system"

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemActor()
