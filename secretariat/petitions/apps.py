from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.actors import Actor, Viewer
    from secretariat.core.attachments import FileAccess
    from secretariat.core.notification_events import Event


def _file_access(user: Actor | Viewer, owner_id: str) -> FileAccess:
    from secretariat.petitions.services import petition_file_access

    return petition_file_access(user=user, owner_id=owner_id)


class PetitionsConfig(AppConfig):
    name = "secretariat.petitions"
    label = "petitions"
    verbose_name = _("Petitions to the mayor")

    def ready(self) -> None:
        from secretariat.cases.kinds import Panel, register_panel
        from secretariat.core import navigation
        from secretariat.core.attachments import register_owner_policy
        from secretariat.core.audit_actions import declare_actions
        from secretariat.core.notification_events import declare_events
        from secretariat.petitions import access, audit, report
        from secretariat.petitions.constants import declare_settings
        from secretariat.petitions.kinds import KIND, register_kind
        from secretariat.petitions.models import ATTACHMENT_OWNER
        from secretariat.petitions.views.panels import PANEL_TEMPLATE, panel_context
        from secretariat.petitions.views.routing_panel import routing_panel_context

        register_kind()
        declare_settings()
        declare_actions(*audit.ACTIONS)
        declare_events(*_events())

        # The petition's panel on the generic case page.
        register_panel(KIND, Panel(key="petition", template=PANEL_TEMPLATE, context=panel_context, order=10))
        register_owner_policy(ATTACHMENT_OWNER, _file_access)  # the files are personal data: approval, log, no-store
        # Section 三 of the seed report; agencies work from the case inbox instead.
        navigation.register(navigation.NavEntry(key="petitions", label=_("Petitions"), url_name="petitions:list",
                                                order=30, visible=access.registers_petitions))
        navigation.register(navigation.NavEntry(key="petition_disclosures", label=_("Personal-data requests"),
                                                url_name="petitions:disclosures", order=30, group="admin",
                                                visible=access.decides_disclosures))
        # Suggested agencies and likely duplicates, while the case is routed.
        register_panel(KIND, Panel(key="routing", template="petitions/routing_panel.html",
                                   context=routing_panel_context, order=20))

        self._register_cards()

        report.register()  # 壹、三、（一） of the work report
        # 311: the seed's 壹、三、（一）, so the menu follows the report.
        navigation.register(navigation.NavEntry("petition_statistics", _("Petition statistics"), "petition_stats:page",
                                                order=311, visible=access.may_see_statistics))

    def _register_cards(self) -> None:
        """The home page's card for whoever decides requests to see petitioners' personal data (order 300: the
        seed's section 三)."""
        from secretariat.core.dashboards import URGENT, Card, link, register
        from secretariat.petitions import access
        from secretariat.petitions.selectors import disclosures_to_decide_count

        # The petitioner waits on the caseworker, who waits on this decision: urgent while any is pending.
        register(Card(key="petitions.disclosures_to_decide", label=_("Personal-data requests to decide"), order=300,
                      visible=access.decides_disclosures, tone=URGENT,
                      count=lambda user: disclosures_to_decide_count(user=user),
                      url=lambda user: link("petitions:disclosures"),
                      help=_("Requests to see a petitioner's personal data that wait for your decision.")))


def _events() -> list[Event]:
    from secretariat.accounts.constants import Role
    from secretariat.core.notification_events import Channel, Event

    deciders = frozenset({Role.AGENCY_HEAD, Role.SECRETARIAT_ADMIN})
    caseworkers = frozenset({Role.AGENCY_LIAISON, Role.SECRETARIAT_STAFF, Role.AGENCY_HEAD})
    petitioner = _("The petitioner, at the address they gave")
    mail = Channel.MAIL
    return [
        Event("petitions.disclosure_requested", _("A caseworker asks to see a petitioner's data"),
              _("The head of the requester's agency (a Secretariat administrator for the Secretariat's staff)"),
              _("%(who)s asks to see the petitioner's data of %(ref)s: %(reason)s"), deciders, mail, order=40),
        Event("petitions.disclosure_approved", _("Your request to see a petitioner's data was approved"),
              _("The caseworker who asked"), _("Your request to see the petitioner's data of %(ref)s was approved."),
              caseworkers, Channel.IN_APP, order=41),
        Event("petitions.disclosure_refused", _("Your request to see a petitioner's data was refused"),
              _("The caseworker who asked"),
              _("Your request to see the petitioner's data of %(ref)s was refused: %(note)s"), caseworkers,
              Channel.IN_APP, order=42),
        # To citizens: mails only, each with its own text (the petition's number, never the answer itself).
        Event("petitions.confirm", _("Confirm a petition sent online"), petitioner,
              _("Please confirm your petition to the mayor"), default_channel=mail),
        Event("petitions.filed", _("A petition is filed"), petitioner, _("Your petition is filed as %(ref)s"),
              default_channel=mail),
        Event("petitions.extended", _("A petition's answer will take longer"), petitioner,
              _("Your petition %(ref)s: the answer will take longer"), default_channel=mail),
        Event("petitions.answered", _("A petition is answered"), petitioner,
              _("Your petition %(ref)s has been answered"), default_channel=mail),
        Event("petitions.declined", _("A petition will not be handled"), petitioner,
              _("Your petition %(ref)s will not be handled"), default_channel=mail),
    ]
