"""Declared run-time settings: the *configurable* rules, with their shipped defaults.

Apps declare their own keys with `declare()` from their AppConfig.ready(); an administrator edits the
values in the admin. Reading goes through `setting_get`, which falls back to the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    label: str | Promise
    check: Callable[[Any], bool]
    help: str | Promise = ""


_REGISTRY: dict[str, SettingSpec] = {}


def declare(spec: SettingSpec) -> None:
    _REGISTRY[spec.key] = spec


def specs() -> list[SettingSpec]:
    return sorted(_REGISTRY.values(), key=lambda spec: spec.key)


def spec_for(key: str) -> SettingSpec:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise ValidationFailed(_("Unknown setting “%(key)s”."), code="unknown_setting",
                               params={"key": key}) from None


def setting_get(key: str) -> Any:
    from secretariat.core.models import SiteSetting

    spec = spec_for(key)
    row = SiteSetting.objects.filter(key=key).values_list("value", flat=True).first()
    return spec.default if row is None else row


declare(SettingSpec(
    key="numbers.percent_rounding",
    default="truncate",
    label=_("Percentages: truncate or round half up"),
    check=lambda value: value in {"truncate", "half_up"},
    help=_("The seed report truncates (11.85% → 11.8%). Allowed: truncate, half_up."),
))
declare(SettingSpec(
    key="attachments.max_megabytes",
    default=20,
    label=_("Largest attachment accepted (MB)"),
    check=lambda value: isinstance(value, int) and 1 <= value <= 500,
))
