"""Administration of the partner associations (edited through the audited service) and read-only views of
slots, bookings and consultations (only the services write them; bookings hold personal data, so the admin
shows no name or phone)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.counters.models import Association, Booking, Consultation, Slot
from secretariat.counters.services.consultation_slots import ASSOCIATION_FIELDS, association_save


class AssociationForm(forms.ModelForm[Association]):
    class Meta:
        model = Association
        fields = [*ASSOCIATION_FIELDS, "accounts"]


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin[Association]):
    form = AssociationForm
    list_display = ["name", "field", "sort_order", "is_active"]
    list_filter = ["field", "is_active"]
    filter_horizontal = ["accounts"]

    def save_model(self, request: HttpRequest, obj: Association, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data[name] for name in ASSOCIATION_FIELDS if name in form.cleaned_data}
        saved = association_save(actor=admin_person(request),
                                 association=Association.objects.get(pk=obj.pk) if change else None, **values)
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # slots and consultations point at it: deactivate it instead


@admin.register(Slot)
class SlotAdmin(ReadOnlyAdmin):
    list_display = ["date", "starts_at", "ends_at", "association", "field", "mode", "is_withdrawn"]
    list_filter = ["field", "mode", "is_withdrawn"]
    date_hierarchy = "date"


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    list_display = ["slot", "status", "booked_at", "reminded_at"]
    list_filter = ["status"]
    fields = ["slot", "status", "booked_at", "cancelled_at", "reminded_at"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ["served_on", "field", "mode", "association", "is_walk_in"]
    list_filter = ["field", "mode", "is_walk_in"]
    fields = ["served_on", "field", "mode", "association", "booking", "is_walk_in", "note", "recorded_by"]
    date_hierarchy = "served_on"
