"""Citizens behind the production HTTPS proxy: each keeps their own flood limits and their own address in the
audit trail, and nobody escapes a limit by writing an X-Forwarded-For header of their own."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from secretariat.audit.models import AuditEntry
from secretariat.core.request_context import client_address
from secretariat.petitions.models import PendingSubmission
from secretariat.petitions.tests.intake_helpers import confirmation_link

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
FORM = {
    "subject": "公車班次太少", "content": "262路公車晚上班次太少，等了四十分鐘。", "category": "",
    "location": "市府站", "people_count": "1", "petitioner_name": "陳美麗", "petitioner_email": "meili@example.com",
    "petitioner_phone": "", "petitioner_address": "", "consent": "on", "website": "",
}
behind_proxy = override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])


def citizen_via_proxy(address: str) -> Client:
    """A browser whose requests reach the app through the proxy, which appends the address it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


@behind_proxy
def test_behind_the_proxy_one_citizens_flood_does_not_stop_the_next_citizen(reference_data):
    flooding = citizen_via_proxy("198.51.100.7")
    for _round in range(5):
        assert flooding.post("/petitions/new/", FORM).status_code == 200
    assert flooding.post("/petitions/new/", FORM).status_code == 429
    assert citizen_via_proxy("198.51.100.8").post("/petitions/new/", FORM).status_code == 200
    assert set(PendingSubmission.objects.values_list("client_ip", flat=True)) == {"198.51.100.7", "198.51.100.8"}


@behind_proxy
def test_behind_the_proxy_an_address_written_by_the_citizen_is_ignored(reference_data):
    # The proxy appends the real peer to whatever the browser sent; only that last entry counts.
    for number in range(5):
        spoofed = citizen_via_proxy(f"203.0.113.{number}, 198.51.100.7")
        assert spoofed.post("/petitions/new/", FORM).status_code == 200
    assert citizen_via_proxy("203.0.113.99, 198.51.100.7").post("/petitions/new/", FORM).status_code == 429


def test_without_a_trusted_proxy_a_forwarded_header_does_not_escape_the_limit(reference_data):
    for number in range(5):
        response = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").post(
            "/petitions/new/", FORM)
        assert response.status_code == 200
    refused = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.50").post("/petitions/new/", FORM)
    assert refused.status_code == 429
    assert set(PendingSubmission.objects.values_list("client_ip", flat=True)) == {"198.51.100.7"}


@behind_proxy
def test_behind_the_proxy_wrong_answer_lookups_lock_only_the_guessing_citizen(reference_data):
    guessing = citizen_via_proxy("192.0.2.50")
    for number in range(20):
        guessing.post("/petitions/answer/", {"reference": f"P11500000{number:02d}", "password": "GUESS"})
    assert guessing.post("/petitions/answer/", {"reference": "P1150000099", "password": "GUESS"}).status_code == 429
    other = citizen_via_proxy("192.0.2.51").post("/petitions/answer/", {"reference": "P1150000099",
                                                                         "password": "GUESS"})
    assert other.status_code != 429


@behind_proxy
def test_behind_the_proxy_the_audit_trail_records_the_citizens_address(reference_data,
                                                                       django_capture_on_commit_callbacks):
    citizen = citizen_via_proxy("198.51.100.7")
    with django_capture_on_commit_callbacks(execute=True):
        assert citizen.post("/petitions/new/", FORM).status_code == 200
    before = AuditEntry.objects.count()
    assert citizen.post(confirmation_link(mail.outbox[0])).status_code == 201
    written = AuditEntry.objects.order_by("pk")[before:]
    assert written
    assert {entry.ip_address for entry in written} == {"198.51.100.7"}


# --- The rule itself --------------------------------------------------------------------------------------

def address_of(remote: str, forwarded: str | None = None) -> str:
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(request)


@behind_proxy
def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_address():
    assert address_of(PROXY, "198.51.100.7, 10.1.2.3") == "198.51.100.7"


@behind_proxy
def test_a_trusted_proxy_without_a_forwarded_header_is_itself_the_client():
    assert address_of(PROXY) == PROXY
    assert address_of(PROXY, "") == PROXY


@behind_proxy
def test_garbage_left_of_the_proxy_entries_is_not_taken_as_an_address():
    assert address_of(PROXY, "<script>, 10.1.2.3") == "10.1.2.3"


@override_settings(TRUSTED_PROXIES=["2001:db8::/32"])
def test_ipv6_proxies_and_clients():
    assert address_of("2001:db8::1", "2001:db8:ffff::9, 2400:cb00::7") == "2400:cb00::7"


def test_an_untrusted_peer_is_the_client_whatever_it_forwards():
    assert address_of("198.51.100.7", "203.0.113.1") == "198.51.100.7"
