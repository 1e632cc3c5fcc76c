"""Councillors' data requests: deadlines by urgency, the under-3-days rule, senior review, one reopen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from secretariat.cases.models import CaseStatus
from secretariat.core.errors import NotFound, PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.council.models.requests import DataRequest, Urgency
from secretariat.council.selectors.requests import (
    led_by_secretariat_stats,
    metrics_by_agency,
    request_get,
    requests_visible,
)
from secretariat.council.services.requests import request_part_submit
from secretariat.council.tests.request_helpers import file, make_councillor, reload, step
from secretariat.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def cheng(councillor):
    """鄭議員, with their portal account (the shared `councillor` persona)."""
    return make_councillor("鄭議員", councillor)


def assigned(admin, request, agency, *, on="2025-03-03", **data):
    step(admin, request, "assign", agency=agency.pk, on=on, **data)
    return reload(request)


@pytest.mark.parametrize(("urgency", "due"), [(Urgency.NORMAL, "2025-03-11"), (Urgency.QUICK, "2025-03-06")])
def test_urgency_sets_the_due_date_in_working_days(councillor, cheng, urgency, due):
    request = file(councillor, cheng, urgency=urgency)  # filed Monday 2025-03-03
    assert request.case.due_on == dt.date.fromisoformat(due)


def test_due_date_skips_the_weekend_and_holidays(councillor, cheng):
    # Filed Friday 2025-02-21: 6 working days later, past the 228 holiday (Friday 2025-02-28), is Tuesday 2025-03-04.
    request = file(councillor, cheng, on="2025-02-21")
    assert request.case.due_on == dt.date(2025, 3, 4)


def test_most_urgent_without_the_urgent_mark_is_refused_and_nothing_written(councillor, cheng):
    with pytest.raises(ValidationFailed) as refused:
        file(councillor, cheng, urgency=Urgency.URGENT)
    assert refused.value.code == "too_short"
    assert not DataRequest.objects.exists()


def test_a_requested_date_under_three_working_days_is_refused_without_the_mark(councillor, cheng):
    with pytest.raises(ValidationFailed) as refused:
        file(councillor, cheng, requested_due=dt.date(2025, 3, 5))
    assert refused.value.code == "too_short"


def test_a_past_requested_date_is_refused(councillor, cheng):
    with pytest.raises(ValidationFailed) as refused:
        file(councillor, cheng, requested_due=dt.date(2025, 3, 1), marked_urgent=True, urgent_reason="質詢用")
    assert refused.value.code == "past_due"


def test_the_urgent_mark_needs_a_reason(councillor, cheng):
    with pytest.raises(ValidationFailed) as refused:
        file(councillor, cheng, urgency=Urgency.URGENT, marked_urgent=True)
    assert refused.value.code == "urgent_reason_required"


def test_an_urgent_request_waits_for_the_heads_date(councillor, cheng, secretariat_admin, agency_head,
                                                   agency_named, django_capture_on_commit_callbacks):
    request = file(councillor, cheng, urgency=Urgency.URGENT, marked_urgent=True, urgent_reason="明日質詢")
    with django_capture_on_commit_callbacks(execute=True):
        request = assigned(secretariat_admin, request, agency_named("交通局"))
    assert request.awaiting_date
    assert request.case.due_on is None
    assert Notification.objects.filter(user=agency_head, target=f"cases.case:{request.case.pk}").exists()
    assert any(agency_head.email in message.to for message in mail.outbox)


def test_the_agency_head_confirms_the_urgent_date(councillor, cheng, secretariat_admin, agency_head, agency_named):
    request = file(councillor, cheng, urgency=Urgency.URGENT, marked_urgent=True, urgent_reason="明日質詢")
    request = assigned(secretariat_admin, request, agency_named("交通局"))
    step(agency_head, request, "confirm_due", until="2025-03-05")
    request = reload(request)
    assert request.case.due_on == dt.date(2025, 3, 5)
    assert request.head_confirmed_by == agency_head
    assert not request.awaiting_date


def test_a_liaison_cannot_confirm_the_urgent_date(councillor, cheng, secretariat_admin, liaison, agency_named):
    request = file(councillor, cheng, urgency=Urgency.URGENT, marked_urgent=True, urgent_reason="明日質詢")
    request = assigned(secretariat_admin, request, agency_named("交通局"))
    with pytest.raises(PermissionRefused):
        step(liaison, request, "confirm_due", until="2025-03-05")


def test_the_agency_answer_is_not_delivered_until_the_head_releases_it(councillor, cheng, secretariat_admin,
                                                                      liaison, agency_head, agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("交通局"))
    step(liaison, request, "answer", answer="資料如附件", on="2025-03-05")
    assert reload(request).released_at is None
    with pytest.raises(PermissionRefused):
        step(liaison, request, "close", on="2025-03-05")
    with pytest.raises(PermissionRefused):  # the Secretariat does not stand in for the agency's senior review
        step(secretariat_admin, request, "close", on="2025-03-05")
    step(agency_head, request, "close", on="2025-03-06")
    request = reload(request)
    assert request.case.status == CaseStatus.CLOSED
    assert request.released_at is not None
    assert request.released_at.date() == dt.date(2025, 3, 6)
    assert request.reviewed_by == agency_head
    assert request.released_on_time is True


def test_release_is_impossible_before_an_answer_is_drafted(councillor, cheng, secretariat_admin, agency_head,
                                                          agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("交通局"))
    with pytest.raises(ValidationFailed):
        step(agency_head, request, "close")


def test_the_drafter_cannot_review_their_own_answer(councillor, cheng, secretariat_admin, agency_head, agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("交通局"))
    step(agency_head, request, "answer", answer="資料如附件")
    with pytest.raises(PermissionRefused):
        step(agency_head, request, "close")


def test_release_tells_the_councillor(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("交通局"))
    step(liaison, request, "answer", answer="資料如附件")
    step(agency_head, request, "close")
    assert Notification.objects.filter(user=councillor, target=f"cases.case:{request.case.pk}").exists()


def test_a_late_release_is_not_within_the_rules(councillor, cheng, secretariat_admin, liaison, agency_head,
                                               agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng, urgency=Urgency.QUICK), agency_named("交通局"))
    step(liaison, request, "answer", answer="資料如附件", on="2025-03-07")
    step(agency_head, request, "close", on="2025-03-07")
    assert reload(request).released_on_time is False


def released(councillor, cheng, admin, liaison, head, agency):
    request = assigned(admin, file(councillor, cheng), agency)
    step(liaison, request, "answer", answer="資料如附件")
    step(head, request, "close")
    return reload(request)


def test_the_councillor_reopens_once_with_a_reason(councillor, cheng, secretariat_admin, liaison, agency_head,
                                                  agency_named):
    request = released(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named("交通局"))
    step(councillor, request, "reopen", reason="未提供106年以前資料", on="2025-03-04")
    request = reload(request)
    assert request.case.status == CaseStatus.IN_PROGRESS
    assert request.reopen_reason == "未提供106年以前資料"
    step(liaison, request, "answer", answer="補充資料", on="2025-03-05")
    step(agency_head, request, "close", on="2025-03-05")
    with pytest.raises(ValidationFailed) as refused:
        step(councillor, request, "reopen", reason="仍不完整", on="2025-03-06")
    assert refused.value.code == "already_reopened"
    assert reload(request).case.status == CaseStatus.CLOSED


def test_another_councillor_cannot_reopen(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named):
    request = released(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named("交通局"))
    other = make_councillor("李議員", username="lee")
    with pytest.raises(PermissionRefused):
        step(other.user, request, "reopen", reason="不滿意")


def test_a_councillor_sees_only_their_own_requests(councillor, cheng):
    mine = file(councillor, cheng)
    other = make_councillor("李議員", username="lee")
    theirs = file(other.user, other)
    assert list(requests_visible(councillor)) == [mine]
    with pytest.raises(NotFound):
        request_get(councillor, theirs.pk)


def test_a_councillor_cannot_file_for_another(councillor, cheng):
    other = make_councillor("李議員", username="lee")
    with pytest.raises(PermissionRefused):
        file(councillor, other)


def test_a_clerk_files_on_a_councillors_behalf(secretariat_clerk, cheng):
    request = file(secretariat_clerk, cheng)
    assert request.filed_by == secretariat_clerk
    assert request.councillor == cheng


def test_the_secretariat_collects_parts_when_it_leads(councillor, cheng, secretariat_clerk, secretariat_admin,
                                                     liaison, outsider, agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("秘書處"),
                       co_agencies=[agency_named("交通局").pk, agency_named("衛生局").pk])
    request_part_submit(actor=liaison, case_id=request.pk, text="交通局部分")
    request_part_submit(actor=outsider, case_id=request.pk, text="衛生局部分")
    assert sorted(request.parts.values_list("text", flat=True)) == ["交通局部分", "衛生局部分"]
    step(secretariat_clerk, request, "answer", answer="彙整：交通局部分；衛生局部分")
    step(secretariat_admin, request, "close")
    assert reload(request).released_on_time is True
    assert led_by_secretariat_stats(Period(114, 1)) == (1, 1)


def test_an_agency_not_asked_to_contribute_cannot_submit_a_part(councillor, cheng, secretariat_admin, outsider,
                                                                agency_named):
    request = assigned(secretariat_admin, file(councillor, cheng), agency_named("秘書處"),
                       co_agencies=[agency_named("交通局").pk])
    with pytest.raises(NotFound):
        request_part_submit(actor=outsider, case_id=request.pk, text="衛生局部分")


def test_the_secretariat_stats_count_only_requests_it_leads(councillor, cheng, secretariat_admin, liaison,
                                                            agency_head, agency_named):
    released(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named("交通局"))
    assigned(secretariat_admin, file(councillor, cheng), agency_named("秘書處"))
    assert led_by_secretariat_stats(Period(114, 1)) == (1, 0)
    assert led_by_secretariat_stats(Period(113, 2)) == (0, 0)


def test_metrics_per_agency(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named, outsider):
    request = released(councillor, cheng, secretariat_admin, liaison, agency_head, agency_named("交通局"))
    step(councillor, request, "reopen", reason="未回答問題")
    [row] = metrics_by_agency(secretariat_admin, Period(114, 1))
    assert (row.agency.short_name, row.requests, row.on_time, row.reopened, row.average_days) == \
        ("交通局", 1, 1, 1, 0.0)
    assert metrics_by_agency(outsider, Period(114, 1)) == []


def test_the_demo_gives_the_seeds_206_requests_all_within_the_rules(reference_data, councillor):
    from secretariat.council.demo import requests as demo

    make_councillor("鄭議員", councillor)
    for name in ("李議員", "王議員"):
        make_councillor(name)
    summary = demo.load()
    assert summary[0].startswith("206 data requests led by the Secretariat in 112年下半年")
    assert led_by_secretariat_stats(Period(112, 2)) == (206, 206)
    assert DataRequest.objects.filter(case__lead_agency__is_secretariat=False).count() == 45
    assert DataRequest.objects.filter(councillor__user=councillor).exists()  # the demo councillor has requests
    assert demo.load() == ["data requests: already loaded"]
