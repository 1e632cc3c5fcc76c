"""Forms of the staff and public petition pages. They only shape input; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, MultipleFileField, RocDateField
from secretariat.petitions.models import Category, Channel

STAFF_CHANNELS = [(channel.value, channel.label) for channel in
                  (Channel.LETTER, Channel.EMAIL, Channel.PHONE, Channel.VISIT)]


class PetitionFields(CheckedForm):
    """The fields the public form and the staff form share."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    content = forms.CharField(label=_("Content"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none(), required=False,
                                      empty_label=_("(not sure)"))
    location = forms.CharField(label=_("Location (optional)"), max_length=200, required=False,
                               help_text=_("Where the matter is, e.g. an address or a crossroads."))
    is_collective = forms.BooleanField(label=_("Petition made by several people together (collective)"),
                                       required=False)
    people_count = forms.IntegerField(label=_("Number of people"), min_value=1, initial=1, required=False)
    petitioner_name = forms.CharField(label=_("Full name"), max_length=100)
    petitioner_email = forms.EmailField(label=_("E-mail"), max_length=254)
    petitioner_phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)
    petitioner_address = forms.CharField(label=_("Address (optional)"), max_length=200, required=False)
    attachments = MultipleFileField(label=_("Attachments (optional)"),
                                    help_text=_("PDF, images, office documents or text; up to 10 files."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = cast(forms.ModelChoiceField, self.fields["category"])  # type: ignore[type-arg]
        category.queryset = Category.objects.filter(is_active=True)

    def petition_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["people_count"] = data.get("people_count") or 1  # a collective one without a number is refused
        return data


class RegisterForm(PetitionFields):
    """Staff register letters, e-mails, calls and visits on the citizen's behalf."""

    channel = forms.ChoiceField(label=_("Received by"), choices=STAFF_CHANNELS)
    received_on = RocDateField(label=_("Received on"), required=False,
                               help_text=_("Leave empty for today. 2023-07-01 or 112/07/01."))
    is_confidential = forms.BooleanField(label=_("Needs secrecy (shown only to the lead agency)"), required=False)
    field_order = ["channel", "received_on", "subject", "content", "category", "location", "is_collective",
                   "people_count", "petitioner_name", "petitioner_email", "petitioner_phone", "petitioner_address",
                   "is_confidential", "attachments"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A letter may be anonymous or give only a postal address: it is still registered (§173 ①).
        for name in ("petitioner_name", "petitioner_email"):
            self.fields[name].required = False
        self.fields["petitioner_name"].label = _("Name (if given)")
        self.fields["petitioner_email"].label = _("E-mail (if given)")

    def received_at(self) -> dt.datetime | None:
        day: dt.date | None = self.cleaned_data.get("received_on")
        if day is None or day == timezone.localdate():
            return None
        # A letter that arrived on an earlier day counts from that day (9:00, office hours).
        return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


class PublicForm(PetitionFields):
    """The citizen's form: no account; the e-mail address is confirmed before anything is filed."""

    consent = forms.BooleanField(
        label=_("I agree that the city government uses the personal data above to handle this petition."),
        help_text=_("Caseworkers see your data only after a supervisor approves, and every view is logged."),
    )
    # Left empty by people; filled in by form-filling robots. Hidden from view and from screen readers.
    website = forms.CharField(label=_("Leave this empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))


class LookupForm(CheckedForm):
    reference = forms.CharField(label=_("Case number"), max_length=30,
                                widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "P1120000001"}))
    password = forms.CharField(label=_("Case password"), max_length=40,
                               widget=forms.PasswordInput(attrs={"autocomplete": "off"}))


class RatingForm(LookupForm):
    rating = forms.TypedChoiceField(label=_("How satisfied are you with the answer?"), coerce=int,
                                    choices=[(5, _("5 — very satisfied")), (4, _("4 — satisfied")),
                                             (3, _("3 — neutral")), (2, _("2 — dissatisfied")),
                                             (1, _("1 — very dissatisfied"))],
                                    widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment (optional)"), max_length=500, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Carried from the answer page so the rating is checked with the same number and password.
        self.fields["reference"].widget = forms.HiddenInput()
        self.fields["password"].widget = forms.HiddenInput()


class DisclosureForm(CheckedForm):
    reason = forms.CharField(label=_("Why do you need to see the petitioner's data?"), max_length=500,
                             widget=forms.TextInput(attrs={"placeholder": _("e.g. call back to arrange a site visit")}))


class DecisionForm(CheckedForm):
    approve = forms.TypedChoiceField(choices=[("1", _("Approve")), ("0", _("Refuse"))],
                                     coerce=lambda value: value == "1", widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note (needed when refusing)"), max_length=500, required=False)
