"""`council_import_councillors FILE.csv`: create or update the councillor roster from a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.core.changes import SYSTEM
from secretariat.core.errors import ApplicationError
from secretariat.council.services.structure import ROSTER_COLUMNS, councillor_roster_import


class Command(BaseCommand):
    help = f"Import councillors from a UTF-8 CSV file with the columns {', '.join(ROSTER_COLUMNS)}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            result = councillor_roster_import(actor=SYSTEM, text=text)
        except ApplicationError as error:
            raise CommandError(error.render()) from error
        self.stdout.write(f"{result.created} created, {result.updated} updated.")
