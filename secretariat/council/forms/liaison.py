"""Forms of the liaison pages: they only read input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency, User
from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.council.models import Caucus, LiaisonOfficer


class OfficerForm(CheckedForm):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    name = forms.CharField(label=_("Name"), max_length=40)
    title = forms.CharField(label=_("Job title"), max_length=60, required=False)
    phone = forms.CharField(label=_("Office phone"), max_length=30, required=False)
    mobile = forms.CharField(label=_("Mobile phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    user = forms.ModelChoiceField(label=_("Platform account"), queryset=User.objects.none(), required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, agencies: Any, fixed_agency: Agency | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        users = User.objects.filter(is_active=True, agency__in=agencies).order_by("agency__sort_order", "username")
        self.fields["user"].queryset = users  # type: ignore[attr-defined]
        if fixed_agency is not None:  # an officer stays with their agency
            self.fields["agency"].initial = fixed_agency
            self.fields["agency"].disabled = True
        else:
            del self.fields["is_active"]


class BriefingForm(CheckedForm):
    held_on = RocDateField(label=_("Date"))
    caucus = forms.ModelChoiceField(label=_("Caucus"), queryset=Caucus.objects.select_related("term")
                                    .order_by("-term__number", "name"))
    topics = forms.CharField(label=_("Bills and topics"), widget=forms.Textarea(attrs={"rows": 4}))
    attending_agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies attending"), required=False,
        queryset=Agency.objects.filter(is_active=True).order_by("sort_order", "name"))
    attending_users = forms.ModelMultipleChoiceField(
        label=_("City attendees"), required=False,
        queryset=User.objects.filter(is_active=True, agency__isnull=False).order_by("agency__sort_order", "username"))
    attendees_note = forms.CharField(label=_("Other attendees"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))


class TrainingForm(CheckedForm):
    held_on = RocDateField(label=_("Date"))
    title = forms.CharField(label=_("Title"), max_length=120, initial="府會聯絡員研習班")
    venue = forms.CharField(label=_("Venue"), max_length=120, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attending liaison officers"), required=False,
        queryset=LiaisonOfficer.objects.filter(is_active=True).select_related("agency"))
