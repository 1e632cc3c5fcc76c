"""The answer's files on the citizen's answer page: 交通局 answers with a file, the Secretariat closes the case,
and the petitioner — who opened the page with the case number and password — downloads it by the page's
signed link. A stranger without the link, a forged or expired link, or a link after a reopen gets nothing."""

from __future__ import annotations

import re
import time

import pytest
from django.core import signing
from django.test import Client

from secretariat.cases.services import case_transition
from secretariat.petitions.selectors.answer_files import ANSWER_LINK_MINUTES, ANSWER_LINK_SALT
from secretariat.petitions.tests.intake_helpers import assign, register
from tests.files import upload

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="(/petitions/answer/files/[^"]+/)"')


@pytest.fixture
def filed(secretariat_clerk, liaison):
    registered = register(secretariat_clerk)
    assign(registered.petition, secretariat_clerk)
    case_transition(actor=liaison, case_id=registered.petition.pk, name="answer",
                    data={"answer": "路燈已修復，維修紀錄詳如附件。"}, files=[upload("維修紀錄.pdf")])
    return registered


def close(filed, clerk) -> None:
    case_transition(actor=clerk, case_id=filed.petition.pk, name="close")


def answer_page(filed, client: Client | None = None) -> str:
    response = (client or Client()).post("/petitions/answer/", {"reference": filed.petition.case.reference,
                                                                 "password": filed.password})
    assert response.status_code == 200
    return response.content.decode()


def test_the_answer_page_lists_no_file_before_the_case_is_closed(filed):
    assert "維修紀錄.pdf" not in answer_page(filed)


def test_the_petitioner_downloads_the_answers_file_from_the_answer_page(filed, secretariat_clerk):
    close(filed, secretariat_clerk)
    page = answer_page(filed)

    assert "維修紀錄.pdf" in page
    [link] = LINK.findall(page)
    download = Client().get(link)
    assert download.status_code == 200
    assert download["Cache-Control"] == "no-store"
    assert download.getvalue().startswith(b"%PDF")


def test_a_stranger_without_the_link_cannot_download_it(filed, secretariat_clerk):
    close(filed, secretariat_clerk)
    attachment_id = filed.petition.case.events.get(action="answer").pk

    assert Client().get(f"/petitions/answer/files/{attachment_id}/").status_code == 404
    forged = signing.dumps({"c": filed.petition.pk, "f": "x", "p": "y"}, salt="another-salt")
    assert Client().get(f"/petitions/answer/files/{forged}/").status_code == 404


def test_an_anonymous_visitor_cannot_use_the_staff_download(filed, secretariat_clerk):
    close(filed, secretariat_clerk)
    [link] = LINK.findall(answer_page(filed))
    file_id = signing.loads(link.split("/")[-2], salt=ANSWER_LINK_SALT)["f"]

    assert Client().get(f"/attachments/{file_id}/").status_code in {302, 404}


def test_the_link_expires(filed, secretariat_clerk, monkeypatch):
    close(filed, secretariat_clerk)
    [link] = LINK.findall(answer_page(filed))
    later = time.time() + ANSWER_LINK_MINUTES * 60 + 5
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = Client().get(link)

    assert response.status_code == 410
    assert "案件密碼" in response.content.decode() or "case password" in response.content.decode()


def test_a_link_stops_working_once_the_case_is_reopened(filed, secretariat_clerk):
    close(filed, secretariat_clerk)
    [link] = LINK.findall(answer_page(filed))
    case_transition(actor=secretariat_clerk, case_id=filed.petition.pk, name="reopen", data={"reason": "答非所問"})

    assert Client().get(link).status_code == 404
