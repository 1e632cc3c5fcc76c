from typing import Any

from django.core.management.base import BaseCommand

from secretariat.core.loading import run_loaders


class Command(BaseCommand):
    help = "Load reference data, then each app's demo data (accounts and records). Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        run_loaders("reference", self.stdout.write)
        run_loaders("demo", self.stdout.write)
