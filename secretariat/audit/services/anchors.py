"""Anchors: the chains' tips (sequence, hash, time) written outside the database.

A key holder cannot be stopped from re-sealing rows, and anyone with write access can delete the newest rows
and move the head back to a real earlier row. An anchor kept elsewhere — an append-only file under `var/` by
default, and a mail to the auditors — records how long each chain was and how it ended at that moment, so
`audit_verify` notices a chain that is now shorter or ends differently (docs/decisions/0009).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN, GENESIS_HASH, AuditEntry, PersonalDataAccess

CHAIN_MODELS: dict[str, Any] = {AUDIT_CHAIN: AuditEntry, ACCESS_CHAIN: PersonalDataAccess}


@dataclass(frozen=True)
class ChainTip:
    seq: int
    hash: str
    occurred_at: dt.datetime | None = None


@dataclass(frozen=True)
class Anchor:
    anchored_at: dt.datetime
    tips: dict[str, ChainTip]
    source: str = ""  # where it was read from (file:line), for messages

    def to_line(self) -> str:
        tips = {name: {"seq": tip.seq, "hash": tip.hash,
                       "occurred_at": tip.occurred_at.astimezone(dt.UTC).isoformat() if tip.occurred_at else None}
                for name, tip in sorted(self.tips.items())}
        return json.dumps({"anchored_at": self.anchored_at.astimezone(dt.UTC).isoformat(), "chains": tips},
                          sort_keys=True, separators=(",", ":"))

    def label(self) -> str:
        return timezone.localtime(self.anchored_at).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class AnchorRead:
    anchors: list[Anchor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # lines that are not anchors: someone edited the file


def anchor_parse(line: str, *, source: str = "") -> Anchor:
    """One line of an anchor file. Raises ValueError (or KeyError/TypeError) when it is not an anchor."""
    data = json.loads(line)
    tips = {}
    for name, tip in data["chains"].items():
        occurred = tip.get("occurred_at")
        tips[str(name)] = ChainTip(int(tip["seq"]), str(tip["hash"]),
                                   dt.datetime.fromisoformat(occurred) if occurred else None)
    return Anchor(dt.datetime.fromisoformat(data["anchored_at"]), tips, source)


def anchors_read(paths: list[Path]) -> AnchorRead:
    """Every anchor in `paths` (files that do not exist hold none)."""
    read = AnchorRead()
    for path in paths:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                source = f"{path}:{number}"
                try:
                    read.anchors.append(anchor_parse(line, source=source))
                except (ValueError, KeyError, TypeError, AttributeError):
                    read.problems.append(_("%(source)s is not an anchor") % {"source": source})
    return read


def anchor_file() -> Path | None:
    configured = str(getattr(settings, "AUDIT_ANCHOR_FILE", "") or "")
    return Path(configured) if configured else None


def anchor_mail_to() -> list[str]:
    return list(getattr(settings, "AUDIT_ANCHOR_MAIL_TO", []) or [])


def chain_tips() -> dict[str, ChainTip]:
    """Each chain's newest row as the database has it now (the genesis hash for an empty chain)."""
    tips = {}
    for name, model in CHAIN_MODELS.items():
        newest = model.objects.order_by("-seq").values_list("seq", "hash", "occurred_at").first()
        tips[name] = ChainTip(*newest) if newest else ChainTip(0, GENESIS_HASH)
    return tips


def _append(path: Path, line: str) -> None:
    """Append one line; O_APPEND so the existing anchors are never rewritten, even by a concurrent writer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _mail(recipients: list[str], anchor: Anchor, line: str) -> None:
    tips = anchor.tips
    subject = _("Audit chain anchor %(time)s") % {"time": anchor.label()}
    body = _("The audit trail ended at row %(audit)s and the personal-data access log at row %(access)s. "
             "Keep this mail: audit_verify --anchor-file checks the chains against the line below.") % {
        "audit": tips[AUDIT_CHAIN].seq, "access": tips[ACCESS_CHAIN].seq}
    send_mail(subject, f"{body}\n\n{line}\n", settings.DEFAULT_FROM_EMAIL, recipients)


@dataclass(frozen=True)
class AnchorOutcome:
    anchor: Anchor
    path: Path | None
    mailed_to: list[str]


def audit_anchor(*, now: dt.datetime | None = None) -> AnchorOutcome:
    """Write the chains' tips outside the database: appended to AUDIT_ANCHOR_FILE and mailed to
    AUDIT_ANCHOR_MAIL_TO, whichever are configured. Raises ImproperlyConfigured when neither is, since an
    anchor kept nowhere protects nothing. The file is written before the mail, so a mail failure (raised)
    still leaves the anchor in the file."""
    path, recipients = anchor_file(), anchor_mail_to()
    if path is None and not recipients:
        raise ImproperlyConfigured("Nowhere to keep the audit anchor: set AUDIT_ANCHOR_FILE or AUDIT_ANCHOR_MAIL_TO.")
    anchor = Anchor(now or timezone.now(), chain_tips())
    line = anchor.to_line()
    if path is not None:
        _append(path, line)
    if recipients:
        _mail(recipients, anchor, line)
    return AnchorOutcome(anchor, path, recipients)
