"""The smaller holes of the production set-up: open redirects, the browser-side guards (CSP and friends), the
API docs on an intranet without internet, the favicon, and the mail links of `PORT=… make run`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template import engines
from django.test import Client, RequestFactory

from secretariat.core.security_headers import SecurityHeadersMiddleware
from tests.fixtures import client_for

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("secretariat/*/templates")]


def directives(response: HttpResponseBase) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


# --- Open redirects --------------------------------------------------------------------------------------

def test_a_next_address_on_another_site_is_not_followed(secretariat_clerk):
    response = client_for(secretariat_clerk).post("/counters/consultations/bookings/999999/served/",
                                                  {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/counters/consultations/"


@pytest.mark.parametrize("sneaky", ["//evil.example/", "https:evil.example", "javascript:alert(1)",
                                    "/\\evil.example"])
def test_disguised_foreign_addresses_are_not_followed_either(secretariat_clerk, sneaky):
    response = client_for(secretariat_clerk).post("/counters/consultations/bookings/999999/served/",
                                                  {"next": sneaky})
    assert response["Location"] == "/counters/consultations/"


def test_a_next_page_of_this_site_is_followed(secretariat_clerk):
    response = client_for(secretariat_clerk).post("/counters/consultations/bookings/999999/served/",
                                                  {"next": "/counters/consultations/?start=2023-07-03"})
    assert response["Location"] == "/counters/consultations/?start=2023-07-03"


# --- Browser-side guards ---------------------------------------------------------------------------------

def test_every_page_forbids_foreign_and_inline_scripts_and_styles(secretariat_clerk):
    response = client_for(secretariat_clerk).get("/")
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["Content-Security-Policy"]


def test_pages_switch_off_device_features_and_keep_the_referrer_on_the_site(reference_data):
    response = Client().get("/accounts/login/")
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_inline_code_that_carries_the_requests_nonce_is_allowed_and_only_it():
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">go()</script>')

    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse(template.render({}, request))

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode())
    assert nonce
    assert f"'nonce-{nonce.group(1)}'" in directives(response)["script-src"]
    other = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    assert nonce.group(1) not in other.headers["Content-Security-Policy"]


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle=\"", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=\"", re.I), "on* handler"),
    (re.compile(r"\shx-on[:-]", re.I), "hx-on handler (needs eval)"),
]
# The downloadable report is a standalone file read away from the platform: it carries its own styles.
STANDALONE = {"reporting/report_document.html"}


def test_no_page_template_has_code_the_policy_would_block():
    found = []
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            if path.relative_to(directory).as_posix() in STANDALONE:
                continue
            text = path.read_text()
            found += [f"{path.relative_to(ROOT)}: {what}" for pattern, what in INLINE if pattern.search(text)]
    assert found == []


def test_htmx_is_told_not_to_inject_styles_or_eval_and_its_indicator_css_is_served(secretariat_clerk):
    body = client_for(secretariat_clerk).get("/").content.decode()
    assert '"includeIndicatorStyles": false' in body
    assert '"allowEval": false' in body
    assert finders.find("css/htmx.css")
    assert finders.find("js/app.js")


# --- API docs on the intranet, favicon -------------------------------------------------------------------

def test_the_api_docs_load_swagger_from_this_site(secretariat_clerk):
    response = client_for(secretariat_clerk).get("/api/v1/docs")
    body = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r"(src|href)=\"(https?:)?//", body), "the docs page loads something from another site"
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert f"/static/{name}" in body
        assert finders.find(name)


def test_favicon_ico_leads_to_the_sites_icon(reference_data):
    response = Client().get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.ico"
    assert finders.find("favicon.ico")
    assert 'rel="icon"' in Client().get("/accounts/login/").content.decode()
