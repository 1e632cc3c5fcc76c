"""The council's structure: the 14th term as reference data, the pages and API for staff, the roster
import, and administrators' audited edits."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from secretariat.audit.models import AuditEntry
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.models import Caucus, Councillor, Session, Term
from secretariat.council.services import reference
from secretariat.council.services.structure import councillor_roster_import

HEADER = "term,name,caucus,district,phone,email\n"


@pytest.fixture
def council(reference_data):
    reference.load()
    return Term.objects.get(number=14)


@pytest.fixture
def councillor_in_caucus(council):
    return Councillor.objects.create(term=council, name="甲議員", caucus=Caucus.objects.get(name="民主進步黨黨團"),
                                     district="第一選舉區")


def test_the_14th_term_runs_from_2022_12_25_to_2026_12_24(council):
    assert (council.starts_on, council.ends_on) == (dt.date(2022, 12, 25), dt.date(2026, 12, 24))


def test_the_2nd_regular_session_falls_in_112_h2(council):
    session = Session.objects.get(term=council, number=2)

    assert str(session) == "第14屆第2次定期大會"
    assert dt.date(2023, 7, 1) <= session.starts_on <= session.ends_on <= dt.date(2023, 12, 31)
    assert session.answer_days == 7


def test_the_reference_caucuses_are_shipped_and_no_councillor_is(council):
    assert set(Caucus.objects.values_list("name", flat=True)) == {
        "中國國民黨黨團", "民主進步黨黨團", "台灣民眾黨黨團", "無黨團結聯盟"}
    assert not Councillor.objects.exists()


@pytest.mark.django_db
def test_core_init_loads_the_council_reference_data_from_services_reference():
    call_command("core_init")

    assert Term.objects.filter(number=14).exists()
    assert Caucus.objects.count() == 4


def test_loading_again_keeps_an_administrators_edit(council):
    Session.objects.filter(number=2).update(starts_on=dt.date(2023, 9, 1))

    assert reference.load() == []
    assert Session.objects.get(number=2).starts_on == dt.date(2023, 9, 1)


def test_a_clerk_sees_the_sessions_of_the_current_term(council, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).get("/council/")

    assert response.status_code == 200
    assert "第14屆第2次定期大會" in response.content.decode()


def test_a_session_page_shows_its_dates(council, liaison, client_for):
    session = Session.objects.get(number=2)

    response = client_for(liaison).get(f"/council/sessions/{session.pk}/")

    assert response.status_code == 200
    assert "112/09/05" in response.content.decode() or "112年9月5日" in response.content.decode()


def test_the_councillor_list_filters_by_caucus(councillor_in_caucus, secretariat_clerk, client_for):
    Councillor.objects.create(term=councillor_in_caucus.term, name="乙議員",
                              caucus=Caucus.objects.get(name="中國國民黨黨團"))
    caucus = councillor_in_caucus.caucus

    page = client_for(secretariat_clerk).get(f"/council/councillors/?caucus={caucus.pk}").content.decode()

    assert "甲議員" in page
    assert "乙議員" not in page


def test_the_caucus_page_counts_members_in_office(councillor_in_caucus, secretariat_clerk, client_for):
    response = client_for(secretariat_clerk).get("/council/caucuses/")

    assert response.status_code == 200
    assert response.context["caucuses"].get(name="民主進步黨黨團").member_count == 1


def test_a_councillor_does_not_see_the_staff_pages(council, councillor, client_for):
    assert client_for(councillor).get("/council/councillors/").status_code == 404


def test_the_api_lists_councillors_with_their_caucus(councillor_in_caucus, liaison, client_for):
    response = client_for(liaison).get("/api/v1/council/councillors")

    assert response.status_code == 200
    assert response.json()[0]["caucus"] == "民主進步黨黨團"


def test_the_api_lists_sessions_and_caucuses(council, secretariat_clerk, client_for):
    client = client_for(secretariat_clerk)

    assert [row["number"] for row in client.get("/api/v1/council/sessions").json()] == [2, 1]
    assert len(client.get("/api/v1/council/caucuses").json()) == 4


def test_the_api_answers_404_to_a_councillor(council, councillor, client_for):
    response = client_for(councillor).get("/api/v1/council/sessions")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_roster_import_creates_and_updates_councillors(councillor_in_caucus):
    text = HEADER + "14,甲議員,國民黨,第二選舉區,02-1234-5678,a@example.invalid\n14,丙議員,,第三選舉區,,\n"

    result = councillor_roster_import(actor=SYSTEM, text=text)

    assert (result.created, result.updated) == (1, 1)
    councillor_in_caucus.refresh_from_db()
    assert (councillor_in_caucus.caucus.name, councillor_in_caucus.district) == ("中國國民黨黨團", "第二選舉區")
    assert AuditEntry.objects.filter(action="council.councillor_import").count() == 2


def test_one_bad_line_refuses_the_whole_file(council):
    text = HEADER + "14,丙議員,,第三選舉區,,\n14,丁議員,不存在黨團,,,\n"

    with pytest.raises(ValidationFailed, match="3"):
        councillor_roster_import(actor=SYSTEM, text=text)

    assert not Councillor.objects.exists()


def test_a_file_without_the_columns_is_refused(council):
    with pytest.raises(ValidationFailed):
        councillor_roster_import(actor=SYSTEM, text="name\n甲\n")


def test_only_an_administrator_imports_the_roster(council, secretariat_clerk):
    with pytest.raises(PermissionRefused):
        councillor_roster_import(actor=secretariat_clerk, text=HEADER + "14,丙議員,,,,\n")


def test_the_import_command_reads_a_csv_file(council, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "14,丙議員,民進黨,第三選舉區,,\n", encoding="utf-8")

    call_command("council_import_councillors", str(path))

    caucus = Councillor.objects.get(name="丙議員").caucus
    assert caucus is not None
    assert caucus.short_name == "民進黨"


def test_the_import_command_reports_a_refusal_as_an_error(council, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "13,丙議員,,,,\n", encoding="utf-8")

    with pytest.raises(CommandError):
        call_command("council_import_councillors", str(path))


def test_an_administrator_edits_a_session_in_the_admin_with_an_audit_row(council, secretariat_admin, client_for):
    session = Session.objects.get(number=2)

    response = client_for(secretariat_admin).post(f"/admin/council/session/{session.pk}/change/", {
        "term": council.pk, "kind": "regular", "number": 2, "starts_on": "2023-09-01", "ends_on": "2023-11-10",
        "answer_days": 5})

    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.starts_on, session.answer_days) == (dt.date(2023, 9, 1), 5)
    assert AuditEntry.objects.filter(action="council.session_update").exists()


def test_a_clerk_cannot_edit_the_structure_in_the_admin(council, secretariat_clerk, client_for):
    session = Session.objects.get(number=2)

    response = client_for(secretariat_clerk).get(f"/admin/council/session/{session.pk}/change/")

    assert response.status_code in (302, 403)
