"""The one home of "who acts": the platform, a signed-in person, an inactive account, an anonymous visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser

from secretariat.accounts.models import User
from secretariat.core.actors import SYSTEM, is_active_actor, is_person, is_signed_in, is_system, person_or_none

PERSON = User(username="clerk", is_active=True)
LOCKED_OUT = User(username="former", is_active=False)
VISITOR = AnonymousUser()


@pytest.mark.parametrize(("who", "person", "signed_in", "active_actor", "system"), [
    (SYSTEM, False, False, True, True),
    (PERSON, True, True, True, False),
    (LOCKED_OUT, True, False, False, False),
    (VISITOR, False, False, False, False),
])
def test_each_kind_of_actor(who, person, signed_in, active_actor, system):
    assert is_person(who) is person
    assert is_signed_in(who) is signed_in
    assert is_active_actor(who) is active_actor
    assert is_system(who) is system


def test_the_person_behind_an_actor_is_none_for_the_platform_and_visitors():
    assert person_or_none(PERSON) is PERSON
    assert person_or_none(LOCKED_OUT) is LOCKED_OUT
    assert person_or_none(SYSTEM) is None
    assert person_or_none(VISITOR) is None
