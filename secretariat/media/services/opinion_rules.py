"""The rules of opinion monitoring as plain functions: how severe an item is, when two links are the same
article, and the settings an administrator may change. No database here except reading settings."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed
from secretariat.core.site_settings import SettingSpec, declare, setting_get

# Television reaches the widest audience at once; forums and radio are followed by fewer people.
MEDIUM_WEIGHT = {"news": 15, "tv": 20, "radio": 10, "forum": 10, "social": 15}
SENTIMENT_WEIGHT = {"negative": 30, "neutral": 10, "positive": 0}
MAX_SCORE = 100
# Query parameters that only say where a reader came from: the same article with them is a duplicate.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "igshid", "mibextid", "ref", "from", "ocid", "si"})

DEFAULT_KEYWORDS = ["停水", "停電", "火災", "食安", "弊案", "罷工", "傷亡", "抗議", "淹水", "貪污"]


def _keywords_ok(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(word, str) and 0 < len(word) <= 20 for word in value)


def declare_settings() -> None:
    declare(SettingSpec(
        key="media.incident_answer_days", default=0, label=_("Opinion incidents: working days to respond"),
        check=lambda value: isinstance(value, int) and 0 <= value <= 10,
        help=_("0 means the same day as the escalation."),
    ))
    declare(SettingSpec(
        key="media.opinion_keywords", default=DEFAULT_KEYWORDS, label=_("Opinion monitoring: flagged keywords"),
        check=_keywords_ok,
        help=_("Words that raise an item's severity when its headline, summary or topics contain them."),
    ))


def normalise_text(text: str) -> str:
    """NFKC and 台→臺, so a keyword matches however the outlet wrote it."""
    return unicodedata.normalize("NFKC", text).replace("台", "臺").lower()


def keyword_hits(texts: Iterable[str], keywords: Iterable[str]) -> int:
    joined = normalise_text(" ".join(texts))
    return sum(1 for word in keywords if word and normalise_text(word) in joined)


def flagged_keywords() -> list[str]:
    return list(setting_get("media.opinion_keywords"))


def reach_points(reach: int) -> int:
    """5 points per digit of the reach (9 → 5, 10,000 → 25), at most 30: an order of magnitude matters,
    not the exact count, which outlets estimate differently."""
    return min(30, 5 * len(str(reach))) if reach > 0 else 0


def severity_score(*, medium: str, sentiment: str, reach: int, agency_count: int, keyword_hits: int) -> int:
    """The computed severity, 0–100: sentiment, medium, reach, how many agencies it concerns, flagged words."""
    score = (SENTIMENT_WEIGHT.get(sentiment, 0) + MEDIUM_WEIGHT.get(medium, 0) + reach_points(max(reach, 0))
             + min(10, 5 * max(agency_count - 1, 0)) + min(20, 10 * max(keyword_hits, 0)))
    return min(score, MAX_SCORE)


def link_key(link: str) -> str | None:
    """The link reduced to what identifies the article: host without www, path, and the query without
    tracking parameters, sorted. None for an empty link. A link that is not http(s) is refused."""
    link = (link or "").strip()
    if not link:
        return None
    parts = urlsplit(link)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise ValidationFailed(_("Give the link as a web address starting with http:// or https://."),
                               code="invalid_link", field="link")
    host = parts.hostname.lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        raise ValidationFailed(_("Give the link as a web address starting with http:// or https://."),
                               code="invalid_link", field="link") from None
    if port and port not in {80, 443}:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = sorted((key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
                   if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS)
    key = f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
    return key[:1000]
