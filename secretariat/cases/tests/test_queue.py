"""The inbox as a work queue: tabs whose counts are their rows, orders that page correctly through ties, the
due range, routing many cases at once (one refusal stops nothing), and the download without personal data."""

from __future__ import annotations

import csv
import io
import re

import pytest
import tablib
from django.apps import apps
from django.db import transaction

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.selectors.inbox import InboxFilter, case_inbox_page, case_inbox_tab_counts
from secretariat.cases.services import case_open
from secretariat.cases.tests.stories import agency, at, take
from secretariat.cases.views import exports, queue

pytestmark = pytest.mark.django_db

INBOX = "/cases/"
REFERENCE = re.compile(r">([PM]\d{10})</a></td>")


def references(response) -> list[str]:
    return REFERENCE.findall(response.content.decode())


@pytest.fixture
def desk(assigned_petition, register_petition, frozen_today, secretariat_clerk):
    """Monday 2023-07-03: three cases routed by the clerk (two on one day: a tie), one overdue, two to route."""
    frozen_today("2023-07-03")
    return {
        "overdue": assigned_petition(assigned="2023-06-12", title="人行道破損"),  # due 06-19
        "soon": assigned_petition(assigned="2023-06-21", title="路燈不亮"),  # due 07-03
        "tie": assigned_petition(assigned="2023-06-21", title="號誌故障"),  # due 07-03 as well
        "health": assigned_petition("衛生局", assigned="2023-06-21", title="餐廳衛生"),
        "new": register_petition("尚未分案", received="2023-07-03"),
        "older": register_petition("更早收文", received="2023-06-30"),
    }


def _walk(user, filters: InboxFilter, limit: int = 2) -> list[str]:
    seen, cursor = [], None
    for _page in range(20):
        page = case_inbox_page(user=user, filters=InboxFilter(**{**filters.__dict__, "after": cursor}), limit=limit)
        seen += [case.reference for case in page.rows]
        if not page.next_cursor:
            return seen
        from secretariat.cases.selectors.inbox import inbox_cursor_parse

        cursor = inbox_cursor_parse(page.next_cursor)
    raise AssertionError("the pages never ended")


# --- Tabs ------------------------------------------------------------------------------------------------

def test_each_tab_count_is_the_number_of_its_rows(desk, secretariat_clerk, liaison, agency_head, auditor):
    for person in (secretariat_clerk, liaison, agency_head, auditor):
        for entry in case_inbox_tab_counts(user=person, filters=InboxFilter()):
            tab = entry.tab.code if entry.tab else ""
            assert entry.count == len(_walk(person, InboxFilter(tab=tab), limit=200)), (person.role, tab)


def test_the_clerk_routes_from_to_route_oldest_first_and_follows_those_routed(desk, secretariat_clerk):
    route = _walk(secretariat_clerk, InboxFilter(tab="route"))
    mine = _walk(secretariat_clerk, InboxFilter(tab="mine"))

    assert route == [desk["older"].reference, desk["new"].reference]
    assert set(mine) == {desk[key].reference for key in ("overdue", "soon", "tie", "health")}


def test_each_role_has_its_own_tabs(desk, secretariat_clerk, liaison, agency_head, auditor):
    def codes(person):
        return [entry.tab.code if entry.tab else "" for entry in case_inbox_tab_counts(user=person,
                                                                                    filters=InboxFilter())]

    assert codes(secretariat_clerk) == ["route", "mine", "extensions", "overdue", ""]
    assert codes(liaison) == ["agency", "overdue", ""]
    assert codes(agency_head) == ["agency", "answers_to_approve", "overdue", ""]
    assert codes(auditor) == ["overdue", ""]


def test_a_tab_someone_does_not_have_is_refused(desk, liaison, client_for):
    response = client_for(liaison).get(INBOX, {"tab": "route"})

    assert response.status_code == 400
    assert response.context["form"].errors["tab"]


def test_the_inbox_page_shows_the_tabs_with_their_counts(desk, secretariat_clerk, client_for):
    page = client_for(secretariat_clerk).get(INBOX, {"tab": "route"}).content.decode()

    assert re.search(r'aria-current="page" class="current">[^<]+<span class="count">2</span>', page)
    assert 'name="ids"' in page  # the clerk may select cases to route


def test_the_home_page_card_links_still_show_their_counted_rows(desk, secretariat_clerk, client_for):
    found = references(client_for(secretariat_clerk).get(INBOX, {"status": "received"}))

    assert sorted(found) == sorted([desk["new"].reference, desk["older"].reference])


# --- Orders and pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sort", ["due", "-due", "received", "-received", "reference", "-reference", "status",
                                  "-status", "agency", "-agency"])
def test_every_order_pages_through_every_case_once_in_order(desk, secretariat_clerk, sort):
    walked = _walk(secretariat_clerk, InboxFilter(sort=sort), limit=2)
    whole = [case.reference for case in case_inbox_page(user=secretariat_clerk, filters=InboxFilter(sort=sort),
                                                        limit=200).rows]

    assert walked == whole
    assert sorted(walked) == sorted(case.reference for case in desk.values())


def test_due_order_puts_the_unrouted_first_and_ties_by_number(desk, secretariat_clerk):
    walked = _walk(secretariat_clerk, InboxFilter(sort="due"), limit=1)

    assert set(walked[:2]) == {desk["new"].reference, desk["older"].reference}
    tied = [ref for ref in walked if ref in {desk["soon"].reference, desk["tie"].reference, desk["health"].reference}]
    assert tied == sorted(tied)
    assert walked[::-1] == _walk(secretariat_clerk, InboxFilter(sort="-due"), limit=1)


