from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.core.changes import SYSTEM
from secretariat.core.errors import ApplicationError
from secretariat.core.services import calendar_import


class Command(BaseCommand):
    help = ("Import a year's office calendar CSV: the national personnel administration's open data "
            "(西元日期,星期,是否放假,備註) or plain rows of date, holiday yes/no, note. Replaces that year's "
            "holidays and make-up days; closures already declared are kept.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--encoding", default="utf-8", help="big5 for files saved by older spreadsheets")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding=options["encoding"])
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        try:
            result = calendar_import(actor=SYSTEM, text=text, source=f"import: {path.name}")
        except ApplicationError as error:
            raise CommandError(error.render()) from None
        for year, count in result.items():
            self.stdout.write(f"{year}: {count} days depart from the Monday–Friday rule")
