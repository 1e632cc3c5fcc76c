"""The petition rules an administrator may change at run time (site settings), with their defaults, and the
channels a petition arrives by."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from secretariat.core.site_settings import SettingSpec, declare, setting_get

CONFIRMATION_HOURS = "petitions.confirmation_hours"
SUBMISSIONS_PER_HOUR = "petitions.submissions_per_hour"
LOOKUP_FAILURES_PER_CASE = "petitions.lookup_failures_per_case"
LOOKUP_FAILURES_PER_IP = "petitions.lookup_failures_per_ip"
LOOKUP_WINDOW_MINUTES = "petitions.lookup_window_minutes"
DISCLOSURE_HOURS = "petitions.disclosure_hours"
RATING_CHANGE_DAYS = "petitions.rating_change_days"


def _whole(low: int, high: int) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def declare_settings() -> None:
    declare(SettingSpec(
        key=CONFIRMATION_HOURS, default=24, check=_whole(1, 168),
        label=_("Petitions: hours a confirmation link stays valid"),
        help=_("A petition sent on the public form becomes a case only when the sender follows the link."),
    ))
    declare(SettingSpec(
        key=SUBMISSIONS_PER_HOUR, default=5, check=_whole(1, 1000),
        label=_("Petitions: public submissions allowed per address and hour"),
    ))
    declare(SettingSpec(
        key=LOOKUP_FAILURES_PER_CASE, default=5, check=_whole(1, 100),
        label=_("Petitions: wrong case passwords before a case number is locked"),
    ))
    declare(SettingSpec(
        key=LOOKUP_FAILURES_PER_IP, default=20, check=_whole(1, 1000),
        label=_("Petitions: wrong case numbers or passwords before an address is locked"),
    ))
    declare(SettingSpec(
        key=LOOKUP_WINDOW_MINUTES, default=15, check=_whole(1, 1440),
        label=_("Petitions: minutes over which wrong passwords are counted (and the lock lasts)"),
    ))
    declare(SettingSpec(
        key=DISCLOSURE_HOURS, default=24, check=_whole(1, 168),
        label=_("Petitions: hours an approved request to see personal data stays valid"),
    ))
    declare(SettingSpec(
        key=RATING_CHANGE_DAYS, default=7, check=_whole(0, 90),
        label=_("Petitions: days during which the petitioner may change their rating"),
        help=_("0: a rating is final once given."),
    ))


def rule(key: str) -> int:
    return int(setting_get(key))


# How a petition reached the Secretariat.
class Channel(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Public web form")
    PHONE = "phone", _("Phone call")
    VISIT = "visit", _("Visit in person")
    API = "api", _("Another system (API)")
    OPEN311 = "open311", _("Open311 app")
