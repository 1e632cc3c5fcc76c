"""The bi-weekly review list: open and overdue questions by agency, scoped to the viewer's agency,
downloadable as ODS and XLSX, with each review meeting's decisions recorded against the items."""

from __future__ import annotations

import datetime as dt

import pytest
import tablib

from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.models import ReviewDecision, ReviewMeeting
from secretariat.council.selectors.questions import review_items
from secretariat.council.services.questions import review_meeting_record
from secretariat.council.tests.question_helpers import answer_and_approve, record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]
URL = "/council/review/"


@pytest.fixture
def items(session, secretariat_clerk, liaison, agency_head):
    transport = record(secretariat_clerk, session=session, topic="公車路網調整")
    health = record(secretariat_clerk, session=session, topic="登革熱防治", agencies=("衛生局",))
    done = answer_and_approve(record(secretariat_clerk, session=session, topic="已答復"), liaison, agency_head)
    return transport, health, done


def test_the_list_holds_unfinished_questions_and_marks_the_overdue(items, secretariat_clerk):
    transport, health, done = items
    rows = review_items(user=secretariat_clerk, today=dt.date(2023, 10, 11))
    assert {row.question for row in rows} == {transport, health, done}  # approved but not yet compiled
    assert all(row.overdue for row in rows)
    assert not any(row.overdue for row in review_items(user=secretariat_clerk, today=dt.date(2023, 10, 10)))


def test_an_agency_sees_only_its_own_items(items, outsider):
    assert [row.question.topic for row in review_items(user=outsider, today=dt.date(2023, 10, 4))] == ["登革熱防治"]


def test_the_page_lists_the_items(items, client_for, liaison):
    response = client_for(liaison).get(URL)
    assert response.status_code == 200
    assert "公車路網調整" in response.content.decode()
    assert "登革熱防治" not in response.content.decode()


def test_a_councillor_has_no_review_list(items, client_for, councillor):
    assert client_for(councillor).get(URL).status_code == 404


@pytest.mark.parametrize("file_format", ["ods", "xlsx"])
def test_the_list_downloads_as_a_spreadsheet(items, client_for, secretariat_clerk, file_format):
    response = client_for(secretariat_clerk).get(URL, {"format": file_format})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    assert len(response.content) > 1000


def test_the_xlsx_rows_carry_the_last_decision(items, client_for, secretariat_clerk):
    transport, _health, _done = items
    review_meeting_record(actor=secretariat_clerk, held_on=dt.date(2023, 10, 17), chaired_by="研考會主委",
                          decisions=[(transport.pk, "請於下次會議報告", True)])
    response = client_for(secretariat_clerk).get(URL, {"format": "xlsx"})
    sheet = tablib.Dataset().load(response.content, format="xlsx")
    row = next(row for row in sheet if row[5] == "公車路網調整")
    assert row[-1].endswith("請於下次會議報告")


def test_an_unknown_format_is_refused(items, client_for, secretariat_clerk):
    assert client_for(secretariat_clerk).get(URL, {"format": "pdf"}).status_code == 400


def test_a_meeting_records_its_decisions_and_skips_blank_ones(items, secretariat_clerk):
    transport, health, _done = items
    meeting = review_meeting_record(actor=secretariat_clerk, held_on=dt.date(2023, 10, 17), chaired_by="研考會主委",
                                    decisions=[(transport.pk, "繼續列管", True), (health.pk, "  ", True)])
    assert [(d.question, d.keep_tracking) for d in meeting.decisions.all()] == [(transport, True)]


def test_an_agency_outside_the_review_agency_may_not_record_a_meeting(items, liaison):
    with pytest.raises(PermissionRefused):
        review_meeting_record(actor=liaison, held_on=dt.date(2023, 10, 17), chaired_by="主委", decisions=[])


def test_a_meeting_in_the_future_is_refused_and_nothing_written(items, secretariat_clerk):
    transport, _health, _done = items
    with pytest.raises(ValidationFailed):
        review_meeting_record(actor=secretariat_clerk, held_on=dt.date(2999, 1, 1), chaired_by="主委",
                              decisions=[(transport.pk, "繼續列管", True)])
    assert not ReviewMeeting.objects.exists()
    assert not ReviewDecision.objects.exists()


def test_the_meeting_form_records_a_release(items, client_for, secretariat_clerk):
    transport, _health, _done = items
    response = client_for(secretariat_clerk).post("/council/review/meetings/new/", {
        "held_on": "112/10/17", "chaired_by": "研考會主委", "notes": "",
        f"decision_{transport.pk}": "已辦結，解除列管", f"release_{transport.pk}": "1"})
    assert response.status_code == 302
    decision = ReviewDecision.objects.get()
    assert decision.question == transport
    assert decision.keep_tracking is False


def test_the_summary_counts_each_agencys_open_and_overdue_items(items, secretariat_clerk, agency_named):
    from secretariat.council.selectors.questions import review_summary

    summary = {load.name: (load.unfinished, load.overdue)
               for load in review_summary(user=secretariat_clerk, today=dt.date(2023, 10, 11))}
    assert summary == {"交通局": (2, 2), "衛生局": (1, 1)}
    assert review_summary(user=secretariat_clerk, today=dt.date(2023, 10, 10))[0].overdue == 0


def test_the_secretariat_opens_one_agency_at_a_time(items, client_for, secretariat_clerk, agency_named):
    page = client_for(secretariat_clerk).get(URL, {"agency": agency_named("衛生局").pk}).content.decode()
    assert "登革熱防治" in page
    assert "公車路網調整" not in page
    assert f'?agency={agency_named("交通局").pk}' in page  # the summary links to the other agency


def test_a_long_list_comes_in_pages(items, client_for, secretariat_clerk, monkeypatch):
    from secretariat.council.views import questions as views

    monkeypatch.setattr(views, "REVIEW_PAGE", 2)
    first = client_for(secretariat_clerk).get(URL, {"all": "1"}).content.decode()
    second = client_for(secretariat_clerk).get(URL, {"all": "1", "page": "2"}).content.decode()
    assert first.count("/cases/") - second.count("/cases/") == 1  # two rows, then one
    assert "all=1&amp;page=2" in first
    assert client_for(secretariat_clerk).get(URL, {"all": "1", "page": "99"}).status_code == 200  # the last page


def test_across_agencies_the_page_opens_on_the_summary(items, client_for, secretariat_clerk):
    page = client_for(secretariat_clerk).get(URL).content.decode()
    assert "公車路網調整" not in page  # no items until an agency (or all) is chosen
    assert "?all=1" in page


def test_an_agency_export_holds_only_that_agencys_items(items, client_for, secretariat_clerk, agency_named):
    response = client_for(secretariat_clerk).get(URL, {"format": "xlsx", "agency": agency_named("衛生局").pk})
    sheet = tablib.Dataset().load(response.content, format="xlsx")
    assert len(sheet) == 1
