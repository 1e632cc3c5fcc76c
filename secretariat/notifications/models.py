"""What the platform told whom: in-app notifications, each person's channel per event, the administrator's
defaults per role, and every mail with its delivery state (so a failed send is seen, never lost)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.constants import Role
from secretariat.notifications.constants import SUBJECT_LENGTH, Channel, MailStatus


class MailDelivery(models.Model):
    """One mail: to a person (at once or their daily digest) or to a citizen's address."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("recipient"))
    address = models.EmailField(_("address"))
    event = models.CharField(_("event"), max_length=60)  # "digest" for a daily digest
    subject = models.CharField(_("subject"), max_length=SUBJECT_LENGTH)
    body = models.TextField(_("body"), blank=True)
    # The body carries a one-time link (a confirmation or cancellation token): erased once the mail is sent, so
    # the database does not keep in clear what it otherwise stores only as a hash.
    holds_secret = models.BooleanField(_("holds a one-time link"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="notifications_mail_status")]
        verbose_name = _("mail")
        verbose_name_plural = _("mails")

    def __str__(self) -> str:
        return self.subject


class Notification(models.Model):
    """A message to one person, in the bell until read. `params` fill the event's line in the reader's
    language; `message` is the same line in zh-Hant, kept for mails and for an event since retired."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event = models.CharField(_("event"), max_length=60)
    params = models.JSONField(default=dict, blank=True)
    message = models.CharField(_("message"), max_length=SUBJECT_LENGTH)
    body = models.TextField(_("details"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    # The record it is about, as "<app>.<model>:<pk>" — kernel code knows no domain model.
    target = models.CharField(_("record"), max_length=80, blank=True, db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.IN_APP)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mail = models.ForeignKey(MailDelivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notifications_unread"),
            models.Index(fields=["user", "-created_at", "-id"], name="notifications_latest"),
            models.Index(fields=["channel", "mail"], name="notifications_digest"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.message


class Preference(models.Model):
    """A person's own channel for one event."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(_("event"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "event"], name="notifications_preference_once")]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id} {self.event} {self.channel}"


class RoleDefault(models.Model):
    """The administrator's channel for an event for everyone of a role who has not chosen."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    event = models.CharField(_("event"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["role", "event"], name="notifications_role_default_once")]
        verbose_name = _("default channel for a role")
        verbose_name_plural = _("default channels for roles")

    def __str__(self) -> str:
        return f"{self.role} {self.event} {self.channel}"
