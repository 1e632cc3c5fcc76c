"""The councillor portal and the staff pages for data requests, over HTTP."""

from __future__ import annotations

import pytest
from django.urls import reverse

from secretariat.cases.models import CaseStatus
from secretariat.council.models.requests import DataRequest
from secretariat.council.tests.request_helpers import file, make_councillor, reload, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def cheng(councillor):
    return make_councillor("鄭議員", councillor)


FORM = {"subject": "公車路線資料", "content": "請提供307公車營運資料", "urgency": "normal"}


def test_a_councillor_files_a_request_in_the_portal(client_for, councillor, cheng):
    response = client_for(councillor).post(reverse("council:portal_new"), FORM)
    item = DataRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("council:portal_detail", args=[item.pk])
    assert item.councillor == cheng
    assert item.filed_by == councillor


def test_a_too_short_deadline_is_refused_on_the_form(client_for, councillor, cheng):
    response = client_for(councillor).post(reverse("council:portal_new"), {**FORM, "urgency": "urgent"})
    assert response.status_code == 400
    assert not DataRequest.objects.exists()


def test_the_urgent_mark_with_a_reason_is_accepted(client_for, councillor, cheng):
    response = client_for(councillor).post(reverse("council:portal_new"), {
        **FORM, "urgency": "urgent", "marked_urgent": "on", "urgent_reason": "明日質詢"})
    assert response.status_code == 302
    page = client_for(councillor).get(response["Location"])
    assert DataRequest.objects.get().awaiting_date
    assert page.status_code == 200


def test_a_councillor_cannot_open_another_councillors_request(client_for, councillor, cheng):
    other = make_councillor("李議員", username="lee")
    theirs = file(other.user, other)
    assert client_for(councillor).get(reverse("council:portal_detail", args=[theirs.pk])).status_code == 404
    assert client_for(councillor).get(reverse("cases:detail", args=[theirs.pk])).status_code == 404
    response = client_for(councillor).post(reverse("council:portal_reopen", args=[theirs.pk]), {"reason": "x"})
    assert response.status_code == 404


def test_the_portal_lists_only_the_councillors_own_requests(client_for, councillor, cheng):
    mine = file(councillor, cheng, subject="我的索資")
    other = make_councillor("李議員", username="lee")
    file(other.user, other, subject="別人的索資")
    page = client_for(councillor).get(reverse("council:portal")).content.decode()
    assert mine.case.reference in page
    assert "別人的索資" not in page


def test_staff_cannot_use_the_portal(client_for, secretariat_clerk):
    assert client_for(secretariat_clerk).get(reverse("council:portal")).status_code == 404


def test_councillors_cannot_see_the_staff_list(client_for, councillor, cheng):
    assert client_for(councillor).get(reverse("council:requests")).status_code == 404


def test_the_answer_shows_only_once_released_and_the_councillor_reopens_once(
        client_for, councillor, cheng, secretariat_admin, liaison, agency_head, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    step(liaison, item, "answer", answer="草稿答復內容")
    url = reverse("council:portal_detail", args=[item.pk])
    assert "草稿答復內容" not in client_for(councillor).get(url).content.decode()
    step(agency_head, item, "close")
    assert "草稿答復內容" in client_for(councillor).get(url).content.decode()
    reopen = reverse("council:portal_reopen", args=[item.pk])
    assert client_for(councillor).post(reopen, {"reason": "未回答問題"}).status_code == 302
    assert reload(item).case.status == CaseStatus.IN_PROGRESS
    step(liaison, item, "answer", answer="補充答復")
    step(agency_head, item, "close")
    second = client_for(councillor).post(reopen, {"reason": "仍未回答"})
    assert second.status_code == 400
    assert reload(item).case.status == CaseStatus.CLOSED


def test_a_clerk_files_on_a_councillors_behalf(client_for, secretariat_clerk, cheng):
    response = client_for(secretariat_clerk).post(reverse("council:request_new"), {**FORM, "councillor": cheng.pk})
    item = DataRequest.objects.get()
    assert response.status_code == 302
    assert item.filed_by == secretariat_clerk


def test_an_agency_cannot_file(client_for, liaison):
    assert client_for(liaison).get(reverse("council:request_new")).status_code == 404


def test_the_staff_list_is_scoped_to_the_agency(client_for, councillor, cheng, secretariat_admin, liaison, outsider,
                                                agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    assert item.case.reference in client_for(liaison).get(reverse("council:requests")).content.decode()
    assert item.case.reference not in client_for(outsider).get(reverse("council:requests")).content.decode()


def test_the_staff_list_pages_to_older_requests(client_for, councillor, cheng, secretariat_admin, monkeypatch):
    from secretariat.council.views import requests as views

    monkeypatch.setattr(views, "LIST_SIZE", 2)
    items = [file(councillor, cheng, on=day, subject=f"資料{number}")
             for number, day in enumerate(("2025-03-03", "2025-03-04", "2025-03-05"))]
    client = client_for(secretariat_admin)
    first = client.get(reverse("council:requests")).content.decode()
    assert items[2].case.reference in first
    assert items[1].case.reference in first
    assert items[0].case.reference not in first
    assert f'href="?before={items[1].pk}"' in first
    older = client.get(reverse("council:requests"), {"before": items[1].pk}).content.decode()
    assert items[0].case.reference in older
    assert items[1].case.reference not in older
    assert 'href="?before=' not in older  # the last page links no further


def test_the_case_page_shows_the_request_and_lets_a_contributor_send_a_part(
        client_for, councillor, cheng, secretariat_admin, liaison, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("秘書處").pk, co_agencies=[agency_named("交通局").pk])
    page = client_for(liaison).get(reverse("cases:detail", args=[item.pk])).content.decode()
    assert reverse("council:request_part", args=[item.pk]) in page
    response = client_for(liaison).post(reverse("council:request_part", args=[item.pk]), {"text": "交通局提供資料"})
    assert response.status_code == 302
    assert item.parts.get().text == "交通局提供資料"


def test_the_metrics_page(client_for, secretariat_admin, councillor, cheng, liaison, agency_head, agency_named):
    item = file(councillor, cheng)
    step(secretariat_admin, item, "assign", agency=agency_named("交通局").pk)
    response = client_for(secretariat_admin).get(reverse("council:request_metrics"), {"period": "114H1"})
    assert response.status_code == 200
    assert "交通局" in response.content.decode()
    assert client_for(secretariat_admin).get(reverse("council:request_metrics"), {"period": "x"}).status_code == 400
