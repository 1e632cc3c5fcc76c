"""The append-only, hash-chained audit trail and the personal-data access log."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Re-exported (`as`): services and tests still read the chain names from the models.
from secretariat.audit.constants import ACCESS_CHAIN as ACCESS_CHAIN
from secretariat.audit.constants import AUDIT_CHAIN as AUDIT_CHAIN
from secretariat.audit.constants import GENESIS_HASH as GENESIS_HASH
from secretariat.core.audit_actions import action_label


class AppendOnlyError(RuntimeError):
    pass


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be deleted.")


class AppendOnlyModel(models.Model):
    """Rows may be inserted, never updated or deleted through the ORM."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted.")


class AuditEntry(AppendOnlyModel):
    """One change: who did what to which record, and the record's values before and after.

    `hash` is an HMAC (key outside the database) over every column and the previous row's hash, so editing or
    removing a row breaks the chain from that row on, and cutting the newest rows off contradicts the anchors
    kept outside the database (`manage.py audit_verify`; docs/decisions/0009).
    """

    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(_("actor name"), max_length=150)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("record type"), max_length=80)
    target_id = models.CharField(_("record id"), max_length=64)
    target_label = models.CharField(_("record"), max_length=200)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    extra = models.JSONField(_("details"), null=True, blank=True)
    ip_address = models.CharField(_("IP address"), max_length=45, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_entry_target")]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.target_label}"

    @property
    def action_label(self) -> str:
        """What people read for `action`, in the current language (the code, for one no longer declared)."""
        return action_label(self.action)


class AuditHead(models.Model):
    """One row per chain (the audit trail, the personal-data access log) holding its tip; locked while a row is
    appended, so appends queue. It also lets verification notice that the newest rows were deleted."""

    chain = models.CharField(max_length=16, unique=True, default=AUDIT_CHAIN)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"{self.chain} #{self.last_seq} {self.last_hash[:12]}"


class AuditVerification(AppendOnlyModel):
    """The outcome of each chain verification (nightly and on demand), shown to auditors."""

    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)
    ok = models.BooleanField(_("intact"))
    rows_checked = models.PositiveBigIntegerField(_("rows checked"))
    broken_seq = models.PositiveBigIntegerField(_("first broken row"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    head_hash = models.CharField(_("chain tip"), max_length=64, blank=True)

    class Meta:
        ordering = ["-checked_at"]
        verbose_name = _("audit verification")
        verbose_name_plural = _("audit verifications")

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'BROKEN'}"


class PersonalDataAccess(AppendOnlyModel):
    """Someone was shown a person's personal data: who, whose, which fields, when and why.

    Chained like the audit trail (its own sequence and HMAC chain, the same key)."""

    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    # Set before saving (not auto_now_add, which would overwrite it), because the hash covers it.
    occurred_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("viewed by"), on_delete=models.PROTECT,
                              related_name="+")
    subject_type = models.CharField(_("record type"), max_length=80)
    subject_id = models.CharField(_("record id"), max_length=64)
    subject_label = models.CharField(_("record"), max_length=200)
    fields = models.JSONField(_("fields shown"))
    reason = models.CharField(_("reason"), max_length=500)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_pda_subject")]
        verbose_name = _("personal-data access")
        verbose_name_plural = _("personal-data accesses")

    def __str__(self) -> str:
        return f"{self.actor_id} → {self.subject_label}"
