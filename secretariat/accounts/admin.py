"""Administration of agencies, units, people and tokens. Every save goes through the audited services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from secretariat.accounts import services
from secretariat.accounts.models import Agency, ApiToken, Unit, User
from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.core.errors import ApplicationError


class ServiceAdmin(admin.ModelAdmin[Any]):
    """Saves through a service; a refusal from the service shows on the form rather than as an error page.

    The service runs in `clean` (inside a rolled-back savepoint would be heavier): the form keeps the
    refusal, and `save_model` repeats the call for real.
    """

    # Subclasses whose service has rules the model form cannot see set this to a check that raises
    # ApplicationError: (request, instance or None, cleaned data).
    service_check: Callable[[HttpRequest, Any, dict[str, Any]], None] | None = None

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if self.service_check is None:
            return form_class
        check: Callable[[HttpRequest, Any, dict[str, Any]], None] = self.service_check

        class ServiceForm(form_class):  # type: ignore[misc,valid-type]
            def clean(self) -> Any:
                data = super().clean()
                if not self.errors:
                    try:
                        check(request, self.instance if change else None, data)
                    except ApplicationError as error:
                        field = error.field if error.field in self.fields else None
                        self.add_error(field, error.render())
                return data

        return ServiceForm

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # records are deactivated, never deleted: audit rows and history point at them


@admin.register(Agency)
class AgencyAdmin(ServiceAdmin):
    list_display = ["short_name", "name", "code", "kind", "parent", "is_active", "sort_order"]
    list_filter = ["kind", "is_active"]
    search_fields = ["short_name", "name", "code", "name_en"]
    fields = ["name", "short_name", "rollup_name", "name_en", "code", "kind", "parent", "is_secretariat",
              "sort_order", "is_active"]

    def service_check(self, request: HttpRequest, obj: Agency | None, data: dict[str, Any]) -> None:
        probe = Agency(pk=obj.pk if obj else None, parent=data.get("parent"))
        services.agency_parent_check(probe)

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in (form.changed_data if change else form.cleaned_data)}
        saved = services.agency_save(actor=admin_person(request),
                                     agency=Agency.objects.get(pk=obj.pk) if change else None, **changes)
        obj.pk = saved.pk


@admin.register(Unit)
class UnitAdmin(ServiceAdmin):
    list_display = ["name", "agency", "is_active", "sort_order"]
    list_filter = ["agency"]
    fields = ["agency", "name", "name_en", "sort_order", "is_active"]

    def save_model(self, request: HttpRequest, obj: Unit, form: Any, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in (form.changed_data if change else form.cleaned_data)}
        saved = services.unit_save(actor=admin_person(request), unit=Unit.objects.get(pk=obj.pk) if change else None,
                                   **changes)
        obj.pk = saved.pk


class UserAddForm(forms.ModelForm[User]):
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)

    class Meta:
        model = User
        fields = ["username", "display_name", "email", "role", "agency", "unit", "phone"]


@admin.register(User)
class UserAdmin(ServiceAdmin):
    list_display = ["username", "display_name", "role", "agency", "unit", "is_active", "last_login"]
    list_filter = ["role", "is_active", "agency"]
    search_fields = ["username", "display_name", "email"]
    change_password_form = AdminPasswordChangeForm

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ["username", "password", "display_name", "email", "role", "agency", "unit", "phone"]
        return ["username", "display_name", "email", "role", "agency", "unit", "phone", "is_active", "last_login"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["username", "last_login"] if obj else []

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = UserAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def service_check(self, request: HttpRequest, obj: User | None, data: dict[str, Any]) -> None:
        probe = User(role=data.get("role", obj.role if obj else ""), agency=data.get("agency"), unit=data.get("unit"))
        services.user_membership_check(probe)
        if obj is None and data.get("password"):
            services.user_password_check(data["password"], probe)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        data = dict(form.cleaned_data)
        if change:
            changes = {name: data[name] for name in form.changed_data if name in services.USER_FIELDS}
            services.user_update(actor=admin_person(request), user=User.objects.get(pk=obj.pk), **changes)
        else:
            saved = services.user_create(actor=admin_person(request), username=data.pop("username"),
                                         password=data.pop("password"), **data)
            obj.pk = saved.pk


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__username", "prefix"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected tokens"), permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for token in queryset:
            services.api_token_revoke(actor=admin_person(request), token_id=token.pk)
