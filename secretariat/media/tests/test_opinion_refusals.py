"""Every refusal of the opinion services (recording, severity, escalation, responses, CSV and feed imports,
feed settings), each with its code and field, and nothing written: no item, response, case, audit row."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from secretariat.accounts.models import Agency
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.models.opinion import OpinionFeed, OpinionItem
from secretariat.media.services import opinion_import
from secretariat.media.services.opinion import (
    MAX_REACH,
    opinion_escalate,
    opinion_item_create,
    opinion_response_record,
    opinion_severity_adjust,
)
from secretariat.media.services.opinion_import import opinion_csv_import, opinion_feed_import, opinion_feed_save
from secretariat.media.tests.opinion_helpers import agency_id, at, record
from secretariat.media.tests.refusal_helpers import assert_refusal, nothing_written

pytestmark = pytest.mark.django_db
NOT_MONITORS = ["secretariat_clerk", "liaison", "agency_head", "auditor", "councillor", "anonymous"]
HEADER = "seen_at,outlet,medium,headline,agencies\n"


def person(request: Any, name: str) -> Any:
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.fixture
def item(monitor) -> Any:
    return record(monitor, link="https://news.example.tw/a/1")


# --- Who monitors ---------------------------------------------------------------------------------------

MONITOR_ONLY = {
    "record": lambda actor, item: record(actor, link="https://news.example.tw/b/2"),
    "adjust": lambda actor, item: opinion_severity_adjust(actor=actor, item_id=item.pk, score=80, reason="追蹤"),
    "escalate": lambda actor, item: opinion_escalate(actor=actor, item_id=item.pk, agency_id=agency_id("交通局")),
    "import": lambda actor, item: opinion_csv_import(
        actor=actor, data=(HEADER + "2023-09-12 08:00,北市日報,news,好,交通局\n").encode()),
}


@pytest.mark.parametrize("who", NOT_MONITORS)
@pytest.mark.parametrize("action", list(MONITOR_ONLY))
def test_only_the_media_units_monitors_record_rank_escalate_and_import(request, item, action, who) -> None:
    actor = person(request, who)
    with nothing_written(), pytest.raises(PermissionRefused) as refused:
        MONITOR_ONLY[action](actor, item)
    assert_refusal(refused.value, PermissionRefused, "permission_denied")


# --- Recording an item ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"reach": True}, "invalid_reach", "reach"),
    ({"reach": MAX_REACH + 1}, "invalid_reach", "reach"),
    ({"reach": "1,000"}, "invalid_reach", "reach"),
    ({"seen_at": None}, "required", "seen_at"),
    ({"headline": "  "}, "required", "headline"),
    ({"headline": "長" * 301}, "too_long", "headline"),
    ({"outlet": "報" * 101}, "too_long", "outlet"),
    ({"summary": "字" * 5001}, "too_long", "summary"),
    ({"topics": "題" * 301}, "too_long", "topics"),
    ({"link": "ftp://news.example.tw/1"}, "invalid_link", "link"),
    ({"link": "https://news.example.tw:99999/1"}, "invalid_link", "link"),
    ({"link": "javascript:alert(1)"}, "invalid_link", "link"),
])
def test_an_item_with_a_bad_value_is_refused_naming_the_field(monitor, fields, code, field) -> None:
    values = {"outlet": "北市日報", "medium": "news", "headline": "捷運延誤", "seen_at": at("2023-09-12"), **fields}
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_item_create(actor=monitor, **values)
    assert_refusal(refused.value, ValidationFailed, code, field)


@pytest.mark.parametrize("ids", [[987654], ["交通局"], [None]])
def test_an_item_naming_an_unknown_agency_is_refused(monitor, ids) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_item_create(actor=monitor, outlet="北市日報", medium="news", headline="捷運延誤",
                            seen_at=at("2023-09-12"), agency_ids=ids)
    assert_refusal(refused.value, ValidationFailed, "unknown_agency", "agencies")


def test_an_item_naming_an_agency_no_longer_active_is_refused(monitor) -> None:
    Agency.objects.filter(short_name="衛生局").update(is_active=False)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        record(monitor, agencies=("衛生局",))
    assert_refusal(refused.value, ValidationFailed, "unknown_agency", "agencies")


def test_a_duplicate_link_is_refused_with_the_existing_item_named_and_nothing_written(monitor, item) -> None:
    with nothing_written(), pytest.raises(Conflict) as refused:
        record(monitor, "同一篇", link="http://NEWS.example.tw/a/1/?fbclid=abc")
    assert_refusal(refused.value, Conflict, "duplicate_link", "link")
    assert refused.value.params["pk"] == item.pk


# --- Severity ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("score", [-1, 101, True, 50.5])
def test_a_severity_outside_0_to_100_is_refused(monitor, item, score) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_severity_adjust(actor=monitor, item_id=item.pk, score=score, reason="理由")
    assert_refusal(refused.value, ValidationFailed, "invalid_score", "score")


def test_a_severity_with_only_spaces_for_a_reason_is_refused(monitor, item) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_severity_adjust(actor=monitor, item_id=item.pk, score=70, reason="   ")
    assert_refusal(refused.value, ValidationFailed, "reason_required", "reason")


def test_adjusting_an_item_that_does_not_exist_is_not_found(monitor) -> None:
    with nothing_written(), pytest.raises(NotFound):
        opinion_severity_adjust(actor=monitor, item_id=987654, score=70, reason="理由")


# --- Escalation -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("agency", "code"), [(None, "escalation_needs_agency"), ("", "escalation_needs_agency"),
                                              (0, "escalation_needs_agency"), (987654, "unknown_agency"),
                                              ("abc", "unknown_agency")])
def test_escalation_needs_a_known_agency(monitor, item, agency, code) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_escalate(actor=monitor, item_id=item.pk, agency_id=agency)
    assert refused.value.code == code


def test_a_second_escalation_opens_no_second_case(monitor, item) -> None:
    opinion_escalate(actor=monitor, item_id=item.pk, agency_id=agency_id("交通局"))
    with nothing_written(), pytest.raises(Conflict) as refused:
        opinion_escalate(actor=monitor, item_id=item.pk, agency_id=agency_id("衛生局"))
    assert_refusal(refused.value, Conflict, "already_escalated")
    assert refused.value.params["ref"].startswith("M")


def test_escalating_an_item_that_does_not_exist_is_not_found(monitor) -> None:
    with nothing_written(), pytest.raises(NotFound):
        opinion_escalate(actor=monitor, item_id=987654, agency_id=agency_id("交通局"))


# --- Responses ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["councillor", "outsider", "anonymous"])
def test_people_who_cannot_see_the_item_get_not_found_when_responding(request, item, who) -> None:
    actor = person(request, who)
    with nothing_written(), pytest.raises(NotFound):
        opinion_response_record(actor=actor, item_id=item.pk, kind="statement", text="說明",
                                agency_id=agency_id("交通局"))


@pytest.mark.parametrize("who", ["auditor", "secretariat_clerk"])
def test_readers_who_see_every_item_still_cannot_respond_for_an_agency(request, item, who) -> None:
    actor = person(request, who)
    with nothing_written(), pytest.raises(PermissionRefused) as refused:
        opinion_response_record(actor=actor, item_id=item.pk, kind="statement", text="說明",
                                agency_id=agency_id("交通局"))
    assert_refusal(refused.value, PermissionRefused, "permission_denied")


@pytest.mark.parametrize("who", ["auditor", "secretariat_clerk"])
def test_a_reader_who_names_no_agency_is_refused_as_a_reader_not_asked_for_an_agency(request, item, who) -> None:
    actor = person(request, who)
    with nothing_written(), pytest.raises(PermissionRefused):
        opinion_response_record(actor=actor, item_id=item.pk, kind="statement", text="說明")


def test_a_monitor_must_say_which_agency_responded(monitor, item) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_response_record(actor=monitor, item_id=item.pk, kind="statement", text="說明")
    assert_refusal(refused.value, ValidationFailed, "agency_required", "agency")


def test_a_liaison_cannot_respond_in_another_agencys_name(monitor, liaison) -> None:
    shared = record(monitor, link="https://news.example.tw/c/3", agencies=("交通局", "衛生局"))
    with nothing_written(), pytest.raises(PermissionRefused):
        opinion_response_record(actor=liaison, item_id=shared.pk, kind="statement", text="說明",
                                agency_id=agency_id("衛生局"))


def test_a_response_longer_than_10000_characters_is_refused(liaison, item) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_response_record(actor=liaison, item_id=item.pk, kind="statement", text="字" * 10001)
    assert_refusal(refused.value, ValidationFailed, "too_long", "text")


# --- CSV imports -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "code"), [
    (b"", "csv_empty"),
    (HEADER.encode(), "csv_empty"),
    ((HEADER + ",,,,\n , , , , \n").encode(), "csv_empty"),
    (b"\xff\xfe\xff\xfe", "csv_encoding"),
    (b"outlet,headline\n", "csv_header"),
])
def test_an_unusable_csv_file_is_refused_whole(monitor, data, code) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_csv_import(actor=monitor, data=data)
    assert_refusal(refused.value, ValidationFailed, code, "file")


def test_a_csv_file_over_the_size_limit_is_refused_before_it_is_read(monitor, monkeypatch) -> None:
    monkeypatch.setattr(opinion_import, "MAX_CSV_BYTES", 100)
    data = (HEADER + "2023-09-12 08:00,北市日報,news,好,交通局\n" * 5).encode()
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_csv_import(actor=monitor, data=data)
    assert_refusal(refused.value, ValidationFailed, "csv_too_large", "file")


def test_a_csv_file_with_too_many_rows_is_refused(monitor, monkeypatch) -> None:
    monkeypatch.setattr(opinion_import, "MAX_CSV_ROWS", 2)
    data = (HEADER + "".join(f"2023-09-12 08:00,北市日報,news,第{n}則,交通局\n" for n in range(3))).encode()
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_csv_import(actor=monitor, data=data)
    assert_refusal(refused.value, ValidationFailed, "csv_too_many", "file")


def test_more_than_twenty_bad_rows_are_counted_and_the_rest_summarised(monitor) -> None:
    data = (HEADER + "".join(f"2023-09-12 08:00,北市日報,paper,第{n}則,交通局\n" for n in range(25))).encode()
    with nothing_written(), pytest.raises(opinion_import.CsvRejected) as refused:
        opinion_csv_import(actor=monitor, data=data)
    assert len(refused.value.errors) == 25
    assert "(+5)" in refused.value.render()


# --- Feeds ---------------------------------------------------------------------------------------------

def test_fetching_a_feed_that_does_not_exist_is_not_found(monitor) -> None:
    with nothing_written(), pytest.raises(NotFound):
        opinion_feed_import(actor=monitor, feed_id=987654, content=b"<rss/>")


@pytest.mark.parametrize("persona", ["secretariat_clerk", "auditor"])
def test_only_a_monitor_fetches_or_configures_a_feed(persona, request) -> None:
    """The services refuse by themselves: a page or the admin forgetting its guard would not open the door."""
    user = request.getfixturevalue(persona)
    feed = OpinionFeed.objects.create(name="北市日報", url="https://news.example.tw/rss", outlet="北市日報")
    with nothing_written(), pytest.raises(PermissionRefused):
        opinion_feed_import(actor=user, feed_id=feed.pk, content=b"<rss/>")
    feed.outlet = "改名"
    with nothing_written(), pytest.raises(PermissionRefused):
        opinion_feed_save(actor=user, feed=feed)


def test_an_unreadable_feed_writes_no_item_and_notes_the_failure_on_the_feed(monitor) -> None:
    feed = OpinionFeed.objects.create(name="壞掉的來源", url="https://bad.example.tw/rss", outlet="x")
    with pytest.raises(ValidationFailed):
        opinion_feed_import(actor=monitor, feed_id=feed.pk, content=b"<<< not xml")
    feed.refresh_from_db()
    assert feed.last_result  # the administrator sees why the feed brought nothing
    assert not OpinionItem.objects.exists()


@pytest.mark.parametrize(("url", "medium", "code", "field"), [
    ("file:///etc/passwd", "news", "invalid_link", "link"),
    ("news.example.tw/rss", "news", "invalid_link", "link"),
    ("https://news.example.tw/rss", "paper", "invalid_medium", "medium"),
])
def test_a_feed_with_a_bad_address_or_medium_is_not_saved(secretariat_admin, url, medium, code, field) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        opinion_feed_save(actor=secretariat_admin, feed=OpinionFeed(name="來源", url=url, outlet="x", medium=medium))
    assert_refusal(refused.value, ValidationFailed, code, field)


def test_changing_a_saved_feed_to_a_bad_address_leaves_it_as_it_was(secretariat_admin) -> None:
    feed = opinion_feed_save(actor=secretariat_admin, feed=OpinionFeed(name="來源", url="https://a.example.tw/rss",
                                                                      outlet="x", medium="news"))
    feed.url = "gopher://a.example.tw/rss"
    with nothing_written(), pytest.raises(ValidationFailed):
        opinion_feed_save(actor=secretariat_admin, feed=feed)
