"""The notification pages: the list behind the bell, opening one (read, then to its record), mark read, the
person's settings and the administrator's defaults per role."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.accounts.constants import Role
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import add_service_error
from secretariat.core.notification_events import all_events
from secretariat.notifications.access import sets_role_defaults
from secretariat.notifications.forms import PreferencesForm, RoleDefaultsForm
from secretariat.notifications.selectors import (
    notification_get_for,
    notification_page,
    notification_text,
    preferences_for,
    role_defaults,
    unread_count,
)
from secretariat.notifications.services import notification_mark_read, preferences_set, role_default_set


def _list_context(request: HttpRequest) -> dict[str, Any]:
    unread_only = request.GET.get("show") != "all"
    page = notification_page(user=request.user, unread_only=unread_only, cursor=request.GET.get("after", "")[:80])
    return {"rows": [{"note": note, "text": notification_text(note)} for note in page.rows],
            "next_cursor": page.next_cursor, "unread_only": unread_only, "unread": unread_count(user=request.user)}


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    return render(request, "notifications/list.html", _list_context(request))


@login_required
@require_GET
def notification_open(request: SignedInRequest, pk: int) -> HttpResponse:
    """Follow a notification to its record, marking it read on the way."""
    try:
        note = notification_get_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    if note.read_at is None:
        notification_mark_read(actor=request.user, notification_id=note.pk)
    safe = note.link and url_has_allowed_host_and_scheme(note.link, allowed_hosts=None)
    return redirect(note.link if safe else "notifications:list")


@login_required
@require_POST
def notification_read(request: SignedInRequest, pk: int | None = None) -> HttpResponse:
    """Mark one notification (without `pk`, all of them) read."""
    try:
        notification_mark_read(actor=request.user, notification_id=pk)
    except NotFound:
        raise Http404 from None
    if request.htmx:
        return render(request, "notifications/list.html#rows", _list_context(request))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: SignedInRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, choices=preferences_for(user=request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                preferences_set(actor=request.user, choices=form.cleaned_data)
            except ApplicationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your notification settings are saved."))
                return redirect("notifications:preferences")
        status = 400
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def defaults(request: SignedInRequest) -> HttpResponse:
    if not sets_role_defaults(request.user):
        raise PermissionDenied
    events = [event for event in all_events() if event.roles]
    form = RoleDefaultsForm(request.POST or None, events=events, current=role_defaults(),
                            role_labels={role.value: str(role.label) for role in Role})
    if request.method == "POST":
        if form.is_valid():
            for name, channel in form.cleaned_data.items():
                role, _sep, code = name.partition(":")
                if form.fields[name].initial != channel:  # only what the administrator changed
                    role_default_set(actor=request.user, role=role, code=code, channel=channel)
            messages.success(request, _("The default channels are saved."))
            return redirect("notifications:defaults")
        return render(request, "notifications/defaults.html", {"form": form}, status=400)
    return render(request, "notifications/defaults.html", {"form": form})


def bell_context(request: HttpRequest) -> dict[str, Any]:
    """The header's bell: the unread count, read only when a page shows the bell (a signed-in page)."""
    from django.utils.functional import SimpleLazyObject

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user=request.user))}
