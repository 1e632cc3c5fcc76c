"""The body of a press release: limited rich text.

Decision: active content is *refused*, other markup is *stripped*. A body containing script, style, frames,
embedded objects, forms, event-handler attributes or `javascript:` links is refused with a message (it is
an attack or a paste that would not survive anyway, and the writer must know); any other tag or attribute
outside the small allow-list below (a Word paste's <span style>, <font>, <div>) is removed by nh3, keeping
its text. A body without any tag is plain text: its blank-line separated paragraphs become <p>s.
"""

from __future__ import annotations

import re

import nh3
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
ACTIVE_CONTENT = re.compile(
    r"<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|svg|math|meta|link|base)\b"
    r"|\son[a-z]+\s*="
    r"|(java|vb)script\s*:"
    r"|data\s*:\s*text/html",
    re.IGNORECASE,
)
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
MAX_LENGTH = 50_000


def clean_body(raw: str) -> str:
    """The body to store. Raises ValidationFailed for an empty or overlong body or for active content."""
    text = (raw or "").strip()
    if not text:
        raise ValidationFailed(_("The body of the release is required."), code="missing_fields", field="body")
    if len(text) > MAX_LENGTH:
        raise ValidationFailed(_("The body is longer than %(max)s characters."), code="invalid", field="body",
                               params={"max": MAX_LENGTH})
    if ACTIVE_CONTENT.search(text):
        raise ValidationFailed(
            _("The body contains scripts or other active content (script, style, frames, event handlers or "
              "javascript: links), which a press release may not carry. Remove it and save again."),
            code="active_content", field="body")
    if not TAG.search(text):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
        text = "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)
    cleaned = nh3.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                        link_rel="noopener noreferrer").strip()
    if not re.sub(r"<[^>]*>|&nbsp;|\s", "", cleaned):
        raise ValidationFailed(_("The body of the release is required."), code="missing_fields", field="body")
    return cleaned


def plain_text(body: str) -> str:
    """The body without markup, for feeds' summaries and search."""
    return re.sub(r"\s+", " ", nh3.clean(body, tags=set())).strip()
