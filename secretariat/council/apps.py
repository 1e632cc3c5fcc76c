from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.notification_events import Event


class CouncilConfig(AppConfig):
    name = "secretariat.council"
    label = "council"
    verbose_name = _("City council affairs")

    def ready(self) -> None:
        from secretariat.cases.kinds import Panel, register_panel
        from secretariat.core.audit_actions import declare_actions, declare_family
        from secretariat.core.navigation import NavEntry, register
        from secretariat.core.notification_events import declare_events
        from secretariat.council import audit, report
        from secretariat.council.access import questions as question_access
        from secretariat.council.access import requests as request_access
        from secretariat.council.access import structure as access
        from secretariat.council.kinds import questions as question_kind
        from secretariat.council.kinds import requests as request_kind
        from secretariat.council.models.requests import KIND as REQUEST_KIND
        from secretariat.council.selectors.requests import is_staff_reader
        from secretariat.council.views import questions as question_views
        from secretariat.council.views import requests as request_views

        declare_actions(*audit.ACTIONS)
        declare_family(audit.structure_saves, audit.STRUCTURE_PREFIX)  # council.term_create, …
        declare_events(*_events())
        # Council questions: the case kind, its panel on the generic case page, the menu entry (order 40:
        # the seed's section 四).
        question_kind.register_kind()
        register_panel(question_kind.KIND, Panel(key="question", template="council/question_panel.html",
                                                 context=question_views.panel_context))
        register(NavEntry(key="council_questions", label=_("Council questions"), url_name="council:questions",
                          order=40, visible=question_access.sees_questions))
        # Councillors' data requests: the case kind, its panel, the staff list's and the portal's menu entries.
        request_kind.register_kind()
        register_panel(REQUEST_KIND, Panel(key="data_request", template="council/request_panel.html",
                                           context=request_views.panel_context, order=10))
        register(NavEntry(key="council_requests", label=_("Councillors' data requests"),
                          url_name="council:requests", order=40, visible=is_staff_reader))
        register(NavEntry(key="council_portal", label=_("Councillor portal"), url_name="council:portal", order=40,
                          visible=request_access.is_portal_user))

        self._register_home()

        report.register()  # 壹、四、（一）–（四） of the work report
        # The council's menu entry (order 40: the seed's section 四, 府會事務).
        register(NavEntry(key="council", label=_("City council"), url_name="council:overview", order=40,
                          visible=access.can_view_structure))

    def _register_home(self) -> None:
        """A councillor starts at the portal; an agency head's home page counts the answers to approve (order
        400: the seed's section 四)."""
        from secretariat.cases.kinds import QueueTab, register_tab
        from secretariat.core.dashboards import Card, Landing, link, register, register_landing
        from secretariat.council.access import requests as request_access
        from secretariat.council.access.questions import approves_answers
        from secretariat.council.selectors.questions import (
            question_awaiting_approval_case_q,
            question_awaiting_approval_count,
        )

        register_landing(Landing(key="council_portal", applies=request_access.is_portal_user,
                                 url_name="council:portal"))
        register(Card(key="council.answers_to_approve", label=_("Answers awaiting my approval"), order=400,
                      visible=approves_answers,
                      count=lambda user: question_awaiting_approval_count(user=user),
                      url=lambda user: link("council:questions", "awaiting=approval"),
                      help=_("Written answers to council questions your agency leads, drafted and not yet "
                             "approved.")))
        # The same answers as a tab of the case inbox (order 30: after the head's own agency's cases).
        register_tab(QueueTab("answers_to_approve", _("Awaiting approval"), 30, approves_answers,
                              question_awaiting_approval_case_q,
                              help=_("Answers to council questions your agency leads, waiting for your approval.")))


def _events() -> list[Event]:
    from secretariat.accounts.constants import Role
    from secretariat.core.notification_events import Channel, Event

    head, drafters = frozenset({Role.AGENCY_HEAD}), frozenset({Role.AGENCY_LIAISON, Role.AGENCY_HEAD,
                                                                Role.SECRETARIAT_STAFF, Role.SECRETARIAT_ADMIN})
    mail = Channel.MAIL
    return [
        Event("council.answer_awaiting_approval", _("An answer awaits your approval"),
              _("The lead agency's head (a Secretariat administrator when the Secretariat leads)"),
              _("The answer to %(ref)s awaits your approval"), head | {Role.SECRETARIAT_ADMIN}, mail, order=30),
        Event("council.question_sent_back", _("Your draft answer to a council question was sent back"),
              _("The drafter of the answer"), _("The written answer to %(ref)s was sent back to you: %(reason)s"),
              drafters, mail, order=31),
        Event("council.request_sent_back", _("Your draft answer to a data request was sent back"),
              _("The drafter of the answer"), _("The answer to data request %(ref)s was sent back to you: %(reason)s"),
              drafters, mail, order=32),
        Event("council.request_urgent", _("An urgent data request needs a confirmed date"),
              _("The lead agency's head"),
              _("Urgent data request %(ref)s from councillor %(name)s: confirm a date. Reason: %(reason)s"),
              head, mail, order=33),
        Event("council.request_reopened", _("A data request was reopened"), _("The lead agency's head"),
              _("Data request %(ref)s was reopened: %(reason)s"), head, mail, order=34),
        Event("council.request_released", _("The answer to your data request was delivered"),
              _("The councillor who asked"), _("The answer to your data request %(ref)s was delivered on %(when)s."),
              frozenset({Role.COUNCILLOR}), mail, order=35),
    ]
