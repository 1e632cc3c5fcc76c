"""Files on every step (「資料詳如附件」): a step carries its files, checked with it, shown on the timeline to
whoever sees the step and downloadable by exactly them. 交通局 leads; 衛生局's liaison (`outsider`) is the
agency from elsewhere — or, on the confidential memo, the co-agency who reads 「密件」."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage

from secretariat.cases.models import Case, CaseEvent, CaseStatus
from secretariat.cases.services import case_transition
from secretariat.cases.tests.stories import NOTE_KIND, agency, at, take
from secretariat.core.attachments import AttachmentRejected
from secretariat.core.models import Attachment
from tests.files import exe_bytes, upload

pytestmark = pytest.mark.django_db

API = "/api/v1/cases/"


@pytest.fixture(autouse=True)
def storage(tmp_path, monkeypatch):
    """Each test stores attachments in its own empty folder, so "nothing written" can be looked at."""
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path))
    return tmp_path


def stored(folder) -> list[object]:
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def accepted(assigned_petition, liaison) -> Case:
    return take(liaison, assigned_petition(), "accept")


def answer_with_files(actor, case: Case, *files) -> Case:
    case_transition(actor=actor, case_id=case.pk, name="answer", data={"answer": "資料詳如附件。"}, files=list(files))
    return Case.objects.get(pk=case.pk)


def step_files(case: Case, action: str) -> list[Attachment]:
    event = case.events.get(action=action)
    return list(Attachment.objects.filter(owner_type="cases.caseevent", owner_id=str(event.pk)))


# --- The service ------------------------------------------------------------------------------------------

def test_the_files_travel_with_the_step(accepted, liaison):
    case = answer_with_files(liaison, accepted, upload("附件一.pdf"), upload("照片.png", _png()))

    files = step_files(case, "answer")
    assert case.status == CaseStatus.ANSWERED
    assert {file.original_name for file in files} == {"附件一.pdf", "照片.png"}
    assert {file.uploaded_by_id for file in files} == {liaison.pk}


def test_a_refused_file_refuses_the_step_and_writes_nothing(accepted, liaison, storage):
    events = CaseEvent.objects.count()

    with pytest.raises(AttachmentRejected) as refusal:
        answer_with_files(liaison, accepted, upload("附件一.pdf"), upload("報告.pdf", exe_bytes()))

    assert refusal.value.field == "attachments"
    assert Case.objects.get(pk=accepted.pk).status == CaseStatus.IN_PROGRESS
    assert CaseEvent.objects.count() == events
    assert not Attachment.objects.exists()
    assert stored(storage) == []


def test_at_most_ten_files_go_with_one_step(accepted, liaison):
    with pytest.raises(AttachmentRejected) as refusal:
        answer_with_files(liaison, accepted, *[upload(f"附件{n}.pdf") for n in range(11)])

    assert refusal.value.code == "too_many_attachments"
    assert Case.objects.get(pk=accepted.pk).status == CaseStatus.IN_PROGRESS


def test_a_step_that_is_not_allowed_stores_no_file(assigned_petition, outsider, storage):
    case = assigned_petition()

    with pytest.raises(Exception):  # noqa: B017, PT011 - the workflow's own refusal
        answer_with_files(outsider, case, upload())

    assert not Attachment.objects.exists()
    assert stored(storage) == []


# --- Pages --------------------------------------------------------------------------------------------------

def test_the_liaison_answers_with_a_file_on_the_case_page_and_the_timeline_shows_it(accepted, liaison, client_for):
    client = client_for(liaison)
    response = client.post(f"/cases/{accepted.pk}/steps/answer/", {
        "version": accepted.version, "answer": "資料詳如附件。", "attachments": [upload("交通量統計.pdf")]})
    assert response.status_code == 302

    page = client.get(f"/cases/{accepted.pk}/").content.decode()
    file = step_files(accepted, "answer")[0]
    assert "交通量統計.pdf" in page
    assert f"/attachments/{file.pk}/" in page
    assert "1 個附件" in page


def test_the_step_form_shows_a_refused_file_on_the_form(accepted, liaison, client_for):
    response = client_for(liaison).post(f"/cases/{accepted.pk}/steps/answer/", {
        "version": accepted.version, "answer": "資料詳如附件。", "attachments": [upload("報告.pdf", exe_bytes())]})

    assert response.status_code == 400
    assert "報告.pdf" in response.content.decode()
    assert Case.objects.get(pk=accepted.pk).status == CaseStatus.IN_PROGRESS


def test_the_step_form_asks_for_multipart(accepted, liaison, client_for):
    page = client_for(liaison).get(f"/cases/{accepted.pk}/").content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert 'name="attachments"' in page


# --- The API ------------------------------------------------------------------------------------------------

def test_the_api_takes_a_step_with_files_as_multipart(accepted, liaison, client_for):
    client = client_for(liaison)
    response = client.post(f"{API}{accepted.pk}/steps/answer", {
        "version": accepted.version, "answer": "資料詳如附件。", "attachments": [upload("附件一.pdf")]})

    assert response.status_code == 200, response.content
    answer = next(event for event in response.json()["timeline"] if event["action"] == "answer")
    [file] = answer["files"]
    assert (file["name"], file["content_type"]) == ("附件一.pdf", "application/pdf")
    download = client.get(file["download_url"])
    assert download.status_code == 200
    assert download.getvalue().startswith(b"%PDF")


def test_the_api_refuses_a_bad_file_with_400_and_writes_nothing(accepted, liaison, client_for):
    response = client_for(liaison).post(f"{API}{accepted.pk}/steps/answer", {
        "version": accepted.version, "answer": "資料詳如附件。", "attachments": [upload("報告.pdf", exe_bytes())]})

    assert response.status_code == 400
    assert response.json()["code"] == "attachment_rejected"
    assert Case.objects.get(pk=accepted.pk).status == CaseStatus.IN_PROGRESS
    assert not Attachment.objects.exists()


def test_the_api_refuses_unknown_multipart_fields_and_bad_values(accepted, liaison, client_for):
    client = client_for(liaison)
    unknown = client.post(f"{API}{accepted.pk}/steps/answer", {"version": accepted.version, "answer": "x",
                                                               "file": upload()})
    bad_version = client.post(f"{API}{accepted.pk}/steps/answer", {"version": "abc", "answer": "x"})

    assert unknown.status_code == 422
    assert bad_version.status_code == 422
    assert bad_version.json()["field"] == "version"


def test_the_case_detail_api_lists_each_events_files(accepted, liaison, client_for):
    answer_with_files(liaison, accepted, upload("附件一.pdf"))

    timeline = client_for(liaison).get(f"{API}{accepted.pk}").json()["timeline"]

    assert [len(event["files"]) for event in timeline] == [0, 0, 0, 1]


# --- Who may download ---------------------------------------------------------------------------------------

def test_another_agency_cannot_download_a_steps_file(accepted, liaison, outsider, client_for):
    file = step_files(answer_with_files(liaison, accepted, upload()), "answer")[0]

    assert client_for(outsider).get(f"/attachments/{file.pk}/").status_code == 404
    assert client_for(outsider).get(f"{API.replace('cases/', '')}attachments/{file.pk}/download").status_code == 404


def test_the_secretariat_and_the_agency_head_download_it(accepted, liaison, agency_head, secretariat_clerk,
                                                          client_for):
    file = step_files(answer_with_files(liaison, accepted, upload()), "answer")[0]

    assert client_for(agency_head).get(f"/attachments/{file.pk}/").status_code == 200
    assert client_for(secretariat_clerk).get(f"/attachments/{file.pk}/").status_code == 200


@pytest.fixture
def secret(memo_kind, secretariat_clerk) -> Case:
    from secretariat.cases.services import case_open

    case = case_open(actor=secretariat_clerk, kind_code=NOTE_KIND, title="檢舉某主管收受廠商招待",
                     received_at=at("2023-06-20"), confidential=True)
    case_transition(actor=secretariat_clerk, case_id=case.pk, name="assign", at=at("2023-06-21"),
                    data={"agency": agency("交通局"), "co_agencies": [agency("衛生局")]}, files=[upload("密件函.pdf")])
    return case


def test_a_co_agency_reading_confidential_sees_no_step_file_and_cannot_download_it(secret, outsider, liaison,
                                                                                    client_for):
    file = step_files(secret, "assign")[0]

    page = client_for(outsider).get(f"/cases/{secret.pk}/").content.decode()
    assert "密件函.pdf" not in page
    assert client_for(outsider).get(f"/attachments/{file.pk}/").status_code == 404
    assert client_for(liaison).get(f"/attachments/{file.pk}/").status_code == 200


def test_an_auditor_reading_confidential_cannot_download_it_despite_reading_every_file(secret, auditor, client_for):
    file = step_files(secret, "assign")[0]

    assert client_for(auditor).get(f"/attachments/{file.pk}/").status_code == 404


def test_the_uploader_loses_the_file_with_the_case(assigned_petition, liaison, client_for):
    """Returned for re-routing, the case leaves 交通局: so does the file its liaison attached to the return."""
    case = assigned_petition()
    case_transition(actor=liaison, case_id=case.pk, name="return", data={"reason": "非本局權責"},
                    files=[upload("權責說明.pdf")])
    file = step_files(case, "return")[0]

    assert client_for(liaison).get(f"/attachments/{file.pk}/").status_code == 404


def _png() -> bytes:
    from tests.files import png_bytes

    return png_bytes()
