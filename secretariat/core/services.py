"""Kernel writes: the office calendar, closures and site settings. Each one is audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor
from secretariat.core.calendar import CalendarOutOfRange
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.models import CalendarDay, CalendarYear, DayKind, SiteSetting
from secretariat.core.site_settings import spec_for

OFF_FLAGS = {"2", "yes", "y", "true", "1", "是", "放假"}
WORK_FLAGS = {"0", "no", "n", "false", "否", "上班"}


def _require_perm(actor: Actor, perm: str) -> None:
    if actor is None or not actor.has_perm(perm):
        raise PermissionRefused()


def _parse_csv_date(text: str, line: int) -> dt.date:
    cleaned = text.strip().replace("/", "-")
    for pattern in ("%Y%m%d", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValidationFailed(_("Line %(line)s: “%(text)s” is not a date (use 20230701 or 2023-07-01)."),
                           code="calendar_bad_row", params={"line": line, "text": text})


def _parse_calendar_csv(text: str) -> dict[dt.date, tuple[bool, str]]:
    """Rows of (date, day off?, note). Accepts the national personnel administration's open-data
    layout (西元日期, 星期, 是否放假 with 2/0, 備註) and a plain one (date, holiday yes/no, note)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise ValidationFailed(_("The calendar file is empty."), code="calendar_empty")
    header = [cell.strip() for cell in rows[0]]
    national = len(header) >= 3 and header[2] == "是否放假"
    days: dict[dt.date, tuple[bool, str]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row] + [""] * 4
        date_text, flag, note = (cells[0], cells[2], cells[3]) if national else (cells[0], cells[1], cells[2])
        day = _parse_csv_date(date_text, line)
        if flag.lower() not in OFF_FLAGS | WORK_FLAGS:
            raise ValidationFailed(_("Line %(line)s: “%(flag)s” does not say whether the day is off."),
                                   code="calendar_bad_row", params={"line": line, "flag": flag})
        if day in days:
            raise ValidationFailed(_("Line %(line)s: %(day)s appears twice."),
                                   code="calendar_bad_row", params={"line": line, "day": day})
        days[day] = (flag.lower() in OFF_FLAGS, note)
    return days


def _require_whole_years(days: dict[dt.date, tuple[bool, str]]) -> list[int]:
    years = sorted({day.year for day in days})
    for year in years:
        expected = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
        present = sum(1 for day in days if day.year == year)
        if present != expected:
            raise ValidationFailed(
                _("The file lists %(present)s days of %(year)s; a year's calendar must list all %(expected)s."),
                code="calendar_incomplete", params={"present": present, "year": year, "expected": expected},
            )
    return years


def calendar_import(*, actor: Actor, text: str, source: str) -> dict[int, int]:
    """Load whole years of the office calendar, replacing their holidays and make-up days.

    Closures declared on the day are kept: the national calendar does not know them.
    Returns {year: days departing from the weekday rule}.
    """
    _require_perm(actor, "core.manage_calendar")
    days = _parse_calendar_csv(text)
    years = _require_whole_years(days)
    result: dict[int, int] = {}
    with transaction.atomic():
        for year in years:
            in_year = {day: value for day, value in days.items() if day.year == year}
            result[year] = _replace_year(year, in_year, source)
            CalendarYear.objects.update_or_create(year=year, defaults={"source": source[:200]})
            record_change(actor=actor, action="calendar.import", target=CalendarYear.objects.get(year=year),
                          after={"year": year, "exceptions": result[year], "source": source})
    return result


def _replace_year(year: int, days: dict[dt.date, tuple[bool, str]], source: str) -> int:
    closures = set(CalendarDay.objects.filter(date__year=year, kind=DayKind.CLOSURE).values_list("date", flat=True))
    CalendarDay.objects.filter(date__year=year).exclude(kind=DayKind.CLOSURE).delete()
    rows = []
    for day, (off, note) in sorted(days.items()):
        weekend = day.weekday() >= 5
        if off and not weekend and day not in closures:
            rows.append(CalendarDay(date=day, kind=DayKind.HOLIDAY, note=note[:200], source=source[:100]))
        elif not off and weekend and day not in closures:
            rows.append(CalendarDay(date=day, kind=DayKind.MAKEUP_WORKDAY, note=note[:200], source=source[:100]))
    CalendarDay.objects.bulk_create(rows)
    return len(rows)


def closure_declare(*, actor: Actor, date: dt.date, note: str) -> CalendarDay:
    """Declare the city's offices closed on `date` (typhoon, disaster). Deadlines move past it."""
    _require_perm(actor, "core.manage_calendar")
    note = (note or "").strip()
    if not note:
        raise ValidationFailed(_("Say why the offices are closed (for example: typhoon)."),
                               code="closure_reason_required", field="note")
    if not CalendarYear.objects.filter(year=date.year).exists():
        raise CalendarOutOfRange(_("Import the office calendar of %(year)s before declaring closures in it."),
                                 params={"year": date.year})
    with transaction.atomic():
        existing = CalendarDay.objects.select_for_update().filter(date=date).first()
        if (existing is None and date.weekday() >= 5) or (existing and existing.kind != DayKind.MAKEUP_WORKDAY):
            raise ValidationFailed(_("%(date)s is already a day off."), code="closure_on_day_off",
                                   params={"date": date.isoformat()}, field="date")
        before = snapshot(existing, ["date", "kind", "note"]) if existing else None
        day, _created = CalendarDay.objects.update_or_create(
            date=date, defaults={"kind": DayKind.CLOSURE, "note": note[:200], "source": "declared"}
        )
        record_change(actor=actor, action="calendar.closure_declare", target=day, before=before,
                      after=snapshot(day, ["date", "kind", "note"]))
    return day


def closure_withdraw(*, actor: Actor, date: dt.date) -> None:
    """Take back a closure declared in error; a closed make-up Saturday becomes a workday again."""
    _require_perm(actor, "core.manage_calendar")
    with transaction.atomic():
        day = CalendarDay.objects.select_for_update().filter(date=date, kind=DayKind.CLOSURE).first()
        if day is None:
            raise ValidationFailed(_("No closure was declared on %(date)s."), code="closure_not_found",
                                   params={"date": date.isoformat()})
        before = snapshot(day, ["date", "kind", "note"])
        if date.weekday() >= 5:
            day.kind, day.note = DayKind.MAKEUP_WORKDAY, ""
            day.save(update_fields=["kind", "note"])
            after: dict[str, Any] | None = snapshot(day, ["date", "kind", "note"])
        else:
            day.delete()
            after = None
        record_change(actor=actor, action="calendar.closure_withdraw", target=day, before=before, after=after)


def setting_set(*, actor: Actor, key: str, value: Any) -> SiteSetting:
    """Change a declared run-time setting after checking the value against its declaration."""
    _require_perm(actor, "core.change_sitesetting")
    spec = spec_for(key)
    if not spec.check(value):
        raise ValidationFailed(_("“%(value)s” is not an allowed value for %(key)s."), code="invalid_setting",
                               params={"value": value, "key": key}, field="value")
    with transaction.atomic():
        row = SiteSetting.objects.select_for_update().filter(key=key).first()
        before = {"value": row.value} if row else {"value": spec.default}
        row, _created = SiteSetting.objects.update_or_create(key=key, defaults={"value": value})
        record_change(actor=actor, action="setting.change", target=row, before=before, after={"value": value})
    return row
