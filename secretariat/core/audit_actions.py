"""The declared audit actions: every code `record_change` may write, with the label people read.

Each app declares its actions in its `audit.py` and registers them from its AppConfig.ready(); the kernel
names none of them. Some apps write a family of codes built from their data (a case's step, an import's
source); such a family is declared as a function that lists its codes from that data, read at each
lookup, so a kind or source added later is declared without a second list to keep in step.

A code nobody declared is a programming error: `action_require` raises, and `record_change` calls it
before anything is written. Reading is forgiving: a row written under a code since retired still shows,
under its code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class AuditAction:
    """`label`: what people read (gettext_lazy, English msgid). `holds`: what the row's before/after (and
    extra) carry, for whoever reads the trail or writes a check over it."""

    code: str
    label: str | Promise
    holds: str = ""


ActionFamily = Callable[[], Iterable[AuditAction]]

_ACTIONS: dict[str, AuditAction] = {}
_FAMILIES: dict[str, list[ActionFamily]] = {}  # by a prefix every code of the family starts with


def declare_actions(*actions: AuditAction) -> None:
    """Declare fixed codes. Declaring the same code twice with another meaning is refused: two apps
    would be writing one code for different things."""
    for action in actions:
        known = _ACTIONS.get(action.code)
        if known is not None and known != action:
            raise ValueError(f"Audit action {action.code!r} is declared twice, differently.")
        _ACTIONS[action.code] = action


def declare_family(family: ActionFamily, *prefixes: str) -> None:
    """Declare the codes that `family()` lists (it is called at each lookup); each starts with one of
    `prefixes`, so a lookup expands only the families that may hold the code."""
    for prefix in prefixes:
        if family not in _FAMILIES.setdefault(prefix, []):
            _FAMILIES[prefix].append(family)


def _from_families(code: str) -> AuditAction | None:
    for prefix, families in _FAMILIES.items():
        if not code.startswith(prefix):
            continue
        for family in families:
            for action in family():
                if action.code == code:
                    return action
    return None


def action_get(code: str) -> AuditAction | None:
    """The declaration of `code`, or None when nobody declares it (any more)."""
    return _ACTIONS.get(code) or _from_families(code)


def action_require(code: str) -> AuditAction:
    """The declaration of `code`; LookupError when it is not declared, so the write is never made."""
    action = action_get(code)
    if action is None:
        raise LookupError(f"Audit action {code!r} is not declared: add it to the writing app's audit.py.")
    return action


def action_label(code: str) -> str:
    """What people read for `code` in the current language; the code itself for an undeclared one."""
    action = action_get(code)
    return str(action.label) if action is not None else code


def actions_declared() -> dict[str, AuditAction]:
    """Every declared code now, the families expanded."""
    found = {action.code: action for families in _FAMILIES.values() for family in families
             for action in family()}
    found.update(_ACTIONS)
    return found
