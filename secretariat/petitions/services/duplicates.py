"""Flagging petitions that are likely duplicates of earlier ones, for the Secretariat to merge (併案).

Two signals, both computed without reading anyone's personal data:
- the same petitioner: the earlier petition has the same `petitioner_key` (a keyed hash of the
  normalised e-mail or phone, never the name or address);
- very similar text: the cosine of the two petitions' sets of character bigrams (CJK bigrams plus
  Latin/digit words, after the same NFKC/臺 folding as routing) is at least SIMILAR_TEXT.

Why 0.6 (measured on sample letters, see tests/test_duplicates.py): copies — the same letter sent
through two channels, the signed copies of a collective petition, a letter re-sent with a line added —
score 0.85–1.0; a complaint rewritten in other words scores about 0.45; two different complaints about
the same kind of problem (two traffic lights at different crossings) share the topic words and the
letter formulas (市長您好, 謝謝市長) and score 0.2–0.35. 0.6 flags copies and near-copies with almost
no false alarms; a rewritten re-send is usually caught by the same-petitioner signal instead. The
cosine of sets rather than Jaccard, which punishes a difference in length more (a letter re-sent with
a paragraph added).

Text comparison is bounded so it stays fast at a million petitions: only the newest CANDIDATES earlier
petitions of the same category (any category when the petition has none) within the window are read,
each only its subject and the first COMPARED_CHARS characters of its content.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from secretariat.cases.models import CaseStatus
from secretariat.petitions.models import Petition
from secretariat.petitions.services.routing import tokens

SIMILAR_TEXT = 0.6
CANDIDATES = 300
SAME_PETITIONER_CANDIDATES = 50
COMPARED_CHARS = 1000

REASONS = {
    "same_petitioner": _("Same petitioner"),
    "similar_text": _("Very similar text"),
    "same_petitioner_similar_text": _("Same petitioner, very similar text"),
}


@dataclass(frozen=True)
class DuplicateHit:
    case_id: int
    reference: str
    subject: str
    received_on: dt.date
    status: str
    reason: str  # a key of REASONS
    similarity: float  # 0–1, cosine of the bigram sets

    @property
    def reason_label(self) -> str:
        return str(REASONS[self.reason])


def bigrams(text: str) -> frozenset[str]:
    """Overlapping CJK bigrams (a lone CJK character stands for itself) and whole Latin/digit words."""
    found: set[str] = set()
    for token in tokens(text):
        if token[0].isascii() or len(token) == 1:
            found.add(token)
        else:
            found.update(token[i:i + 2] for i in range(len(token) - 1))
    return frozenset(found)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two sets: shared ÷ √(|a|·|b|)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _text(subject: str, content: str) -> frozenset[str]:
    return bigrams(f"{subject}\n{content[:COMPARED_CHARS]}")


def likely_duplicates(*, petition: Petition, days: int = 90, limit: int = 5) -> list[DuplicateHit]:
    """Earlier petitions of the last `days` days (before this one was received) that are likely the
    same matter: same petitioner or very similar text. Most similar first. Merged cases are left out:
    the case they were merged into is the one to look at. Reads only; reveals no personal data."""
    case = petition.case
    since = case.received_at - dt.timedelta(days=days)
    earlier = (Petition.objects.filter(case__received_at__gte=since)
               .filter(Q(case__received_at__lt=case.received_at) | Q(case__received_at=case.received_at,
                                                                     pk__lt=petition.pk))
               .exclude(pk=petition.pk).exclude(case__status=CaseStatus.MERGED))
    columns = ("pk", "case__reference", "subject", "case__received_on", "case__status")
    text_column = Substr("content", 1, COMPARED_CHARS)
    same_person: set[int] = set()
    rows: dict[int, tuple[Any, ...]] = {}
    if petition.petitioner_key:
        for row in (earlier.filter(petitioner_key=petition.petitioner_key)
                    .order_by("-case__received_at", "-pk")
                    .values_list(*columns, text_column)[:SAME_PETITIONER_CANDIDATES]):
            same_person.add(int(row[0]))
            rows[int(row[0])] = row
    recent = earlier.filter(category_id=petition.category_id) if petition.category_id else earlier
    # Newest first by day, which the (kind, received_on) index serves, then by id.
    for row in (recent.order_by("-case__received_on", "-pk").values_list(*columns, text_column)[:CANDIDATES]):
        rows.setdefault(int(row[0]), row)

    mine = _text(petition.subject, petition.content)
    hits: list[DuplicateHit] = []
    for pk, row in rows.items():
        _pk, reference, subject, received_on, status, content = row
        score = similarity(mine, _text(str(subject), str(content or "")))
        similar = score >= SIMILAR_TEXT
        if pk in same_person:
            reason = "same_petitioner_similar_text" if similar else "same_petitioner"
        elif similar:
            reason = "similar_text"
        else:
            continue
        hits.append(DuplicateHit(case_id=pk, reference=str(reference), subject=str(subject),
                                 received_on=received_on, status=str(status), reason=reason,
                                 similarity=round(score, 3)))
    hits.sort(key=lambda hit: (-hit.similarity, hit.reference))
    return hits[:limit]

