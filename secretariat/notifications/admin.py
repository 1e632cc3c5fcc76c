"""The mail log: the administrator sees every mail, filters the failed ones and sends them again."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from secretariat.core.actors import admin_person
from secretariat.core.admin_base import ReadOnlyAdmin
from secretariat.notifications.models import MailDelivery
from secretariat.notifications.services import mail_send_again


@admin.register(MailDelivery)
class MailDeliveryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "event", "subject", "masked_address", "status", "attempts", "last_error", "sent_at")
    list_filter = ("status", "event")
    search_fields = ("subject",)
    exclude = ("address", "body")
    readonly_fields = ("masked_address",)
    actions = ("send_again",)

    @admin.display(description=_("address"))
    def masked_address(self, delivery: MailDelivery) -> str:
        """A citizen's address is personal data: the log shows enough to tell addresses apart, not to use one."""
        name, _at, domain = delivery.address.partition("@")
        return f"{name[:2]}***@{domain}" if domain else "***"

    @admin.action(description=_("Send the selected failed mails again"), permissions=["view"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[MailDelivery]) -> None:
        sent = mail_send_again(actor=admin_person(request), delivery_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, ngettext("%(count)d mail sent.", "%(count)d mails sent.", sent) % {"count": sent},
                          messages.SUCCESS if sent else messages.WARNING)
