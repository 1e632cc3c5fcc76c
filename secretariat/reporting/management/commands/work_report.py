"""`python manage.py work_report --period 112H2 --format odt --output report.odt` (`-` writes json, txt and
html to standard output). Bad input is refused on stderr with a non-zero exit, and no file is left
behind: the report is written to a temporary file beside the target and renamed over it at the end."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from secretariat.core.errors import ApplicationError
from secretariat.core.roc import Period
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.exports import FORMATS, format_get


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: a reader (or a failure
    half-way) never sees a half-written report, and an existing file stays as it was until the end."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(_("Cannot write %(path)s: the folder %(folder)s does not exist.")
                           % {"path": path, "folder": folder})
    if path.is_dir():
        raise CommandError(_("Cannot write %(path)s: it is a folder.") % {"path": path})
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CommandError(_("Cannot write in %(folder)s: %(reason)s") % {"folder": folder, "reason": error.strerror}) \
            from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes the file private; a report is an ordinary document
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CommandError(_("Cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}) \
            from None


class Command(BaseCommand):
    help = "Write the work report for a half-year period, composed from the records, in one of the formats."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the half-year, e.g. 112H2 or 112年下半年")
        parser.add_argument("--format", default="txt", choices=list(FORMATS), help="output format (default txt)")
        parser.add_argument("--output", default="-",
                            help="file to write; - (the default) writes json, txt or html to standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["period"])
            fmt = format_get(options["format"])  # call_command skips argparse's choices
        except ApplicationError as error:
            raise CommandError(error.render()) from None
        to_stdout = options["output"] == "-"
        if to_stdout and fmt.binary:
            raise CommandError(_("%(format)s is a binary format: give a file name with --output.")
                               % {"format": fmt.name.upper()})
        try:
            data = fmt.render(report_compose(period=period))
        except ApplicationError as error:  # e.g. a PDF without LibreOffice
            raise CommandError(error.render()) from None
        if to_stdout:
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        path = Path(options["output"])
        write_atomically(path, data)
        self.stderr.write(_("Wrote the %(period)s work report to %(path)s.") % {"period": period.label, "path": path})
