from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountersConfig(AppConfig):
    """壹、六: the citizen service counters, expert consultations and volunteers."""

    name = "secretariat.counters"
    label = "counters"
    verbose_name = _("Citizen service and volunteers")

    def ready(self) -> None:
        from secretariat.core.audit_actions import declare_actions
        from secretariat.core.navigation import NavEntry, register
        from secretariat.core.notification_events import Channel, Event, declare_events
        from secretariat.counters import audit
        from secretariat.counters.access import desks
        from secretariat.counters.access import enquiries as enquiry_access
        from secretariat.counters.report import consultations as consultations_report
        from secretariat.counters.report import enquiries as enquiries_report
        from secretariat.counters.report import volunteers as volunteers_report
        from secretariat.counters.services.consultation_bookings import declare_settings

        declare_settings()  # the public booking page's rate limit
        declare_actions(*audit.ACTIONS)
        citizen = _("The citizen who booked, at the address they gave")
        declare_events(
            Event("counters.booking_confirmation", _("A consultation is booked"), citizen,
                  _("Your consultation booking"), default_channel=Channel.MAIL),
            Event("counters.booking_reminder", _("A booked consultation is tomorrow"), citizen,
                  _("Consultation tomorrow"), default_channel=Channel.MAIL))
        consultations_report.register()  # 壹、六、（二）
        volunteers_report.register()  # 壹、六、（三）
        # Menu entries for the consultation and volunteer pages (the seed's 壹、六、（二）and（三）).
        register(NavEntry(key="counters_consultations", label=_("Consultations"), url_name="counters:consultations",
                          order=62, visible=desks.can_open_slots))
        register(NavEntry(key="counters_volunteers", label=_("Volunteers"), url_name="counters:volunteers",
                          order=63, visible=desks.can_view))
        enquiries_report.register()  # 壹、六、（一）
        # The counter's menu entries (order 60: the seed's section 六, 市民諮詢及志工服務): the tally for the
        # counter clerks, the statistics for those who may read them (auditors included).
        register(NavEntry("counter", _("Counter"), "counters:counter", order=60, visible=enquiry_access.may_record))
        register(NavEntry("counter_statistics", _("Counter statistics"), "counters:statistics", order=61,
                          visible=enquiry_access.statistics_only))
        self._register_cards()

    def _register_cards(self) -> None:
        """The home page's cards for the counter's staff (order 600: the seed's section 六): the desk's tally of
        today and today's consultation bookings."""
        from django.utils import timezone

        from secretariat.core.dashboards import Card, link, register
        from secretariat.counters.access import desks
        from secretariat.counters.access import enquiries as enquiry_access
        from secretariat.counters.selectors.consultations import booking_live_count
        from secretariat.counters.selectors.enquiries import enquiries_today_count

        register(Card(key="counters.desk", label=_("At the desk today"), order=600, visible=enquiry_access.may_record,
                      count=lambda user: enquiries_today_count(day=timezone.localdate()),
                      url=lambda user: link("counters:counter"),
                      help=_("Enquiries tallied at the counter today; the counter screen records the next.")))

        def bookings_today(user: object) -> str:
            return link("counters:consultations", f"start={timezone.localdate().isoformat()}&days=1&live=1")

        register(Card(key="counters.bookings_today", label=_("Today's bookings"), order=601, visible=desks.can_record,
                      count=lambda user: booking_live_count(day=timezone.localdate()), url=bookings_today,
                      help=_("Consultation bookings for today that were not cancelled.")))
