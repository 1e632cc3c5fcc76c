"""Question pages: the list by session, the clerk's live entry, the written-answer book download, the
review list with its exports, and the review meeting record. The workflow steps themselves are taken on
the generic case page, where the question panel (`panel_context`) shows the question and its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error, query_id
from secretariat.core.pdf import PdfUnavailable, odt_to_pdf
from secretariat.council.access.questions import can_record_questions, can_record_reviews, can_see_review_list
from secretariat.council.forms.questions import LiveQuestionForm, ReviewMeetingForm
from secretariat.council.selectors import questions as selectors
from secretariat.council.selectors.questions import may_see_draft, visible_questions
from secretariat.council.services import questions as services
from secretariat.council.views import answer_book, review

if TYPE_CHECKING:
    from secretariat.cases.models import Case
    from secretariat.council.models import Session

LIST_LIMIT = 200


def _positive_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def _session_for(request: HttpRequest) -> Session | None:
    value = request.GET.get("session", "")
    if value.isdigit():
        return selectors.session_find(pk=int(value))
    return selectors.open_session(timezone.localdate()) or selectors.session_choices().first()


@login_required
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    """One session's questions; with `?awaiting=approval`, the answers waiting for this head's approval, of
    every session (the home page's card links here)."""
    awaiting = request.GET.get("awaiting") == "approval"
    session = None if awaiting else _session_for(request)
    if awaiting:
        rows = selectors.questions_awaiting_approval(request.user)
    else:
        rows = selectors.visible_questions(request.user)
        rows = rows.filter(session=session) if session else rows.none()
    rows = rows.select_related("case", "councillor", "lead_agency")
    return render(request, "council/question_list.html", {
        "session": session, "sessions": selectors.session_choices(), "awaiting": awaiting,
        "questions": list(rows.order_by("-asked_on", "-case_id")[:LIST_LIMIT]), "limit": LIST_LIMIT,
        "count": rows.count(), "can_record": can_record_questions(request.user),
        "can_book": can_see_review_list(request.user), "show_review": can_see_review_list(request.user),
    })


def _live_context(request: HttpRequest, form: LiveQuestionForm, session: Session | None,
                  recorded: Any = None) -> dict[str, Any]:
    day = form.initial.get("asked_on") or timezone.localdate()
    return {
        "form": form, "session": session, "recorded": recorded, "can_record": True, "show_review": True,
        "councillors": selectors.session_councillors(session) if session else [],
        "agencies": selectors.active_agencies(),
        "today": selectors.questions_recorded(user=request.user, session=session, day=day) if session else [],
        "undoable": selectors.last_withdrawable(request.user),
    }


@login_required
@require_http_methods(["GET", "POST"])
def question_live(request: SignedInRequest) -> HttpResponse:
    """One keyboard-only form for the clerk in the chamber: Enter (Ctrl+Enter in the content) records the
    question, the form comes back empty with the cursor in the councillor field, today's list below."""
    if not can_record_questions(request.user):
        raise Http404
    sessions = selectors.session_choices()
    session = selectors.open_session(timezone.localdate()) or sessions.first()
    initial = {"session": session, "asked_on": timezone.localdate(), "kind": "general"}
    template = "council/question_live.html#live-area" if request.htmx else "council/question_live.html"
    if request.method == "GET":
        return render(request, template, _live_context(request, LiveQuestionForm(initial=initial,
                                                                                 sessions=sessions), session))
    form = LiveQuestionForm(request.POST, sessions=sessions)
    if form.is_valid():
        data = form.cleaned_data
        try:
            question = services.question_record(
                actor=request.user, session_id=data["session"].pk, councillor=data["councillor"],
                asked_on=data["asked_on"], kind=data["kind"], topic=data["topic"], content=data["content"],
                agencies=form.agency_names())
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            # Keep what stays the same from one question to the next; clear the rest for the next speaker.
            keep = {"session": data["session"], "asked_on": data["asked_on"], "kind": data["kind"]}
            fresh = LiveQuestionForm(initial=keep, sessions=sessions)
            return render(request, template, _live_context(request, fresh, data["session"], recorded=question))
        session = data.get("session") or session
    elif form.cleaned_data.get("session"):
        session = form.cleaned_data["session"]
    return render(request, template, _live_context(request, form, session), status=400)


@login_required
@require_POST
def question_live_undo(request: SignedInRequest) -> HttpResponse:
    """Withdraw the clerk's last recorded question (typed in error); the live form comes back as it was."""
    if not can_record_questions(request.user):
        raise Http404
    sessions = selectors.session_choices()
    session = selectors.open_session(timezone.localdate()) or sessions.first()
    template = "council/question_live.html#live-area" if request.htmx else "council/question_live.html"
    form = LiveQuestionForm(initial={"session": session, "asked_on": timezone.localdate(), "kind": "general"},
                            sessions=sessions)
    pk = _positive_int(request.POST.get("question"))
    try:
        withdrawn = services.question_withdraw(actor=request.user, question_id=pk or 0)
    except ApplicationError as error:
        context = _live_context(request, form, session)
        context["undo_error"] = error.render()
        return render(request, template, context, status=error.status)
    context = _live_context(request, form, withdrawn.session)
    context["withdrawn"] = withdrawn
    return render(request, template, context)


def _session_or_404(pk: int) -> Session:
    session = selectors.session_find(pk=pk)
    if session is None:
        raise Http404
    return session


@login_required
@require_GET
def answer_book_download(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_see_review_list(request.user):
        raise Http404
    session = _session_or_404(pk)
    response = HttpResponse(answer_book.answer_book_build(session), content_type=answer_book.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{answer_book.book_filename(session)}"'
    return response


@login_required
@require_GET
def answer_book_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same book as PDF: the ODT converted, so the two never differ."""
    if not can_see_review_list(request.user):
        raise Http404
    session = _session_or_404(pk)
    try:
        content = odt_to_pdf(answer_book.answer_book_build(session))
    except PdfUnavailable as error:
        return HttpResponse(error.render(), status=error.status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type="application/pdf")
    filename = answer_book.book_filename(session).removesuffix(".odt") + ".pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


REVIEW_PAGE = 50


@login_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    """The summary per agency, then one page of items (of one agency when `agency` is given). The
    exports hold every item, as the review meeting reads them on paper."""
    if not can_see_review_list(request.user):
        raise Http404
    today = timezone.localdate()
    agency_id = query_id(request.GET.get("agency"))
    file_format = request.GET.get("format", "")
    if file_format:
        try:
            download = review.review_download(rows=selectors.review_items(user=request.user, today=today,
                                                                          agency_id=agency_id),
                                              file_format=file_format, today=today)
        except ApplicationError as error:
            return HttpResponse(error.render(), status=400, content_type="text/plain; charset=utf-8")
        return download.response()
    summary = selectors.review_summary(user=request.user, today=today)
    chosen = [load for load in summary if load.agency_id == agency_id]
    total = chosen[0].unfinished if chosen else sum(load.unfinished for load in summary)
    # Across many agencies the page opens on the summary, and the items come one agency at a time (or all,
    # on request): the meeting goes through the agencies in turn, and a city-wide first page helps no one.
    listing = bool(chosen) or len(summary) <= 1 or request.GET.get("all") == "1"
    pages = max(1, -(-total // REVIEW_PAGE))
    page = min(_positive_int(request.GET.get("page")) or 1, pages)
    rows = selectors.review_items(user=request.user, today=today, agency_id=agency_id,
                                  offset=(page - 1) * REVIEW_PAGE, limit=REVIEW_PAGE) if listing else []
    return render(request, "council/question_review.html", {
        "rows": rows, "listing": listing, "summary": summary, "agency": chosen[0] if chosen else None,
        "total": total, "every_agency": listing and not chosen and len(summary) > 1,
        "overdue": chosen[0].overdue if chosen else sum(load.overdue for load in summary),
        "page": page, "pages": pages, "previous_page": page - 1, "next_page": page + 1 if page < pages else 0,
        "meetings": selectors.review_meetings(), "can_record": can_record_questions(request.user),
        "can_record_meeting": can_record_reviews(request.user), "show_review": True,
    })


def _decisions(request: HttpRequest, ids: list[int]) -> list[tuple[int, str, bool]]:
    return [(pk, request.POST.get(f"decision_{pk}", ""), request.POST.get(f"release_{pk}") != "1") for pk in ids]


@login_required
@require_http_methods(["GET", "POST"])
def review_meeting_create(request: SignedInRequest) -> HttpResponse:
    if not can_record_reviews(request.user):
        raise Http404
    rows = selectors.review_items(user=request.user, today=timezone.localdate())
    form = ReviewMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_meeting_record(
                actor=request.user, held_on=data["held_on"], chaired_by=data["chaired_by"], notes=data["notes"],
                decisions=_decisions(request, [row.question.pk for row in rows]))
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The review meeting was recorded."))
            return redirect("council:question_review")
    return render(request, "council/question_review_meeting.html", {"form": form, "rows": rows},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def question_follow_up(request: SignedInRequest, pk: int) -> HttpResponse:
    try:
        follow_up = services.question_follow_up(actor=request.user, question_id=pk,
                                                commitment=request.POST.get("commitment", ""))
    except ApplicationError as error:
        messages.error(request, error.render())
        return redirect("cases:detail", pk)
    messages.success(request, _("Follow-up case %(reference)s was opened.") % {"reference": follow_up.case.reference})
    return redirect("cases:detail", follow_up.pk)


def panel_context(case: Case, user: Actor | Viewer) -> dict[str, Any] | None:
    """The question panel on the generic case page (registered in the app's ready())."""
    question = (visible_questions(user).select_related("session__term", "councillor", "approved_by",
                                                       "follow_up_of__case", "case")
                .filter(pk=case.pk).first())
    if question is None:
        return None
    follow_ups = selectors.question_follow_ups(question)
    return {
        "question": question, "agencies": list(question.agencies.order_by("sort_order", "pk")),
        "show_draft": may_see_draft(user, question), "follow_ups": follow_ups,
        "can_follow_up": can_record_questions(user) and question.approved_at is not None and not follow_ups,
    }
