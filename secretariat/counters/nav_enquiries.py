"""The counter's menu entries (order 60: the seed's section 六, 市民諮詢及志工服務): the tally for the
counter clerks, the statistics for those who may read them (auditors included)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.core.navigation import NavEntry, register
from secretariat.counters.selectors import enquiries as selectors


def _statistics_only(user: Any) -> bool:
    # A clerk reaches the statistics from the counter screen; one menu entry each is enough.
    return selectors.may_view_statistics(user) and not selectors.may_record(user)


def register_navigation() -> None:
    register(NavEntry("counter", _("Counter"), "counters:counter", order=60, visible=selectors.may_record))
    register(NavEntry("counter_statistics", _("Counter statistics"), "counters:statistics", order=61,
                      visible=_statistics_only))
