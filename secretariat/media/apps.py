from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from secretariat.core.actors import Actor, Viewer
    from secretariat.core.notification_events import Event


def _may_read_release_file(user: Actor | Viewer, owner_id: str) -> bool:
    """Who may download a release's files (the attachments' owner policy): whoever may see the release."""
    from secretariat.core.errors import NotFound
    from secretariat.media.selectors import releases

    try:
        releases.release_get_for(user=user, pk=int(owner_id))
    except (NotFound, ValueError):  # not visible to this user, or not a release id
        return False
    return True


class MediaConfig(AppConfig):
    """壹、五: press releases, press events, public-opinion monitoring and social media."""

    name = "secretariat.media"
    label = "media"
    verbose_name = _("Media relations")

    def ready(self) -> None:
        from secretariat.core.audit_actions import declare_actions, declare_family
        from secretariat.core.notification_events import declare_events
        from secretariat.media import audit

        declare_actions(*audit.ACTIONS)
        declare_family(audit.opinion_imports, audit.IMPORT_PREFIX)  # opinion.import_csv, …
        declare_events(*_events())
        self._register_press()  # press releases, events, posts, trainings: settings, menu, 五（一）（三）（四）
        self._register_opinion()  # opinion monitoring: settings, incident case kind, menu, 五（二）
        self._register_cards()  # the home page: releases to approve, today's opinion items

    def _register_press(self) -> None:
        """What the press part registers: its configurable settings, who may download a release's files, its
        menu entry and its sections of the work report (五（一）、（三）、（四）)."""
        from secretariat.core.attachments import register_owner_policy
        from secretariat.core.navigation import NavEntry, register
        from secretariat.core.site_settings import SettingSpec, declare
        from secretariat.media.access import press as press_access
        from secretariat.media.report import press

        declare(SettingSpec(key="media.unit_name", default="媒體事務組", label=_("The Secretariat's media unit"),
                            check=lambda value: isinstance(value, str) and 0 < len(value) <= 60,
                            help=_("Members of this Secretariat unit approve, publish and correct press releases.")))
        declare(SettingSpec(key="media.image_max_megabytes", default=5, label=_("Largest press release image (MB)"),
                            check=lambda value: isinstance(value, int) and 1 <= value <= 50))
        declare(SettingSpec(key="media.schedule_public_hour", default=7,
                            label=_("Hour from which the day's schedule of the mayor is public"),
                            check=lambda value: isinstance(value, int) and 0 <= value <= 23))
        register_owner_policy("media.pressrelease", _may_read_release_file)
        register(NavEntry(key="media_press", label=_("Press office"), url_name="media:press_releases", order=50,
                          visible=press_access.can_view_releases))
        press.register()

    def _register_opinion(self) -> None:
        """What opinion monitoring registers: its settings, the incident case kind, its menu entries and its
        section of the work report (壹、五、（二）)."""
        from secretariat.core.navigation import NavEntry, register
        from secretariat.media import kinds
        from secretariat.media.access.opinion import can_read
        from secretariat.media.report import opinion as opinion_report
        from secretariat.media.services.opinion_rules import declare_settings

        declare_settings()
        kinds.register_kind()
        register(NavEntry(key="media_opinion", label=_("Public opinion"), url_name="media:opinion", order=50,
                          visible=can_read))
        opinion_report.register()

    def _register_cards(self) -> None:
        """The home page's cards (order 500: the seed's section 五): the releases waiting for this approver, and
        for the monitors the day's opinion items, most severe first."""
        from django.utils import timezone

        from secretariat.core.dashboards import Card, link, register
        from secretariat.media.access.opinion import is_monitor
        from secretariat.media.access.press import approves_releases
        from secretariat.media.selectors.opinion import items_seen_count
        from secretariat.media.selectors.releases import release_awaiting_count

        register(Card(key="media.releases_to_approve", label=_("Press releases awaiting approval"), order=500,
                      visible=approves_releases, count=lambda user: release_awaiting_count(user=user),
                      url=lambda user: link("media:press_releases", "mine=1"),
                      help=_("Releases waiting for your approval or, for the media unit, for publication.")))

        def today_list(user: object) -> str:
            today = timezone.localdate().isoformat()
            return link("media:opinion", f"since={today}&until={today}")

        register(Card(key="media.opinion_today", label=_("Today's opinion items"), order=501, visible=is_monitor,
                      count=lambda user: items_seen_count(user=user, day=timezone.localdate()), url=today_list,
                      help=_("Items of public opinion seen today, ranked most severe first.")))


def _events() -> list[Event]:
    from secretariat.accounts.constants import AGENCY_ROLES, Role
    from secretariat.core.notification_events import Channel, Event

    agency = frozenset(AGENCY_ROLES)
    writers = frozenset({Role.SECRETARIAT_STAFF, Role.SECRETARIAT_ADMIN, *AGENCY_ROLES})
    mail = Channel.MAIL
    return [
        Event("media.incident_escalated", _("A public-opinion incident is escalated to your agency"),
              _("The lead agency's liaisons and head, at once: the answer is due the same day"),
              _("Incident %(reference)s escalated to %(agency)s, respond today: %(title)s"), agency, mail, order=12),
        Event("media.opinion_digest", _("The daily opinion digest for your agency"),
              _("The liaisons and head of each agency the day's items concern"),
              _("Opinion digest for %(day)s — %(agency)s: %(count)s items"), agency, mail, order=50),
        Event("media.release_awaiting_approval", _("A press release awaits your approval"),
              _("The drafting unit's head, then the media unit"), _("Press release awaits your approval: %(title)s"),
              frozenset({Role.AGENCY_HEAD, Role.SECRETARIAT_STAFF, Role.SECRETARIAT_ADMIN}), mail, order=51),
        Event("media.release_returned", _("Your press release was sent back"), _("The release's drafter"),
              _("Press release sent back to you: %(title)s — %(reason)s"), writers, mail, order=52),
        Event("media.release_published", _("Your press release is published"), _("The release's drafter"),
              _("Press release published: %(title)s"), writers, Channel.IN_APP, order=53),
    ]
