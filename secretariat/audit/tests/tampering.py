"""What someone with write access to the database does to hide a change, as the tamper tests need it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.db import connection

from secretariat.audit.models import AUDIT_CHAIN, GENESIS_HASH, AuditEntry
from secretariat.audit.services.chain import ENTRY_FIELDS, canonical


def as_db_admin(sql: str, params: list[Any] | tuple[Any, ...] = ()) -> None:
    """Raw SQL with the append-only triggers switched off for this transaction, as a database administrator
    can on PostgreSQL (SQLite has no triggers to switch off)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)


def plain_sha256(row: Any) -> str:
    """The hash an attacker without the key computes: the unkeyed SHA-256 of the row's canonical JSON."""
    return hashlib.sha256(canonical(row, ENTRY_FIELDS, None)).hexdigest()


def rewrite_and_rechain(seq: int, *, action: str, hasher: Callable[[Any], str]) -> None:
    """Change row `seq`'s action, recompute that row's and every later row's links and hashes with `hasher`,
    and move the head to the new tip, so that every link in the database agrees again."""
    prev = GENESIS_HASH
    for row in AuditEntry.objects.order_by("seq"):
        if row.seq >= seq:
            if row.seq == seq:
                row.action = action
            row.prev_hash = prev
            row.hash = hasher(row)
            as_db_admin("UPDATE audit_auditentry SET action=%s, prev_hash=%s, hash=%s WHERE seq=%s",
                        [row.action, row.prev_hash, row.hash, row.seq])
        prev = row.hash
    as_db_admin("UPDATE audit_audithead SET last_hash=%s WHERE chain=%s", [prev, AUDIT_CHAIN])


def cut_tail(table: str, chain: str, *, keep: int) -> None:
    """Delete every row after `keep` and move the head back to row `keep`, which is a real, sealed row."""
    as_db_admin(f"DELETE FROM {table} WHERE seq > %s", [keep])  # noqa: S608
    as_db_admin(f"UPDATE audit_audithead SET last_seq=%s, last_hash=(SELECT hash FROM {table} WHERE seq=%s) "  # noqa: S608
                "WHERE chain=%s", [keep, keep, chain])

