"""CSV imports (all rows or none, bad rows listed) and feed imports (new entries only, no network)."""

from pathlib import Path

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.media.models.opinion import ItemSource, OpinionFeed, OpinionItem
from secretariat.media.services.opinion_import import CsvRejected, opinion_csv_import, opinion_feed_import
from secretariat.media.tests.opinion_helpers import record

pytestmark = pytest.mark.django_db
FEED = Path(__file__).parent / "opinion_data" / "feed.xml"
HEADER = "seen_at,outlet,medium,link,headline,summary,sentiment,reach,topics,agencies\n"


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return (header + "\n".join(rows) + "\n").encode(encoding)


def test_a_good_file_is_imported_with_one_audit_row(monitor):
    data = csv_bytes("2023-09-12 08:30,北市日報,news,https://n.example.tw/1,公車事故,摘要,negative,\"12,000\",交通,交通局",
                     "2023-09-12 09:00,電視台,電視,,停水新聞,,負面,50000,,交通局、衛生局")

    result = opinion_csv_import(actor=monitor, data=data)

    assert result.created == 2
    items = list(OpinionItem.objects.order_by("pk"))
    assert [item.source for item in items] == [ItemSource.CSV] * 2
    assert items[0].reach == 12000
    assert items[1].medium == "tv"
    assert items[1].agencies.count() == 2
    entry = AuditEntry.objects.get(action="opinion.import_csv")
    assert entry.extra is not None
    assert entry.extra["items"] == result.item_ids


def test_chinese_headers_and_a_big5_file_are_understood(monitor):
    header = "時間,媒體,類別,連結,標題,摘要,情緒,觸及,議題,機關\n"
    data = csv_bytes("2023-09-12 08:30,北市日報,新聞,,臺北市政新聞,,中立,10,,交通局", header=header, encoding="cp950")
    assert opinion_csv_import(actor=monitor, data=data).created == 1


def test_bad_rows_are_listed_by_line_and_nothing_is_written(monitor):
    existing = record(monitor, link="https://n.example.tw/old")
    data = csv_bytes("2023-09-12 08:30,北市日報,news,https://n.example.tw/1,好的一列,,negative,10,,交通局",
                     "2023-09-12 08:30,北市日報,newspaper,,壞的類別,,negative,10,,交通局",
                     "2023-09-12 08:30,北市日報,news,https://n.example.tw/1/?utm_source=x,重複連結,,negative,10,,",
                     "昨天,北市日報,news,,壞的時間,,negative,10,,交通局",
                     "2023-09-12 08:30,北市日報,news,,不明機關,,negative,10,,火星局",
                     "2023-09-12 08:30,北市日報,news,https://n.example.tw/old,已有的連結,,negative,10,,")

    with pytest.raises(CsvRejected) as refused:
        opinion_csv_import(actor=monitor, data=data)

    assert [line for line, _message in refused.value.errors] == [3, 4, 5, 6, 7]
    message = refused.value.render()
    assert all(reason in message for _line, reason in refused.value.errors)
    assert f"#{existing.pk}" in dict(refused.value.errors)[7]
    assert list(OpinionItem.objects.all()) == [existing]


def test_a_file_without_the_required_columns_is_refused(monitor):
    with pytest.raises(ValidationFailed) as refused:
        opinion_csv_import(actor=monitor, data=b"headline,outlet\nx,y\n")
    assert refused.value.code == "csv_header"


def test_only_monitors_import(secretariat_clerk):
    with pytest.raises(PermissionRefused):
        opinion_csv_import(actor=secretariat_clerk, data=csv_bytes())


def test_a_feed_brings_in_its_new_entries_as_plain_text_and_skips_them_the_next_time(monitor):
    feed = OpinionFeed.objects.create(name="北市新聞網", url="https://news.example.tw/rss", outlet="北市新聞網")

    first = opinion_feed_import(actor=monitor, feed_id=feed.pk, content=FEED.read_bytes())
    again = opinion_feed_import(actor=monitor, feed_id=feed.pk, content=FEED.read_bytes())

    assert (first.created, first.skipped) == (2, 1)  # the entry without a title is skipped
    assert (again.created, again.skipped) == (0, 3)
    water = OpinionItem.objects.get(headline__startswith="大安區")
    assert water.summary == "自來水處公告大安區停水12小時。"
    assert water.source == ItemSource.FEED
    assert water.feed == feed
    assert water.seen_at.isoformat().startswith("2023-09-12T01:30")
    feed.refresh_from_db()
    assert feed.last_fetched_at is not None
    assert feed.last_result


def test_a_feed_address_that_is_not_a_web_address_is_not_fetched(monitor):
    feed = OpinionFeed.objects.create(name="本機檔案", url="/etc/passwd", outlet="x")
    with pytest.raises(ValidationFailed):
        opinion_feed_import(actor=monitor, feed_id=feed.pk)


def test_an_unreadable_feed_is_refused_clearly(monitor):
    feed = OpinionFeed.objects.create(name="壞掉的來源", url="https://bad.example.tw/rss", outlet="x")
    with pytest.raises(ValidationFailed) as refused:
        opinion_feed_import(actor=monitor, feed_id=feed.pk, content=b"not a feed at all <<<")
    assert refused.value.code == "feed_unreadable"
