"""Checking the two chains: every link, every seal, the head, and every anchor kept outside the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from secretariat.audit.models import ACCESS_CHAIN, AUDIT_CHAIN, GENESIS_HASH, AuditHead, AuditVerification
from secretariat.audit.services.anchors import CHAIN_MODELS, Anchor, anchor_file, anchors_read
from secretariat.audit.services.chain import Sealer


def chain_label(chain: str) -> str:
    return _("Audit trail") if chain == AUDIT_CHAIN else _("Personal-data access log")


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows_checked: int
    broken_seq: int | None = None
    reason: str = ""
    head_hash: str = ""
    chain: str = AUDIT_CHAIN


@dataclass(frozen=True)
class _Anchored:
    """What one anchor says about one chain."""

    seq: int
    hash: str
    anchor: Anchor


def _anchored(chain: str, anchors: list[Anchor]) -> dict[int, list[_Anchored]]:
    by_seq: dict[int, list[_Anchored]] = defaultdict(list)
    for anchor in anchors:
        tip = anchor.tips.get(chain)
        if tip is not None and tip.seq > 0:
            by_seq[tip.seq].append(_Anchored(tip.seq, tip.hash, anchor))
    return by_seq


def _walk(chain: str, rows: Iterable[Any], anchored: dict[int, list[_Anchored]]) -> ChainReport:
    """Walk the rows in order; report the first row whose link, seal or anchor does not hold."""
    seal = Sealer(chain)
    expected, prev_hash, checked = 1, GENESIS_HASH, 0
    for row in rows:
        seq = row.seq
        if seq != expected:
            return ChainReport(False, checked, expected, _("row %(seq)s is missing (deleted)") % {"seq": expected},
                               chain=chain)
        if row.prev_hash != prev_hash:
            return ChainReport(False, checked, seq, _("row %(seq)s does not link to row %(prev)s")
                               % {"seq": seq, "prev": seq - 1}, chain=chain)
        if seal(row) != row.hash:
            return ChainReport(False, checked, seq, _("row %(seq)s was altered after it was written")
                               % {"seq": seq}, chain=chain)
        for claim in anchored.get(seq, ()):
            if claim.hash != row.hash:
                return ChainReport(False, checked, seq, _("row %(seq)s is not the row the anchor of %(time)s "
                                                          "recorded") % {"seq": seq, "time": claim.anchor.label()},
                                   chain=chain)
        prev_hash, expected, checked = row.hash, expected + 1, checked + 1
    return _check_end(chain, checked, prev_hash, anchored)


def _check_end(chain: str, last: int, last_hash: str, anchored: dict[int, list[_Anchored]]) -> ChainReport:
    """After the last row: no anchor may know of a longer chain, and the head must point at this row."""
    beyond = [claim for seq, claims in anchored.items() if seq > last for claim in claims]
    if beyond:
        longest = max(beyond, key=lambda claim: claim.seq)
        return ChainReport(False, last, last + 1, _("rows after %(last)s are missing: the anchor of %(time)s "
                                                    "records row %(seq)s") % {
            "last": last, "time": longest.anchor.label(), "seq": longest.seq}, chain=chain)
    head = AuditHead.objects.filter(chain=chain).first() or AuditHead(chain=chain)
    if head.last_seq != last or head.last_hash != last_hash:
        return ChainReport(False, last, last + 1, _("rows after %(last)s are missing (the chain tip is row "
                                                    "%(tip)s)") % {"last": last, "tip": head.last_seq},
                           chain=chain)
    return ChainReport(True, last, head_hash=last_hash, chain=chain)


def _anchors(anchors: list[Anchor] | None) -> list[Anchor]:
    if anchors is not None:
        return anchors
    path = anchor_file()
    return anchors_read([path]).anchors if path else []


def chain_check(chain: str, *, anchors: list[Anchor] | None = None) -> ChainReport:
    """Check one chain against `anchors` (by default those in AUDIT_ANCHOR_FILE)."""
    rows = CHAIN_MODELS[chain].objects.order_by("seq").iterator(chunk_size=2000)
    return _walk(chain, rows, _anchored(chain, _anchors(anchors)))


def audit_chain_check(*, anchors: list[Anchor] | None = None) -> ChainReport:
    return chain_check(AUDIT_CHAIN, anchors=anchors)


def access_chain_check(*, anchors: list[Anchor] | None = None) -> ChainReport:
    return chain_check(ACCESS_CHAIN, anchors=anchors)


@dataclass(frozen=True)
class Verification:
    """Both chains checked against every anchor. Reads like one ChainReport (ok, rows_checked, broken_seq,
    reason) for the pages and the API, naming the chain in `reason` when it is the access log that broke."""

    chains: tuple[ChainReport, ...]
    anchors_checked: int
    problems: tuple[str, ...] = ()  # anchor-file lines that are not anchors

    @property
    def ok(self) -> bool:
        return not self.problems and all(report.ok for report in self.chains)

    @property
    def broken(self) -> ChainReport | None:
        return next((report for report in self.chains if not report.ok), None)

    @property
    def rows_checked(self) -> int:
        return sum(report.rows_checked for report in self.chains)

    @property
    def broken_seq(self) -> int | None:
        return self.broken.broken_seq if self.broken else None

    @property
    def reason(self) -> str:
        if self.broken is not None:
            return f"{chain_label(self.broken.chain)}: {self.broken.reason}"
        return "; ".join(self.problems)

    @property
    def head_hash(self) -> str:
        return self.chains[0].head_hash


def audit_verify(*, anchor_files: list[Path] | None = None) -> Verification:
    """Check both chains against the anchors in AUDIT_ANCHOR_FILE and in `anchor_files` (e.g. copies kept from
    the mails), and keep the outcome (the nightly job, the page and the command all call this)."""
    configured = anchor_file()
    read = anchors_read([*([configured] if configured else []), *(anchor_files or [])])
    verification = Verification(
        tuple(chain_check(chain, anchors=read.anchors) for chain in (AUDIT_CHAIN, ACCESS_CHAIN)),
        anchors_checked=len(read.anchors), problems=tuple(read.problems))
    AuditVerification.objects.create(ok=verification.ok, rows_checked=verification.rows_checked,
                                     broken_seq=verification.broken_seq, reason=verification.reason[:300],
                                     head_hash=verification.head_hash)
    return verification
