"""Forms of the opinion pages. They only shape input; the services decide what is valid."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.media.models.opinion import Medium, ResponseKind, Sentiment

LOCAL_TIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def _agencies() -> Any:
    return Agency.objects.filter(is_active=True).order_by("sort_order", "short_name")


class ItemForm(CheckedForm):
    outlet = forms.CharField(label=_("Outlet"), max_length=100)
    medium = forms.ChoiceField(label=_("Medium"), choices=Medium.choices)
    link = forms.CharField(label=_("Link"), max_length=1000, required=False,
                           help_text=_("The same article may be recorded only once."))
    headline = forms.CharField(label=_("Headline"), max_length=300)
    summary = forms.CharField(label=_("Summary"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    sentiment = forms.ChoiceField(label=_("Sentiment"), choices=Sentiment.choices, initial=Sentiment.NEUTRAL)
    reach = forms.IntegerField(label=_("Reach"), min_value=0, initial=0)
    topics = forms.CharField(label=_("Topics"), max_length=300, required=False)
    agencies = forms.ModelMultipleChoiceField(label=_("Agencies concerned"), queryset=Agency.objects.none(),
                                              required=False, widget=forms.SelectMultiple(attrs={"size": 8}))
    seen_at = forms.DateTimeField(label=_("Seen at"), widget=LOCAL_TIME, input_formats=TIME_FORMATS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelMultipleChoiceField[Agency]", self.fields["agencies"]).queryset = _agencies()


class ImportForm(CheckedForm):
    file = forms.FileField(label=_("CSV file"), help_text=_(
        "Columns: seen_at, outlet, medium, link, headline, summary, sentiment, reach, topics, agencies "
        "(or 時間, 媒體, 類別, 連結, 標題, 摘要, 情緒, 觸及, 議題, 機關). All rows are imported or none."))


class SeverityForm(CheckedForm):
    score = forms.IntegerField(label=_("Severity (0–100)"), min_value=0, max_value=100, required=False,
                               help_text=_("Leave empty to go back to the computed score."))
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class EscalateForm(CheckedForm):
    agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=Agency.objects.none(), required=False)
    note = forms.CharField(label=_("Note to the agency"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Agency]", self.fields["agency"]).queryset = _agencies()


class ResponseForm(CheckedForm):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none(), required=False)
    kind = forms.ChoiceField(label=_("Kind of response"), choices=ResponseKind.choices)
    responded_at = forms.DateTimeField(label=_("Responded at"), widget=LOCAL_TIME, input_formats=TIME_FORMATS,
                                       required=False, help_text=_("Leave empty for now."))
    link = forms.CharField(label=_("Link"), max_length=1000, required=False)
    text = forms.CharField(label=_("Text of the response"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Agency]", self.fields["agency"])
        field.queryset = agencies if agencies is not None else Agency.objects.none()


class FilterForm(CheckedForm):
    since = RocDateField(label=_("From"), required=False)
    until = RocDateField(label=_("To"), required=False)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none(), required=False)
    medium = forms.ChoiceField(label=_("Medium"), choices=[("", "—"), *Medium.choices], required=False)
    sentiment = forms.ChoiceField(label=_("Sentiment"), choices=[("", "—"), *Sentiment.choices], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Agency]", self.fields["agency"]).queryset = _agencies()


class DigestDayForm(CheckedForm):
    day = RocDateField(label=_("Day"))
