from typing import Any

from django.core.management.base import BaseCommand, CommandError

from secretariat.audit.services import audit_verify


class Command(BaseCommand):
    help = "Check the audit trail's hash chain; report the first broken link and exit non-zero if any."

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if not report.ok:
            raise CommandError(f"Audit trail broken at row {report.broken_seq}: {report.reason}")
        self.stdout.write(f"Audit trail intact: {report.rows_checked} rows checked.")
