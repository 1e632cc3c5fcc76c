"""The statistics page and its downloads, as the Secretariat and the agencies use them."""

import csv
import html
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from secretariat.core.roc import Period
from secretariat.petitions.tests.stats_helpers import PetitionMaker

PAGE = reverse("petition_stats:page")


def download(client, file_format, period="112H2"):
    return client.get(reverse("petition_stats:download", args=[file_format]), {"period": period})


@pytest.fixture
def petitions(secretariat_clerk):
    make = PetitionMaker(secretariat_clerk)
    make(agency="交通局", received="2023-07-03 10:00", answered="2023-07-05 10:00", closed="2023-07-06 10:00")
    make(agency="交通局", received="2023-08-01 10:00")  # never answered: overdue
    make(agency="衛生局", received="2023-08-02 10:00", subject="某診所收費過高")


def test_a_clerk_sees_every_agency_for_the_chosen_period(client_for, secretariat_clerk, petitions):
    response = client_for(secretariat_clerk).get(PAGE, {"period": "112H2"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "交通局" in page
    assert "衛生局" in page
    assert '<option value="112H2" selected>112年下半年</option>' in page


def test_the_page_draws_the_months_as_an_svg_chart(client_for, secretariat_clerk, petitions):
    page = client_for(secretariat_clerk).get(PAGE, {"period": "112H2"}).content.decode()

    assert page.count('class="bar"') == 6
    assert "<script" not in page.split("<main", 1)[1]


def test_the_page_opens_on_the_current_period_and_offers_the_earlier_ones_on_record(
        client_for, secretariat_clerk, petitions):
    response = client_for(secretariat_clerk).get(PAGE)
    assert response.status_code == 200
    current = Period.containing(timezone.localdate())
    assert response.context["period"] == current
    offered = [option.code for option in response.context["options"]]
    assert offered[0] == current.code
    assert "112H2" in offered


def test_a_liaison_sees_only_their_own_agencys_figures(client_for, liaison, petitions):
    response = client_for(liaison).get(PAGE, {"period": "112H2"})

    assert response.status_code == 200
    assert [row.name for row in response.context["rows"]] == ["交通局"]
    assert "某診所收費過高" not in response.content.decode()


def test_the_overdue_list_names_cases_not_petitioners(client_for, secretariat_clerk, petitions):
    page = client_for(secretariat_clerk).get(PAGE, {"period": "112H2"}).content.decode()

    assert "某診所收費過高" in page
    assert "王小明" not in page


def test_a_councillor_may_not_open_the_statistics(client_for, councillor):
    assert client_for(councillor).get(PAGE).status_code == 403


def test_a_visitor_is_sent_to_sign_in(client_for):
    response = client_for(None).get(PAGE)

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("period", ["112H3", "abc"])
def test_a_period_that_is_not_a_half_year_is_refused_with_a_message(client_for, secretariat_clerk, period):
    response = client_for(secretariat_clerk).get(PAGE, {"period": period})

    assert response.status_code == 400
    alert = response.content.decode().split('role="alert">', 1)[1].split("</p>", 1)[0]
    assert period in alert


def test_the_menu_offers_statistics_to_agency_staff_but_not_councillors(client_for, liaison, councillor):
    assert PAGE in client_for(liaison).get(reverse("core:home")).content.decode()
    assert PAGE not in client_for(councillor).get(reverse("core:home")).content.decode()


def test_the_csv_download_opens_in_a_spreadsheet_with_chinese_intact(client_for, secretariat_clerk, petitions):
    response = download(client_for(secretariat_clerk), "csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="petition-statistics-112H2.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[:2] for row in rows[1:]] == [["交通局", "2"], ["衛生局", "1"], [rows[-1][0], "3"]]


def test_the_ods_download_is_an_open_document_spreadsheet(client_for, secretariat_clerk, petitions):
    response = download(client_for(secretariat_clerk), "ods")

    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    content = archive.read("content.xml").decode()
    assert 'office:version="1.2"' in content
    assert "交通局" in content
    assert "某診所收費過高" in content  # the overdue sheet
    assert "王小明" not in content
    assert "0912" not in content


def test_the_xlsx_download_holds_no_personal_data(client_for, secretariat_clerk, petitions):
    response = download(client_for(secretariat_clerk), "xlsx")

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    # html.unescape: with lxml installed (odfdo needs it) openpyxl writes Chinese as character references.
    text = html.unescape("".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()))
    assert "交通局" in text
    assert "王小明" not in text


def test_a_liaisons_download_holds_only_their_agency(client_for, liaison, petitions):
    text = download(client_for(liaison), "csv").content.decode("utf-8-sig")

    assert "交通局" in text
    assert "衛生局" not in text


def test_an_unknown_download_format_is_refused(client_for, secretariat_clerk, petitions):
    response = download(client_for(secretariat_clerk), "pdf")

    assert response.status_code == 400


def test_a_councillor_may_not_download(client_for, councillor):
    assert download(client_for(councillor), "csv").status_code == 403
