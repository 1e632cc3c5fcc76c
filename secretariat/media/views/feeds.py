"""Atom and RSS feeds a newsroom subscribes to: all the city's press releases or one agency's, and the
mayor's public schedule. Built on Django's syndication framework; served through the public cache."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from secretariat.accounts.selectors import agency_find
from secretariat.core import roc
from secretariat.core.site_settings import setting_get
from secretariat.media.selectors import press_records
from secretariat.media.selectors import releases as selectors
from secretariat.media.services.sanitise import plain_text
from secretariat.media.views.press_public import cached

if TYPE_CHECKING:
    from secretariat.accounts.models import Agency
    from secretariat.media.models import PressRelease, ScheduleEntry

FEED_SIZE = 30


class ReleaseRss(Feed):  # type: ignore[type-arg]
    feed_type: type[Any] = Rss201rev2Feed

    def get_object(self, request: HttpRequest, agency: int | None = None) -> Agency | None:
        if agency is None:
            return None
        found = agency_find(pk=agency)
        if found is None:
            raise Http404
        return found

    def title(self, obj: Agency | None) -> str:
        name = obj.short_name if obj is not None else _("Taipei City Government")
        return _("%(name)s press releases") % {"name": name}

    def link(self, obj: Agency | None) -> str:
        url = reverse("press_public:releases")
        return f"{url}?agency={obj.pk}" if obj is not None else url

    def description(self, obj: Agency | None) -> str:
        return _("Press releases published by the Taipei City Government, newest first.")

    def items(self, obj: Agency | None) -> list[PressRelease]:
        return selectors.public_latest(agency_id=obj.pk if obj is not None else None, limit=FEED_SIZE)

    def item_title(self, item: PressRelease) -> str:
        return f"[{_('Correction')}] {item.title}" if item.is_corrected else item.title

    def item_description(self, item: PressRelease) -> str:
        return plain_text(item.body)[:500]

    def item_link(self, item: PressRelease) -> str:
        return reverse("press_public:release", args=[item.pk])

    def item_pubdate(self, item: PressRelease) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: PressRelease) -> dt.datetime | None:
        return item.corrected_at or item.published_at

    def item_author_name(self, item: PressRelease) -> str:
        return item.agency.short_name

    def item_categories(self, item: PressRelease) -> list[str]:
        return [item.agency.short_name]


class ReleaseAtom(ReleaseRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Agency | None) -> str:
        return self.description(obj)


class ScheduleRss(Feed):  # type: ignore[type-arg]
    feed_type: type[Any] = Rss201rev2Feed

    def title(self) -> str:
        return _("The mayor's public schedule")

    def link(self) -> str:
        return reverse("press_public:schedule_today")

    def description(self) -> str:
        return _("The public part of the mayor's daily schedule, published every morning.")

    def items(self) -> list[tuple[dt.date, list[ScheduleEntry]]]:
        return press_records.public_schedule_days()

    def item_title(self, item: tuple[dt.date, list[ScheduleEntry]]) -> str:
        return _("The mayor's schedule, %(day)s") % {"day": roc.format_words(item[0])}

    def item_description(self, item: tuple[dt.date, list[ScheduleEntry]]) -> str:
        lines = [f"{entry.starts_at.astimezone(press_records.TAIPEI):%H:%M} {entry.event}（{entry.place}）"
                 for entry in item[1]]
        return "\n".join(lines) or _("No public events.")

    def item_link(self, item: tuple[dt.date, list[ScheduleEntry]]) -> str:
        return reverse("press_public:schedule_day", args=[item[0].isoformat()])

    def item_pubdate(self, item: tuple[dt.date, list[ScheduleEntry]]) -> dt.datetime:
        hour = int(setting_get("media.schedule_public_hour"))
        return dt.datetime.combine(item[0], dt.time(hour, 0), tzinfo=press_records.TAIPEI)


class ScheduleAtom(ScheduleRss):
    feed_type = Atom1Feed


def _cached_feed(feed: Feed) -> Any:  # type: ignore[type-arg]
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        return cached(request, lambda: feed(request, **kwargs))

    return view


releases_rss = _cached_feed(ReleaseRss())
releases_atom = _cached_feed(ReleaseAtom())
schedule_rss = _cached_feed(ScheduleRss())
schedule_atom = _cached_feed(ScheduleAtom())
