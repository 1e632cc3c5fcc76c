from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.actors import Viewer
    from secretariat.core.attachments import FileAccess
    from secretariat.core.dashboards import Card, Figure
    from secretariat.core.notification_events import Event

OVERDUE_AGENCIES_SHOWN = 3  # the "overdue by agency" card names the agencies with the most


def _works_cases(user: Viewer) -> bool:
    """The Secretariat, agency liaisons and heads work the inbox; auditors read it."""
    from secretariat.accounts.constants import AGENCY_ROLES, Role
    from secretariat.core.actors import is_signed_in

    return is_signed_in(user) and user.role in {Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF, Role.AUDITOR,
                                            *AGENCY_ROLES}


def _inbox_card(key: str, label: Any, order: int, visible: Any, help_text: Any, tone: str = "",
                **query: str) -> Card:
    """A card counting the inbox's rows for `query` (status, due, led), linked to the inbox filtered by the very
    same `query`: the count and the list cannot drift apart."""
    from django.utils.http import urlencode

    from secretariat.cases.selectors import InboxFilter, case_inbox_count
    from secretariat.core.dashboards import Card, link

    filters = InboxFilter(status=query.get("status", ""), due=query.get("due", ""), led=query.get("led") == "1")
    return Card(key=key, label=label, order=order, visible=visible, help=help_text, tone=tone,
                count=lambda user: case_inbox_count(user=user, filters=filters),
                url=lambda user: link("cases:inbox", urlencode(query)))


def _overdue_by_agency(user: Viewer) -> Figure:
    from django.utils.http import urlencode

    from secretariat.cases.selectors import InboxFilter, case_inbox_count_by_agency
    from secretariat.core.dashboards import Figure, Part, link

    loads = case_inbox_count_by_agency(user=user, filters=InboxFilter(due="overdue"))
    parts = tuple(Part(load.name, load.count, link("cases:inbox", urlencode({"due": "overdue",
                                                                             "agency": str(load.agency_id)})))
                  for load in loads[:OVERDUE_AGENCIES_SHOWN] if load.agency_id is not None)
    return Figure(value=sum(load.count for load in loads), parts=parts)


def _this_month() -> str:
    from django.utils import timezone

    return timezone.localdate().strftime("%Y-%m")


def _on_time_rate(user: Viewer) -> Figure:
    from secretariat.cases.selectors import case_on_time_count
    from secretariat.core.dashboards import Figure
    from secretariat.core.numbers import format_percent

    counts = case_on_time_count(user=user, month=_this_month())
    rate = format_percent(counts.on_time, counts.answered) if counts.answered else "—"
    basis = _("%(on_time)s of %(answered)s answered on time") % {"on_time": counts.on_time,
                                                                   "answered": counts.answered}
    return Figure(value=counts.answered, text=rate, basis=str(basis))


def _step_file_access(user: Viewer, owner_id: str) -> FileAccess:
    from secretariat.cases.selectors.files import step_file_access

    return step_file_access(user, owner_id)


