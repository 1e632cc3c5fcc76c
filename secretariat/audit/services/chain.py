"""Sealing the rows of the two chains (the audit trail and the personal-data access log).

Each row's `hash` is an HMAC-SHA256, under a key kept outside the database (settings.AUDIT_KEY), over the
canonical JSON of its recorded columns, the previous row's hash and the chain's name. Someone who can write to
the database but does not hold the key cannot recompute a valid chain after editing a row
(docs/decisions/0009). The chain's name is sealed in so that a row cannot be moved from one chain to the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN

ENTRY_FIELDS = ("seq", "occurred_at", "actor_id", "actor_label", "action", "target_type", "target_id",
                "target_label", "before", "after", "extra", "ip_address", "prev_hash")
ACCESS_FIELDS = ("seq", "occurred_at", "actor_id", "subject_type", "subject_id", "subject_label", "fields",
                 "reason", "approved_by_id", "prev_hash")
CHAIN_FIELDS = {AUDIT_CHAIN: ENTRY_FIELDS, ACCESS_CHAIN: ACCESS_FIELDS}
HASHED_FIELDS = ENTRY_FIELDS  # the name the unkeyed scheme used


def audit_key() -> bytes:
    """The sealing key. Raises ImproperlyConfigured when none is set, so no row is ever sealed with an empty key."""
    key = str(getattr(settings, "AUDIT_KEY", "") or "")
    if not key:
        raise ImproperlyConfigured("Set AUDIT_KEY (or run `make run`, which creates var/audit_key).")
    return key.encode("utf-8")


def canonical(row: Any, fields: tuple[str, ...], chain: str | None) -> bytes:
    """The bytes a row's hash covers: its columns as sorted, compact JSON, the time in UTC.

    `row` may be a model instance or a historical model from a migration: only attributes are read."""
    values: dict[str, Any] = {name: getattr(row, name) for name in fields}
    values["occurred_at"] = row.occurred_at.astimezone(dt.UTC).isoformat()
    if chain is not None:
        values["chain"] = chain
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8")


class Sealer:
    """Computes one chain's row hashes. The keyed HMAC state is prepared once and copied per row, so a bulk
    write or a walk over millions of rows pays no key setup per row."""

    def __init__(self, chain: str, key: bytes | None = None) -> None:
        self.chain = chain
        self.fields = CHAIN_FIELDS[chain]
        self._keyed = hmac.new(key if key is not None else audit_key(), digestmod=hashlib.sha256)

    def __call__(self, row: Any) -> str:
        mac = self._keyed.copy()
        mac.update(canonical(row, self.fields, self.chain))
        return mac.hexdigest()


def entry_hash(entry: Any) -> str:
    """The keyed hash an audit row must carry."""
    return Sealer(AUDIT_CHAIN)(entry)


def access_hash(access: Any) -> str:
    """The keyed hash a personal-data access row must carry."""
    return Sealer(ACCESS_CHAIN)(access)


def legacy_entry_hash(entry: Any) -> str:
    """The unkeyed SHA-256 that audit rows carried before the chain was keyed (read only by the re-seal)."""
    return hashlib.sha256(canonical(entry, ENTRY_FIELDS, None)).hexdigest()
