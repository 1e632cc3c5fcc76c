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


VERSION_LOST = _("The form did not say which version of the text it was opened on. Reload the page, then make "
                 "your change again.")


class ProseForm(CheckedForm):
    text = forms.CharField(label=_("Text"), max_length=MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 14, "lang": "zh-Hant-TW"}),
                           help_text=_("One paragraph a line; the report indents each paragraph."))
    # Hidden: the version the text was opened on (the optimistic lock). Missing or not a number, the page was
    # not sent as served; the writer is told to reload rather than given a bare 400.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0,
                                 error_messages=dict.fromkeys(("required", "invalid", "min_value"), VERSION_LOST))
