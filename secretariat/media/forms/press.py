"""Forms of the press office's pages. They check shapes only; the services decide and refuse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.core.forms import CheckedForm, RocDateField
from secretariat.media.models import EventKind, Platform, PostType, ReleaseFileKind, TrainingKind

LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class ReleaseForm(CheckedForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 14}), help_text=_(
        "Plain text (blank lines separate paragraphs) or limited HTML: p, br, strong, em, lists, links and "
        "h3/h4 headings. Other markup is removed; scripts are refused."))


class ReleaseFileForm(CheckedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReleaseFileKind.choices)
    file = forms.FileField(label=_("File"))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class ReturnForm(CheckedForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for returning"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(CheckedForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    at = forms.DateTimeField(label=_("Publish at (empty: now)"), required=False, widget=LOCAL_INPUT,
                             input_formats=DATETIME_FORMATS)


class CorrectForm(ReleaseForm):
    note = forms.CharField(label=_("Correction note (shown to readers)"), max_length=500)


class EventForm(CheckedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    held_at = forms.DateTimeField(label=_("Date and time"), widget=LOCAL_INPUT, input_formats=DATETIME_FORMATS)
    place = forms.CharField(label=_("Place"), max_length=120)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    outlets = forms.CharField(label=_("Media outlets"), max_length=300, required=False)
    agencies = forms.ModelMultipleChoiceField(label=_("Agencies"), required=False,
                                              queryset=Agency.objects.filter(is_active=True))
    release = forms.IntegerField(label=_("Accompanying press release (number)"), required=False, min_value=1)


class ScheduleEntryForm(CheckedForm):
    starts_at = forms.DateTimeField(label=_("Time"), widget=LOCAL_INPUT, input_formats=DATETIME_FORMATS)
    place = forms.CharField(label=_("Place"), max_length=120)
    event = forms.CharField(label=_("Event"), max_length=200)


class PostForm(CheckedForm):
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices)
    post_type = forms.ChoiceField(label=_("Type"), choices=PostType.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    planned_at = forms.DateTimeField(label=_("Planned for"), widget=LOCAL_INPUT, input_formats=DATETIME_FORMATS)
    published_at = forms.DateTimeField(label=_("Published at"), required=False, widget=LOCAL_INPUT,
                                       input_formats=DATETIME_FORMATS)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")


class ReachForm(CheckedForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    published_at = forms.DateTimeField(label=_("Published at"), required=False, widget=LOCAL_INPUT,
                                       input_formats=DATETIME_FORMATS)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    reach = forms.IntegerField(label=_("Reach"), required=False, min_value=0)


class TrainingForm(CheckedForm):
    held_on = RocDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=120)
    venue = forms.CharField(label=_("Venue"), max_length=120, required=False)
    attendance = forms.IntegerField(label=_("Attendance"), min_value=0)
