"""Who may see and act on a case, told as stories about the personas (tests/fixtures.py)."""

from __future__ import annotations

import pytest

from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.selectors import case_get_for, visible_cases
from secretariat.cases.services import available_steps
from secretariat.cases.tests.stories import agency, take
from secretariat.core.errors import NotFound, PermissionRefused
from secretariat.core.navigation import entries_for

pytestmark = pytest.mark.django_db


def page(case: Case) -> str:
    return f"/cases/{case.pk}/"


def step(case: Case, name: str) -> str:
    return f"/cases/{case.pk}/steps/{name}/"


@pytest.fixture
def transport_case(assigned_petition) -> Case:
    return assigned_petition("交通局", assigned="2023-06-21", title="公車站牌毀損")


# --- 周聯絡 of 衛生局, an outsider to 交通局's cases ------------------------------------------------

def test_the_health_liaison_cannot_open_a_transport_case(transport_case, outsider, client_for):
    assert client_for(outsider).get(page(transport_case)).status_code == 404


def test_the_health_liaison_cannot_act_on_a_transport_case_even_by_posting_directly(transport_case, outsider,
                                                                                     client_for):
    response = client_for(outsider).post(step(transport_case, "answer"),
                                         {"version": transport_case.version, "answer": "不關我事"})

    assert response.status_code == 404
    assert Case.objects.get(pk=transport_case.pk).status == CaseStatus.ASSIGNED


def test_the_health_liaison_does_not_find_the_transport_case_in_the_inbox(transport_case, outsider, client_for):
    response = client_for(outsider).get("/cases/", {"text": transport_case.reference})

    assert response.status_code == 200
    assert f">{transport_case.reference}</a>" not in response.content.decode()


def test_the_service_itself_refuses_the_outsider(transport_case, outsider):
    with pytest.raises(PermissionRefused):
        take(outsider, transport_case, "answer", answer="不關我事")


def test_a_co_agency_sees_the_case_but_the_lead_agency_answers(register_petition, secretariat_clerk, outsider):
    case = take(secretariat_clerk, register_petition(), "assign", agency=agency("交通局"),
                co_agencies=[agency("衛生局")])

    assert case_get_for(user=outsider, pk=case.pk) == case
    assert available_steps(user=outsider, case=case) == []


# --- 許稽核, the auditor ----------------------------------------------------------------------------------

def test_the_auditor_reads_any_case_but_is_offered_no_step(transport_case, auditor, client_for):
    response = client_for(auditor).get(page(transport_case))

    assert response.status_code == 200
    assert response.context["steps"] == []


def test_the_auditor_posting_a_step_is_refused(transport_case, auditor, client_for):
    response = client_for(auditor).post(step(transport_case, "answer"),
                                        {"version": transport_case.version, "answer": "稽核意見"})

    assert response.status_code == 403
    assert Case.objects.get(pk=transport_case.pk).status == CaseStatus.ASSIGNED


# --- 黃聯絡 and 吳局長 of 交通局 ---------------------------------------------------------------------------

def test_the_transport_liaison_answers_a_transport_case(transport_case, liaison, client_for):
    response = client_for(liaison).post(step(transport_case, "answer"),
                                        {"version": transport_case.version, "answer": "已更換站牌。"})

    assert response.status_code == 302
    assert Case.objects.get(pk=transport_case.pk).status == CaseStatus.ANSWERED


def test_the_transport_liaison_cannot_route_cases_which_is_the_secretariats_work(register_petition, liaison):
    case = register_petition()

    with pytest.raises(NotFound):
        case_get_for(user=liaison, pk=case.pk)  # unassigned: not yet any agency's case
    with pytest.raises(PermissionRefused):
        take(liaison, case, "assign", agency=agency("交通局"))


def test_the_transport_liaison_cannot_close_its_own_answer(transport_case, liaison, client_for):
    case = take(liaison, transport_case, "answer", answer="已更換站牌。")

    response = client_for(liaison).post(step(case, "close"), {"version": case.version})

    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ANSWERED


def test_the_transport_head_acts_for_the_agency(transport_case, agency_head):
    assert take(agency_head, transport_case, "accept").status == CaseStatus.IN_PROGRESS


def test_the_liaison_loses_sight_of_a_case_it_returned(transport_case, liaison):
    take(liaison, transport_case, "return", reason="非本局權責")

    with pytest.raises(NotFound):
        case_get_for(user=liaison, pk=transport_case.pk)


# --- 蔡聯絡 of 民政局, over the district offices ----------------------------------------------------------

def test_the_civil_affairs_liaison_acts_on_a_district_office_case(assigned_petition, civil_affairs_liaison,
                                                                   client_for):
    case = assigned_petition("中正區公所", title="里民活動中心漏水")

    response = client_for(civil_affairs_liaison).post(step(case, "accept"), {"version": case.version})

    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_PROGRESS


def test_the_civil_affairs_liaison_may_filter_by_its_district_offices(assigned_petition, civil_affairs_liaison,
                                                                      client_for):
    case = assigned_petition("中正區公所", title="里民活動中心漏水")

    response = client_for(civil_affairs_liaison).get("/cases/", {"agency": agency("中正區公所").pk})

    assert response.status_code == 200
    assert case.reference in response.content.decode()


def test_the_civil_affairs_liaison_may_not_filter_by_an_agency_outside_its_scope(civil_affairs_liaison,
                                                                                   client_for, reference_data):
    response = client_for(civil_affairs_liaison).get("/cases/", {"agency": agency("交通局").pk})

    assert response.status_code == 400


# --- 鄭議員, a councillor; and someone not signed in ----------------------------------------------------

def test_a_councillor_sees_no_agency_case(transport_case, councillor, client_for):
    assert not visible_cases(councillor).exists()
    assert client_for(councillor).get(page(transport_case)).status_code == 404


def test_someone_not_signed_in_is_sent_to_sign_in(transport_case, client_for):
    response = client_for(None).get(page(transport_case))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("persona", "shown"), [
    ("secretariat_clerk", True), ("secretariat_admin", True), ("liaison", True), ("agency_head", True),
    ("auditor", True), ("councillor", False),
])
def test_the_case_inbox_is_in_the_menu_of_those_who_work_or_read_cases(request, persona, shown):
    user = request.getfixturevalue(persona)

    assert ("cases" in [entry["key"] for entry in entries_for(user, "work")]) is shown


def test_the_secretariat_is_offered_the_extension_decision_only_once_asked(transport_case, secretariat_clerk,
                                                                            liaison):
    def offered() -> list[str]:
        return [step.name for step in available_steps(user=secretariat_clerk, case=Case.objects.get(pk=case.pk))]

    case = transport_case
    assert "approve_extension" not in offered()

    take(liaison, case, "request_extension", reason="需會勘", until="2023-07-20")

    assert {"approve_extension", "reject_extension"} <= set(offered())
