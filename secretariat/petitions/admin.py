"""Administration: petition categories (editable, through the audited service), personal-data requests
and lookup failures (read-only; a failure row may be deleted to lift a lock early).

Petitions themselves are not in the admin: their personal data is shown only through the logged
reveal of the case page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.petitions.models import Category, DisclosureRequest, LookupFailure
from secretariat.petitions.services import category_save
from secretariat.petitions.services.intake import CATEGORY_FIELDS


class CategoryForm(forms.ModelForm[Category]):
    answer_days = forms.IntegerField(min_value=1, max_value=30)

    class Meta:
        model = Category
        fields = CATEGORY_FIELDS


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    form = CategoryForm
    list_display = ["name", "code", "answer_days", "sort_order", "is_active"]
    list_editable = ["answer_days", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code", "name_en"]

    def save_model(self, request: HttpRequest, obj: Category, form: Any, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in CATEGORY_FIELDS if name in form.cleaned_data}
        saved = category_save(actor=admin_person(request), category=Category.objects.get(pk=obj.pk) if change else None,
                              **changes)
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # petitions point at categories: deactivate instead


@admin.register(DisclosureRequest)
class DisclosureRequestAdmin(ReadOnlyAdmin):
    list_display = ["petition", "requested_by", "requested_at", "status", "decided_by", "valid_until"]
    list_filter = ["status"]
    date_hierarchy = "requested_at"


@admin.register(LookupFailure)
class LookupFailureAdmin(ReadOnlyAdmin):
    list_display = ["reference", "client_ip", "occurred_at"]
    search_fields = ["reference", "client_ip"]
    date_hierarchy = "occurred_at"

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Deleting the failures of a case number or address lifts its lock (a citizen on the phone).
        return bool(request.user.has_perm("petitions.delete_lookupfailure"))
