"""Writes on petitions: intake (staff, public form, API), the citizen's answer page, personal data."""

from secretariat.petitions.services.disclosure import (
    active_disclosure,
    disclosure_decide,
    disclosure_request,
    petition_file_access,
    petition_personal_data_reveal,
)
from secretariat.petitions.services.intake import (
    ADD_PERMISSION,
    OWNER_TYPE,
    PetitionInput,
    Registered,
    category_save,
    petition_create,
    petition_input_check,
    petition_register,
)
from secretariat.petitions.services.public import (
    Submitted,
    may_rate,
    pending_submission_check,
    petition_confirm,
    petition_lookup,
    petition_rate,
    petition_submit,
    submissions_purge,
)

__all__ = [
    "ADD_PERMISSION", "OWNER_TYPE", "PetitionInput", "Registered", "Submitted", "active_disclosure",
    "category_save", "disclosure_decide", "disclosure_request", "may_rate", "pending_submission_check",
    "petition_confirm", "petition_create", "petition_file_access", "petition_input_check", "petition_lookup",
    "petition_personal_data_reveal", "petition_rate", "petition_register", "petition_submit", "submissions_purge",
]
