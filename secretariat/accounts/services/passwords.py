from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from secretariat.core.actors import Person


class CharacterClassValidator:
    """Require letters and digits together, as the city's password rules do."""

    def validate(self, password: str, user: Person | None = None) -> None:
        if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
            raise ValidationError(_("The password must contain both letters and digits."),
                                  code="password_character_classes")

    def get_help_text(self) -> str:
        return _("Your password must contain both letters and digits.")
