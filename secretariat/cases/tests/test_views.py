"""The inbox and the case page as people use them: filters, pages, badges, steps through htmx."""

from __future__ import annotations

import re

import pytest

from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.tests.stories import agency, take
from secretariat.cases.views import queue

pytestmark = pytest.mark.django_db

INBOX = "/cases/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def text_of(response) -> str:
    return response.content.decode()


def references(response) -> list[str]:
    return re.findall(r">([PM]\d{10})</a></td>", text_of(response))


def page_url(case: Case) -> str:
    return f"/cases/{case.pk}/"


def step_url(case: Case, name: str) -> str:
    return f"/cases/{case.pk}/steps/{name}/"


@pytest.fixture
def desk(assigned_petition, register_petition, frozen_today, liaison):
    """Monday 2023-07-03 at 10:00, as 交通局's liaison finds it."""
    frozen_today("2023-07-03")
    return {
        "overdue": assigned_petition(assigned="2023-06-12", title="人行道破損"),  # due 06-19
        "soon": assigned_petition(assigned="2023-06-21", title="路燈不亮"),  # due 07-03
        "later": assigned_petition(assigned="2023-07-03", title="公車誤點"),  # due 07-11
        "health": assigned_petition("衛生局", assigned="2023-06-21", title="餐廳衛生"),
        "new": register_petition("尚未分案", received="2023-07-03"),
    }


# --- The inbox --------------------------------------------------------------------------------------

def test_the_inbox_lists_an_agency_its_own_cases_soonest_due_first(desk, liaison, client_for):
    response = client_for(liaison).get(INBOX)

    assert response.status_code == 200
    assert references(response) == [desk[key].reference for key in ("overdue", "soon", "later")]


def test_each_row_shows_the_roc_due_date_the_lead_agency_and_a_badge(desk, liaison, client_for):
    page = text_of(client_for(liaison).get(INBOX))

    assert "112/06/19" in page
    assert "112/07/03" in page
    assert "交通局" in page
    assert 'class="badge overdue"' in page
    assert 'class="badge soon"' in page
    assert "人行道破損" in page


def test_the_secretariat_sees_every_agency_and_the_cases_waiting_for_routing(desk, secretariat_clerk, client_for):
    found = references(client_for(secretariat_clerk).get(INBOX))

    assert set(found) == {case.reference for case in desk.values()}
    assert found[0] == desk["new"].reference  # no due date yet: the unrouted come first


@pytest.mark.parametrize(("query", "expected"), [
    ("due=overdue", ["overdue"]),
    ("due=soon", ["soon", "health"]),
    ("status=received", ["new"]),
    ("text=路燈", ["soon"]),
    ("kind=petition&due=overdue", ["overdue"]),
])
def test_the_filters_narrow_the_inbox(desk, secretariat_clerk, client_for, query, expected):
    found = references(client_for(secretariat_clerk).get(f"{INBOX}?{query}"))

    assert sorted(found) == sorted(desk[key].reference for key in expected)


def test_a_case_number_finds_its_case(desk, secretariat_clerk, client_for):
    found = references(client_for(secretariat_clerk).get(INBOX, {"text": desk["later"].reference.lower()}))

    assert found == [desk["later"].reference]


def test_the_secretariat_filters_by_agency(desk, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).get(INBOX, {"agency": agency("衛生局").pk})

    assert references(response) == [desk["health"].reference]


def test_a_single_agency_liaison_is_not_offered_an_agency_filter(desk, liaison, client_for):
    response = client_for(liaison).get(INBOX)

    assert "agency" not in response.context["form"].fields


def test_an_unknown_status_is_refused_with_a_message(desk, liaison, client_for):
    response = client_for(liaison).get(INBOX, {"status": "lost"})

    assert response.status_code == 400
    assert response.context["form"].errors["status"]
    assert references(response) == []


def test_a_damaged_page_link_is_refused_with_a_message(desk, liaison, client_for):
    response = client_for(liaison).get(INBOX, {"after": "yesterday.x"})

    assert response.status_code == 400
    assert response.context["form"].errors


def test_next_page_links_walk_every_case_once_in_order(desk, secretariat_clerk, client_for, monkeypatch):
    monkeypatch.setattr(queue, "PAGE_SIZE", 2)
    browser = client_for(secretariat_clerk)
    seen: list[str] = []
    url = INBOX + "?kind=petition"
    for _page in range(5):
        response = browser.get(url)
        seen += references(response)
        link = re.search(r'href="\?([^"]+)" rel="next"', text_of(response))
        if not link:
            break
        url = INBOX + "?" + link.group(1).replace("&amp;", "&")

    assert len(seen) == 5
    assert set(seen) == {case.reference for case in desk.values()}
    assert seen[0] == desk["new"].reference  # not yet routed: first


# --- The case page ------------------------------------------------------------------------------------

def test_the_case_page_shows_the_header_and_the_timeline_in_roc_dates(desk, liaison, client_for):
    page = text_of(client_for(liaison).get(page_url(desk["soon"])))

    assert desk["soon"].reference in page
    assert "112/06/20" in page  # received
    assert "112/06/21 10:00" in page  # the assignment on the timeline
    assert "112/07/03" in page  # due
    assert "林書記" in page  # who assigned it


