"""Composing the work report for a period: every place of the seed's outline, in order, filled by the
apps that registered a section there, the prose written for the period (前言, 貳, 參), and a coverage
list of the places no app records yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from secretariat.core.roc import Period
from secretariat.reporting.report import outline
from secretariat.reporting.report.outline import Place
from secretariat.reporting.report.prose import paragraphs, prose_place_at
from secretariat.reporting.report.registry import registrations_at
from secretariat.reporting.report.sections import Block, Figure, Paragraph, Table

PROSE_SOURCE = "prose"  # `provided_by` of a place whose text was written for the period


class SectionMismatch(RuntimeError):
    """A provider returned a section for another place than the one it registered at."""


@dataclass(frozen=True)
class Node:
    """One place of the composed report: its heading, the blocks apps contributed, its sub-places."""

    place: Place
    heading: str
    blocks: tuple[Block, ...]
    provided_by: tuple[str, ...]
    children: tuple[Node, ...]
    prose_slug: str = ""  # set on the places whose text is written, not computed

    @property
    def recorded(self) -> bool:
        return bool(self.provided_by)

    @property
    def is_prose(self) -> bool:
        return bool(self.prose_slug)

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Report:
    title: str
    period: Period
    generated_at: dt.datetime
    nodes: tuple[Node, ...]

    def walk(self) -> list[Node]:
        """Every node, depth first, in the seed's order."""
        found: list[Node] = []

        def visit(node: Node) -> None:
            found.append(node)
            for child in node.children:
                visit(child)

        for node in self.nodes:
            visit(node)
        return found

    @property
    def not_recorded(self) -> list[Node]:
        """Places the platform does not record yet: computed leaves with no contribution. (A heading whose
        sub-places are recorded is not itself missing; prose not yet written is `unwritten`.)"""
        return [node for node in self.walk() if node.is_leaf and not node.recorded and not node.is_prose]

    @property
    def unwritten(self) -> list[Node]:
        """Prose places with no text for this period yet."""
        return [node for node in self.walk() if node.is_prose and not node.recorded]

    @property
    def figures(self) -> list[tuple[Node, Figure]]:
        """Every figure of the report with its place, in the report's order."""
        found: list[tuple[Node, Figure]] = []
        for node in self.walk():
            for block in node.blocks:
                cells = block.figures if isinstance(block, Paragraph) else \
                    tuple(cell for row in block.rows for cell in row if isinstance(cell, Figure))
                found += [(node, figure) for figure in cells]
        return found

    @property
    def has_records(self) -> bool:
        """Whether any figure or table of the report counts at least one record."""
        tables = (block for node in self.walk() for block in node.blocks if isinstance(block, Table))
        return any(figure.record_count for _node, figure in self.figures) or any(
            table.record_count for table in tables)

    @property
    def recorded(self) -> list[Node]:
        return [node for node in self.walk() if node.recorded]


def _compose_place(place: Place, period: Period, prose: dict[str, str]) -> Node:
    blocks: list[Block] = []
    providers: list[str] = []
    heading = place.heading_for(period.label)
    written = prose_place_at(place.key)
    if written is not None and prose.get(written.slug, "").strip():
        blocks.extend(paragraphs(prose[written.slug]))
        providers.append(PROSE_SOURCE)
    for registration in registrations_at(place.key):
        section = registration.provider(period)
        if section.outline != place.key:
            raise SectionMismatch(f"{registration.name} registered at {'/'.join(place.key)} but returned a "
                                  f"section for {'/'.join(section.outline)}")
        if section.heading and not providers:
            heading = section.heading
        blocks.extend(section.blocks)
        providers.append(registration.name)
    kids = tuple(_compose_place(child, period, prose) for child in outline.children(place.key))
    return Node(place=place, heading=heading, blocks=tuple(blocks), provided_by=tuple(providers), children=kids,
                prose_slug=written.slug if written is not None else "")


def report_compose(*, period: Period, generated_at: dt.datetime | None = None,
                   prose: dict[str, str] | None = None) -> Report:
    """The whole report for `period`. Each provider runs once; nothing is written. `prose` ({slug: text})
    defaults to the text stored for the period."""
    if prose is None:
        from secretariat.reporting.selectors.prose import prose_texts  # reads the reporting tables only when asked

        prose = prose_texts(period)
    nodes = tuple(_compose_place(place, period, prose) for place in outline.top_level())
    return Report(title=outline.REPORT_TITLE, period=period, generated_at=generated_at or timezone.now(),
                  nodes=nodes)
