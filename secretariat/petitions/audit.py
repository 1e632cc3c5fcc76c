"""The petitions' audit actions (the steps of a petition's case are the case engine's `case.*`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

ACTIONS = (
    AuditAction("petition.register", _("Register a petition"),
                "after: the petition's audited fields, its case reference, whether a petitioner is named, "
                "how many files"),
    AuditAction("petition.submit", _("Receive an online petition"),
                "after: how many files came with it and when the unconfirmed submission expires"),
    AuditAction("petition.confirm", _("Confirm an online petition"),
                "after: the reference it was registered under and its files"),
    AuditAction("petition.submission_expire", _("Remove an unconfirmed online petition"),
                "extra: whether it had been confirmed and how many files were removed"),
    AuditAction("petition.rate", _("Rate the handling of a petition"),
                "after: the rating and whether a comment was given; extra: who rated"),
    AuditAction("petition.rating_change", _("Change the rating of a petition"),
                "before/after: the rating and whether a comment was given; extra: who rated"),
    AuditAction("petition.disclosure_request", _("Ask to see a petitioner's personal data"),
                "after: the petition and the reason"),
    AuditAction("petition.disclosure_decide", _("Decide on a request to see personal data"),
                "before/after: the request's status, decider and time"),
    AuditAction("petition.locate", _("Locate a petition on the map"), "after: latitude and longitude"),
    AuditAction("petition_category.save", _("Save a petition category"),
                "before (on change)/after: the category's audited fields"),
    AuditAction("petitions.routing_train", _("Train the routing suggester"),
                "after: samples, classes, vocabulary, accuracy and the models deleted"),
    AuditAction("attachment.attach", _("Attach a file to a petition"), "after: the owner the file now belongs to"),
)
