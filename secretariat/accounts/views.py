"""Sign-in, sign-out, lockout, password change and personal API tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from secretariat.accounts.selectors import api_token_list
from secretariat.accounts.services import api_token_create, api_token_revoke, user_set_password
from secretariat.core.actors import Person, SignedInRequest
from secretariat.core.changes import record_change
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import CheckedForm, CheckedInputMixin, add_service_error

if TYPE_CHECKING:
    from secretariat.accounts.models import User


class LoginForm(CheckedInputMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is wrong. After %(limit)s failed attempts in a row the "
                           "account is locked for a while."),
    }

    def get_invalid_login_error(self) -> forms.ValidationError:
        from django.conf import settings

        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                     params={"limit": settings.AXES_FAILURE_LIMIT})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        record_change(actor=form.get_user(), action="auth.login", target=form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            record_change(actor=request.user, action="auth.logout", target=request.user)
        return super().post(request, *args, **kwargs)


def lockout_response(request: HttpRequest, credentials: Any, *args: Any, **kwargs: Any) -> HttpResponse:
    """What django-axes shows once an account is locked after repeated failed sign-ins."""
    from django.conf import settings

    minutes = int(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, "accounts/locked.html", {"minutes": minutes}, status=429)


class PasswordForm(CheckedForm):
    old_password = forms.CharField(label=_("Current password"), widget=forms.PasswordInput)
    new_password = forms.CharField(label=_("New password"), widget=forms.PasswordInput)
    new_password_again = forms.CharField(label=_("New password again"), widget=forms.PasswordInput)

    def __init__(self, user: Person, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("old_password") and not self.user.check_password(data["old_password"]):
            self.add_error("old_password", _("The current password is wrong."))
        if data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", _("The two new passwords differ."))
        return data


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    user = cast("User", request.user)  # login_required guarantees a signed-in user
    form = PasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_set_password(actor=user, user=user, password=form.cleaned_data["new_password"])
        except ApplicationError as error:
            form.add_error("new_password", error.render())
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password was changed."))
            return redirect("core:home")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/password.html", {"form": form}, status=status)


class TokenForm(CheckedForm):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("What will use it, e.g. 'statistics script'"))
    expires_at = forms.DateTimeField(label=_("Expires (optional)"), required=False,
                                     widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: SignedInRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = api_token_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            form = TokenForm()
    status = 400 if request.method == "POST" and form.errors else 200
    context = {"form": form, "tokens": api_token_list(user=request.user), "new_token": new_token}
    template = "accounts/tokens.html#token-panel" if request.htmx else "accounts/tokens.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def token_revoke(request: SignedInRequest, token_id: int) -> HttpResponse:
    try:
        api_token_revoke(actor=request.user, token_id=token_id)
    except ApplicationError as error:
        messages.error(request, error.render())
    else:
        messages.success(request, _("The token was revoked; programs using it can no longer sign in."))
    return redirect("accounts:tokens")