class CasesConfig(AppConfig):
    name = "secretariat.cases"
    label = "cases"
    verbose_name = _("Case control")

    def ready(self) -> None:
        from secretariat.cases import audit
        from secretariat.cases.constants import STEP_FILES_OWNER
        from secretariat.core.attachments import register_owner_policy
        from secretariat.core.audit_actions import declare_actions, declare_family
        from secretariat.core.navigation import NavEntry, register
        from secretariat.core.notification_events import declare_events

        declare_actions(*audit.ACTIONS)
        declare_family(audit.case_steps, audit.STEP_PREFIX)  # case.<step>, from every registered kind's workflow

        register(NavEntry("cases", _("Case inbox"), "cases:inbox", order=5, visible=_works_cases))
        declare_events(*_events())
        register_owner_policy(STEP_FILES_OWNER, _step_file_access)  # a step's files: whoever sees that step

        self._register_cards()
        self._register_tabs()

    def _register_tabs(self) -> None:
        """The inbox's tabs: the Secretariat's routing work first (received and returned, oldest first), then
        what each person follows; a kind's app adds its own (orders 30–39 are left for them)."""
        from secretariat.cases import access
        from secretariat.cases.kinds import QueueTab, register_tab
        from secretariat.cases.selectors import inbox

        for tab in (
            QueueTab("route", _("To route"), 10, access.routes_cases, inbox.to_route_q, sort="received",
                     help=_("Received or returned cases waiting for a lead agency, oldest first.")),
            QueueTab("mine", _("Routed by me"), 20, access.routes_cases, inbox.routed_by_me_q,
                     help=_("Open cases you assigned to an agency.")),
            QueueTab("agency", _("My agency"), 20, access.works_for_agency, inbox.led_by_my_agency_q,
                     help=_("Cases your agency leads.")),
            QueueTab("extensions", _("Awaiting approval"), 30, access.routes_cases, inbox.extension_asked_q,
                     help=_("Extensions an agency asked for, waiting for the Secretariat's decision.")),
            QueueTab("overdue", _("Overdue"), 40, _works_cases, inbox.overdue_q,
                     help=_("Cases past their due date and still unanswered.")),
        ):
            register_tab(tab)

    def _register_cards(self) -> None:
        """The home page's case cards: the Secretariat's routing queue, an agency's answers owed, a head's
        punctuality. Orders 50–59 follow the inbox's place (5) in the menu."""
        from secretariat.cases import access
        from secretariat.core.dashboards import URGENT, Card, link, register

        for card in (
            _inbox_card("cases.to_route", _("To route"), 50, access.routes_cases,
                        _("Received cases not yet assigned to an agency."), status="received"),
            _inbox_card("cases.returned", _("Returned to me"), 51, access.routes_cases,
                        _("Cases an agency handed back as not competent, to route again."), URGENT,
                        status="returned"),
            _inbox_card("cases.due_today", _("Due today"), 52, access.routes_cases,
                        _("Cases whose answer is due today."), URGENT, due="today"),
            Card("cases.overdue_by_agency", _("Overdue by agency"), 53, access.oversees_cases,
                 count=_overdue_by_agency, url=lambda user: link("cases:inbox", "due=overdue"), tone=URGENT,
                 help=_("Cases past their due date and still unanswered; below, the agencies with the most.")),
            _inbox_card("cases.new_for_agency", _("New for my agency"), 54, access.liaises_for_agency,
                        _("Cases assigned to your agency and not yet accepted."), status="assigned", led="1"),
            _inbox_card("cases.due_week", _("Due this week"), 55, access.liaises_for_agency,
                        _("Cases your agency must answer from today to Sunday."), due="week", led="1"),
            _inbox_card("cases.overdue", _("Overdue in my agency"), 56, access.works_for_agency,
                        _("Your agency's cases past their due date and still unanswered."), URGENT,
                        due="overdue", led="1"),
            Card("cases.on_time_rate", _("On time this month"), 57, access.heads_agency, count=_on_time_rate,
                 url=lambda user: link("cases:inbox", f"answered={_this_month()}&led=1"),
                 help=_("Of your agency's cases answered this month, the share answered by the due date.")),
        ):
            register(card)


def _events() -> list[Event]:
    from secretariat.accounts.constants import Role
    from secretariat.core.notification_events import Channel, Event

    agency, clerks = frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD}), frozenset({Role.SECRETARIAT_STAFF,
                                                                                     Role.SECRETARIAT_ADMIN})
    return [
        Event("case.assigned", _("A case is assigned to your agency"), _("The lead agency's liaisons and head"),
              _("%(reference)s assigned to %(agency)s: %(title)s"), agency, Channel.DIGEST, order=10),
        Event("case.returned", _("An agency returned a case you routed"), _("The clerk who routed the case"),
              _("%(agency)s returned %(reference)s: %(reason)s"), clerks, Channel.MAIL, order=11),
        Event("case.due_soon", _("Cases due within a working day"), _("The lead agency's liaisons, daily"),
              _("%(agency)s: %(count)s cases are due within a working day"), frozenset({Role.AGENCY_LIAISON}),
              Channel.MAIL, order=20),
        Event("case.overdue", _("Overdue cases"), _("The lead agency's liaisons, daily"),
              _("%(agency)s: %(count)s cases are overdue"), frozenset({Role.AGENCY_LIAISON}), Channel.MAIL, order=21),
        Event("case.overdue_head", _("Overdue cases of your agency"), _("The agency head, daily"),
              _("For the agency head — %(agency)s has %(count)s overdue cases"), frozenset({Role.AGENCY_HEAD}),
              Channel.MAIL, order=22),
    ]
