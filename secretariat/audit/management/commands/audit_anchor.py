from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.audit.services import audit_anchor
from secretariat.audit.services.verify import chain_label


class Command(BaseCommand):
    help = ("Write the chains' tips (sequence, hash, time) outside the database: appended to AUDIT_ANCHOR_FILE and "
            "mailed to AUDIT_ANCHOR_MAIL_TO. The scheduler does this daily.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            outcome = audit_anchor()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        for chain, tip in outcome.anchor.tips.items():
            self.stdout.write(_("%(chain)s anchored at row %(seq)s.") % {"chain": chain_label(chain), "seq": tip.seq})
        if outcome.path is not None:
            self.stdout.write(_("Appended to %(path)s.") % {"path": outcome.path})
        if outcome.mailed_to:
            self.stdout.write(_("Mailed to %(to)s.") % {"to": ", ".join(outcome.mailed_to)})
