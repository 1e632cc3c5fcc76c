"""`python manage.py work_report --period 112H2 --format txt --output report.txt` (`-` for stdout)."""

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
from secretariat.reporting.composer import report_compose
from secretariat.reporting.renderers import RENDERERS


def write_atomically(path: Path, text: str) -> None:
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
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CommandError(_("Cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}) \
            from None


class Command(BaseCommand):
    help = "Write the work report for a half-year period, composed from the records, as text or JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the half-year, e.g. 112H2 or 112年下半年")
        parser.add_argument("--format", default="txt", choices=sorted(RENDERERS), help="output format (default txt)")
        parser.add_argument("--output", default="-", help="file to write; - (the default) writes to standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["period"])
        except ApplicationError as error:
            raise CommandError(error.render()) from None
        renderer = RENDERERS.get(options["format"])
        if renderer is None:  # reached only through call_command, which skips argparse's choices
            raise CommandError(_("Unknown format “%(format)s”; choose one of: %(formats)s.")
                               % {"format": options["format"], "formats": ", ".join(sorted(RENDERERS))})
        text = renderer(report_compose(period=period))
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["output"])
        write_atomically(path, text)
        self.stderr.write(_("Wrote the %(period)s work report to %(path)s.") % {"period": period.label, "path": path})
