"""What the audit API answers: audit rows, personal-data accesses, the chain check and its anchors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class AuditEntryOut(Schema):
    seq: int
    occurred_at: dt.datetime
    actor_label: str
    action: str
    action_label: str  # `action` as people read it, in the request's language; the code when undeclared
    target_type: str
    target_id: str
    target_label: str
    before: Any
    after: Any
    extra: Any
    ip_address: str
    hash: str


class AccessOut(Schema):
    id: int
    seq: int
    occurred_at: dt.datetime
    actor_id: int
    subject_type: str
    subject_id: str
    subject_label: str
    fields: list[str]
    reason: str
    approved_by_id: int | None
    hash: str


class VerifyOut(Schema):
    ok: bool
    rows_checked: int
    broken_seq: int | None
    reason: str


class ChainTipOut(Schema):
    chain: str
    seq: int
    hash: str


class AnchorOut(Schema):
    anchored_at: dt.datetime
    tips: list[ChainTipOut]
    kept_in_file: bool
    mailed_to: list[str]
