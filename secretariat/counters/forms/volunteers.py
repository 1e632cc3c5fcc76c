"""Forms of the volunteer pages. They only shape input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.counters.models import Post, Volunteer


class VolunteerForm(CheckedForm):
    name = forms.CharField(label=_("Full name"), max_length=60)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    skills = forms.CharField(label=_("Skills"), max_length=300, required=False)
    availability = forms.CharField(label=_("Availability"), max_length=300, required=False,
                                   help_text=_("For example: Monday and Wednesday mornings"))
    joined_on = RocDateField(label=_("Joined on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class ShiftForm(CheckedForm):
    volunteer = forms.ModelChoiceField(label=_("Volunteer"), queryset=Volunteer.objects.filter(is_active=True))
    post = forms.ModelChoiceField(label=_("Post"), queryset=Post.objects.filter(is_active=True))
    date = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends_at = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))


class DailyCountForm(CheckedForm):
    post = forms.ModelChoiceField(label=_("Post"), queryset=Post.objects.filter(is_active=True))
    date = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    # Not min_value=0 here: the service refuses negatives with the message the API gives too.
    people_served = forms.IntegerField(label=_("People served"))
    leaflets = forms.IntegerField(label=_("Leaflets handed out"))


class TrainingForm(CheckedForm):
    held_on = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Title"), max_length=120)
    venue = forms.CharField(label=_("Venue"), max_length=120, required=False)
    attendees = forms.ModelMultipleChoiceField(label=_("Attendees"), queryset=Volunteer.objects.all(), required=False,
                                               widget=forms.CheckboxSelectMultiple)


class CertificateForm(CheckedForm):
    start = RocDateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = RocDateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    format = forms.ChoiceField(label=_("Format"), choices=[("odt", "ODT"), ("pdf", "PDF")])
