"""The places of the report whose text is written, not computed: the opening address (前言), the
outlook (貳、一 … 七) and the closing (參). Each has a short ASCII slug for URLs and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import NotFound
from secretariat.reporting.report import outline
from secretariat.reporting.report.sections import OutlineKey, Paragraph


@dataclass(frozen=True)
class ProsePlace:
    slug: str
    key: OutlineKey

    @property
    def heading(self) -> str:
        place = outline.place_for(self.key)
        return outline.numbering(place) + place.heading


PROSE_PLACES: tuple[ProsePlace, ...] = (
    ProsePlace("front", (outline.FRONT,)),
    *(ProsePlace(f"outlook-{index}", ("貳", numeral)) for index, numeral in enumerate("一二三四五六七", start=1)),
    ProsePlace("closing", ("參",)),
)
_BY_SLUG = {place.slug: place for place in PROSE_PLACES}
_BY_KEY = {place.key: place for place in PROSE_PLACES}
MAX_LENGTH = 20_000


def prose_place(slug: str) -> ProsePlace:
    """The prose place named `slug`; NotFound for any other name."""
    found = _BY_SLUG.get(slug)
    if found is None:
        raise NotFound(_("The report has no text place “%(place)s”."), params={"place": slug})
    return found


def prose_place_at(key: OutlineKey) -> ProsePlace | None:
    return _BY_KEY.get(key)


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Stored text as report paragraphs: one per non-empty line (the seed indents each paragraph)."""
    return tuple(Paragraph((line.strip(),)) for line in text.splitlines() if line.strip())
