"""Questions put by councillors during a session (質詢): each one is the details of one tracked Case."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    GENERAL = "general", _("General interpellation (施政總質詢)")
    AGENCY = "agency", _("Agency interpellation (業務質詢)")
    REPORT = "report", _("Special report (專案報告)")
    OTHER = "other", _("Other")


class Question(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                                related_name="question", primary_key=True)
    session = models.ForeignKey("council.Session", verbose_name=_("session"), on_delete=models.PROTECT,
                                related_name="questions")
    councillor = models.ForeignKey("council.Councillor", verbose_name=_("councillor"), on_delete=models.PROTECT,
                                   related_name="questions")
    asked_on = models.DateField(_("asked on"))
    kind = models.CharField(_("kind of question"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.GENERAL)
    topic = models.CharField(_("topic"), max_length=200)
    content = models.TextField(_("content"), max_length=20000, blank=True)
    # Every agency asked; the first named leads the answer and is the case's lead agency.
    agencies = models.ManyToManyField("accounts.Agency", verbose_name=_("agencies asked"), related_name="+")
    lead_agency = models.ForeignKey("accounts.Agency", verbose_name=_("lead agency"), on_delete=models.PROTECT,
                                    related_name="+")
    # The agency's draft: internal until its head approves it into `approved_answer`.
    draft_answer = models.TextField(_("draft answer"), blank=True)
    approved_answer = models.TextField(_("approved answer"), blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    commitment = models.TextField(_("commitment made in the answer"), blank=True)
    follow_up_of = models.ForeignKey("self", verbose_name=_("follow-up of"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="follow_ups")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["session", "councillor__name", "asked_on", "case_id"]
        indexes = [models.Index(fields=["session", "councillor", "asked_on"], name="council_question_book")]
        verbose_name = _("council question")
        verbose_name_plural = _("council questions")

    def __str__(self) -> str:
        return self.topic


class ReviewMeeting(models.Model):
    """The bi-weekly review meeting (研考會) that goes through the open and overdue questions."""

    held_on = models.DateField(_("held on"))
    chaired_by = models.CharField(_("chaired by"), max_length=60)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("review meeting")
        verbose_name_plural = _("review meetings")

    def __str__(self) -> str:
        return f"{self.held_on} {self.chaired_by}"


class ReviewDecision(models.Model):
    """What one review meeting decided about one question: keep tracking it (繼續列管) or release it (解除列管)."""

    meeting = models.ForeignKey(ReviewMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="decisions")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT,
                                 related_name="review_decisions")
    decision = models.CharField(_("decision"), max_length=1000)
    keep_tracking = models.BooleanField(_("keep tracking"), default=True)

    class Meta:
        ordering = ["meeting", "question"]
        constraints = [models.UniqueConstraint(fields=["meeting", "question"], name="council_review_once")]
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")

    def __str__(self) -> str:
        return self.decision[:40]
