"""The data an app hands the work report: sections made of paragraphs and tables, as plain values.

No figure in the report is typed in: a paragraph is a sequence of text and `Figure`s, and each figure
carries its provenance (what it counts, which records, how many, for which period), so the JSON form
of a report says where every number came from. Renderers (text, JSON, later ODT/PDF/DOCX) read only
these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from secretariat.core import numbers

OutlineKey = tuple[str, ...]
"""A place in the seed's outline, e.g. ("壹", "三", "一") for 壹、三、（一）."""


@dataclass(frozen=True)
class Figure:
    """One computed number. `formatted` is how the report prints it (`1,000`, `458萬0,441`, `11.8%`);
    `query` says in words which records were counted and how; `record_count` is how many records the
    figure was computed from. `link` is optional: the address of the page that lists those records
    (a provider fills it with `reverse(...)` plus the filter query), shown as a link in the HTML preview."""

    value: int | Decimal
    formatted: str
    label: str
    query: str
    record_count: int
    period: str
    link: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.formatted

    @classmethod
    def count(cls, value: int, *, label: str, query: str, period: str, link: str = "") -> Figure:
        """A count of records, written in the report's large-number style."""
        return cls(value=value, formatted=numbers.format_large(value), label=label, query=query,
                   record_count=value, period=period, link=link)


@dataclass(frozen=True)
class Paragraph:
    """Running text whose numbers are `Figure`s: `Paragraph(("受理案件計", figure, "件"))`."""

    parts: tuple[str | Figure, ...]

    @property
    def text(self) -> str:
        return "".join(str(part) for part in self.parts)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(part for part in self.parts if isinstance(part, Figure))


Cell = str | int | Decimal | Figure | None


@dataclass(frozen=True)
class Column:
    heading: str
    numeric: bool = False  # numbers are right-aligned in text and kept as numbers in data formats


@dataclass(frozen=True)
class Table:
    """A table as the report prints it. `source` says in words which records its figures count and
    `record_count` how many there were; `notes` are the lines printed under it (註：…)."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()
    source: str = ""
    record_count: int | None = None

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"table “{self.caption}”: a row has {len(row)} cells for {width} columns")


Block = Paragraph | Table


@dataclass(frozen=True)
class Section:
    """What one provider contributes at one place of the outline. An empty `heading` means the
    outline's own heading (the seed's wording)."""

    outline: OutlineKey
    blocks: tuple[Block, ...]
    heading: str = ""
    provided_by: str = field(default="", compare=False)
