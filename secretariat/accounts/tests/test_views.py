"""The pages people use: signing in and out, lockout, home, the calendar, tokens and the audit trail."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from secretariat.accounts.models import ApiToken
from secretariat.audit.models import AuditEntry, AuditVerification
from secretariat.core.errors import PermissionRefused
from secretariat.core.models import CalendarDay
from tests.fixtures import PERSONA_PASSWORD, client_for, has_project_translations

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
CLOSURE_DAY = dt.date(2026, 12, 1)  # a Tuesday, an ordinary working day in the 2026 office calendar


def sign_in(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def text_of(response) -> str:
    return response.content.decode()


# --- Signing in -------------------------------------------------------------------------------------

def test_the_sign_in_page_speaks_traditional_chinese_by_default(db):
    response = Client().get(LOGIN)

    assert response.status_code == 200
    assert 'lang="zh-Hant-TW"' in text_of(response)
    if has_project_translations():
        assert "登入" in text_of(response)


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(liaison):
    wrong_password = sign_in(Client(), "liaison", "Not-the-password-1")
    unknown_user = sign_in(Client(), "nosuchperson", "Not-the-password-1")

    assert wrong_password.status_code == 400
    assert unknown_user.status_code == 400
    errors = wrong_password.context["form"].non_field_errors()
    assert errors
    assert errors == unknown_user.context["form"].non_field_errors()
    assert str(errors[0]) in text_of(wrong_password)


def test_the_sign_in_error_warns_of_the_lockout_limit(liaison):
    response = sign_in(Client(), "liaison", "Not-the-password-1")

    assert str(settings.AXES_FAILURE_LIMIT) in response.context["form"].non_field_errors()[0]


def test_after_too_many_failures_even_the_right_password_meets_the_locked_page(liaison):
    browser = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(browser, "liaison", "Not-the-password-1")

    response = sign_in(browser, "liaison", PERSONA_PASSWORD)

    assert response.status_code == 429
    assert "accounts/locked.html" in [template.name for template in response.templates]
    assert "_auth_user_id" not in browser.session


def test_the_lockout_is_per_account(liaison, outsider):
    browser = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(browser, "liaison", "Not-the-password-1")

    response = sign_in(browser, "outsider", PERSONA_PASSWORD)

    assert response.status_code == 302


def test_signing_in_leads_home_and_is_audited(liaison):
    browser = Client()

    response = sign_in(browser, "liaison", PERSONA_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert AuditEntry.objects.filter(action="auth.login", actor=liaison).count() == 1


def test_a_signed_out_visitor_is_sent_to_sign_in(db):
    response = Client().get("/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_signing_out_is_audited_and_ends_the_session(liaison):
    browser = client_for(liaison)

    response = browser.post("/accounts/logout/")

    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="auth.logout", actor=liaison).count() == 1
    assert browser.get("/").status_code == 302


# --- Home and language ------------------------------------------------------------------------------

def test_the_home_page_greets_the_person_by_name(liaison):
    response = client_for(liaison).get("/")

    assert response.status_code == 200
    assert "黃聯絡" in text_of(response)
    assert "臺北市政府交通局" in text_of(response)


def test_switching_to_english_shows_the_pages_in_english(liaison):
    browser = client_for(liaison)

    switched = browser.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = browser.get("/")

    assert switched.status_code == 302
    assert '<html lang="en">' in text_of(response)
    assert "Welcome, 黃聯絡" in text_of(response)


# --- The working-day calendar -----------------------------------------------------------------------

def test_the_calendar_opens_for_anyone_signed_in(councillor):
    response = client_for(councillor).get("/calendar/?year=2026&month=12")

    assert response.status_code == 200
    assert "115年12月" in text_of(response)


def test_the_administrator_declares_a_closure_and_sees_it_on_the_calendar(secretariat_admin):
    browser = client_for(secretariat_admin)

    response = browser.post("/calendar/?year=2026&month=12", {"date": "115/12/01", "note": "颱風停止上班"},
                            follow=True)

    assert response.status_code == 200
    assert CalendarDay.objects.get(date=CLOSURE_DAY).kind == "closure"
    assert "颱風停止上班" in text_of(response)


def test_a_liaison_declaring_a_closure_is_told_no_and_nothing_is_written(liaison):
    entries_before = AuditEntry.objects.count()

    response = client_for(liaison).post("/calendar/?year=2026&month=12",
                                        {"date": "2026-12-01", "note": "颱風停止上班"})

    assert response.status_code == 400
    with translation.override(settings.LANGUAGE_CODE):
        assert PermissionRefused().render() in text_of(response)
    assert not CalendarDay.objects.filter(date=CLOSURE_DAY).exists()
    assert AuditEntry.objects.count() == entries_before


def test_a_closure_on_a_holiday_is_refused_with_the_reason(secretariat_admin):
    response = client_for(secretariat_admin).post("/calendar/?year=2026&month=1",
                                                  {"date": "2026-01-01", "note": "颱風停止上班"})

    assert response.status_code == 400
    assert "2026-01-01 已是放假日。" in text_of(response)


# --- Personal API tokens ----------------------------------------------------------------------------

def test_a_new_token_is_shown_once_on_the_tokens_page(liaison):
    browser = client_for(liaison)

    created = browser.post("/accounts/tokens/", {"name": "統計程式"})

    assert created.status_code == 200
    shown = re.search(r'id="new-token">(sec_[^<]+)<', text_of(created))
    assert shown is not None
    raw = shown.group(1)
    assert ApiToken.objects.get(user=liaison).key_hash == ApiToken.hash_key(raw)
    later = browser.get("/accounts/tokens/")
    assert "統計程式" in text_of(later)
    assert raw not in text_of(later)


def test_a_token_without_a_name_is_refused_on_the_page(liaison):
    response = client_for(liaison).post("/accounts/tokens/", {"name": ""})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoking_a_token_on_the_page_stops_it_working(liaison):
    browser = client_for(liaison)
    browser.post("/accounts/tokens/", {"name": "統計程式"})
    token = ApiToken.objects.get(user=liaison)

    response = browser.post(f"/accounts/tokens/{token.pk}/revoke/", follow=True)

    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None


# --- The audit trail --------------------------------------------------------------------------------

def test_the_auditor_opens_the_audit_trail(auditor):
    response = client_for(auditor).get("/audit/")

    assert response.status_code == 200
    assert "user.create" in text_of(response)


def test_a_liaison_may_not_open_the_audit_trail(liaison):
    response = client_for(liaison).get("/audit/")

    assert response.status_code == 403


def test_the_auditor_checks_the_chain_and_is_told_it_is_intact(auditor):
    response = client_for(auditor).post("/audit/verify/", follow=True)

    assert response.status_code == 200
    assert "稽核軌跡完整" in text_of(response)
    assert AuditVerification.objects.get().ok


def test_a_liaison_may_not_run_the_chain_check(liaison):
    response = client_for(liaison).post("/audit/verify/")

    assert response.status_code == 403
    assert not AuditVerification.objects.exists()


def test_the_interface_stays_chinese_for_a_browser_set_up_in_english(liaison):
    response = client_for(liaison).get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert 'lang="zh-Hant-TW"' in response.content.decode()
