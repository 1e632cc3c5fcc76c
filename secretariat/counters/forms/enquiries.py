"""Forms of the counter's pages: they only read input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.counters.models import HelpKind


class PetitionHelpForm(CheckedForm):
    helped_on = RocDateField(label=_("Date"), help_text=_("For example 112/07/03."))
    kind = forms.ChoiceField(label=_("Kind"), choices=HelpKind.choices, initial=HelpKind.INDIVIDUAL)
    people_count = forms.IntegerField(label=_("Number of people"), min_value=1, initial=1,
                                      help_text=_("1 for an individual petition; at least 2 for a collective one."))
    action_taken = forms.CharField(label=_("What was done"), max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    petition_reference = forms.CharField(label=_("Petition case number"), max_length=20, required=False,
                                         help_text=_("When a petition was filed for the citizen."))
