"""Month-columns tables (statistics.MonthTable) as downloads: ODS (ODF 1.2, the government's standard),
XLSX and CSV. Any of the counters' tables goes out this way — enquiries, petition help, consultations.

Each table keeps the seed's shape: a category column, one column per month, a 總計 column; the 合計 row
first. A workbook has one sheet per table; CSV has the tables one under another, each under its title
line, so one file carries them all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import tablib
from django.utils.translation import gettext as _

from secretariat.core.downloads import CONTENT_TYPES, Download
from secretariat.core.errors import ValidationFailed
from secretariat.counters.selectors.statistics import MonthTable

SHEET_TITLE_LENGTH = 31  # the longest sheet name XLSX allows


def header(table: MonthTable) -> list[str]:
    return [_("Category"), *table.month_labels, _("Total (cases)")]


def body(table: MonthTable) -> list[list[Any]]:
    """The 合計 row, then the rows, each with its months and its total."""
    return [[row.label, *row.cells, row.total] for row in table.all_rows]


def table_sheet(table: MonthTable, *, position: int = 1) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=header(table))
    # Sheet names must be unique and short; the position keeps two long titles apart.
    sheet.title = f"{position} {table.title}"[:SHEET_TITLE_LENGTH]
    for row in body(table):
        sheet.append(row)
    return sheet


def _csv(tables: Sequence[MonthTable]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(header(table))
        writer.writerows(body(table))
    # With a byte-order mark, spreadsheet programs open the UTF-8 Chinese text correctly.
    return out.getvalue().encode("utf-8-sig")


def month_tables_download(*, tables: Sequence[MonthTable], file_format: str, filename_stem: str) -> Download:
    """`tables` as one `file_format` file named `<filename_stem>.<format>`; ValidationFailed for a
    format other than ODS, XLSX or CSV."""
    if file_format not in CONTENT_TYPES:
        raise ValidationFailed(_("Downloads come as ODS, XLSX or CSV."), code="unknown_format")
    filename = f"{filename_stem}.{file_format}"
    if file_format == "csv":
        return Download(_csv(tables), CONTENT_TYPES["csv"], filename)
    book = tablib.Databook([table_sheet(table, position=index) for index, table in enumerate(tables, start=1)])
    content: Any = book.export(file_format)
    return Download(bytes(content), CONTENT_TYPES[file_format], filename)
