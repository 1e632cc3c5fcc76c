"""The choices of the media records that the pages and the API read as well as the models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting the unit head")
    UNIT_APPROVED = "unit_approved", _("Awaiting the media unit")
    APPROVED = "approved", _("Approved, not yet published")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class Medium(models.TextChoices):
    NEWS = "news", _("News")
    TV = "tv", _("Television")
    RADIO = "radio", _("Radio")
    FORUM = "forum", _("Online forum")
    SOCIAL = "social", _("Social media")


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class ResponseKind(models.TextChoices):
    CLARIFICATION = "clarification", _("Clarification release (澄清稿)")
    STATEMENT = "statement", _("Statement (聲明)")
    SOCIAL_POST = "social_post", _("Social media post (社群貼文)")
    OTHER = "other", _("Other")


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("City-level press conference")
    INTERVIEW = "interview", _("Media interview")
    JOINT_INTERVIEW = "joint_interview", _("Joint interview")
    GATHERING = "gathering", _("Media gathering")


class Platform(models.TextChoices):
    LINE = "line", "LINE"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"


class PostType(models.TextChoices):
    VIDEO = "video", _("Video")
    IMAGE = "image", _("Image")
    TEXT = "text", _("Text")


class TrainingKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    FORUM = "forum", _("Forum")
