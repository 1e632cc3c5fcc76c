"""Forms of the question pages: the clerk's live entry and the review meeting."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.council.models import QuestionKind, Session

_SEPARATORS = re.compile(r"[,，、;；\s]+")


class LiveQuestionForm(CheckedForm):
    """One question as the clerk types it while the councillor speaks: names, not ids, so the keyboard
    and the browser's autocomplete list are all it takes. The service decides whether the names exist."""

    session = forms.ModelChoiceField(label=_("Session"), queryset=Session.objects.none(), empty_label=None)
    # Rendered as 2023-10-03 whatever the language: the field reads that and ROC dates (112/10/03).
    asked_on = RocDateField(label=_("Asked on"), widget=forms.DateInput(format="%Y-%m-%d"))
    councillor = forms.CharField(label=_("Councillor"), max_length=40, widget=forms.TextInput(attrs={
        "list": "councillor-names", "autocomplete": "off", "autofocus": True}))
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)
    lead_agency = forms.CharField(label=_("Agency asked (leads the answer)"), max_length=40,
                                  widget=forms.TextInput(attrs={"list": "agency-names", "autocomplete": "off"}))
    other_agencies = forms.CharField(label=_("Other agencies asked"), max_length=300, required=False,
                                     help_text=_("Separate names with 、 or commas."),
                                     widget=forms.TextInput(attrs={"list": "agency-names", "autocomplete": "off"}))
    content = forms.CharField(label=_("Content"), max_length=20000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Ctrl+Enter records the question."))

    def __init__(self, *args: Any, sessions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions  # type: ignore[attr-defined]

    def agency_names(self) -> list[str]:
        names = [self.cleaned_data["lead_agency"].strip()]
        names += [name for name in _SEPARATORS.split(self.cleaned_data.get("other_agencies") or "") if name]
        return names


class ReviewMeetingForm(CheckedForm):
    held_on = RocDateField(label=_("Held on"), initial=dt.date.today, widget=forms.DateInput(format="%Y-%m-%d"))
    chaired_by = forms.CharField(label=_("Chaired by"), max_length=60)
    notes = forms.CharField(label=_("Notes"), max_length=5000, required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))
