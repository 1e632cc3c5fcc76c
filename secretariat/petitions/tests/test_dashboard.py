"""The head's home-page card of personal-data requests: the count is the decision list's rows."""

from __future__ import annotations

import pytest

from secretariat.core.dashboards import cards_for
from secretariat.petitions.services import disclosure_decide, disclosure_request
from secretariat.petitions.tests.intake_helpers import assign, register

pytestmark = pytest.mark.django_db
KEY = "petitions.disclosures_to_decide"


def card(user):
    return next((view for view in cards_for(user) if view.key == KEY), None)


def test_the_head_counts_the_liaisons_requests_and_the_list_shows_them(secretariat_clerk, liaison, agency_head,
                                                                      client_for):
    petition = register(secretariat_clerk).petition
    assign(petition, secretariat_clerk)
    asked = disclosure_request(actor=liaison, petition=petition, reason="回電約定會勘時間")

    waiting = card(agency_head)

    assert (waiting.count, waiting.tone) == (1, "urgent")
    assert len(client_for(agency_head).get(waiting.url).context["to_decide"]) == 1
    disclosure_decide(actor=agency_head, request_id=asked.pk, approve=True)
    assert card(agency_head).count == 0


def test_a_liaison_has_no_requests_to_decide(liaison):
    assert card(liaison) is None
