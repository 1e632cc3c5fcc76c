"""Recording opinion items, their severity and who may see them: stories with the personas."""

import pytest

from secretariat.audit.models import AuditEntry
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.media.access.opinion import is_monitor
from secretariat.media.models.opinion import OpinionItem
from secretariat.media.selectors.opinion import ItemFilters, item_list, items_visible
from secretariat.media.services.opinion import opinion_severity_adjust
from secretariat.media.tests.opinion_helpers import at, record

pytestmark = pytest.mark.django_db


def test_a_monitor_records_an_item_with_its_computed_severity(monitor):
    item = record(monitor, link="https://news.example.tw/a/1", reach=12000)

    assert item.computed_score == item.severity == 30 + 15 + 25
    assert item.seen_on.isoformat() == "2023-09-12"
    assert list(item.agencies.values_list("short_name", flat=True)) == ["交通局"]
    assert AuditEntry.objects.filter(action="opinion.create", target_id=str(item.pk)).exists()


def test_flagged_keywords_and_more_agencies_raise_the_severity(monitor):
    plain = record(monitor, "市府公布公車新路線", sentiment="neutral", reach=0, agencies=("交通局",))
    alarming = record(monitor, "大安區停水 衛生局：注意食安", sentiment="neutral", reach=0,
                      agencies=("交通局", "衛生局"))

    assert alarming.severity == plain.severity + 5 + 20


def test_the_same_link_twice_is_refused_naming_the_first_item(monitor):
    first = record(monitor, link="https://news.example.tw/a/77?utm_source=fb")

    with pytest.raises(Conflict) as refused:
        record(monitor, "另一標題", link="https://www.news.example.tw/a/77/")

    assert refused.value.code == "duplicate_link"
    assert f"#{first.pk}" in refused.value.render()
    assert first.headline in refused.value.render()
    assert OpinionItem.objects.count() == 1


def test_items_without_a_link_are_not_duplicates_of_each_other(monitor):
    record(monitor, "電視新聞：公車事故", medium="tv")
    record(monitor, "廣播：公車事故", medium="radio")
    assert OpinionItem.objects.count() == 2


@pytest.mark.parametrize(("field", "value", "code"), [
    ("medium", "newspaper", "invalid_medium"), ("sentiment", "angry", "invalid_sentiment"),
    ("reach", -5, "invalid_reach"), ("outlet", "  ", "required"),
])
def test_bad_values_are_refused_and_nothing_is_written(monitor, field, value, code):
    with pytest.raises(ValidationFailed) as refused:
        record(monitor, **{field: value})
    assert refused.value.code == code
    assert not OpinionItem.objects.exists()


def test_a_time_in_the_future_is_refused(monitor):
    with pytest.raises(ValidationFailed):
        record(monitor, seen_at=at("2099-01-01"))


def test_only_the_media_unit_and_administrators_are_monitors(monitor, secretariat_clerk, secretariat_admin, liaison,
                                                             auditor):
    assert [is_monitor(user) for user in (monitor, secretariat_admin, secretariat_clerk, liaison, auditor)] == [
        True, True, False, False, False]
    with pytest.raises(PermissionRefused):
        record(secretariat_clerk)


def test_agency_staff_see_only_items_concerning_their_agency(monitor, liaison, outsider, auditor, councillor):
    transport = record(monitor, "公車事故", agencies=("交通局", "衛生局"))
    health = record(monitor, "食安事件", agencies=("衛生局",))

    assert set(items_visible(liaison)) == {transport}
    assert set(items_visible(outsider)) == {transport, health}
    assert set(items_visible(auditor)) == {transport, health}
    assert not items_visible(councillor).exists()


def test_the_list_is_ranked_filtered_and_paged_by_keyset(monitor, agency_named):
    items = [record(monitor, f"新聞{n}", link=f"https://n.example.tw/{n}", reach=10 ** (n % 6),
                    seen_at=at("2023-09-12", 8 + n)) for n in range(7)]
    record(monitor, "衛生新聞", agencies=("衛生局",), medium="tv")
    ranked = sorted(items, key=lambda item: (-item.severity, -item.seen_at.timestamp()))

    first, cursor = item_list(user=monitor, filters=ItemFilters(medium="news"), size=4)
    second, end = item_list(user=monitor, filters=ItemFilters(medium="news"), after=cursor, size=4)

    assert first + second == ranked
    assert end is None
    by_agency, _ = item_list(user=monitor, filters=ItemFilters(agency_id=agency_named("衛生局").pk))
    assert [item.headline for item in by_agency] == ["衛生新聞"]


def test_a_monitor_overrides_the_severity_with_a_reason_and_can_reset_it(monitor):
    item = record(monitor, reach=0)

    with pytest.raises(ValidationFailed):
        opinion_severity_adjust(actor=monitor, item_id=item.pk, score=95, reason="")
    adjusted = opinion_severity_adjust(actor=monitor, item_id=item.pk, score=95, reason="議員關注，明日質詢",
                                       version=item.version)
    assert (adjusted.severity, adjusted.computed_score) == (95, item.computed_score)
    entry = AuditEntry.objects.get(action="opinion.adjust_severity")
    assert entry.extra == {"reason": "議員關注，明日質詢"}
    assert entry.after is not None
    assert entry.after["severity"] == 95

    with pytest.raises(Conflict):
        opinion_severity_adjust(actor=monitor, item_id=item.pk, score=None, version=item.version)
    reset = opinion_severity_adjust(actor=monitor, item_id=item.pk, score=None, version=adjusted.version)
    assert reset.severity == item.computed_score
    assert reset.score_override is None


def test_an_agency_liaison_cannot_adjust_the_severity(monitor, liaison):
    item = record(monitor)
    with pytest.raises(PermissionRefused):
        opinion_severity_adjust(actor=liaison, item_id=item.pk, score=1, reason="不重要")
