"""Forms of the consultation pages (staff and public). They only shape input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.counters.models import Association, ConsultationField, Mode


class SlotForm(CheckedForm):
    association = forms.ModelChoiceField(label=_("Association"), queryset=Association.objects.none())
    date = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends_at = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    mode = forms.ChoiceField(label=_("On site or remote"), choices=Mode.choices)

    def __init__(self, *args: Any, associations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations  # type: ignore[attr-defined]


class BookingForm(CheckedForm):
    """The public booking form. `website` is a hidden trap field: people leave it empty, robots fill it."""

    field = forms.ChoiceField(label=_("Field of consultation"), choices=ConsultationField.choices)
    name = forms.CharField(label=_("Full name"), max_length=60)
    phone = forms.CharField(label=_("Phone"), max_length=30)
    email = forms.EmailField(label=_("E-mail"), required=False,
                             help_text=_("We send the confirmation, the cancel link and a reminder here."))
    question = forms.CharField(label=_("Your question, in short"), max_length=500,
                               widget=forms.Textarea(attrs={"rows": 3}))
    website = forms.CharField(required=False, widget=forms.HiddenInput)


class WalkInForm(CheckedForm):
    served_on = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    field = forms.ChoiceField(label=_("Field of consultation"), choices=ConsultationField.choices)
    mode = forms.ChoiceField(label=_("On site or remote"), choices=Mode.choices)
    association = forms.ModelChoiceField(label=_("Association"), queryset=Association.objects.filter(is_active=True),
                                         required=False)
    citizen_name = forms.CharField(label=_("Citizen's name (optional)"), max_length=60, required=False)
    citizen_phone = forms.CharField(label=_("Citizen's phone (optional)"), max_length=30, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RevealForm(CheckedForm):
    reason = forms.CharField(label=_("Why do you need to see this person's data?"), max_length=500)
