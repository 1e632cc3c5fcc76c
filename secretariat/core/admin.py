from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.core.models import CalendarDay, CalendarYear, PeriodicRun, SiteSetting
from secretariat.core.services import setting_set
from secretariat.core.site_settings import spec_for


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyAdmin):
    """Read-only list: closures are declared on the calendar page and years come in by import,
    both through audited services."""

    list_display = ["date", "kind", "note", "source"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["note"]


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    list_display = ["year", "source", "loaded_at"]


class SiteSettingForm(forms.ModelForm[SiteSetting]):
    class Meta:
        model = SiteSetting
        fields = ["value"]

    def clean_value(self) -> Any:
        value = self.cleaned_data["value"]
        if not spec_for(self.instance.key).check(value):
            raise forms.ValidationError(_("This value is not allowed for this setting."))
        return value


@admin.register(SiteSetting)
class SiteSettingAdmin(admin.ModelAdmin[SiteSetting]):
    form = SiteSettingForm
    list_display = ["key", "label", "value", "updated_at"]
    readonly_fields = ["key", "label", "help"]

    @admin.display(description=_("setting"))
    def label(self, obj: SiteSetting) -> str:
        return str(spec_for(obj.key).label)

    @admin.display(description=_("help"))
    def help(self, obj: SiteSetting) -> str:
        return str(spec_for(obj.key).help)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: SiteSetting, form: Any, change: bool) -> None:
        setting_set(actor=admin_person(request), key=obj.key, value=obj.value)


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ["name", "last_run_at", "last_outcome"]
