"""Petition statistics: counted by the rules of the seed's table, scoped to the viewer, aggregated in
the database."""

import datetime as dt
from decimal import Decimal

import pytest

from secretariat.accounts.constants import Role
from secretariat.core.errors import PermissionRefused
from secretariat.core.roc import Period
from secretariat.petitions.selectors import statistics as stats
from secretariat.petitions.tests.stats_helpers import PetitionMaker

H2 = Period(112, 2)
AFTER = dt.date(2024, 6, 1)  # "today" for the overdue list: long after every due date below


@pytest.fixture
def make(secretariat_clerk):
    return PetitionMaker(secretariat_clerk)


def counts(rows):
    return [(row.name, row.received) for row in rows]


def test_petitions_are_counted_under_their_lead_agency_most_first(make):
    for _ in range(2):
        make(agency="警察局")
    make(agency="交通局")

    assert counts(stats.by_agency(period=H2)) == [("警察局", 2), ("交通局", 1)]


def test_district_offices_count_with_civil_affairs(make):
    make(agency="民政局")
    make(agency="中正區公所")
    make(agency="士林區公所")

    assert counts(stats.by_agency(period=H2)) == [("民政局（含區公所）", 3)]


def test_ties_follow_the_seeds_order_of_agencies(make):
    for name in ("人事處", "法務局", "捷運局", "人事處", "法務局", "捷運局", "秘書處", "兵役局"):
        make(agency=name)

    assert [row.name for row in stats.by_agency(period=H2)] == ["捷運局", "法務局", "人事處", "兵役局", "秘書處"]


def test_only_petitions_received_in_the_period_count_by_taipei_day(make):
    make(received="2023-06-30 23:59")
    make(received="2023-07-01 00:01")
    make(received="2023-12-31 23:59")
    make(received="2024-01-01 00:01")

    assert counts(stats.by_agency(period=H2)) == [("交通局", 2)]


def test_declined_petitions_are_still_counted(make):
    make(declined="2023-07-04 10:00")

    assert counts(stats.by_agency(period=H2)) == [("交通局", 1)]


def test_petitions_not_yet_assigned_come_last_on_a_row_of_their_own(make):
    make(agency=None)
    make(agency=None)
    make(agency="交通局")

    rows = stats.by_agency(period=H2)
    assert [(row.agency_id is None, row.received) for row in rows] == [(False, 1), (True, 2)]


def test_the_on_time_rate_is_among_answered_petitions_and_truncated(make):
    make(answered="2023-07-04 10:00")
    make(answered="2023-07-05 10:00")
    make(answered="2023-07-31 10:00")  # the 6 working days ran out on 7月11日
    make()  # not answered yet: not in the rate

    row = stats.by_agency(period=H2)[0]
    assert (row.received, row.answered, row.on_time, row.late) == (4, 3, 2, 1)
    assert row.on_time_rate == "66.6%"


def test_average_working_days_skip_holidays_and_count_make_up_days(make):
    make(received="2023-09-22 10:00", answered="2023-09-25 10:00")  # Sat 9/23 was worked (補班): 2 days
    make(received="2023-09-28 10:00", answered="2023-10-02 10:00")  # Fri 9/29 中秋節: 1 day

    assert stats.by_agency(period=H2)[0].average_working_days == Decimal("1.5")


def test_the_answer_day_is_taken_in_taipei_time(make):
    make(received="2023-07-03 10:00", answered="2023-07-05 07:30")  # 2023-07-04 23:30 UTC

    assert stats.by_agency(period=H2)[0].average_working_days == Decimal("2.0")


def test_counting_takes_the_same_few_queries_however_many_petitions(make, django_assert_max_num_queries):
    for name in ("交通局", "警察局", "中正區公所", "都發局"):
        make(agency=name, answered="2023-07-05 10:00")

    with django_assert_max_num_queries(6):  # counts, agencies, two day sums, the calendar (2)
        stats.by_agency(period=H2)


def test_agency_staff_see_only_their_own_agency(make, liaison):
    make(agency="交通局")
    make(agency="警察局")

    assert counts(stats.by_agency(period=H2, agency_ids=stats.stats_scope(liaison))) == [("交通局", 1)]


def test_civil_affairs_staff_see_the_district_offices_too(make, civil_affairs_liaison):
    make(agency="中正區公所")
    make(agency="民政局")
    make(agency="交通局")

    scope = stats.stats_scope(civil_affairs_liaison)
    assert counts(stats.by_agency(period=H2, agency_ids=scope)) == [("民政局（含區公所）", 2)]


def test_a_district_office_sees_its_own_name(make, make_persona):
    office = make_persona("zhongzheng", "中正聯絡", Role.AGENCY_LIAISON, "中正區公所")
    make(agency="中正區公所")

    assert counts(stats.by_agency(period=H2, agency_ids=stats.stats_scope(office))) == [("中正區公所", 1)]


def test_councillors_are_refused_statistics(councillor):
    with pytest.raises(PermissionRefused):
        stats.stats_scope(councillor)


def test_secretariat_staff_see_every_agency(secretariat_clerk):
    assert stats.stats_scope(secretariat_clerk) is None


def test_receipts_by_month_show_every_month_of_the_period(make):
    make(received="2023-07-10 10:00")
    make(received="2023-07-11 10:00")
    make(received="2023-12-04 10:00")

    assert [(m.month, m.received) for m in stats.by_month(period=H2)] == [(7, 2), (8, 0), (9, 0), (10, 0), (11, 0),
                                                                         (12, 1)]


def test_the_overdue_list_has_unanswered_petitions_past_due(make):
    late = make(received="2023-07-03 10:00")
    make(received="2023-07-03 11:00", answered="2023-07-05 10:00")

    total, rows = stats.overdue(period=H2, today=AFTER)

    assert total == 1
    assert [row.reference for row in rows] == [late.reference]
    assert rows[0].due_on == dt.date(2023, 7, 11)
    assert (rows[0].working_days_overdue or 0) > 100


def test_the_overdue_list_hides_the_subject_of_a_secret_petition(make):
    make(subject="檢舉某某違法", confidential=True)

    _total, rows = stats.overdue(period=H2, today=AFTER)

    assert "密件" in rows[0].subject
    assert "違法" not in rows[0].subject


def test_the_overdue_list_is_scoped_to_the_viewers_agency(make, outsider):
    make(agency="交通局")

    total, rows = stats.overdue(period=H2, agency_ids=stats.stats_scope(outsider), today=AFTER)

    assert (total, rows) == (0, [])


def test_the_period_picker_offers_each_half_year_on_record_newest_first(make):
    make(received="2023-03-01 10:00")
    make(received="2023-09-01 10:00")

    periods = stats.periods_on_record(today=dt.date(2024, 8, 1))

    assert [period.code for period in periods] == ["113H2", "113H1", "112H2", "112H1"]


def test_the_seed_layout_puts_two_agencies_on_a_line():
    assert stats.two_columns(["a", "b", "c"]) == [("a", "b"), ("c", None)]
