"""Template filters for ROC dates, periods and the report's number style (built in to every template)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone

from secretariat.core import numbers, roc

register = template.Library()


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, dt.date) else None


@register.filter
def roc_long(value: Any) -> str:
    """{{ day|roc_long }} → 中華民國112年7月1日"""
    day = _as_date(value)
    return roc.format_long(day) if day else ""


@register.filter
def roc_date(value: Any) -> str:
    """{{ day|roc_date }} → 112年7月1日"""
    day = _as_date(value)
    return roc.format_words(day) if day else ""


@register.filter
def roc_slash(value: Any) -> str:
    """{{ day|roc_slash }} → 112/07/01"""
    day = _as_date(value)
    return roc.format_slash(day) if day else ""


@register.filter
def period_label(value: Any) -> str:
    """{{ '112H2'|period_label }} → 112年下半年"""
    return roc.Period.parse(str(value)).label if value else ""


@register.filter
def large_number(value: Any) -> str:
    """{{ 4580441|large_number }} → 458萬0,441"""
    return numbers.format_large(int(value)) if value is not None and value != "" else ""


@register.filter
def percent_of(numerator: Any, denominator: Any) -> str:
    """{{ 2981|percent_of:25154 }} → 11.8% (the site's rounding rule)."""
    from secretariat.core.site_settings import setting_get

    if not denominator:
        return "—"
    return numbers.format_percent(numerator, denominator, mode=setting_get("numbers.percent_rounding"))
