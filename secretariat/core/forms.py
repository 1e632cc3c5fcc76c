"""Form helpers shared by every app's views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import BadRequest
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ApplicationError
from secretariat.core.input_safety import INT64_MAX, text_problem, value_problem


class CheckedInputMixin:
    """Every field of the form passes the one input check (core/input_safety.py) — the API refuses the same
    values with the same messages: text with NUL or a lone surrogate, whole numbers beyond 64 bits. The raw
    value is checked before the field reads it (a choice field looks its value up in the database) and the
    cleaned value after (an IntegerField turns "1e30"-like digits into a number no database holds)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.clean = _checked(field.clean)  # type: ignore[method-assign]  # this form's own copy


class CheckedForm(CheckedInputMixin, forms.Form):
    """The base of every form (see CheckedInputMixin)."""


def _checked(clean: Callable[..., Any]) -> Callable[..., Any]:
    def checked_clean(value: Any, *initial: Any) -> Any:  # a FileField's clean also takes the initial value
        _refuse(value)
        cleaned = clean(value, *initial)
        _refuse(cleaned)
        return cleaned

    return checked_clean


def _refuse(value: Any) -> None:
    problem = value_problem(value)
    if problem is not None:
        raise forms.ValidationError(str(problem), code="unsafe_input")


def query_id(value: str | None) -> int | None:
    """A record id from a query string (`?agency=12`): None when absent or blank. Anything that cannot be an
    id (not a whole number from 1 to 2⁶³−1) is refused with a 400 page rather than looked up."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 19 and 0 < int(text) <= INT64_MAX):
        raise BadRequest(_("The address holds a value that is not valid."))
    return int(text)


def query_text(value: str | None, *, limit: int) -> str:
    """Search text from a query string (`?q=…`), trimmed and cut to `limit`. Text no database can hold (a NUL,
    a lone surrogate) is refused with a 400 page that says why, rather than reaching the query."""
    text = (value or "").strip()[:limit]
    problem = text_problem(text)
    if problem is not None:
        raise BadRequest(problem)
    return text


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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; type and size are checked by the attachment service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class QuickSelect(forms.Select):
    """A <select> whose options are written here rather than through Django's per-option widget templates.

    Those templates cost about a tenth of a millisecond an option: a page with two lists of every agency spent
    most of its time on them (docs/performance.md, the work-queue pages). Same markup, same attributes."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            # An option's attrs already carry `selected`.
            rendered = format_html_join("", '<option value="{}"{}>{}</option>', (
                (option["value"] if option["value"] is not None else "", flatatt(option["attrs"]), option["label"])
                for option in options))
            groups.append(format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered) if group_name
                          else rendered)
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]),
                           mark_safe("".join(groups)))  # noqa: S308 — each part is escaped by format_html
