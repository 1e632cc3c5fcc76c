"""The media office's records, one module per topic; each topic's models are imported here so Django
finds them."""

from secretariat.media.models.events import EventKind, PressEvent
from secretariat.media.models.opinion import (
    DigestDelivery,
    Medium,
    OpinionDigest,
    OpinionFeed,
    OpinionItem,
    OpinionResponse,
    ResponseKind,
    Sentiment,
)
from secretariat.media.models.releases import (
    PUBLIC_STATES,
    PressRelease,
    ReleaseFile,
    ReleaseFileKind,
    ReleaseRevision,
    ReleaseStatus,
)
from secretariat.media.models.schedule import ScheduleDay, ScheduleEntry
from secretariat.media.models.social import Platform, PostType, SocialPost
from secretariat.media.models.trainings import MediaTraining, TrainingKind

__all__ = [
    "PUBLIC_STATES",
    "DigestDelivery",
    "EventKind",
    "MediaTraining",
    "Medium",
    "OpinionDigest",
    "OpinionFeed",
    "OpinionItem",
    "OpinionResponse",
    "Platform",
    "PostType",
    "PressEvent",
    "PressRelease",
    "ReleaseFile",
    "ReleaseFileKind",
    "ReleaseRevision",
    "ReleaseStatus",
    "ResponseKind",
    "ScheduleDay",
    "ScheduleEntry",
    "Sentiment",
    "SocialPost",
    "TrainingKind",
]
