"""Liaison: the officers' roster by agency (an agency sees and its head edits its own), and the caucus
briefings and trainings that the Secretariat records."""

import datetime as dt

import pytest

from secretariat.accounts.models import Agency
from secretariat.audit.models import AuditEntry
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.models import Briefing, Caucus, LiaisonOfficer, Training
from secretariat.council.services import reference
from secretariat.council.services.liaison import briefing_record, officer_create, officer_update, training_record


@pytest.fixture
def council(reference_data):
    reference.load()


@pytest.fixture
def transport_officer(reference_data):
    return officer_create(actor=SYSTEM, agency=Agency.objects.get(short_name="交通局"), name="交通聯絡員",
                          phone="02-1111-2222")


@pytest.fixture
def health_officer(reference_data):
    return officer_create(actor=SYSTEM, agency=Agency.objects.get(short_name="衛生局"), name="衛生聯絡員")


def test_the_secretariat_sees_every_agencys_officers(transport_officer, health_officer, secretariat_clerk,
                                                     client_for):
    page = client_for(secretariat_clerk).get("/council/liaison/").content.decode()

    assert "交通聯絡員" in page
    assert "衛生聯絡員" in page


def test_an_agency_liaison_sees_only_their_agencys_officers(transport_officer, health_officer, liaison,
                                                            client_for):
    page = client_for(liaison).get("/council/liaison/").content.decode()

    assert "交通聯絡員" in page
    assert "衛生聯絡員" not in page


def test_the_api_roster_is_scoped_the_same_way(transport_officer, health_officer, outsider, client_for):
    rows = client_for(outsider).get("/api/v1/council/liaison-officers").json()

    assert [row["name"] for row in rows] == ["衛生聯絡員"]


def test_the_agency_head_edits_their_own_officer(transport_officer, agency_head, client_for):
    response = client_for(agency_head).post(f"/council/liaison/{transport_officer.pk}/edit/", {
        "name": "交通聯絡員", "title": "科長", "phone": "02-3333-4444", "is_active": "on"})

    assert response.status_code == 302
    transport_officer.refresh_from_db()
    assert (transport_officer.title, transport_officer.phone) == ("科長", "02-3333-4444")
    assert AuditEntry.objects.filter(action="council.liaison_officer_update").exists()


def test_an_agency_head_cannot_edit_another_agencys_officer(health_officer, agency_head):
    with pytest.raises(PermissionRefused):
        officer_update(actor=agency_head, officer_id=health_officer.pk, name="改名")


def test_an_agency_liaison_cannot_edit_the_roster(transport_officer, liaison, client_for):
    assert client_for(liaison).get(f"/council/liaison/{transport_officer.pk}/edit/").status_code == 404
    with pytest.raises(PermissionRefused):
        officer_update(actor=liaison, officer_id=transport_officer.pk, name="改名")


def test_a_head_adds_an_officer_only_to_their_own_agency(agency_head, client_for):
    health = Agency.objects.get(short_name="衛生局")

    response = client_for(agency_head).post("/council/liaison/new/", {"agency": health.pk, "name": "混入者"})

    assert response.status_code == 400
    assert not LiaisonOfficer.objects.exists()


def test_an_officers_account_must_belong_to_their_agency(reference_data, outsider):
    with pytest.raises(ValidationFailed):
        officer_create(actor=SYSTEM, agency=Agency.objects.get(short_name="交通局"), name="某人", user=outsider)


def test_a_clerk_records_a_caucus_briefing(council, secretariat_clerk, client_for):
    caucus = Caucus.objects.get(short_name="民進黨")
    transport = Agency.objects.get(short_name="交通局")

    response = client_for(secretariat_clerk).post("/council/briefings/new/", {
        "held_on": "112/09/12", "caucus": caucus.pk, "topics": "總預算案", "attending_agencies": [transport.pk],
        "attending_users": [secretariat_clerk.pk]})

    assert response.status_code == 302
    briefing = Briefing.objects.get()
    assert (briefing.held_on, briefing.recorded_by) == (dt.date(2023, 9, 12), secretariat_clerk)
    assert list(briefing.attending_agencies.all()) == [transport]
    assert AuditEntry.objects.filter(action="council.briefing_record").exists()


