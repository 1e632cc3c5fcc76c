"""What the press part of the media app registers when Django starts: its configurable settings, who may
download a release's files, its menu entry and its sections of the work report (五（一）、（三）、（四）)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from secretariat.core.attachments import register_owner_policy
from secretariat.core.errors import NotFound
from secretariat.core.navigation import NavEntry, register
from secretariat.core.site_settings import SettingSpec, declare


def _may_read_release_file(user: Any, owner_id: str) -> bool:
    from secretariat.media.selectors import releases

    try:
        releases.release_get_for(user=user, pk=int(owner_id))
    except (NotFound, ValueError):  # not visible to this user, or not a release id
        return False
    return True


def register_all() -> None:
    declare(SettingSpec(key="media.unit_name", default="媒體事務組", label=_("The Secretariat's media unit"),
                        check=lambda value: isinstance(value, str) and 0 < len(value) <= 60,
                        help=_("Members of this Secretariat unit approve, publish and correct press releases.")))
    declare(SettingSpec(key="media.image_max_megabytes", default=5, label=_("Largest press release image (MB)"),
                        check=lambda value: isinstance(value, int) and 1 <= value <= 50))
    declare(SettingSpec(key="media.schedule_public_hour", default=7,
                        label=_("Hour from which the day's schedule of the mayor is public"),
                        check=lambda value: isinstance(value, int) and 0 <= value <= 23))
    register_owner_policy("media.pressrelease", _may_read_release_file)
    from secretariat.media import press_access

    register(NavEntry(key="media_press", label=_("Press office"), url_name="media:press_releases", order=50,
                      visible=press_access.can_view_releases))
    from secretariat.media.report import press

    press.register()
