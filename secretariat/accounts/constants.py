"""Roles and what each may do, as plain data.

A user has one role. The role decides which Django permissions they hold (through `RoleBackend`) and
whether they see every agency's records or only their own agency's. Roles live in code, not in the
database, so that what a role can do is reviewed like code; an administrator assigns roles to people,
and may still grant a single person an extra permission in the admin.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT_ADMIN = "secretariat_admin", _("Secretariat administrator")
    SECRETARIAT_STAFF = "secretariat_staff", _("Secretariat staff")
    AGENCY_LIAISON = "agency_liaison", _("Agency liaison")
    AGENCY_HEAD = "agency_head", _("Agency head")
    AUDITOR = "auditor", _("Auditor (read-only)")
    COUNCILLOR = "councillor", _("City councillor")


# Roles whose holders work for the Secretariat and so see every agency's records.
CITYWIDE_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF, Role.AUDITOR})
# Roles tied to one agency; the user must belong to an agency.
AGENCY_ROLES = frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD})
# Roles that may use the administration site.
ADMIN_SITE_ROLES = frozenset({Role.SECRETARIAT_ADMIN, Role.AUDITOR})

_KERNEL_MODELS = {
    "core": ["calendarday", "calendaryear", "sitesetting", "attachment", "periodicrun"],
    "accounts": ["agency", "unit", "user", "apitoken"],
    "audit": ["auditentry", "auditverification", "personaldataaccess"],
}


def _all(app: str, model: str) -> set[str]:
    return {f"{app}.{verb}_{model}" for verb in ("view", "add", "change", "delete")}


def _view_everything() -> set[str]:
    return {f"{app}.view_{model}" for app, models_ in _KERNEL_MODELS.items() for model in models_}


_ADMIN_PERMS = (
    _all("accounts", "agency") | _all("accounts", "unit") | _all("accounts", "user")
    | {"accounts.view_apitoken", "accounts.change_apitoken"}
    | _all("core", "calendarday") | {"core.manage_calendar", "core.view_calendaryear"}
    | {"core.view_sitesetting", "core.change_sitesetting", "core.view_attachment", "core.view_periodicrun"}
    | {"audit.view_auditentry", "audit.view_auditverification", "audit.view_personaldataaccess"}
    | {"axes.view_accessattempt", "axes.delete_accessattempt"}
    # Petitions (issue 3): register them, edit their categories, unlock a locked answer page.
    | {"petitions.add_petition"} | _all("petitions", "category")
    | {"petitions.view_disclosurerequest", "petitions.view_lookupfailure", "petitions.delete_lookupfailure"}
)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SECRETARIAT_ADMIN: frozenset(_ADMIN_PERMS),
    Role.SECRETARIAT_STAFF: frozenset({"accounts.view_agency", "accounts.view_unit", "core.view_calendarday",
                                       "petitions.add_petition"}),
    Role.AGENCY_LIAISON: frozenset({"accounts.view_agency", "core.view_calendarday"}),
    Role.AGENCY_HEAD: frozenset({"accounts.view_agency", "core.view_calendarday"}),
    Role.AUDITOR: frozenset(_view_everything() | {"axes.view_accessattempt"}),
    Role.COUNCILLOR: frozenset(),
}

# Counters (issue 5): the Secretariat's staff tally enquiries and record petition help at the counter and
# read its statistics; the administrator also edits the enquiry categories; auditors read. Agencies: none.
_COUNTER_READ = {"counters.view_enquiry", "counters.view_petitionhelp", "counters.view_enquirycategory"}
_COUNTER_RECORD = _COUNTER_READ | {"counters.record_enquiry", "counters.add_petitionhelp"}
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= _COUNTER_RECORD | _all("counters", "enquirycategory")
ROLE_PERMISSIONS[Role.SECRETARIAT_STAFF] |= _COUNTER_RECORD
ROLE_PERMISSIONS[Role.AUDITOR] |= _COUNTER_READ

# Consultations and volunteers (issue 5): the administrator edits the partner associations and the volunteer
# posts (reference data) in the admin and reads the records there; auditors read. The pages' own rules
# (Secretariat staff record, auditors read, agencies see nothing) are in counters/access/desks.py.
_DESK_READ = {f"counters.view_{model}" for model in ("association", "slot", "booking", "consultation", "post",
                                                     "shift", "dailycount", "volunteertraining")}
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= _DESK_READ | {"counters.add_association", "counters.change_association",
                                                          "counters.add_post", "counters.change_post"}
ROLE_PERMISSIONS[Role.AUDITOR] |= _DESK_READ

# Opinion monitoring (issue 6): administrators configure the feeds to import from and read the digests sent;
# auditors read both. Recording and ranking items is decided by the media unit (media/access/opinion.py).
_OPINION_READ = {"media.view_opinionfeed", "media.view_opiniondigest"}
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= _OPINION_READ | {"media.add_opinionfeed", "media.change_opinionfeed"}
ROLE_PERMISSIONS[Role.AUDITOR] |= _OPINION_READ

# Press office (issue 6): the admin shows releases, events, schedule, posts and trainings read-only (the
# services write them); who drafts, approves and publishes is decided in media/access/press.py.
_PRESS_READ = {f"media.view_{model}" for model in ("pressrelease", "pressevent", "scheduleentry", "socialpost",
                                                   "mediatraining")}
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= _PRESS_READ
ROLE_PERMISSIONS[Role.AUDITOR] |= _PRESS_READ

# Work report (issue 7): the admin shows the report's prose read-only (it is written on the report pages,
# whose rules are in reporting/access.py).
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= {"reporting.view_reportprose"}

# Notifications (issue 13): the mail log, where a failed send is seen and sent again; auditors read it.
ROLE_PERMISSIONS[Role.SECRETARIAT_ADMIN] |= {"notifications.view_maildelivery"}
ROLE_PERMISSIONS[Role.AUDITOR] |= {"notifications.view_maildelivery"}
ROLE_PERMISSIONS[Role.AUDITOR] |= {"reporting.view_reportprose"}


def permissions_for(role: str) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role, frozenset())
