"""The public press pages (no sign-in): the list of releases with search and agency filter, a release with its
correction history and files, and the mayor's daily schedule. Lists and feeds are cached whole (see
public_cache): a newsroom polling the feed every few seconds costs one cache read."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from secretariat.core import roc
from secretariat.core.errorpages import refusal_page
from secretariat.core.errors import ApplicationError, NotFound
from secretariat.core.forms import query_id, query_text
from secretariat.media.selectors import press_records
from secretariat.media.selectors import releases as selectors
from secretariat.media.services import public_cache

if TYPE_CHECKING:
    from secretariat.accounts.models import Agency

View = Callable[[HttpRequest], HttpResponse]
BROWSER_SECONDS = 30  # short: a correction must reach readers soon


def cache_seconds() -> int:
    """The cache must not outlive the moment the next scheduled release becomes public."""
    upcoming = selectors.next_scheduled_at()
    if upcoming is None:
        return public_cache.CACHE_SECONDS
    return max(1, min(public_cache.CACHE_SECONDS, int((upcoming - timezone.now()).total_seconds())))


def cached(request: HttpRequest, build: Callable[[], HttpResponse]) -> HttpResponse:
    """Serve the page from the cache when it is there; otherwise build it and keep a 200 for later. Only a
    page that sets no cookie is kept: a shared page must carry nothing of the reader who first asked.

    Each kept page has an ETag, so a feed reader polling with If-None-Match gets a bodiless 304 until a
    release is published or corrected; browsers and proxies may reuse a page for BROWSER_SECONDS."""
    key = public_cache.key(get_language(), request.get_full_path())
    hit = cache.get(key)
    if hit is None:
        response = build()
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        etag = f'"{hashlib.blake2b(response.content, digest_size=12).hexdigest()}"'
        hit = (response.content, response["Content-Type"], etag)
        cache.set(key, hit, cache_seconds())
    content, content_type, etag = hit
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
    return response


def _agencies() -> list[Agency]:
    return selectors.public_release_agencies()


@require_GET
def release_list(request: HttpRequest) -> HttpResponse:
    def build() -> HttpResponse:
        agency_id = query_id(request.GET.get("agency"))
        query = query_text(request.GET.get("q"), limit=50)
        page = selectors.public_release_page(agency_id=agency_id, query=query, cursor=request.GET.get("after", ""))
        return render(request, "media/press/public_list.html", {
            "page": page, "agencies": _agencies(), "agency_id": agency_id, "query": query})

    return cached(request, build)


@require_GET
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    def build() -> HttpResponse:
        try:
            release = selectors.public_release_get(pk=pk)
        except NotFound:
            raise Http404 from None
        revisions = list(release.revisions.all())
        return render(request, "media/press/public_detail.html", {
            "release": release, "revisions": revisions, "earlier": revisions[:-1][::-1],
            "images": [item for item in release.files.all() if item.kind == "image"],
            "attachments": [item for item in release.files.all() if item.kind != "image"]})

    return cached(request, build)


@require_GET
def release_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A file of a public release (images inline, others as downloads). Drafts' files stay private."""
    try:
        release = selectors.public_release_get(pk=pk)
    except NotFound:
        raise Http404 from None
    item = next((item for item in release.files.all() if item.pk == file_pk), None)
    if item is None:
        raise Http404
    attachment = item.attachment
    return FileResponse(attachment.file.open("rb"), as_attachment=item.kind != "image",
                        filename=attachment.original_name, content_type=attachment.content_type)


@require_GET
def schedule_day(request: HttpRequest, day: str = "") -> HttpResponse:
    today = timezone.localdate()
    try:
        on = dt.date.fromisoformat(day) if day else today
    except ValueError:
        raise Http404 from None
    if not dt.date.min < on < dt.date.max:  # the page links the day before and after
        raise Http404
    try:
        roc.roc_year(on)  # the page writes its days in ROC years: none before 1912
    except ApplicationError as error:
        return refusal_page(request, error)
    previous = on - dt.timedelta(days=1)
    entries = press_records.public_schedule(on=on)
    context: dict[str, Any] = {"on": on, "entries": entries,
                               "previous": previous if previous.year > roc.ROC_OFFSET else None,
                               "following": on + dt.timedelta(days=1), "today": today}
    return render(request, "media/press/public_schedule.html", context)
