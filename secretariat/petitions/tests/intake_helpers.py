"""Builders shared by the intake, public, personal-data and API tests of petitions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from secretariat.accounts.models import Agency, User
from secretariat.cases.services import case_transition
from secretariat.petitions.models import Channel, Petition
from secretariat.petitions.services import Registered, petition_register
from secretariat.petitions.services import reference as petitions_reference

PETITIONER = {
    "petitioner_name": "王小明", "petitioner_email": "xiaoming@example.com",
    "petitioner_phone": "0912-345-678", "petitioner_address": "臺北市信義區市府路1號",
}


@pytest.fixture
def categories(reference_data) -> None:
    petitions_reference.load()


def register(actor: Any, **overrides: Any) -> Registered:
    fields: dict[str, Any] = {"channel": Channel.LETTER, "subject": "路燈不亮", "content": "市府路口的路燈壞了三天。",
                              **PETITIONER, "location": "市府路與松壽路口"}
    fields.update(overrides)
    return petition_register(actor=actor, **fields)


def assign(petition: Petition, clerk: User, agency_name: str = "交通局", **data: Any) -> None:
    agency = Agency.objects.get(short_name=agency_name)
    case_transition(actor=clerk, case_id=petition.pk, name="assign", data={"agency": agency, **data})


def answer_and_close(petition: Petition, clerk: User, liaison: User, text: str = "已於今日修復路燈。") -> None:
    case_transition(actor=liaison, case_id=petition.pk, name="answer", data={"answer": text})
    case_transition(actor=clerk, case_id=petition.pk, name="close")


def scan(name: str = "letter.pdf", size: int = 0) -> SimpleUploadedFile:
    """A scanned letter as a PDF, padded to `size` bytes when asked."""
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, body + b"\n" * max(0, size - len(body)), content_type="application/pdf")


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "attachments"
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def confirmation_link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://\S+/petitions/confirm/(\S+?)/", str(message.body))
    assert match, message.body
    return f"/petitions/confirm/{match.group(1)}/"
