"""The petitioner's personal data: masks, the keyed petitioner hash, and the one masked view.

Every page, API answer and export shows `masked_petitioner(petition)`. The unmasked values leave the
database only through `services.petition_personal_data_reveal`, which logs each view.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from secretariat.petitions.models import Petition

PERSONAL_FIELDS = ("petitioner_name", "petitioner_email", "petitioner_phone", "petitioner_address")
MASK = "○"
# City or county, then the district, township or county-level city: what stays of an address.
_PLACE = re.compile(r"^\s*(?:\d{3,6}\s*)?(?P<city>.{1,3}?[市縣])(?P<district>.{1,4}?[區鄉鎮市])?")


def mask_name(name: str) -> str:
    """王小明 → 王○明, 王明 → 王○, 歐陽娜娜 → 歐○○娜: first and last character stay."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + MASK
    return name[0] + "".join(" " if char == " " else MASK for char in name[1:-1]) + name[-1]


def mask_email(email: str) -> str:
    """alice@example.com → a***@example.com: the domain helps a caseworker, the mailbox stays hidden."""
    email = (email or "").strip()
    if "@" not in email:
        return "***" if email else ""
    local, domain = email.rsplit("@", 1)
    return f"{local[:1]}***@{domain}"


def mask_phone(phone: str) -> str:
    """0912345678 → 0912-***-678; too short to mask meaningfully → ***."""
    digits = re.sub(r"\D", "", phone or "")
    if not digits:
        return ""
    if len(digits) < 7:
        return "***"
    return f"{digits[:4]}-***-{digits[-3:]}"


def mask_address(address: str) -> str:
    """臺北市信義區市府路1號 → 臺北市信義區: only the city and district are kept."""
    address = (address or "").strip()
    if not address:
        return ""
    match = _PLACE.match(address)
    if match is None:
        return "***"
    return match.group("city") + (match.group("district") or "")


def masked_petitioner(petition: Petition) -> dict[str, str]:
    """The petitioner as everyone but an approved caseworker sees them (pages, API, exports)."""
    return {
        "name": mask_name(petition.petitioner_name),
        "email": mask_email(petition.petitioner_email),
        "phone": mask_phone(petition.petitioner_phone),
        "address": mask_address(petition.petitioner_address),
    }


def unmasked_petitioner(petition: Petition) -> dict[str, str]:
    """Only for `services.petition_personal_data_reveal`, which logs the view first."""
    return {
        "name": petition.petitioner_name, "email": petition.petitioner_email,
        "phone": petition.petitioner_phone, "address": petition.petitioner_address,
    }


def present_fields(petition: Petition) -> list[str]:
    """The personal-data fields this petition actually holds (what a reveal shows and logs)."""
    return [field for field in PERSONAL_FIELDS if getattr(petition, field)]


def normalised_phone(phone: str) -> str:
    """Digits only, with Taiwan's +886 written as the domestic 0 (so both forms match)."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("886") and len(digits) > 9:
        digits = "0" + digits[3:]
    return digits


def petitioner_key(email: str, phone: str) -> str:
    """HMAC-SHA256 (keyed with SECRET_KEY) of the normalised e-mail, else of the phone's digits.

    Finds one petitioner's earlier cases (duplicates) without reading anyone's personal data; without
    the key the hash cannot be reversed by trying every phone number.
    """
    email = (email or "").strip().lower()
    value = f"email:{email}" if email else ""
    if not value:
        digits = normalised_phone(phone)
        value = f"phone:{digits}" if digits else ""
    if not value:
        return ""
    return hmac.new(settings.SECRET_KEY.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()
