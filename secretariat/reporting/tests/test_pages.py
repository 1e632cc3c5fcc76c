"""The report pages: who may open them, the preview with linked figures, downloads, the prose form, the
comparison with the previous period and the monthly charts."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from secretariat.reporting.models import ReportProse
from tests.fixtures import client_for, in_english

PREVIEW = "/reports/112H2/"


@pytest.mark.parametrize("persona", ["secretariat_clerk", "secretariat_admin", "auditor"])
def test_the_secretariat_and_auditors_open_the_report(request, persona):
    response = client_for(request.getfixturevalue(persona)).get(PREVIEW)

    assert response.status_code == 200
    assert "臺北市政府秘書處工作報告" in response.content.decode()


@pytest.mark.parametrize("persona", ["liaison", "agency_head", "outsider", "councillor"])
def test_agency_people_and_councillors_do_not_see_the_report(request, persona):
    client = client_for(request.getfixturevalue(persona))

    assert client.get(PREVIEW).status_code == 404
    assert client.get("/reports/").status_code == 404
    assert client.get("/reports/112H2/download/odt/").status_code == 404


def test_signing_in_comes_first(db):
    response = client_for(None).get(PREVIEW)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_preview_links_each_figure_to_its_records(secretariat_clerk, counters_registered):
    page = client_for(secretariat_clerk).get(PREVIEW).content.decode()

    assert 'href="/counters/enquiries/?period=112H2"' in page
    assert "counter enquiries received in the period" in page  # the query, on the figure's title
    assert reverse("reporting:download", args=["112H2", "odt"]) in page
    assert reverse("reporting:prose_edit", args=["112H2", "front"]) in page


def test_the_auditor_reads_but_is_not_offered_the_text_forms(auditor):
    client = client_for(auditor)

    assert "/text/front/" not in client.get(PREVIEW).content.decode()
    assert client.get("/reports/112H2/text/front/").status_code == 404


def test_the_period_chooser_opens_a_typed_period_and_explains_a_bad_one(secretariat_clerk):
    client = client_for(secretariat_clerk)

    assert client.get("/reports/", {"period": "113年上半年"})["Location"] == "/reports/113H1/"
    refused = client.get("/reports/", {"period": "112H3"})
    assert refused.status_code == 400
    assert "112H3" in refused.content.decode()
    assert client.get("/reports/abc/").status_code == 404


def test_the_chooser_lists_the_periods_with_records(secretariat_clerk, counters_registered):
    cache.clear()  # the list is cached for a few minutes
    page = client_for(secretariat_clerk).get("/reports/").content.decode()

    assert "/reports/112H2/" in page


@pytest.mark.parametrize(("fmt", "content_type", "start"), [
    ("odt", "application/vnd.oasis.opendocument.text", b"PK"), ("docx", "application/vnd.openxml", b"PK"),
    ("html", "text/html", b"<!doctype html>"), ("txt", "text/plain", "臺北".encode()),
    ("json", "application/json", b"{")])
def test_every_format_downloads(secretariat_clerk, fmt, content_type, start):
    response = client_for(secretariat_clerk).get(f"/reports/112H2/download/{fmt}/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="work-report-112H2.{fmt}"'
    assert response.content.startswith(start)


def test_an_unknown_format_is_not_found(secretariat_clerk):
    assert client_for(secretariat_clerk).get("/reports/112H2/download/rtf/").status_code == 404


def test_a_pdf_without_libreoffice_is_refused_with_a_clear_page(secretariat_clerk, monkeypatch):
    monkeypatch.setattr("secretariat.core.pdf.office_binary", lambda: None)

    response = client_for(secretariat_clerk).get("/reports/112H2/download/pdf/")

    assert response.status_code == 503
    assert "ODT" in response.content.decode()


def test_the_prose_form_offers_the_previous_periods_text_and_saves_for_this_one(secretariat_clerk):
    client = client_for(secretariat_clerk)
    client.post("/reports/112H2/text/closing/", {"text": "上期的結語。", "version": "0"})

    form = client.get("/reports/113H1/text/closing/").content.decode()
    assert "上期的結語。" in form
    assert "112H2" in form
    assert not ReportProse.objects.filter(period_code="113H1").exists()

    response = client.post("/reports/113H1/text/closing/", {"text": "本期的結語。", "version": "0"})
    assert response.status_code == 302
    assert response["Location"] == "/reports/113H1/#place-%E5%8F%83"  # 參
    assert ReportProse.objects.get(period_code="113H1").text == "本期的結語。"


def test_a_stale_form_shows_the_conflict_and_keeps_the_other_text(secretariat_clerk, secretariat_admin):
    client_for(secretariat_admin).post("/reports/112H2/text/front/", {"text": "管理員版本", "version": "0"})

    response = client_for(secretariat_clerk).post("/reports/112H2/text/front/", {"text": "書記版本", "version": "0"})

    assert response.status_code == 400
    assert ReportProse.objects.get().text == "管理員版本"


def test_agency_people_cannot_post_text(liaison):
    response = client_for(liaison).post("/reports/112H2/text/front/", {"text": "x", "version": "0"})

    assert response.status_code == 404
    assert not ReportProse.objects.exists()


def test_the_comparison_shows_each_figure_with_its_change(secretariat_clerk, counters_registered):
    page = client_for(secretariat_clerk).get("/reports/112H2/compare/").content.decode()

    assert "綜合諮詢件數" in page
    # 340 this half-year, 240 the one before: +100, +41.6% (the report's truncating rule)
    assert "<td class=\"num\">340</td><td class=\"num\">240</td>" in page
    assert "+100" in page
    assert "+41.6%" in page


def test_the_first_period_has_nothing_to_compare_with_and_says_so(secretariat_clerk):
    response = in_english(client_for(secretariat_clerk)).get("/reports/1H1/compare/")

    assert response.status_code == 400  # was a server error: there is no period 0H2
    assert "1H1 is the first period of the ROC calendar" in response.content.decode()


def test_the_dashboard_draws_each_monthly_table_as_an_inline_svg(secretariat_clerk, counters_registered):
    page = client_for(secretariat_clerk).get("/reports/112H2/dashboard/").content.decode()

    assert page.count("<svg xmlns=") == 1  # one chart; the legend swatches are small unnamed SVGs
    assert "<polyline" in page
    assert "<title>稅務</title>" in page
    assert "<title>地政</title>" in page
    assert "<title>總計</title>" not in page  # the total row is not drawn as a series


def test_the_dashboard_says_when_there_is_nothing_to_draw(secretariat_clerk):
    page = client_for(secretariat_clerk).get("/reports/112H2/dashboard/").content.decode()

    assert "role=\"img\"" not in page  # no chart is drawn (the header's bell is a decorative svg)
