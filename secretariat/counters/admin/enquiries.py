"""Administration of the counter's enquiry categories (edited through the audited service) and read-only
views of the tally and of petition help (only the services write them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.counters.models import Enquiry, EnquiryCategory, PetitionHelp
from secretariat.counters.services.enquiries import CATEGORY_FIELDS, category_save


class EnquiryCategoryForm(forms.ModelForm[EnquiryCategory]):
    class Meta:
        model = EnquiryCategory
        fields = CATEGORY_FIELDS

    def clean_hotkey(self) -> str:
        key = str(self.cleaned_data["hotkey"]).strip().lower()
        if len(key) != 1 or not key.isalnum():
            raise forms.ValidationError(_("The keyboard key is one letter or digit."))
        if EnquiryCategory.objects.filter(hotkey=key).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another category already has this code, name or keyboard key."))
        return key


@admin.register(EnquiryCategory)
class EnquiryCategoryAdmin(admin.ModelAdmin[EnquiryCategory]):
    form = EnquiryCategoryForm
    list_display = ["name", "code", "name_en", "hotkey", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code", "name_en"]

    def save_model(self, request: HttpRequest, obj: EnquiryCategory, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data[name] for name in CATEGORY_FIELDS if name in form.cleaned_data}
        saved = category_save(actor=admin_person(request),
                              category=EnquiryCategory.objects.get(pk=obj.pk) if change else None, **values)
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # enquiries point at their category: deactivate it instead


@admin.register(Enquiry)
class EnquiryAdmin(ReadOnlyAdmin):
    list_display = ["recorded_at", "category", "channel", "recorded_by", "cancelled_at"]
    list_filter = ["category", "channel"]
    date_hierarchy = "recorded_on"


@admin.register(PetitionHelp)
class PetitionHelpAdmin(ReadOnlyAdmin):
    list_display = ["helped_on", "kind", "people_count", "petition_reference", "recorded_by"]
    list_filter = ["kind"]
    date_hierarchy = "helped_on"
