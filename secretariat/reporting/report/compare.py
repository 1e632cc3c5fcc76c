"""Comparing a period's report with the previous period's: every figure side by side, with the change.

Figures are matched by place and label (a provider gives each figure of a place its own label); numbers
in a table that are not Figures are matched by the table's row (its first cell) and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from secretariat.core import numbers
from secretariat.reporting.report.composer import Node, Report
from secretariat.reporting.report.render.text import cell_text, path_label
from secretariat.reporting.report.sections import Figure, Paragraph, Table

Key = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class Change:
    place: str
    label: str
    current: int | Decimal | None
    previous: int | Decimal | None
    link: str = ""

    @property
    def difference(self) -> int | Decimal | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def percent(self) -> str:
        """The change as the report writes a percentage (truncated); empty when there was nothing before."""
        difference = self.difference
        if difference is None or self.previous is None or not self.previous:
            return ""
        sign = "-" if difference < 0 else "+"
        return sign + numbers.format_percent(abs(Decimal(difference)), Decimal(self.previous))


def _table_values(node: Node, table: Table) -> list[tuple[Key, int | Decimal, str]]:
    found: list[tuple[Key, int | Decimal, str]] = []
    for row in table.rows:
        row_name = cell_text(row[0]) if row else ""
        for cell, column in zip(row, table.columns, strict=True):
            if isinstance(cell, Figure):
                found.append(((node.place.key, cell.label), cell.value, cell.link))
            elif column.numeric and isinstance(cell, (int, Decimal)) and not isinstance(cell, bool):
                label = " · ".join(part for part in (table.caption, row_name, column.heading) if part)
                found.append(((node.place.key, label), cell, ""))
    return found


def figure_values(report: Report) -> dict[Key, tuple[str, int | Decimal, str]]:
    """{(place, label): (place heading, value, link)} for every number of the report, in order."""
    found: dict[Key, tuple[str, int | Decimal, str]] = {}
    for node in report.walk():
        heading = path_label(node)
        for block in node.blocks:
            if isinstance(block, Paragraph):
                for figure in block.figures:
                    found.setdefault((node.place.key, figure.label), (heading, figure.value, figure.link))
            else:
                for key, value, link in _table_values(node, block):
                    found.setdefault(key, (heading, value, link))
    return found


def report_compare(current: Report, previous: Report) -> list[Change]:
    """Each number of either report: this period's value, the previous period's, in the current report's
    order, then the numbers only the previous report has."""
    now, before = figure_values(current), figure_values(previous)
    changes = [Change(place=heading, label=key[1], current=value, previous=before[key][1] if key in before else None,
                      link=link) for key, (heading, value, link) in now.items()]
    changes += [Change(place=heading, label=key[1], current=None, previous=value)
                for key, (heading, value, _link) in before.items() if key not in now]
    return changes
