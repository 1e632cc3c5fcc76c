"""The counters' audit actions: the enquiry tally, consultations with professional associations, volunteers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.audit_actions import AuditAction

_ENQUIRIES = (
    AuditAction("counters.enquiry_record", _("Count a counter enquiry"),
                "after: the category, the channel, the day and the note"),
    AuditAction("counters.enquiry_undo", _("Undo a counted enquiry"), "before/after: when it was cancelled"),
    AuditAction("counters.enquiry_category_save", _("Save an enquiry category"),
                "before (on change)/after: the category's fields"),
    AuditAction("counters.petition_help_record", _("Record help with writing a petition"),
                "after: the help's fields"),
)
_CONSULTATIONS = (
    AuditAction("counters.association_create", _("Add a professional association"),
                "after: name, field and order"),
    AuditAction("counters.association_save", _("Save a professional association"),
                "before (on change)/after: the association's fields"),
    AuditAction("counters.slot_publish", _("Open a consultation slot"), "after: the slot's fields"),
    AuditAction("counters.slot_withdraw", _("Withdraw a consultation slot"), "before/after: the slot's fields"),
    AuditAction("counters.booking_create", _("Book a consultation"),
                "after: the slot, the status, whether an e-mail address was given"),
    AuditAction("counters.booking_cancel", _("Cancel a consultation booking"), "before/after: the status"),
    AuditAction("counters.booking_remind", _("Remind of a consultation booking"), "after: when the reminder went"),
    AuditAction("counters.booking_no_show", _("Record a consultation no-show"), "before/after: the status"),
    AuditAction("counters.consultation_record", _("Record a consultation"),
                "after: the consultation's fields and whether the citizen is named"),
)
_VOLUNTEERS = (
    AuditAction("counters.post_create", _("Add a volunteer post"), "after: code, name and order"),
    AuditAction("counters.post_save", _("Save a volunteer post"), "before (on change)/after: the post's fields"),
    AuditAction("counters.volunteer_create", _("Add a volunteer"),
                "after: the volunteer's fields, whether a phone and an e-mail address were given"),
    AuditAction("counters.volunteer_update", _("Change a volunteer"),
                "before/after: the volunteer's fields; after: whether the contacts changed"),
    AuditAction("counters.shift_plan", _("Plan a volunteer shift"), "after: the shift's fields"),
    AuditAction("counters.shift_remove", _("Remove a volunteer shift"), "before: the shift's fields"),
    AuditAction("counters.shift_attendance", _("Record a shift's attendance"), "before/after: the shift's fields"),
    AuditAction("counters.daily_count_record", _("Record a post's daily count"),
                "before/after: the post, the day, people served and leaflets handed out"),
    AuditAction("counters.volunteer_training_record", _("Record a volunteer training"),
                "after: day, title, venue and attendees"),
)
ACTIONS = _ENQUIRIES + _CONSULTATIONS + _VOLUNTEERS
