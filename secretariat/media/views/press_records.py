"""Staff pages of the press office's records: press events, the mayor's public schedule, social media posts
(list, calendar, reach) and spokesperson trainings. Read by Secretariat roles, written by the media unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.media.access import press as access
from secretariat.media.forms.press import EventForm, PostForm, ReachForm, ScheduleEntryForm, TrainingForm
from secretariat.media.selectors import press_records as selectors
from secretariat.media.services import press_records as services
from secretariat.media.services import schedule as schedule_services


def _page(request: HttpRequest, template: str, form_class: type[forms.Form], save: Callable[[dict[str, Any]], Any],
          done: str, context: dict[str, Any]) -> HttpResponse:
    """A list with its entry form underneath (for the media unit): GET shows, POST records and redirects."""
    if not access.can_view_records(request.user):
        raise Http404
    keeper = access.can_keep_records(request.user)
    form = form_class(request.POST or None) if keeper else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ApplicationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, done)
                return redirect(request.path)
        status = 400
    return render(request, template, {**context, "form": form, "keeps_records": True, "can_keep": keeper},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def event_list(request: SignedInRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Any:
        return services.event_record(actor=request.user, kind=data["kind"], held_at=data["held_at"],
                                     place=data["place"], topic=data["topic"], outlets=data["outlets"],
                                     agencies=list(data["agencies"]), release_id=data["release"])

    return _page(request, "media/press/events.html", EventForm, save, _("The event was recorded."),
                 {"events": selectors.event_list(user=request.user)[:200]})


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: SignedInRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Any:
        return schedule_services.schedule_entry_add(actor=request.user, starts_at=data["starts_at"],
                                                    place=data["place"], event=data["event"])

    today = timezone.localdate()
    days = selectors.schedule_days(user=request.user, since=today - dt.timedelta(days=7))
    return _page(request, "media/press/schedule.html", ScheduleEntryForm, save, _("The schedule item was added."),
                 {"days": [(day, selectors.schedule_is_public(day, day.day)) for day in days]})


@login_required
@require_POST
def schedule_publish(request: SignedInRequest) -> HttpResponse:
    if not access.can_keep_records(request.user):
        raise Http404
    try:
        day = dt.date.fromisoformat(request.POST.get("day", ""))
        schedule_services.schedule_day_publish(actor=request.user, day=day)
    except ValueError:
        messages.error(request, _("The date is not valid."))
    except ApplicationError as error:
        messages.error(request, error.render())
    else:
        messages.success(request, _("The day's schedule is public."))
    return redirect("media:press_schedule")


@login_required
@require_http_methods(["GET", "POST"])
def post_list(request: SignedInRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Any:
        return services.post_plan(actor=request.user, platform=data["platform"], post_type=data["post_type"],
                                  title=data["title"], planned_at=data["planned_at"], link=data["link"],
                                  published_at=data["published_at"])

    return _page(request, "media/press/posts.html", PostForm, save, _("The post was recorded."),
                 {"posts": selectors.post_list(user=request.user)[:200]})


@login_required
@require_POST
def post_reach(request: SignedInRequest, pk: int) -> HttpResponse:
    if not access.can_keep_records(request.user):
        raise Http404
    form = ReachForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.post_update(actor=request.user, post_id=pk, version=data["version"],
                                 published_at=data["published_at"], link=data["link"] or None, reach=data["reach"])
        except ApplicationError as error:
            messages.error(request, error.render())
        else:
            messages.success(request, _("The post was updated."))
    else:
        messages.error(request, _("Some of the values are not valid."))
    return redirect("media:press_posts")


@login_required
@require_http_methods(["GET"])
def post_calendar(request: HttpRequest) -> HttpResponse:
    if not access.can_view_records(request.user):
        raise Http404
    today = timezone.localdate()
    try:
        year, month = int(request.GET.get("year", today.year)), int(request.GET.get("month", today.month))
        dt.date(year, month, 1)
        if not 2000 <= year <= 2100:  # the API's bounds; the month's edges must stay inside the calendar
            raise ValueError(year)
    except (ValueError, OverflowError):  # OverflowError: a year of more digits than a C long holds
        year, month = today.year, today.month
    previous = (year - (month == 1), (month - 2) % 12 + 1)
    following = (year + (month == 12), month % 12 + 1)
    return render(request, "media/press/calendar.html", {
        "weeks": selectors.post_calendar(user=request.user, year=year, month=month), "year": year, "month": month,
        "roc_year": year - 1911, "previous": previous, "following": following, "keeps_records": True})


@login_required
@require_http_methods(["GET", "POST"])
def training_list(request: SignedInRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> Any:
        return services.training_record(actor=request.user, held_on=data["held_on"], kind=data["kind"],
                                        title=data["title"], venue=data["venue"], attendance=data["attendance"])

    return _page(request, "media/press/trainings.html", TrainingForm, save, _("The training was recorded."),
                 {"trainings": selectors.training_list(user=request.user)[:200]})