def test_a_briefing_without_topics_is_refused_and_nothing_written(council, secretariat_clerk, client_for):
    caucus = Caucus.objects.get(short_name="民進黨")

    response = client_for(secretariat_clerk).post("/council/briefings/new/", {
        "held_on": "112/09/12", "caucus": caucus.pk, "topics": "  "})

    assert response.status_code == 400
    assert not Briefing.objects.exists()


def test_a_briefing_outside_the_caucuss_term_is_refused(council, secretariat_clerk):
    with pytest.raises(ValidationFailed):
        briefing_record(actor=secretariat_clerk, held_on=dt.date(2021, 5, 1),
                        caucus=Caucus.objects.get(short_name="民進黨"), topics="預算")


def test_an_agency_liaison_cannot_record_or_list_briefings(council, liaison, client_for):
    client = client_for(liaison)

    assert client.get("/council/briefings/").status_code == 404
    assert client.get("/council/briefings/new/").status_code == 404
    with pytest.raises(PermissionRefused):
        briefing_record(actor=liaison, held_on=dt.date(2023, 9, 12), caucus=Caucus.objects.get(short_name="民進黨"),
                        topics="預算")


def test_a_clerk_records_a_training_with_its_attendees(transport_officer, health_officer, secretariat_clerk,
                                                        client_for):
    response = client_for(secretariat_clerk).post("/council/trainings/new/", {
        "held_on": "112/09/20", "title": "府會聯絡員研習班", "venue": "市政大樓",
        "attendees": [transport_officer.pk, health_officer.pk]})

    assert response.status_code == 302
    training = Training.objects.get()
    assert training.held_on == dt.date(2023, 9, 20)
    assert training.attendees.count() == 2
    assert "府會聯絡員研習班" in client_for(secretariat_clerk).get("/council/trainings/").content.decode()


def test_an_auditor_reads_the_trainings_but_cannot_record_one(secretariat_clerk, auditor, client_for):
    training_record(actor=secretariat_clerk, held_on=dt.date(2023, 9, 20), title="府會聯絡員研習班")

    assert client_for(auditor).get("/council/trainings/").status_code == 200
    assert client_for(auditor).get("/council/trainings/new/").status_code == 404


@pytest.fixture
def demo_structure(reference_data):
    from secretariat.accounts import demo as accounts_demo
    from secretariat.council.demo import structure

    accounts_demo.load()
    structure.load()
    return structure


def test_the_demo_links_two_councillors_to_portal_accounts(demo_structure):
    from secretariat.council.models import Councillor

    linked = Councillor.objects.filter(user__isnull=False).select_related("user")
    assert sorted(councillor.user.username for councillor in linked if councillor.user) == ["councillor",
                                                                                            "councillor2"]


def test_the_demo_has_an_officer_for_each_agency_and_the_112_09_20_training(demo_structure):
    assert LiaisonOfficer.objects.values("agency").distinct().count() == Agency.objects.filter(is_active=True).count()
    training = Training.objects.get(held_on=dt.date(2023, 9, 20))
    assert training.attendees.count() == LiaisonOfficer.objects.count()
    assert Briefing.objects.filter(held_on__range=(dt.date(2023, 7, 1), dt.date(2023, 12, 31))).count() == 4


def test_loading_the_demo_again_writes_nothing(demo_structure):
    assert demo_structure.load() == []


def test_the_demo_loads_its_parts_in_a_fixed_order_and_skips_missing_ones(reference_data, monkeypatch):
    from secretariat.council import demo

    calls: list[str] = []

    def loader(name: str, result: str):
        def load() -> list[str]:
            calls.append(name)
            return [result]
        return load

    monkeypatch.setattr(demo.structure, "load", loader("structure", "s"))
    monkeypatch.setattr(demo, "PARTS", ("secretariat.council.demo.no_such_part", "secretariat.council.tests.fake_part"))
    monkeypatch.setattr(demo, "_part", lambda name: None if "no_such" in name else type(
        "Part", (), {"load": staticmethod(loader(name, "p"))}))

    assert demo.load() == ["s", "p"]
    assert calls == ["structure", "secretariat.council.tests.fake_part"]


def test_a_missing_demo_part_is_skipped():
    from secretariat.council import demo

    assert demo._part("secretariat.council.demo.no_such_part") is None
