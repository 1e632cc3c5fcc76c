"""The home page's case cards as the people they serve read them: each count equals the rows of the list it
links to, scoped to the reader's agency."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.cases.models import Case
from secretariat.cases.selectors import InboxFilter, case_inbox_count
from secretariat.cases.tests.stories import take
from secretariat.core.dashboards import cards_for

pytestmark = pytest.mark.django_db


def card(user, key):
    return next(view for view in cards_for(user) if view.key == key)


def keys(user) -> set[str]:
    return {view.key for view in cards_for(user)}


def due_of(case: Case) -> dt.date:
    due = Case.objects.get(pk=case.pk).due_on
    assert due is not None
    return due


def listed(client, url: str) -> int:
    """How many cases the inbox at `url` lists (every row fits one page in these stories)."""
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return len(response.context["rows"])


def test_the_clerk_sees_the_routing_queue_and_its_link_lists_the_same_cases(
        register_petition, assigned_petition, secretariat_clerk, client_for):
    register_petition("信義路路燈不亮")
    register_petition("公園垃圾未清")
    assigned_petition("交通局")

    to_route = card(secretariat_clerk, "cases.to_route")

    assert to_route.count == 2
    assert listed(client_for(secretariat_clerk), to_route.url) == 2


def test_a_case_returned_by_an_agency_is_counted_for_the_clerk(assigned_petition, secretariat_clerk, liaison,
                                                               client_for):
    case = assigned_petition("交通局")
    take(liaison, case, "return", reason="本案非本局權責")

    returned = card(secretariat_clerk, "cases.returned")

    assert (returned.count, returned.tone) == (1, "urgent")
    assert listed(client_for(secretariat_clerk), returned.url) == 1
    assert card(secretariat_clerk, "cases.to_route").count == 0  # a zero is shown, not hidden


def test_due_today_and_overdue_by_agency_follow_the_due_date(assigned_petition, secretariat_clerk, frozen_today,
                                                             client_for):
    transport = assigned_petition("交通局")
    assigned_petition("衛生局", assigned="2023-06-26")
    due = due_of(transport)

    frozen_today(due.isoformat())
    assert card(secretariat_clerk, "cases.due_today").count == 1
    assert listed(client_for(secretariat_clerk), card(secretariat_clerk, "cases.due_today").url) == 1

    frozen_today((due + dt.timedelta(days=1)).isoformat())
    overdue = card(secretariat_clerk, "cases.overdue_by_agency")
    assert overdue.count == 1
    assert [(part.label, part.count) for part in overdue.parts] == [("交通局", 1)]
    assert listed(client_for(secretariat_clerk), overdue.url) == 1
    assert listed(client_for(secretariat_clerk), overdue.parts[0].url) == 1


def test_the_liaison_of_the_transport_bureau_counts_only_its_own_cases(assigned_petition, liaison, outsider,
                                                                      client_for):
    assigned_petition("交通局")
    assigned_petition("交通局", title="公車站牌損壞")
    assigned_petition("衛生局", title="餐廳衛生")

    new = card(liaison, "cases.new_for_agency")

    assert new.count == 2
    assert listed(client_for(liaison), new.url) == 2
    assert card(outsider, "cases.new_for_agency").count == 1


def test_a_case_shared_with_the_agency_is_not_its_own_to_answer(assigned_petition, liaison, secretariat_clerk,
                                                                agency_named):
    case = assigned_petition("衛生局")
    case.co_agencies.add(agency_named("交通局"))

    assert case_inbox_count(user=liaison, filters=InboxFilter(status="assigned")) == 1  # the inbox shows it
    assert card(liaison, "cases.new_for_agency").count == 0  # but the answer is 衛生局's


def test_due_this_week_runs_from_today_to_sunday(assigned_petition, liaison, frozen_today, client_for):
    case = assigned_petition("交通局")
    due = due_of(case)
    monday = due - dt.timedelta(days=due.weekday())

    frozen_today(monday.isoformat())
    assert card(liaison, "cases.due_week").count == 1
    assert listed(client_for(liaison), card(liaison, "cases.due_week").url) == 1
    frozen_today((monday - dt.timedelta(days=1)).isoformat())  # the Sunday before: due next week
    assert card(liaison, "cases.due_week").count == 0


def test_the_head_sees_the_months_on_time_rate_with_its_basis(assigned_petition, liaison, agency_head,
                                                              frozen_today, client_for):
    first = assigned_petition("交通局", assigned="2023-07-03")
    late = assigned_petition("交通局", assigned="2023-07-03", title="號誌故障")
    late_due = due_of(late)
    take(liaison, first, "accept", on="2023-07-04")
    take(liaison, first, "answer", on="2023-07-04", answer="已修復。")
    take(liaison, late, "accept", on="2023-07-04")
    take(liaison, late, "answer", on=(late_due + dt.timedelta(days=1)).isoformat(), answer="已修復。")
    frozen_today((late_due + dt.timedelta(days=1)).isoformat())

    rate = card(agency_head, "cases.on_time_rate")

    assert (rate.figure, rate.count) == ("50%", 2)
    assert "1" in rate.basis
    assert "2" in rate.basis
    assert listed(client_for(agency_head), rate.url) == 2


def test_each_role_sees_the_case_cards_it_serves(secretariat_clerk, liaison, agency_head, auditor):
    clerk_cards = {"cases.to_route", "cases.returned", "cases.due_today", "cases.overdue_by_agency"}
    assert clerk_cards <= keys(secretariat_clerk)
    assert {"cases.new_for_agency", "cases.due_week", "cases.overdue"} <= keys(liaison)
    assert {"cases.overdue", "cases.on_time_rate"} <= keys(agency_head)
    assert not clerk_cards & keys(liaison)
    assert "cases.overdue_by_agency" in keys(auditor)
    assert "cases.to_route" not in keys(auditor)  # auditors read; they do not route


def test_the_home_page_counts_with_as_many_queries_whatever_the_number_of_cases(
        register_petition, secretariat_clerk, client_for, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = client_for(secretariat_clerk)
    register_petition("第一案")
    with CaptureQueriesContext(connection) as few:
        browser.get("/")
    for number in range(15):
        register_petition(f"第{number}案")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = browser.get("/")

    assert card(secretariat_clerk, "cases.to_route").count == 16
    # One query per card, besides the page's own few (session, user, calendar, days off, permissions).
    assert len(few.captured_queries) <= len(cards_for(secretariat_clerk)) + 14
    assert "16" in response.content.decode()
