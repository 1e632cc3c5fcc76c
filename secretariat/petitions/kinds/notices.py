"""What the petitioner is told, by e-mail, as their case moves. The mail never carries the answer's
text: it points to the answer page, where number and password open it."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from secretariat.core import roc
from secretariat.notifications.services import mail_to_address
from secretariat.petitions.models import Petition


def _send(code: str, petition: Petition, subject: str, body: str) -> None:
    # Queued after commit: a step that rolls back must not have told the citizen anything.
    mail_to_address(code, address=petition.petitioner_email, subject=subject, body=body)


def after_step(petition: Petition, step: str, data: dict[str, object]) -> None:
    case = petition.case
    site = getattr(settings, "PUBLIC_BASE_URL", "")
    with translation.override("zh-hant"):
        if step == "approve_extension" and case.due_on:
            _send("petitions.extended", petition,
                  _("Your petition %(ref)s: the answer will take longer") % {"ref": case.reference},
                  _("The agency needs more time to answer petition %(ref)s. New date: %(date)s. Reason: "
                    "%(reason)s") % {"ref": case.reference, "date": roc.format_words(case.due_on),
                                     "reason": data.get("reason", "")})
        elif step == "close":
            _send("petitions.answered", petition,
                  _("Your petition %(ref)s has been answered") % {"ref": case.reference},
                  _("Read the answer at %(url)s with your case number %(ref)s and case password, and tell us "
                    "how satisfied you are.") % {"url": f"{site}/petitions/answer/", "ref": case.reference})
        elif step == "decline":
            _send("petitions.declined", petition,
                  _("Your petition %(ref)s will not be handled") % {"ref": case.reference},
                  _("Petition %(ref)s is registered but will not be handled further. The reason can be read "
                    "at %(url)s with your case number and password.") % {"ref": case.reference,
                                                                          "url": f"{site}/petitions/answer/"})
