"""The opinion pages: who sees them, forms that show the services' refusals, the case panel."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from secretariat.media.models.opinion import OpinionItem, OpinionResponse
from secretariat.media.services.opinion import opinion_escalate
from secretariat.media.tests.opinion_helpers import agency_id, record

pytestmark = pytest.mark.django_db


def test_a_monitor_records_an_item_in_the_form(client_for, monitor):
    response = client_for(monitor).post("/media/opinion/new/", {
        "outlet": "北市日報", "medium": "news", "headline": "捷運延誤", "sentiment": "negative", "reach": "5000",
        "seen_at": "2023-09-12T09:00", "link": "https://n.example.tw/1", "agencies": [agency_id("交通局")]})
    item = OpinionItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/media/opinion/{item.pk}/"


def test_the_form_shows_the_duplicate_link_refusal(client_for, monitor):
    first = record(monitor, link="https://n.example.tw/1")
    response = client_for(monitor).post("/media/opinion/new/", {
        "outlet": "另一報", "medium": "news", "headline": "同一篇", "sentiment": "neutral", "reach": "0",
        "seen_at": "2023-09-12T10:00", "link": "https://n.example.tw/1?utm_medium=x"})
    assert response.status_code == 400
    assert f"#{first.pk}".encode() in response.content
    assert OpinionItem.objects.count() == 1


def test_the_list_ranks_items_and_agency_staff_see_theirs_only(client_for, monitor, liaison, councillor):
    record(monitor, "低分新聞", link="https://n.example.tw/1", sentiment="positive", reach=0)
    record(monitor, "高分新聞", link="https://n.example.tw/2", reach=1_000_000)
    record(monitor, "衛生新聞", link="https://n.example.tw/3", agencies=("衛生局",))

    page = client_for(monitor).get("/media/opinion/").content.decode()
    assert page.index("高分新聞") < page.index("低分新聞")
    theirs = client_for(liaison).get("/media/opinion/").content.decode()
    assert "衛生新聞" not in theirs
    assert "高分新聞" in theirs
    assert client_for(councillor).get("/media/opinion/").status_code == 404
    assert client_for(liaison).get("/media/opinion/new/").status_code == 404


def test_filters_narrow_the_list_and_htmx_gets_the_results_only(client_for, monitor):
    record(monitor, "電視新聞", medium="tv")
    record(monitor, "論壇貼文", medium="forum", link="https://forum.example.tw/p/1")
    client = client_for(monitor)
    page = client.get("/media/opinion/", {"medium": "tv"}, HTTP_HX_REQUEST="true").content.decode()
    assert "電視新聞" in page
    assert "論壇貼文" not in page
    assert "<html" not in page
    assert client.get("/media/opinion/", {"since": "not a date"}).status_code == 400


def test_escalating_without_an_agency_shows_the_refusal_on_the_page(client_for, monitor):
    item = record(monitor)
    response = client_for(monitor).post(f"/media/opinion/{item.pk}/escalate/", {"agency": ""})
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.case is None


def test_the_liaison_responds_on_the_item_page_and_the_case_panel_shows_it(client_for, monitor, liaison):
    case = opinion_escalate(actor=monitor, item_id=record(monitor).pk, agency_id=agency_id("交通局")).case
    assert case is not None
    item = OpinionItem.objects.get(case=case)
    client = client_for(liaison)
    assert b"opinion-item-heading" in client.get(f"/cases/{case.pk}/").content

    response = client.post(f"/media/opinion/{item.pk}/respond/", {"kind": "statement", "text": "交通局聲明"})
    assert response.status_code == 302
    assert OpinionResponse.objects.count() == 1
    assert "交通局聲明" in client.get(f"/cases/{case.pk}/").content.decode()


def test_an_outsider_cannot_open_or_answer_another_agencys_item(client_for, monitor, outsider):
    item = record(monitor)
    assert client_for(outsider).get(f"/media/opinion/{item.pk}/").status_code == 404
    assert client_for(outsider).post(f"/media/opinion/{item.pk}/respond/",
                                     {"kind": "statement", "text": "x"}).status_code == 404


def test_the_import_page_lists_bad_rows(client_for, monitor):
    data = "seen_at,outlet,medium,headline\n2023-09-12 08:00,北市日報,paper,壞\n".encode()
    response = client_for(monitor).post("/media/opinion/import/", {"file": SimpleUploadedFile("x.csv", data)})
    assert response.status_code == 400
    assert b"<td>2</td>" in response.content


def test_the_digest_page_and_download(client_for, monitor, liaison):
    record(monitor)
    assert client_for(liaison).get("/media/opinion/digests/").status_code == 200
    response = client_for(liaison).get("/media/opinion/digests/2023-09-12/")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('2023-09-12.odt"')
    assert client_for(liaison).get("/media/opinion/digests/not-a-day/").status_code == 404
