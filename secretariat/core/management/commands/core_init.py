from typing import Any

from django.core.management.base import BaseCommand

from secretariat.core.loading import run_loaders


class Command(BaseCommand):
    help = "Load the reference data every installation needs (agencies, units, office calendars). Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        run_loaders("reference", self.stdout.write)
