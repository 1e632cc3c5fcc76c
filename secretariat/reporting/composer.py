"""Composing the work report for a period: every place of the seed's outline, in order, filled by the
apps that registered a section there, and a coverage list of the places no app records yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from secretariat.core.roc import Period
from secretariat.reporting import outline
from secretariat.reporting.outline import Place
from secretariat.reporting.registry import registrations_at
from secretariat.reporting.sections import Block


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

    @property
    def recorded(self) -> bool:
        return bool(self.provided_by)

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
        """Places the platform does not record yet: leaves with no contribution. (A heading whose
        sub-places are recorded is not itself missing.)"""
        return [node for node in self.walk() if node.is_leaf and not node.recorded]

    @property
    def recorded(self) -> list[Node]:
        return [node for node in self.walk() if node.recorded]


def _compose_place(place: Place, period: Period) -> Node:
    blocks: list[Block] = []
    providers: list[str] = []
    heading = place.heading_for(period.label)
    for registration in registrations_at(place.key):
        section = registration.provider(period)
        if section.outline != place.key:
            raise SectionMismatch(f"{registration.name} registered at {'/'.join(place.key)} but returned a "
                                  f"section for {'/'.join(section.outline)}")
        if section.heading and not providers:
            heading = section.heading
        blocks.extend(section.blocks)
        providers.append(registration.name)
    kids = tuple(_compose_place(child, period) for child in outline.children(place.key))
    return Node(place=place, heading=heading, blocks=tuple(blocks), provided_by=tuple(providers), children=kids)


def report_compose(*, period: Period, generated_at: dt.datetime | None = None) -> Report:
    """The whole report for `period`. Each provider runs once; nothing is written."""
    nodes = tuple(_compose_place(place, period) for place in outline.top_level())
    return Report(title=outline.REPORT_TITLE, period=period, generated_at=generated_at or timezone.now(),
                  nodes=nodes)
