"""Forms for filing data requests (portal and clerk), contributed parts, reopening, and the metrics period."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.council.models import Councillor
from secretariat.council.models.requests import Urgency


class RequestForm(CheckedForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    content = forms.CharField(label=_("What data do you ask for?"), max_length=20000,
                              widget=forms.Textarea(attrs={"rows": 6}))
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL,
                                help_text=_("Normal: 6 working days; quick: 3; most urgent: 1."))
    requested_due = RocDateField(label=_("Needed by (optional)"), required=False,
                                 help_text=_("2023-07-31 or 112/07/31. Under 3 working days needs the urgent mark."))
    marked_urgent = forms.BooleanField(label=_("Mark urgent (the agency head confirms a date)"), required=False)
    urgent_reason = forms.CharField(label=_("Reason for urgency"), max_length=500, required=False)


class ClerkRequestForm(RequestForm):
    """A clerk files on a councillor's behalf: the councillor is chosen first."""

    councillor = forms.ModelChoiceField(label=_("Councillor"), queryset=Councillor.objects.none())

    field_order = ["councillor"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Councillor]", self.fields["councillor"])
        field.queryset = Councillor.objects.filter(is_active=True).order_by("name")


class PartForm(CheckedForm):
    text = forms.CharField(label=_("Your agency's part"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))


class ReopenForm(CheckedForm):
    reason = forms.CharField(label=_("What does the answer miss?"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))
