from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.audit.services import audit_verify
from secretariat.audit.services.verify import chain_label


class Command(BaseCommand):
    help = ("Check the audit trail and the personal-data access log: every link, every seal and every anchor; "
            "report the first broken row and exit non-zero if any.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--anchor-file", action="append", type=Path, default=[], dest="anchor_files",
                            help="also check against the anchors in this file (e.g. kept from the mails); repeatable")

    def handle(self, *args: Any, **options: Any) -> None:
        verification = audit_verify(anchor_files=options["anchor_files"])
        failures = list(verification.problems)
        for report in verification.chains:
            label = chain_label(report.chain)
            if report.ok:
                self.stdout.write(_("%(chain)s intact: %(rows)s rows checked.")
                                  % {"chain": label, "rows": report.rows_checked})
            else:
                failures.append(_("%(chain)s broken at row %(seq)s: %(reason)s")
                                % {"chain": label, "seq": report.broken_seq, "reason": report.reason})
        if not verification.anchors_checked:
            self.stderr.write(_("No anchors found: rows deleted from the end of a chain cannot be detected."))
        else:
            self.stdout.write(_("Checked against %(count)s anchors.") % {"count": verification.anchors_checked})
        if failures:
            raise CommandError("\n".join(failures))
