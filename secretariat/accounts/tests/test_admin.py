"""The administration site: administrators manage agencies, units and people through the same audited
services as the API, and a rule the service enforces shows on the form instead of an error page."""

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.models import AuditEntry
from tests.fixtures import client_for


def test_the_administrator_adds_a_liaison_in_the_admin(secretariat_admin, agency_named):
    response = client_for(secretariat_admin).post("/admin/accounts/user/add/", {
        "username": "new_liaison", "password": "Taipei-liaison-2024", "display_name": "劉聯絡",
        "email": "", "role": Role.AGENCY_LIAISON, "agency": agency_named("交通局").pk, "unit": "", "phone": "",
    })

    assert response.status_code == 302
    created = User.objects.get(username="new_liaison")
    assert created.check_password("Taipei-liaison-2024")
    assert AuditEntry.objects.filter(action="user.create", target_id=str(created.pk)).exists()


def test_a_liaison_without_an_agency_is_refused_on_the_form(secretariat_admin):
    response = client_for(secretariat_admin).post("/admin/accounts/user/add/", {
        "username": "lost_liaison", "password": "Taipei-liaison-2024", "display_name": "",
        "email": "", "role": Role.AGENCY_LIAISON, "agency": "", "unit": "", "phone": "",
    })

    assert response.status_code == 200
    assert "機關聯絡人與機關首長必須指定所屬機關" in response.content.decode()
    assert not User.objects.filter(username="lost_liaison").exists()


def test_renaming_an_agency_in_the_admin_is_audited(secretariat_admin, agency_named):
    agency = agency_named("觀傳局")
    form = {"name": "臺北市政府觀光傳播局", "short_name": "觀傳局", "rollup_name": "", "name_en": "Tourism",
            "code": "", "kind": "agency", "parent": "", "sort_order": 170, "is_active": "on"}

    response = client_for(secretariat_admin).post(f"/admin/accounts/agency/{agency.pk}/change/", form)

    assert response.status_code == 302
    entry = AuditEntry.objects.filter(action="agency.change", target_id=str(agency.pk)).latest("seq")
    assert entry.after is not None
    assert entry.after["name_en"] == "Tourism"


def test_an_agency_cannot_be_put_under_its_own_district_office(secretariat_admin, agency_named):
    civil = agency_named("民政局")
    form = {"name": civil.name, "short_name": "民政局", "rollup_name": civil.rollup_name, "name_en": "",
            "code": "", "kind": "agency", "parent": agency_named("中正區公所").pk, "sort_order": 20,
            "is_active": "on"}

    response = client_for(secretariat_admin).post(f"/admin/accounts/agency/{civil.pk}/change/", form)

    assert response.status_code == 200
    assert Agency.objects.get(pk=civil.pk).parent is None


def test_agency_staff_cannot_open_the_admin(liaison):
    response = client_for(liaison).get("/admin/accounts/user/")

    assert response.status_code == 302  # sent to the admin's sign-in page
