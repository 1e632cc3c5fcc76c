"""Forms of the report pages: choosing a period, writing a prose place."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ApplicationError
from secretariat.core.forms import CheckedForm
from secretariat.core.roc import Period
from secretariat.reporting.report.prose import MAX_LENGTH


class PeriodForm(CheckedForm):
    period = forms.CharField(label=_("Period"), max_length=20,
                             help_text=_("A half-year, e.g. 112H2 or 112年下半年."))

    def clean_period(self) -> Period:
        try:
            return Period.parse(self.cleaned_data["period"].strip())
        except ApplicationError as error:
            raise forms.ValidationError(error.render(), code="invalid") from None


class ProseForm(CheckedForm):
    text = forms.CharField(label=_("Text"), max_length=MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 14, "lang": "zh-Hant-TW"}),
                           help_text=_("One paragraph a line; the report indents each paragraph."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
