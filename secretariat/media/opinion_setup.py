"""What opinion monitoring plugs into the platform when Django starts: its settings, the incident case
kind, its menu entries and its section of the work report (壹、五、（二）)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from secretariat.core.navigation import NavEntry, register


def register_all() -> None:
    from secretariat.media import incident_kind
    from secretariat.media.opinion_access import can_read
    from secretariat.media.report import opinion as opinion_report
    from secretariat.media.services.opinion_rules import declare_settings

    declare_settings()
    incident_kind.register_kind()
    register(NavEntry(key="media_opinion", label=_("Public opinion"), url_name="media:opinion", order=50,
                      visible=can_read))
    opinion_report.register()
