"""The council's audit actions. The administration site saves terms, sessions, caucuses and councillors
through one service that writes `council.<model>_create` / `_update`: that family is read from
STRUCTURE_MODELS (the reference loader and the demo write the same `_create` codes)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction
from secretariat.council.models import Caucus, Councillor, Session, Term

STRUCTURE_MODELS = (Term, Session, Caucus, Councillor)
STRUCTURE_PREFIX = "council."
STRUCTURE_HOLDS = "before (on update)/after: the record's fields as edited"

ACTIONS = (
    AuditAction("council.councillor_import", _("Import a councillor from the roster"),
                "before (on update)/after: term, name, caucus, district, phone, e-mail"),
    AuditAction("council.question_record", _("Record a council question"), "after: the question's audited fields"),
    AuditAction("council.review_meeting_record", _("Record a review meeting"),
                "after: the day, the chair and each decision (question, text, kept under control)"),
    AuditAction("council.liaison_officer_create", _("Add a liaison officer"), "after: the officer's fields"),
    AuditAction("council.liaison_officer_update", _("Change a liaison officer"),
                "before/after: the officer's fields"),
    AuditAction("council.briefing_record", _("Record a caucus briefing"),
                "after: the day, caucus, topics, attending staff and agencies"),
    AuditAction("council.training_record", _("Record a liaison training"),
                "after: the day, title, venue and attendees"),
    AuditAction("data_request.file", _("File a councillor's data request"),
                "after: the councillor, the urgency asked and whether it was marked urgent"),
    AuditAction("data_request.part", _("Add an agency to a data request"), "after: the agency"),
)


def structure_saves() -> Iterator[AuditAction]:
    for model in STRUCTURE_MODELS:
        name, record = model.__name__.lower(), model._meta.verbose_name
        yield AuditAction(f"{STRUCTURE_PREFIX}{name}_create", format_lazy(_("Create {record}"), record=record),
                          STRUCTURE_HOLDS)
        yield AuditAction(f"{STRUCTURE_PREFIX}{name}_update", format_lazy(_("Change {record}"), record=record),
                          STRUCTURE_HOLDS)