def test_a_column_header_reverses_its_order(desk, secretariat_clerk, client_for):
    browser = client_for(secretariat_clerk)
    up = references(browser.get(INBOX, {"sort": "reference"}))
    down = references(browser.get(INBOX, {"sort": "-reference"}))

    assert up == sorted(up)
    assert down == up[::-1]


def test_a_cursor_of_another_order_is_refused(desk, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).get(INBOX, {"sort": "received", "after": "due..1"})

    assert response.status_code == 400


# --- Filters ----------------------------------------------------------------------------------------------

def test_the_due_range_keeps_the_cases_due_within_it(desk, secretariat_clerk, client_for):
    found = references(client_for(secretariat_clerk).get(INBOX, {"due_from": "112/07/01", "due_to": "2023-07-03"}))

    assert sorted(found) == sorted(desk[key].reference for key in ("soon", "tie", "health"))


def test_a_backwards_due_range_is_refused(desk, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).get(INBOX, {"due_from": "2023-07-03", "due_to": "2023-07-01"})

    assert response.status_code == 400


def test_an_agency_sees_only_its_cases_in_every_tab(desk, outsider):
    for entry in case_inbox_tab_counts(user=outsider, filters=InboxFilter()):
        rows = _walk(outsider, InboxFilter(tab=entry.tab.code if entry.tab else ""), limit=200)
        assert set(rows) <= {desk["health"].reference}


# --- Routing many at once --------------------------------------------------------------------------------------

def test_routing_many_assigns_the_others_when_one_is_refused(desk, register_petition, secretariat_clerk,
                                                             client_for):
    third = register_petition("第三件", received="2023-07-03")
    stale = desk["new"].version
    take(secretariat_clerk, desk["new"], "assign", agency=agency("衛生局"))  # someone routed it meanwhile
    ids = [desk["older"].pk, desk["new"].pk, third.pk]

    response = client_for(secretariat_clerk).post("/cases/assign/", {
        "ids": ids, "agency": agency("交通局").pk, f"version-{desk['new'].pk}": stale,
        "back": "/cases/?tab=route"}, follow=True)

    page = response.content.decode()
    assert Case.objects.get(pk=desk["older"].pk).status == CaseStatus.ASSIGNED
    assert Case.objects.get(pk=third.pk).lead_agency == agency("交通局")
    assert Case.objects.get(pk=desk["new"].pk).lead_agency == agency("衛生局")  # not re-routed on top
    assert desk["older"].reference in page
    assert f"{desk['new'].reference} — " in page  # the refusal names the case and says why
    audited = set(AuditEntry.objects.filter(action="case.assign").values_list("target_id", flat=True))
    assert {str(desk["older"].pk), str(third.pk)} <= {str(value) for value in audited}


def test_routing_many_through_the_service_says_which_and_why(desk, secretariat_clerk):
    from secretariat.cases.services.bulk import case_bulk_assign

    result = case_bulk_assign(actor=secretariat_clerk, case_ids=[desk["older"].pk, desk["soon"].pk, 999_999],
                              agency_id=agency("交通局").pk)

    assert [case.pk for case in result.assigned] == [desk["older"].pk]
    assert {(refusal.case_id, refusal.code) for refusal in result.refused} == {
        (desk["soon"].pk, "transition_not_allowed"), (999_999, "not_found")}
    assert all(refusal.message for refusal in result.refused)


def test_a_liaison_cannot_route_many(desk, liaison, client_for):
    response = client_for(liaison).post("/cases/assign/", {"ids": [desk["new"].pk], "agency": agency("交通局").pk})

    assert response.status_code == 403
    assert Case.objects.get(pk=desk["new"].pk).status == CaseStatus.RECEIVED


# --- The download -----------------------------------------------------------------------------------------------

@pytest.fixture
def confidential(desk, secretariat_clerk):
    with transaction.atomic():
        case = case_open(actor=secretariat_clerk, kind_code="petition", title="檢舉某員收賄",
                         received_at=at("2023-06-20"), confidential=True)
        apps.get_model("petitions", "Petition").objects.create(case=case, channel="letter", subject=case.title,
                                                               content="請保密。", petitioner_name="王小明")
    return take(secretariat_clerk, case, "assign", on="2023-06-21", agency=agency("交通局"))


@pytest.mark.parametrize("file_format", ["ods", "xlsx", "csv"])
def test_the_download_opens_with_its_header_row_and_no_personal_data(confidential, auditor, client_for,
                                                                      file_format):
    response = client_for(auditor).get("/cases/export/", {"format": file_format, "sort": "reference"})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = tablib.Dataset().load(response.content, format=file_format)
        rows = [list(sheet.headers), *[list(row) for row in sheet]]
    assert len(rows[0]) == len(exports.export_headers())
    body = "\n".join(",".join(str(cell) for cell in row) for row in rows)
    assert confidential.reference in body
    assert "收賄" not in body  # the auditor reads 「密件」
    assert "王小明" not in body  # and nobody's name goes out


def test_an_unknown_download_format_is_refused(desk, secretariat_clerk, client_for):
    assert client_for(secretariat_clerk).get("/cases/export/", {"format": "pdf"}).status_code == 400


def test_the_page_size_is_the_views(monkeypatch, desk, secretariat_clerk, client_for):
    monkeypatch.setattr(queue, "PAGE_SIZE", 1)

    assert len(references(client_for(secretariat_clerk).get(INBOX))) == 1
