"""Bad input to the pages is a 4xx page in the user's language (or the form again, with the field's error),
never a 500: ids beyond 64 bits in query strings, years of thirty digits, a step posted without a version
number, NUL characters in forms (the same message as the API), numbers no database holds, a form over the
size limit. (Issue 11; decision 0011.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation

from secretariat.accounts.models import User
from secretariat.core.input_safety import NUL_CHARACTER, NUMBER_TOO_LARGE
from secretariat.media.models import OpinionItem
from secretariat.media.services import releases as release_services
from secretariat.media.tests.opinion_helpers import monitor
from secretariat.media.tests.press_helpers import media_head, media_officer, media_writer
from tests.fixtures import client_for, english, in_english

pytestmark = pytest.mark.django_db
__all__ = ["media_head", "media_officer", "media_writer", "monitor"]

TWO_TO_63 = str(2**63)
THIRTY_DIGITS = "1" * 30


def page_text(response: Any) -> str:
    return response.content.decode()


@pytest.mark.parametrize("agency", [TWO_TO_63, f"-{TWO_TO_63}", "10" + "0" * 30, "交通局"])
def test_the_public_press_list_refuses_an_agency_that_cannot_be_one(reference_data: None, agency: str) -> None:
    response = in_english(Client()).get("/press/", {"agency": agency})
    assert response.status_code == 400
    assert "The address holds a value that is not valid." in page_text(response)
    assert "Back to the home page" in page_text(response)


@pytest.mark.parametrize(("persona", "page"), [("anonymous", "/press/"), ("secretariat_admin", "/council/councillors/"),
                                               ("secretariat_admin", "/staff/petitions/")])
def test_search_text_with_a_nul_character_is_a_400_that_says_why(
        request: pytest.FixtureRequest, reference_data: None, persona: str, page: str) -> None:
    """PostgreSQL cannot hold a NUL: the search once reached the query and failed there (a 500)."""
    client = Client() if persona == "anonymous" else client_for(request.getfixturevalue(persona))
    response = in_english(client).get(page, {"q": "路\u0000"})
    assert response.status_code == 400
    assert "Text may not contain the NUL character." in page_text(response)


def test_the_council_review_list_refuses_an_agency_beyond_64_bits(secretariat_admin: User) -> None:
    response = client_for(secretariat_admin).get("/council/review/", {"agency": TWO_TO_63})
    assert response.status_code == 400


def test_a_calendar_month_of_a_thirty_digit_year_does_not_exist(secretariat_admin: User) -> None:
    assert client_for(secretariat_admin).get("/calendar/", {"year": THIRTY_DIGITS, "month": "1"}).status_code == 404


def test_the_social_post_calendar_of_a_thirty_digit_year_shows_this_month(media_officer: User) -> None:
    response = client_for(media_officer).get("/media/social-posts/calendar/", {"year": THIRTY_DIGITS, "month": "1"})
    assert response.status_code == 200


def test_a_release_step_posted_without_a_version_number_is_refused_on_the_page(
        media_writer: User) -> None:
    release = release_services.release_draft(actor=media_writer, title="週末交通管制", body="<p>本週末管制。</p>")
    response = in_english(client_for(media_writer)).post(f"/media/press/{release.pk}/submit/", {"version": "abc"})
    assert response.status_code == 400
    assert "The form did not say which version you read." in page_text(response)
    release.refresh_from_db()
    assert release.status == "draft"


def test_a_nul_character_in_a_form_gets_the_same_message_as_over_the_api(secretariat_admin: User) -> None:
    response = in_english(client_for(secretariat_admin)).post("/accounts/tokens/",
                                                                             {"name": "統計\x00程式"})
    assert response.status_code == 400
    assert english(NUL_CHARACTER) in page_text(response)
    assert not secretariat_admin.api_tokens.exists()


def test_a_number_no_database_holds_is_a_form_error(monitor: User) -> None:
    response = in_english(client_for(monitor)).post("/media/opinion/new/", {
        "outlet": "北市日報", "medium": "news", "headline": "捷運板南線號誌故障", "sentiment": "negative",
        "reach": TWO_TO_63, "seen_at": "2023-09-12T09:00"})
    assert response.status_code in {200, 400}
    assert english(NUMBER_TOO_LARGE) in page_text(response)
    assert not OpinionItem.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
@pytest.mark.parametrize(("language", "lang_attribute"), [("en", 'lang="en"'), ("zh-hant", 'lang="zh-hant-tw"')])
def test_a_form_over_the_size_limit_gets_the_error_page_in_the_users_language(
        secretariat_admin: User, language: str, lang_attribute: str) -> None:
    client = client_for(secretariat_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post("/accounts/tokens/", {"name": "統計" * 1000})
    assert response.status_code == 413
    assert lang_attribute in page_text(response).lower()
    with translation.override(language):
        assert str(translation.gettext("Back to the home page")) in page_text(response)
    assert not secretariat_admin.api_tokens.exists()


def test_a_token_is_still_made_from_good_input(secretariat_admin: User) -> None:
    response = client_for(secretariat_admin).post("/accounts/tokens/", {"name": "統計程式"})
    assert response.status_code in {200, 302}
    assert secretariat_admin.api_tokens.filter(name="統計程式").exists()
