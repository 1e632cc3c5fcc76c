"""Bulk intake of opinion items: a monitor's CSV file, and the RSS/Atom feeds an administrator configured.

CSV is all or nothing: every row is checked first, and if any row is bad the import is refused with the
bad rows listed (line and reason) and nothing is written — a monitor fixes the file and sends it again,
instead of working out which half of it already went in. Feeds are the opposite: an entry whose link is
already recorded is skipped (the feed repeats its latest entries on every fetch), the rest are written.
Both write with bulk_create and one audit row per import, listing the items written.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

import feedparser  # type: ignore[import-untyped]
import nh3
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import ApplicationError, NotFound, ValidationFailed
from secretariat.media.models.opinion import ItemSource, Medium, OpinionFeed, OpinionItem, Sentiment
from secretariat.media.services import opinion_rules as rules
from secretariat.media.services.opinion import ItemDraft, _require_monitor, item_draft

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_ROWS = 5000
LISTED_ERRORS = 20
# Header names a monitor may use, in English or Chinese, for each column.
HEADERS = {
    "seen_at": {"seen_at", "時間", "刊登時間"}, "outlet": {"outlet", "媒體", "來源"},
    "medium": {"medium", "類別", "媒體類別"}, "link": {"link", "連結", "網址"}, "headline": {"headline", "標題"},
    "summary": {"summary", "摘要"}, "sentiment": {"sentiment", "情緒", "傾向"}, "reach": {"reach", "觸及", "聲量"},
    "topics": {"topics", "議題"}, "agencies": {"agencies", "機關", "相關機關"},
}
REQUIRED_HEADERS = ("seen_at", "outlet", "medium", "headline")
MEDIUM_WORDS = {"新聞": Medium.NEWS, "電視": Medium.TV, "廣播": Medium.RADIO, "論壇": Medium.FORUM,
                "社群": Medium.SOCIAL}
SENTIMENT_WORDS = {"正面": Sentiment.POSITIVE, "中立": Sentiment.NEUTRAL, "負面": Sentiment.NEGATIVE}


@dataclass
class ImportResult:
    created: int
    skipped: int = 0
    item_ids: list[int] = field(default_factory=list)


class CsvRejected(ValidationFailed):
    code = "csv_rows_invalid"

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        listed = "; ".join(_line(line, message) for line, message in errors[:LISTED_ERRORS])
        more = len(errors) - LISTED_ERRORS
        super().__init__(
            _("%(count)s rows are not valid, so nothing was imported. Correct them and import the file again: "
              "%(rows)s%(more)s"),
            params={"count": len(errors), "rows": listed, "more": f" (+{more})" if more > 0 else ""}, field="file")


def _line(line: int, message: str) -> str:
    return str(_("line %(line)s: %(message)s") % {"line": line, "message": message})


def _decode(data: bytes) -> str:
    # Excel in Taiwan saves CSV as Big5 (cp950) unless told otherwise; UTF-8 with or without BOM first.
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationFailed(_("Save the CSV file as UTF-8."), code="csv_encoding", field="file")


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        cleaned = name.strip().lower()
        for key, names in HEADERS.items():
            if cleaned in names:
                columns[key] = index
    missing = [key for key in REQUIRED_HEADERS if key not in columns]
    if missing:
        raise ValidationFailed(_("The first line must name the columns; missing: %(columns)s."),
                               code="csv_header", params={"columns": ", ".join(missing)}, field="file")
    return columns


def _seen_at(text: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    value = parse_datetime(text.replace("/", "-"))
    if value is None:
        raise ValidationFailed(_("Give the time as 2023-07-01 09:30."), code="invalid_time", field="seen_at")
    return value


def _row_draft(row: list[str], columns: dict[str, int], agencies: dict[str, Agency]) -> ItemDraft:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    names = [name.strip() for name in cell("agencies").replace("、", ";").replace(",", ";").split(";") if name.strip()]
    unknown = [name for name in names if name not in agencies]
    if unknown:
        raise ValidationFailed(_("Unknown agency: %(names)s."), code="unknown_agency",
                               params={"names": "、".join(unknown)}, field="agencies")
    medium = MEDIUM_WORDS.get(cell("medium"), cell("medium").lower())
    sentiment = SENTIMENT_WORDS.get(cell("sentiment"), cell("sentiment").lower() or Sentiment.NEUTRAL)
    reach = cell("reach").replace(",", "") or "0"
    return item_draft(outlet=cell("outlet"), medium=medium, headline=cell("headline"),
                      seen_at=_seen_at(cell("seen_at")),
                      link=cell("link"), summary=cell("summary"), sentiment=sentiment, reach=reach,
                      topics=cell("topics"), agency_ids=[agencies[name].pk for name in names])


def _check_rows(text: str) -> list[ItemDraft]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValidationFailed(_("The CSV file is empty."), code="csv_empty", field="file")
    columns = _columns(rows[0])
    body = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    if not body:
        raise ValidationFailed(_("The CSV file has no rows under its header."), code="csv_empty", field="file")
    if len(body) > MAX_CSV_ROWS:
        raise ValidationFailed(_("Import at most %(limit)s rows at a time."), code="csv_too_many",
                               params={"limit": MAX_CSV_ROWS}, field="file")
    by_name = {agency.short_name: agency for agency in Agency.objects.filter(is_active=True)}
    by_name.update({agency.name: agency for agency in by_name.values()})
    drafts: list[ItemDraft] = []
    errors: list[tuple[int, str]] = []
    first_line: dict[str, int] = {}
    for number, row in body:
        try:
            draft = _row_draft(row, columns, by_name)
        except ApplicationError as error:
            errors.append((number, error.render()))
            continue
        if draft.link_key and draft.link_key in first_line:
            errors.append((number, str(_("the same link as line %(line)s") % {"line": first_line[draft.link_key]})))
            continue
        if draft.link_key:
            first_line[draft.link_key] = number
        drafts.append(draft)
    keys = [draft.link_key for draft in drafts if draft.link_key]
    known = dict(OpinionItem.objects.filter(link_key__in=keys).values_list("link_key", "pk"))
    errors += [(first_line[key], str(_("already recorded as item #%(pk)s") % {"pk": pk}))
               for key, pk in known.items() if key is not None]
    if errors:
        raise CsvRejected(sorted(errors))
    return drafts


def items_write(drafts: list[ItemDraft], *, actor: Actor, source: str, feed: OpinionFeed | None = None) -> list[int]:
    """Insert checked drafts and their agencies: two bulk inserts and one audit row, whatever the count.
    Call inside a transaction (the demo loads its half-year through here, as a day's CSV import would)."""
    keywords = rules.flagged_keywords()
    items = OpinionItem.objects.bulk_create(
        [draft.model(source=source, actor=actor, keywords=keywords, feed_id=feed.pk if feed else None)
         for draft in drafts])
    if any(item.pk is None for item in items):  # databases that do not return ids from a bulk insert
        keys = [item.link_key for item in items]
        ids = dict(OpinionItem.objects.filter(link_key__in=keys).values_list("link_key", "pk"))
        for item in items:
            item.pk = ids.get(item.link_key)
    through = OpinionItem.agencies.through
    through.objects.bulk_create([through(opinionitem_id=item.pk, agency_id=agency.pk)
                                 for item, draft in zip(items, drafts, strict=True) for agency in draft.agencies])
    item_ids = [item.pk for item in items]
    # One audit row for the batch, on its first item (or the feed), naming every item written.
    record_change(actor=actor, action=f"opinion.import_{source}", target=feed or items[0],
                  extra={"items": item_ids, "count": len(item_ids)})
    return item_ids


def opinion_csv_import(*, actor: Actor, data: bytes) -> ImportResult:
    """Import a monitor's CSV file (see HEADERS for the columns). All rows are written or none."""
    _require_monitor(actor)
    if len(data) > MAX_CSV_BYTES:
        raise ValidationFailed(_("The file is larger than %(limit)s MB."), code="csv_too_large",
                               params={"limit": MAX_CSV_BYTES // (1024 * 1024)}, field="file")
    drafts = _check_rows(_decode(data))
    try:
        with transaction.atomic():
            ids = items_write(drafts, actor=actor, source=ItemSource.CSV)
    except IntegrityError:  # another import wrote one of these links meanwhile: check again, name it
        _check_rows(_decode(data))
        raise
    return ImportResult(created=len(ids), item_ids=ids)


def _entry_time(entry: Any, fallback: dt.datetime) -> dt.datetime:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return fallback
    stamp = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    return min(stamp, fallback)


def _plain(html: str, limit: int) -> str:
    """Feed text is HTML: keep only the words."""
    return " ".join(nh3.clean(html or "", tags=set()).split())[:limit]


def _feed_drafts(feed: OpinionFeed, parsed: Any, now: dt.datetime) -> tuple[list[ItemDraft], int]:
    drafts: dict[str, ItemDraft] = {}
    skipped = 0
    for entry in parsed.entries:
        try:
            draft = item_draft(outlet=feed.outlet, medium=feed.medium, headline=_plain(entry.get("title", ""), 300),
                               seen_at=_entry_time(entry, now), link=entry.get("link", ""),
                               summary=_plain(entry.get("summary", ""), 5000), now=now)
        except ApplicationError:
            skipped += 1  # an entry without a title or a usable link cannot be ranked or deduplicated
            continue
        if not draft.link_key or draft.link_key in drafts:
            skipped += 1
            continue
        drafts[draft.link_key] = draft
    known = set(OpinionItem.objects.filter(link_key__in=list(drafts)).values_list("link_key", flat=True))
    fresh = [draft for key, draft in drafts.items() if key not in known]
    return fresh, skipped + len(known)


def opinion_feed_import(*, actor: Actor, feed_id: int, content: bytes | None = None) -> ImportResult:
    """Fetch the feed (or parse `content`, as tests do) and record its new entries. Only http(s) feed
    addresses are fetched: a file path typed as an address must not read the server's files."""
    _require_monitor(actor)
    feed = OpinionFeed.objects.filter(pk=feed_id).first()
    if feed is None:
        raise NotFound()
    now = timezone.now()
    if content is None:
        rules.link_key(feed.url)  # refuses anything but a web address
        parsed = feedparser.parse(feed.url)
    else:
        parsed = feedparser.parse(content)
    if parsed.get("bozo") and not parsed.entries:
        _feed_done(feed, now, str(_("The feed could not be read.")))
        raise ValidationFailed(_("The feed could not be read as RSS or Atom."), code="feed_unreadable")
    drafts, skipped = _feed_drafts(feed, parsed, now)
    with transaction.atomic():
        ids = items_write(drafts, actor=actor, source=ItemSource.FEED, feed=feed) if drafts else []
        _feed_done(feed, now, str(_("%(created)s new, %(skipped)s skipped") % {"created": len(ids),
                                                                               "skipped": skipped}))
    return ImportResult(created=len(ids), skipped=skipped, item_ids=ids)


def _feed_done(feed: OpinionFeed, now: dt.datetime, result: str) -> None:
    feed.last_fetched_at, feed.last_result = now, result[:300]
    feed.save(update_fields=["last_fetched_at", "last_result"])


def opinion_feeds_import_all(*, actor: Actor) -> dict[str, int]:
    """The periodic job: every active feed, each on its own (one unreadable feed does not stop the rest)."""
    outcome: dict[str, int] = {}
    for feed in OpinionFeed.objects.filter(is_active=True).order_by("pk"):
        try:
            outcome[feed.name] = opinion_feed_import(actor=actor, feed_id=feed.pk).created
        except ApplicationError:
            outcome[feed.name] = -1
    return outcome


FEED_FIELDS = ["name", "url", "outlet", "medium", "is_active"]


def opinion_feed_save(*, actor: Actor, feed: OpinionFeed) -> OpinionFeed:
    """Save a feed an administrator configured (new or changed), audited. The address must be http(s)."""
    _require_monitor(actor)
    rules.link_key(feed.url)
    if feed.medium not in Medium.values:
        raise ValidationFailed(_("Choose the medium from the list."), code="invalid_medium", field="medium")
    before = None
    if feed.pk:
        old = OpinionFeed.objects.filter(pk=feed.pk).first()
        before = snapshot(old, FEED_FIELDS) if old else None
    with transaction.atomic():
        feed.save()
        record_change(actor=actor, action="opinion.feed_save", target=feed, before=before,
                      after=snapshot(feed, FEED_FIELDS))
    return feed
