"""The inbox filters and one form per workflow step (what each step asks of the person taking it)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.access import agency_scope_ids
from secretariat.accounts.models import Agency
from secretariat.cases.constants import MAX_STEP_FILES
from secretariat.cases.kinds import CaseKind, all_kinds
from secretariat.cases.kinds.workflow import FIELD_LABELS, Transition
from secretariat.cases.models import CaseStatus
from secretariat.cases.selectors.inbox import SORTS
from secretariat.core.actors import Actor, Viewer
from secretariat.core.forms import CheckedForm, MultipleFileField, QuickSelect, RocDateField
from secretariat.core.site_settings import setting_get

DUE_CHOICES = [("", _("Any due date")), ("today", _("Due today")), ("soon", _("Due within a working day")),
               ("week", _("Due this week")), ("overdue", _("Overdue"))]


class InboxFilterForm(CheckedForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Waiting for action")), *CaseStatus.choices])
    due = forms.ChoiceField(label=_("Due"), required=False, choices=DUE_CHOICES)
    text = forms.CharField(label=_("Case number or subject"), required=False, max_length=100)
    agency = forms.ModelChoiceField(label=_("Lead agency"), required=False, queryset=Agency.objects.none(),
                                    widget=QuickSelect, empty_label=_("All agencies"))
    answered = forms.RegexField(label=_("Answered in"), required=False, regex=r"^\d{4}-(0[1-9]|1[0-2])$",
                                error_messages={"invalid": _("Give a month as YYYY-MM.")},
                                widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}))
    led = forms.BooleanField(label=_("Led by my agency"), required=False)
    due_from = RocDateField(label=_("Due from"), required=False, help_text=_("2023-07-01 or 112/07/01"))
    due_to = RocDateField(label=_("Due to"), required=False, help_text=_("2023-07-31 or 112/07/31"))
    # The tab and the order are chosen by the tab strip and the column headers, and kept by the form.
    tab = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    sort = forms.ChoiceField(required=False, choices=[("", ""), *((name, name) for name in SORTS)],
                             widget=forms.HiddenInput,
                             error_messages={"invalid_choice": _("Unknown sort order “%(value)s”.")})
    after = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Actor | Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind_field = cast(forms.ChoiceField, self.fields["kind"])
        kind_field.choices = [("", _("All kinds")), *((kind.code, kind.label) for kind in all_kinds())]
        # The agency filter only helps someone who sees more than one agency: the Secretariat, auditors,
        # and agencies with offices under them (民政局 and the district offices).
        allowed = agency_scope_ids(user)
        agency_field = cast(forms.ModelChoiceField[Agency], self.fields["agency"])
        if allowed is None:
            agency_field.queryset = Agency.objects.filter(is_active=True)
        elif len(allowed) > 1:
            agency_field.queryset = Agency.objects.filter(pk__in=allowed)
        else:
            del self.fields["agency"]
        if allowed is None:  # whoever sees every agency leads none of their cases
            del self.fields["led"]

    @property
    def shows_agency(self) -> bool:
        return "agency" in self.fields

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("due_from"), cleaned.get("due_to")
        if first and last and first > last:
            self.add_error("due_to", _("The end of the due range comes before its start."))
        return cleaned


class BulkAssignForm(CheckedForm):
    """The inbox's "assign the selected cases" bar. Each row's version travels as `version-<id>`, so a case
    changed since the list was shown is refused rather than routed on top of a change nobody saw."""

    ids = forms.TypedMultipleChoiceField(label=_("Cases"), coerce=int, error_messages={
        "required": _("Select the cases to assign first (tick them, or press x on a row).")})
    agency = forms.ModelChoiceField(label=_("Assign the selected to"), queryset=Agency.objects.filter(is_active=True),
                                    widget=QuickSelect,
                                    empty_label=_("Choose a lead agency"))
    back = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any id may be sent; the service says per case what it refused, so the choices are what was sent.
        ids_field = cast(forms.TypedMultipleChoiceField, self.fields["ids"])
        sent = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        ids_field.choices = [(value, value) for value in sent if str(value).isdigit()]

    def versions(self) -> dict[int, int]:
        found = {}
        for case_id in self.cleaned_data.get("ids", []):
            value = str(self.data.get(f"version-{case_id}", ""))
            if value.isdigit():
                found[case_id] = int(value)
        return found


def _note(label: Any = None) -> forms.CharField:
    return forms.CharField(label=label or _("Note (optional)"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))


def _reason() -> forms.CharField:
    return forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class StepForm(CheckedForm):
    """Every step carries the case version the person saw, so a step taken on a stale page is refused, and
    may carry files (「資料詳如附件」), which the service checks with the step."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    attachments = MultipleFileField(label=_("Attachments (optional)"))

    def __init__(self, *args: Any, kind: CaseKind, transition: Transition, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{transition.name}_%s")  # several step forms share one page
        super().__init__(*args, **kwargs)
        self.kind, self.transition = kind, transition
        self.order_fields([name for name in self.fields if name != "attachments"])  # the files come last
        self.fields["attachments"].help_text = _("Up to %(count)s files (PDF, ODF, Word, Excel, images, text), at most "
                                           "%(megabytes)s MB each.") % {
            "count": MAX_STEP_FILES, "megabytes": setting_get("attachments.max_megabytes")}

    def step_data(self) -> dict[str, Any]:
        """What the service receives as the step's values: every field but the version and the attachments,
        lists as plain lists."""
        data: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if name not in {"version", "attachments"}:
                data[name] = list(value) if hasattr(value, "model") else value
        return data

    def step_files(self) -> list[Any]:
        """The uploaded files, for the service to check and attach with the step."""
        return list(self.cleaned_data.get("attachments") or [])


class NoteStepForm(StepForm):
    note = _note()


class ReasonStepForm(StepForm):
    reason = _reason()


class AssignStepForm(StepForm):
    agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=Agency.objects.filter(is_active=True))
    co_agencies = forms.ModelMultipleChoiceField(
        label=_("Co-agencies (optional)"), required=False, queryset=Agency.objects.filter(is_active=True),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    note = _note()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lead, co = cleaned.get("agency"), cleaned.get("co_agencies")
        if lead is not None and co is not None:
            cleaned["co_agencies"] = [agency for agency in co if agency.pk != lead.pk]
        return cleaned


class ExtensionStepForm(StepForm):
    reason = _reason()
    until = RocDateField(label=_("New due date"), help_text=_("2023-07-31 or 112/07/31"))


class AnswerStepForm(StepForm):
    answer = forms.CharField(label=_("Answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))


class DeclineStepForm(StepForm):
    reason_code = forms.ChoiceField(label=_("Reason for declining"))
    note = _note()

    def __init__(self, *args: Any, kind: CaseKind, transition: Transition, **kwargs: Any) -> None:
        super().__init__(*args, kind=kind, transition=transition, **kwargs)
        if kind.decline_reasons:
            field = cast(forms.ChoiceField, self.fields["reason_code"])
            field.choices = [("", "—"), *kind.decline_reasons.items()]
        else:
            # A kind without a fixed list takes a short free-text code.
            self.fields["reason_code"] = forms.CharField(label=_("Reason for declining"), max_length=30)


class MergeStepForm(StepForm):
    into = forms.CharField(label=_("Merge into case number"), max_length=20,
                           help_text=_("The number of the case this one continues, e.g. P1120000123"))
    note = _note()


STEP_FORMS: dict[str, type[StepForm]] = {
    "assign": AssignStepForm, "accept": NoteStepForm, "return": ReasonStepForm,
    "request_extension": ExtensionStepForm, "approve_extension": NoteStepForm,
    "reject_extension": ReasonStepForm, "answer": AnswerStepForm, "close": NoteStepForm,
    "reopen": ReasonStepForm, "decline": DeclineStepForm, "merge": MergeStepForm,
}


def step_form_class(transition: Transition) -> type[StepForm]:
    """The step's own form, or — for a step a kind added — one text field per value it requires."""
    known = STEP_FORMS.get(transition.name)
    if known is not None:
        return known
    fields: dict[str, Any] = {name: forms.CharField(label=cast(Any, FIELD_LABELS.get(name, name)), max_length=1000)
                              for name in transition.requires}
    fields.setdefault("note", _note())
    return type(f"{transition.name.title()}StepForm", (StepForm,), fields)


def step_form(transition: Transition, kind: CaseKind, *, version: int, data: Any = None,
              files: Any = None) -> StepForm:
    form_class = step_form_class(transition)
    return form_class(data, files, kind=kind, transition=transition, initial={"version": version})
