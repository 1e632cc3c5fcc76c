"""The daily digest: compiled for the previous day, sent once to each agency concerned (in-app and e-mail),
downloadable as ODT (ODF 1.2) cut to the reader's agency."""

import datetime as dt
import io
import shutil
import zipfile

import pytest
from django.core import mail

from secretariat.core import pdf
from secretariat.media.models.opinion import DigestDelivery, OpinionDigest
from secretariat.media.services.digest_document import digest_for
from secretariat.media.services.opinion_digest import digest_send
from secretariat.media.tests.opinion_helpers import at, record
from secretariat.notifications.models import Notification
from tests.files import pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_at_once")]
needs_office = pytest.mark.skipif(not pdf.pdf_available() or shutil.which("pdftotext") is None,
                                  reason="LibreOffice and pdftotext are installed by `make test` as root")
DAY = dt.date(2023, 9, 12)


@pytest.fixture
def the_day(monitor):
    record(monitor, "公車事故 多人受傷", link="https://n.example.tw/1", agencies=("交通局",), reach=100000)
    record(monitor, "食安稽查結果", link="https://n.example.tw/2", agencies=("衛生局",), sentiment="neutral")
    record(monitor, "公車與醫院聯合演習", link="https://n.example.tw/3", agencies=("交通局", "衛生局"),
           sentiment="positive")
    record(monitor, "前一天的新聞", link="https://n.example.tw/4", seen_at=at("2023-09-11"))


def content_of(odt: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()


def test_the_morning_digest_covers_yesterday_and_reaches_each_agency_concerned(the_day, liaison, agency_head,
                                                                                outsider):
    digest = digest_send(at=at("2023-09-13", 7, 30))

    assert digest is not None
    assert digest.day == DAY
    assert (digest.item_count, digest.agency_count) == (3, 2)
    deliveries = {d.agency.short_name: d for d in DigestDelivery.objects.select_related("agency")}
    assert deliveries["交通局"].item_count == 2
    assert set(deliveries["交通局"].recipients) == {"liaison", "head"}
    assert deliveries["衛生局"].recipients == ["outsider"]
    assert Notification.objects.filter(user=liaison).count() == 1
    # One mail a person (each chooses how to receive the digest), to the people of the agencies concerned.
    assert sorted(tuple(message.to) for message in mail.outbox) == [
        ("head@example.invalid",), ("liaison@example.invalid",), ("outsider@example.invalid",)]
    transport = next(message for message in mail.outbox if "liaison@example.invalid" in message.to)
    assert transport.body.index("公車事故") < transport.body.index("公車與醫院")  # most severe first
    assert "食安" not in transport.body


def test_a_second_run_for_the_same_day_sends_nothing(the_day, liaison):
    digest_send(day=DAY)
    sent = len(mail.outbox)
    assert digest_send(day=DAY) is None
    assert OpinionDigest.objects.count() == 1
    assert len(mail.outbox) == sent > 0


def test_the_odt_declares_odf_1_2_and_groups_items_by_agency(the_day, monitor):
    odt = digest_for(user=monitor, day=DAY)

    package = zipfile.ZipFile(io.BytesIO(odt))
    assert package.namelist()[0] == "mimetype"
    assert b'office:version="1.2"' in package.read("content.xml")
    text = content_of(odt)
    assert "交通局（2）" in text
    assert "衛生局（2）" in text
    assert "前一天的新聞" not in text


def test_an_agency_reader_gets_only_their_agencys_items(the_day, liaison):
    text = content_of(digest_for(user=liaison, day=DAY))
    assert "公車事故" in text
    assert "食安稽查結果" not in text
    assert "衛生局（" not in text


@needs_office
def test_the_pdf_is_the_odt_converted_with_its_chinese_text(the_day, client_for, liaison):
    response = client_for(liaison).get("/api/v1/media/opinion/digests/2023-09-12", {"format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "公車事故" in text
    assert "食安稽查結果" not in text


def test_without_libreoffice_the_pdf_is_a_clear_503(the_day, client_for, liaison, monkeypatch):
    monkeypatch.setattr("secretariat.core.pdf.office_binary", lambda: None)
    response = client_for(liaison).get("/api/v1/media/opinion/digests/2023-09-12", {"format": "pdf"})
    assert response.status_code == 503
    assert response.json()["code"] == "pdf_unavailable"
    page = client_for(liaison).get("/media/opinion/digests/2023-09-12/", {"format": "pdf"})
    assert page.status_code == 503
