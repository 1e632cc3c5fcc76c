"""Reference data the kernel ships: the office calendars of the years in data/calendar/."""

from __future__ import annotations

from pathlib import Path

from secretariat.core.changes import SYSTEM
from secretariat.core.models import CalendarYear, SiteSetting
from secretariat.core.services import calendar_import, setting_set
from secretariat.core.site_settings import specs

CALENDAR_DIR = Path(__file__).resolve().parent / "data" / "calendar"


def load() -> list[str]:
    return _load_settings() + _load_calendars()


def _load_settings() -> list[str]:
    """A row per declared setting, holding its default, so administrators can see and edit each."""
    missing = [spec for spec in specs() if not SiteSetting.objects.filter(key=spec.key).exists()]
    for spec in missing:
        setting_set(actor=SYSTEM, key=spec.key, value=spec.default)
    return [f"{len(missing)} settings"] if missing else []


def _load_calendars() -> list[str]:
    """Import each shipped year not loaded yet (an administrator's own import is never overwritten)."""
    loaded = set(CalendarYear.objects.values_list("year", flat=True))
    done = []
    for path in sorted(CALENDAR_DIR.glob("*.csv")):
        if int(path.stem) not in loaded:
            calendar_import(actor=SYSTEM, text=path.read_text(encoding="utf-8"),
                            source=f"shipped: 行政院人事行政總處辦公日曆表 {path.stem}")
            done.append(path.stem)
    return [f"calendar {year}" for year in done]
