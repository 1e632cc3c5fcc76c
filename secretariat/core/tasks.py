import datetime as dt

from celery import shared_task
from django.core.mail import mail_admins
from django.utils import timezone

from secretariat.core.models import CalendarYear


@shared_task(name="core.calendar_coverage_check")
def calendar_coverage_check() -> str:
    """Warn the administrators by mail, from 60 days before year end, that next year's calendar is missing."""
    today = timezone.localdate()
    next_year = today.year + 1
    days_left = (dt.date(next_year, 1, 1) - today).days
    if days_left > 60 or CalendarYear.objects.filter(year=next_year).exists():
        return "ok"
    mail_admins(f"Office calendar {next_year} missing",
                f"The office calendar for {next_year} has not been imported; deadlines after "
                f"{today.year}-12-31 cannot be computed. Import it with core_import_calendar.")
    return f"warned: {next_year} missing"
