"""Registering a petition: the Case and the Petition in one transaction, with its files and password."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.cases.services import case_open
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.attachments import AnyUpload, attachment_upload, files_removed_on_failure
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.models import Attachment
from secretariat.petitions.access.personal_data import petitioner_key
from secretariat.petitions.kinds import KIND
from secretariat.petitions.models import ATTACHMENT_OWNER, Category, Channel, Petition

OWNER_TYPE = ATTACHMENT_OWNER
ADD_PERMISSION = "petitions.add_petition"
# What the audit trail keeps of a new petition: never the petitioner's personal data.
AUDITED_FIELDS = ["channel", "subject", "category", "is_collective", "people_count", "location", "is_confidential"]


def audited_fields(petition: Petition) -> list[str]:
    """What a registration's audit row records: not the subject, nor the location, of a petition needing
    secrecy — auditors read the trail, and they read its case as 「密件」 (the petition keeps both)."""
    if petition.is_confidential:
        return [name for name in AUDITED_FIELDS if name not in {"subject", "location"}]
    return AUDITED_FIELDS
# No 0/O, 1/I/L: the password is read out over the phone and copied from paper.
PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # noqa: S105 - the characters, not a password
PASSWORD_LENGTH = 10
MAX_PEOPLE = 1_000_000
MAX_ATTACHMENTS = 10
_PHONE = re.compile(r"^[0-9+()#\-\s]{6,30}$")


@dataclass(frozen=True)
class Registered:
    """A new petition and its case password, which exists in clear only here: show it once."""

    petition: Petition
    password: str


def case_password_new() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _unused in range(PASSWORD_LENGTH))


def case_password_normalise(password: str) -> str:
    """What the petitioner typed, as stored: spaces and dashes dropped, letters upper-case."""
    return re.sub(r"[\s\-]", "", password or "").upper()


def _text(value: str | None, *, field: str, label: Any, limit: int, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationFailed(_("Fill in “%(label)s”."), code="required", field=field, params={"label": label})
    if len(text) > limit:
        raise ValidationFailed(_("“%(label)s” may be at most %(limit)s characters long (it has %(length)s)."),
                               code="too_long", field=field,
                               params={"label": label, "limit": limit, "length": len(text)})
    return text


@dataclass(frozen=True)
class PetitionInput:
    """The checked fields of a new petition (the Case is opened from these)."""

    channel: str
    subject: str
    content: str
    petitioner_name: str
    petitioner_email: str
    petitioner_phone: str
    petitioner_address: str
    is_collective: bool
    people_count: int
    location: str
    category: Category | None
    is_confidential: bool


def petition_input_check(*, channel: str, subject: str, content: str, petitioner_name: str,
                         petitioner_email: str, petitioner_phone: str, petitioner_address: str,
                         is_collective: bool, people_count: int | None, location: str,
                         category: Category | None, is_confidential: bool = False,
                         require_name: bool = False, require_email: bool = False) -> PetitionInput:
    """Check every field and return them cleaned; raises ValidationFailed naming the first bad field."""
    if channel not in Channel.values:
        raise ValidationFailed(_("Choose how the petition arrived."), code="unknown_channel", field="channel")
    email = _text(petitioner_email, field="petitioner_email", label=_("E-mail"), limit=254, required=require_email)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationFailed(_("“%(email)s” is not an e-mail address."), code="invalid_email",
                                   field="petitioner_email", params={"email": email[:80]}) from None
    phone = _text(petitioner_phone, field="petitioner_phone", label=_("Phone"), limit=30, required=False)
    if phone and not _PHONE.match(phone):
        raise ValidationFailed(_("Write the phone number with digits only (for example 0912-345-678)."),
                               code="invalid_phone", field="petitioner_phone")
    people = 1 if people_count is None else people_count
    if is_collective and not 2 <= people <= MAX_PEOPLE:
        raise ValidationFailed(_("A collective petition is made by at least 2 people: give their number."),
                               code="collective_needs_people", field="people_count")
    if not is_collective and people != 1:
        raise ValidationFailed(_("An individual petition is made by 1 person; tick “collective” for more."),
                               code="individual_is_one", field="people_count")
    if category is not None and not category.is_active:
        raise ValidationFailed(_("Choose a category from the list."), code="unknown_category", field="category")
    return PetitionInput(
        channel=channel,
        subject=_text(subject, field="subject", label=_("Subject"), limit=200, required=True),
        content=_text(content, field="content", label=_("Content"), limit=20000, required=True),
        petitioner_name=_text(petitioner_name, field="petitioner_name", label=_("Full name"), limit=100,
                              required=require_name),
        petitioner_email=email, petitioner_phone=phone,
        petitioner_address=_text(petitioner_address, field="petitioner_address", label=_("Address"), limit=200,
                                 required=False),
        is_collective=bool(is_collective), people_count=people,
        location=_text(location, field="location", label=_("Location"), limit=200, required=False),
        category=category, is_confidential=bool(is_confidential),
    )


def _attach(actor: Actor, petition: Petition, attachments: Sequence[AnyUpload | Attachment],
            stored: list[Attachment]) -> None:
    owner_id = str(petition.pk)
    for item in attachments:
        if isinstance(item, Attachment):
            # An API client uploads first (POST /attachments) and names the files here: only its own,
            # and only files not yet attached to another record.
            if item.owner_type or item.uploaded_by_id != getattr(actor, "pk", None):
                raise ValidationFailed(_("Attach only files you uploaded and have not attached elsewhere."),
                                       code="attachment_not_yours", field="attachments")
            Attachment.objects.filter(pk=item.pk).update(owner_type=OWNER_TYPE, owner_id=owner_id)
            record_change(actor=actor, action="attachment.attach", target=item,
                          after={"owner_type": OWNER_TYPE, "owner_id": owner_id})
        else:
            stored.append(attachment_upload(actor=person_or_none(actor), upload=item, owner_type=OWNER_TYPE,
                                            owner_id=owner_id))


def petition_create(*, actor: Actor, data: PetitionInput, received_at: dt.datetime | None,
                    attachments: Sequence[AnyUpload | Attachment] = ()) -> Registered:
    """Open the Case and write the Petition, its files and its password hash. No permission check:
    callers (staff registration, the confirmed public form, the API, Open311) check who may file.
    """
    now = timezone.now()
    received_at = received_at or now
    if received_at > now + dt.timedelta(minutes=5):
        raise ValidationFailed(_("The day of receipt cannot be in the future."), code="received_in_future",
                               field="received_at")
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationFailed(_("Attach at most %(limit)s files."), code="too_many_attachments",
                               field="attachments", params={"limit": MAX_ATTACHMENTS})
    password = case_password_new()
    person = person_or_none(actor)
    with files_removed_on_failure() as stored, transaction.atomic():
        case = case_open(actor=actor, kind_code=KIND, title=data.subject, received_at=received_at,
                         confidential=data.is_confidential)
        petition = Petition.objects.create(
            case=case, category=data.category, channel=data.channel, subject=data.subject, content=data.content,
            is_collective=data.is_collective, people_count=data.people_count, location=data.location,
            is_confidential=data.is_confidential, petitioner_name=data.petitioner_name,
            petitioner_email=data.petitioner_email, petitioner_phone=data.petitioner_phone,
            petitioner_address=data.petitioner_address,
            petitioner_key=petitioner_key(data.petitioner_email, data.petitioner_phone),
            password_hash=make_password(password), registered_by=person,
        )
        _attach(actor, petition, attachments, stored)
        record_change(actor=actor, action="petition.register", target=petition,
                      after={**snapshot(petition, audited_fields(petition)), "reference": case.reference,
                             "has_petitioner": any((data.petitioner_name, data.petitioner_email,
                                                    data.petitioner_phone, data.petitioner_address)),
                             "attachments": len(attachments)})
    return Registered(petition=petition, password=password)


def petition_register(*, actor: Actor, channel: str, subject: str, content: str, petitioner_name: str = "",
                      petitioner_email: str = "", petitioner_phone: str = "", petitioner_address: str = "",
                      is_collective: bool = False, people_count: int | None = 1, location: str = "",
                      category: Category | None = None, attachments: Sequence[AnyUpload | Attachment] = (),
                      received_at: dt.datetime | None = None, is_confidential: bool = False) -> Registered:
    """Staff (or an integration) register a petition received by letter, e-mail, phone, visit or API.

    Needs `petitions.add_petition` (Secretariat staff and administrators hold it through their role).
    The name may be left empty: an anonymous letter is still registered, then declined under §173 ①.
    Returns the petition and its case password, which is never stored in clear.
    """
    if actor is SYSTEM or not getattr(actor, "is_authenticated", False) or not actor.has_perm(ADD_PERMISSION):
        raise PermissionRefused(_("Only the Secretariat's staff may register petitions."))
    data = petition_input_check(
        channel=channel, subject=subject, content=content, petitioner_name=petitioner_name,
        petitioner_email=petitioner_email, petitioner_phone=petitioner_phone,
        petitioner_address=petitioner_address, is_collective=is_collective, people_count=people_count,
        location=location, category=category, is_confidential=is_confidential,
    )
    return petition_create(actor=actor, data=data, received_at=received_at, attachments=attachments)


CATEGORY_FIELDS = ["code", "name", "name_en", "answer_days", "description", "sort_order", "is_active"]


def category_save(*, actor: Actor, category: Category | None = None, **changes: Any) -> Category:
    """Add a petition category (category=None) or change one. Reference data loads them; administrators
    edit them in the admin. Deactivate rather than delete: petitions point at them."""
    perm = "petitions.change_category" if category else "petitions.add_category"
    if not actor.has_perm(perm):
        raise PermissionRefused()
    unknown = set(changes) - set(CATEGORY_FIELDS)
    if unknown:
        raise ValidationFailed(_("Unknown fields: %(fields)s."), code="unknown_fields",
                               params={"fields": ", ".join(sorted(unknown))})
    days = changes.get("answer_days", category.answer_days if category else 6)
    if not isinstance(days, int) or not 1 <= days <= 30:
        raise ValidationFailed(_("Working days to answer must be between 1 and 30."), code="invalid_answer_days",
                               field="answer_days")
    with transaction.atomic():
        before = snapshot(category, CATEGORY_FIELDS) if category else None
        target = category or Category()
        for name, value in changes.items():
            setattr(target, name, value)
        target.save()
        record_change(actor=actor, action="petition_category.save", target=target, before=before,
                      after=snapshot(target, CATEGORY_FIELDS))
    return target
