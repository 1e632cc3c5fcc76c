"""Recompute the counter's daily enquiry summary (what the statistics read) from the enquiries themselves:
after a bulk import that wrote enquiries directly, or to repair the summary. Months in ROC or Gregorian
form: `manage.py counters_rebuild_enquiry_days --from 112/07 --to 112/12`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.core.errors import ApplicationError
from secretariat.counters.selectors.statistics import MonthRange, parse_month
from secretariat.counters.services.enquiries import enquiry_days_rebuild


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="first month, e.g. 112/07 or 2023-07")
        parser.add_argument("--to", dest="last", required=True, help="last month, e.g. 112/12 or 2023-12")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            months = MonthRange(parse_month(options["first"]), parse_month(options["last"]))
        except ApplicationError as error:
            raise CommandError(error.render()) from None
        rows = enquiry_days_rebuild(start=months.start, end=months.end)
        self.stdout.write(f"{months.label}: {rows} daily summary rows rebuilt from the enquiries")
