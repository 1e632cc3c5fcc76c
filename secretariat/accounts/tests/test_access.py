"""Who sees which agency's records: the one scoping rule every list in the platform goes through."""

import pytest
from django.contrib.auth.models import AnonymousUser

from secretariat.accounts.access import agency_scope_ids, can_see_agency, scope_to_agency
from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import user_update
from secretariat.core.changes import SYSTEM

pytestmark = pytest.mark.django_db


def visible_agencies(user) -> set[str]:
    """The short names of the agencies `user` may see, read through the Agency table itself."""
    return set(scope_to_agency(Agency.objects.all(), user, agency_field="pk").values_list("short_name", flat=True))


def visible_usernames(user) -> set[str]:
    return set(scope_to_agency(User.objects.all(), user).values_list("username", flat=True))


# --- The Secretariat sees the whole city ------------------------------------------------------------

def test_the_clerk_sees_every_agency(secretariat_clerk):
    assert visible_agencies(secretariat_clerk) == set(Agency.objects.values_list("short_name", flat=True))
    assert agency_scope_ids(secretariat_clerk) is None


def test_the_clerk_sees_people_of_every_agency(secretariat_clerk, liaison, outsider, civil_affairs_liaison):
    assert {"liaison", "outsider", "civil", "clerk"} <= visible_usernames(secretariat_clerk)


def test_the_auditor_sees_every_agency(auditor, agency_named):
    assert can_see_agency(auditor, agency_named("交通局").pk)
    assert can_see_agency(auditor, agency_named("中正區公所").pk)


def test_the_clerk_sees_records_that_belong_to_no_agency(secretariat_clerk):
    assert can_see_agency(secretariat_clerk, None)


# --- Agency people see their own agency -------------------------------------------------------------

def test_the_liaison_sees_only_the_department_of_transportation(liaison):
    assert visible_agencies(liaison) == {"交通局"}


def test_the_liaison_sees_the_people_of_their_own_agency_only(liaison, agency_head, outsider, secretariat_clerk):
    assert visible_usernames(liaison) == {"liaison", "head"}


def test_the_liaison_sees_the_units_of_their_own_agency_only(liaison, agency_named):
    Unit.objects.create(agency=agency_named("交通局"), name="運輸資訊科")

    units = scope_to_agency(Unit.objects.all(), liaison)

    assert [unit.name for unit in units] == ["運輸資訊科"]  # none of the Secretariat's units


def test_the_agency_head_sees_their_own_agency(agency_head, agency_named):
    assert can_see_agency(agency_head, agency_named("交通局").pk)
    assert not can_see_agency(agency_head, agency_named("秘書處").pk)


def test_the_civil_affairs_liaison_sees_the_zhongzheng_district_office(civil_affairs_liaison, agency_named):
    assert can_see_agency(civil_affairs_liaison, agency_named("中正區公所").pk)


def test_the_civil_affairs_liaison_sees_their_bureau_and_all_twelve_district_offices(civil_affairs_liaison):
    seen = visible_agencies(civil_affairs_liaison)

    assert "民政局" in seen
    assert {name for name in seen if name.endswith("區公所")} == set(
        Agency.objects.filter(parent__short_name="民政局").values_list("short_name", flat=True))
    assert len(seen) == 13


def test_the_civil_affairs_liaison_does_not_see_the_department_of_transportation(civil_affairs_liaison,
                                                                                 agency_named):
    assert not can_see_agency(civil_affairs_liaison, agency_named("交通局").pk)


def test_the_liaison_does_not_see_records_without_an_agency(liaison):
    assert not can_see_agency(liaison, None)


# --- Everyone else sees nothing ---------------------------------------------------------------------

def test_the_outsider_does_not_see_the_department_of_transportation(outsider, agency_named):
    assert not can_see_agency(outsider, agency_named("交通局").pk)
    assert "交通局" not in visible_agencies(outsider)


def test_the_outsider_does_not_see_the_transportation_liaison(outsider, liaison):
    assert "liaison" not in visible_usernames(outsider)


def test_the_councillor_sees_no_agency(councillor, agency_named):
    assert visible_agencies(councillor) == set()
    assert not can_see_agency(councillor, agency_named("交通局").pk)


def test_an_anonymous_visitor_sees_no_agency(agency_named):
    visitor = AnonymousUser()

    assert visible_agencies(visitor) == set()
    assert agency_scope_ids(visitor) == set()
    assert not can_see_agency(visitor, agency_named("秘書處").pk)


def test_a_deactivated_liaison_no_longer_sees_their_agency(liaison, agency_named):
    user_update(actor=SYSTEM, user=liaison, is_active=False)
    liaison.refresh_from_db()

    assert visible_agencies(liaison) == set()
    assert not can_see_agency(liaison, agency_named("交通局").pk)


def test_a_deactivated_clerk_loses_the_citywide_view(secretariat_clerk, agency_named):
    user_update(actor=SYSTEM, user=secretariat_clerk, is_active=False)
    secretariat_clerk.refresh_from_db()

    assert visible_agencies(secretariat_clerk) == set()
    assert not can_see_agency(secretariat_clerk, agency_named("秘書處").pk)
