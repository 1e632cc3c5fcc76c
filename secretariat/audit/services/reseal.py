"""Re-sealing rows written before the chains were keyed (run once by migration 0004; docs/decisions/0009).

Audit rows written under the old scheme carry an unkeyed SHA-256. The old chain is checked first, exactly as
the old `audit_verify` did; only an intact chain is re-sealed with the key, in one pass, so from then on a
single scheme is verified. A broken old chain stops the migration, naming the first broken row: re-sealing it
would turn evidence of tampering into a valid chain. Personal-data access rows were not chained at all: they
get sequence numbers in the order they were written (by id) and are sealed as they are.

Works on the historical models a migration passes (only attributes and raw SQL are used), in keyset batches
so the rows being read are never the rows being written.
"""

from __future__ import annotations

from typing import Any

from django.core.management.color import no_style

from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN, GENESIS_HASH
from secretariat.audit.services.chain import Sealer, legacy_entry_hash

BATCH = 2000


class LegacyChainBroken(RuntimeError):
    pass


def _update(connection: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {quote(table)} SET {assignments} WHERE id = %s", rows)  # noqa: S608


def _reseal_entries(entry_model: Any, connection: Any) -> tuple[int, str, str]:
    """Returns the last sequence, its new (keyed) hash and its old (unkeyed) hash."""
    seal = Sealer(AUDIT_CHAIN)
    old_prev, new_prev, last = GENESIS_HASH, GENESIS_HASH, 0
    while True:
        batch = list(entry_model.objects.filter(seq__gt=last).order_by("seq")[:BATCH])
        if not batch:
            return last, new_prev, old_prev
        updates = []
        for entry in batch:
            if entry.seq != last + 1 or entry.prev_hash != old_prev or legacy_entry_hash(entry) != entry.hash:
                raise LegacyChainBroken(f"The audit trail is broken at row {last + 1}: it was not re-sealed. "
                                        "Investigate with the previous release's audit_verify before migrating.")
            old_prev = entry.hash
            entry.prev_hash = new_prev
            new_prev = seal(entry)
            updates.append((entry.prev_hash, new_prev, entry.pk))
            last = entry.seq
        _update(connection, entry_model._meta.db_table, ("prev_hash", "hash"), updates)


def _seal_accesses(access_model: Any, connection: Any) -> tuple[int, str]:
    seal = Sealer(ACCESS_CHAIN)
    prev, seq, last_pk = GENESIS_HASH, 0, 0
    while True:
        batch = list(access_model.objects.filter(pk__gt=last_pk).order_by("pk")[:BATCH])
        if not batch:
            return seq, prev
        updates = []
        for access in batch:
            seq += 1
            access.seq, access.prev_hash = seq, prev
            prev = seal(access)
            updates.append((seq, access.prev_hash, prev, access.pk))
            last_pk = access.pk
        _update(connection, access_model._meta.db_table, ("seq", "prev_hash", "hash"), updates)


def reseal_legacy_chains(apps: Any, connection: Any) -> None:
    """Check the unkeyed audit chain and re-seal it with the key; chain the access log; set both heads."""
    head_model = apps.get_model("audit", "AuditHead")
    entry_model = apps.get_model("audit", "AuditEntry")
    access_model = apps.get_model("audit", "PersonalDataAccess")
    audit_tip, access_tip = (0, GENESIS_HASH), (0, GENESIS_HASH)
    # A fresh database has nothing to seal and needs no key yet (the key is needed from the first write on).
    if entry_model.objects.exists():
        last, new_hash, old_hash = _reseal_entries(entry_model, connection)
        old_head = head_model.objects.filter(chain=AUDIT_CHAIN).first()
        if old_head is not None and (old_head.last_seq, old_head.last_hash) != (last, old_hash):
            raise LegacyChainBroken(f"The audit trail is broken at row {last + 1}: the chain tip is row "
                                    f"{old_head.last_seq}. It was not re-sealed.")
        audit_tip = (last, new_hash)
    if access_model.objects.exists():
        access_tip = _seal_accesses(access_model, connection)
    for chain, (seq, last_hash) in ((AUDIT_CHAIN, audit_tip), (ACCESS_CHAIN, access_tip)):
        _set_head(head_model, connection, chain, seq, last_hash)


def _set_head(head_model: Any, connection: Any, chain: str, seq: int, last_hash: str) -> None:
    updated = head_model.objects.filter(chain=chain).update(last_seq=seq, last_hash=last_hash)
    if updated:
        return
    # Migration 0002 wrote the first head with an explicit id, which PostgreSQL's id sequence never saw: take
    # the next id by hand, then move the sequence past it so later inserts (after a test flush) do not collide.
    next_id = (head_model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    head_model.objects.create(pk=next_id, chain=chain, last_seq=seq, last_hash=last_hash)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [head_model]):
            cursor.execute(statement)