def test_the_agency_is_offered_its_steps_with_the_version_it_saw(desk, liaison, client_for):
    response = client_for(liaison).get(page_url(desk["soon"]))

    names = [step["transition"].name for step in response.context["steps"]]
    assert names == ["accept", "return", "request_extension", "answer", "decline"]
    assert f'name="version" value="{desk["soon"].version}"' in text_of(response)
    assert 'hx-post="/cases/' in text_of(response)


def test_the_decline_step_offers_the_section_173_reasons(desk, liaison, client_for):
    response = client_for(liaison).get(page_url(desk["soon"]))

    decline = next(step for step in response.context["steps"] if step["transition"].name == "decline")
    codes = [code for code, _label in decline["form"].fields["reason_code"].choices if code]
    assert codes == ["no_content", "already_answered", "not_competent_multi"]


def test_a_step_through_htmx_swaps_in_the_updated_case(desk, liaison, client_for):
    case = desk["soon"]

    response = client_for(liaison).post(step_url(case, "accept"), {"version": case.version}, **HTMX)

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#case-main"
    assert 'id="case-main"' in text_of(response)
    assert "<html" not in text_of(response)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_PROGRESS


def test_a_step_without_htmx_redirects_to_the_case(desk, liaison, client_for):
    case = desk["soon"]

    response = client_for(liaison).post(step_url(case, "answer"), {"version": case.version, "answer": "已修復。"})

    assert response.status_code == 302
    assert response["Location"] == page_url(case)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ANSWERED


def test_a_refused_step_shows_its_form_again_with_the_reason(desk, liaison, client_for):
    case = desk["soon"]

    response = client_for(liaison).post(step_url(case, "request_extension"),
                                        {"version": case.version, "reason": "需會勘", "until": "112/07/01"}, **HTMX)

    assert response.status_code == 400
    assert 'id="step-request_extension"' in text_of(response)
    assert "112/07/03" in text_of(response)  # "must be later than the current one (112/07/03)"
    assert Case.objects.get(pk=case.pk).extension_requested_until is None


def test_a_step_with_a_missing_value_is_refused_by_the_form(desk, secretariat_clerk, client_for):
    case = desk["new"]

    response = client_for(secretariat_clerk).post(step_url(case, "merge"), {"version": case.version})

    assert response.status_code == 400
    assert response.context["steps"]  # the whole page again, for a browser without htmx
    assert Case.objects.get(pk=case.pk).status == CaseStatus.RECEIVED


def test_an_extension_date_in_roc_form_is_understood(desk, liaison, client_for):
    case = desk["soon"]

    client_for(liaison).post(step_url(case, "request_extension"),
                             {"version": case.version, "reason": "需會勘", "until": "112/07/20"})

    assert str(Case.objects.get(pk=case.pk).extension_requested_until) == "2023-07-20"


def test_a_stale_page_is_told_someone_else_changed_the_case_and_offered_a_reload(desk, liaison, agency_head,
                                                                                 client_for):
    case = desk["soon"]
    take(agency_head, case, "accept")

    response = client_for(liaison).post(step_url(case, "answer"), {"version": case.version, "answer": "已修復"},
                                        **HTMX)

    assert response.status_code == 409
    assert f'href="{page_url(case)}"' in text_of(response)
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_PROGRESS


def test_returning_a_case_sends_the_liaison_back_to_the_inbox(desk, liaison, client_for):
    case = desk["soon"]

    response = client_for(liaison).post(step_url(case, "return"), {"version": case.version, "reason": "非本局"},
                                        **HTMX)

    assert response["HX-Redirect"] == INBOX
    assert Case.objects.get(pk=case.pk).status == CaseStatus.RETURNED


def test_the_secretariat_assigns_from_the_case_page(desk, secretariat_clerk, client_for):
    case = desk["new"]

    client_for(secretariat_clerk).post(step_url(case, "assign"), {
        "version": case.version, "agency": agency("工務局").pk, "co_agencies": [agency("交通局").pk]})

    case.refresh_from_db()
    assert case.lead_agency == agency("工務局")
    assert list(case.co_agencies.all()) == [agency("交通局")]


def test_a_step_the_kind_does_not_have_is_not_found(desk, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).post(step_url(desk["new"], "launch"), {"version": 1})

    assert response.status_code == 404


def test_a_kinds_panel_is_shown_to_those_it_chooses(open_memo, secretariat_clerk, auditor, client_for):
    memo = open_memo()

    assert "memo-panel-visible" in text_of(client_for(secretariat_clerk).get(page_url(memo)))
    assert "memo-panel-visible" not in text_of(client_for(auditor).get(page_url(memo)))


def test_the_case_page_through_htmx_is_only_the_main_area(desk, liaison, client_for):
    response = client_for(liaison).get(page_url(desk["soon"]), **HTMX)

    assert 'id="case-main"' in text_of(response)
    assert "<html" not in text_of(response)
