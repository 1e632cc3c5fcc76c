"""The answer's files on the citizen's answer page. The page has no account behind it: the citizen proves the
case number and password, and the page links each file with a signed token that opens only that file of that
answer, only for ANSWER_LINK_MINUTES, and only while the answer is still the released one (docs/decisions/0018)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from secretariat.cases.selectors.files import case_released_answer_files
from secretariat.core.attachments import OpenedFile
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.petitions.models import Petition

if TYPE_CHECKING:
    from secretariat.core.models import Attachment

ANSWER_LINK_SALT = "petitions.answer-file"
ANSWER_LINK_MINUTES = 30


class AnswerLinkExpired(ApplicationError):
    code = "answer_link_expired"
    status = 410
    default_message = _("This download link has expired (links work for %(minutes)s minutes). Open your answer "
                        "again with the case number and case password.")


@dataclass(frozen=True)
class AnswerFile:
    """A file of the released answer as the answer page lists it: its link carries the token."""

    pk: uuid.UUID
    original_name: str
    size: int
    url: str


def _password_mark(petition: Petition) -> str:
    # A link stops working when the case password changes: it was opened with the old one.
    return hashlib.sha256(petition.password_hash.encode("utf-8")).hexdigest()[:16]


def _token(petition: Petition, attachment: Attachment) -> str:
    return signing.dumps({"c": petition.pk, "f": str(attachment.pk), "p": _password_mark(petition)},
                         salt=ANSWER_LINK_SALT)


def petition_answer_files(*, petition: Petition) -> list[AnswerFile]:
    """The released answer's files, linked for the petitioner who has just opened the answer page with the case
    number and password (the caller's precondition). None before the case is closed."""
    return [AnswerFile(pk=item.pk, original_name=item.original_name, size=item.size,
                       url=reverse("petitions_public:answer_file", args=[_token(petition, item)]))
            for item in case_released_answer_files(case=petition.case)]


def petition_answer_file_open(*, token: str) -> OpenedFile:
    """The file a token stands for: NotFound for a forged or damaged token, or a file no longer part of the
    released answer (the case was reopened); AnswerLinkExpired once the link is older than ANSWER_LINK_MINUTES.
    Sent with no-store: the answer is the petitioner's own."""
    try:
        claim = signing.loads(token, salt=ANSWER_LINK_SALT, max_age=ANSWER_LINK_MINUTES * 60)
    except signing.SignatureExpired:
        raise AnswerLinkExpired(params={"minutes": ANSWER_LINK_MINUTES}) from None
    except signing.BadSignature:
        raise NotFound() from None
    if not isinstance(claim, dict):
        raise NotFound()
    petition = Petition.objects.select_related("case").filter(pk=claim.get("c")).first()
    if petition is None or claim.get("p") != _password_mark(petition):
        raise NotFound()
    attachment = next((item for item in case_released_answer_files(case=petition.case)
                       if str(item.pk) == claim.get("f")), None)
    if attachment is None:
        raise NotFound()
    return OpenedFile(attachment=attachment, content=attachment.file.open("rb"), no_store=True)
