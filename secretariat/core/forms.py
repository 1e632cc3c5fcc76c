"""Form helpers shared by every app's views."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from secretariat.core.errors import ApplicationError


def add_service_error(form: forms.Form, error: ApplicationError) -> None:
    """Show a service's refusal on the form: on its field when the form has that field."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.render())


class RocDateField(forms.DateField):
    """A date typed as 2023-07-01 or in ROC form (112/07/01, 112年7月1日)."""

    input_formats = ["%Y-%m-%d"]

    def to_python(self, value: Any) -> dt.date | None:
        from secretariat.core import roc

        if isinstance(value, str) and value.strip() and ("年" in value or value.strip()[:4].count("/") == 1
                                                          or len(value.strip().split("/")[0]) <= 3):
            try:
                return roc.parse(value)
            except ApplicationError as error:
                raise forms.ValidationError(error.render(), code="invalid") from None
        return super().to_python(value)
