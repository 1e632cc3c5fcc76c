"""The work report's speed (issue 7, "Speed") and `demo_load`'s time, on SQLite, in one run.

1. A fresh SQLite file in a temporary folder: `migrate`, then `manage.py demo_load` timed (wall clock and
   the CPU time it used: the machine is shared, so the wall clock alone says little).
2. In this process, against that database, median of `--rounds` runs each:
   - baseline: the whole report, as JSON, for a half-year with no records (100H1) — the composer and
     the providers' queries over empty periods;
   - the full report for 112H2 on the demo data as JSON, ODT and PDF (the ODT converted by LibreOffice);
3. Ten times the demo volume: every row of the tables the report's sections read (cases, petitions,
   council, media and counters tables) is copied nine more times inside the same period — unique text
   columns get a suffix; a table whose unique key is not text (a one-to-one link) is left as it is and
   named in the output — then the JSON report again.

Targets: JSON < 2 s and ODT/PDF < 15 s on the demo data; JSON < 5 s at ten times the volume; demo_load
< 60 s into an empty SQLite database. The figures go to docs/performance.md (newest run first).

Usage: `.venv/bin/python bench/report_bench.py [--rounds 3] [--no-write]`.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- report bench: newest run first; bench/report_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# The work report (SQLite, demo data)

`bench/report_bench.py` loads the demo into a fresh SQLite database (timing `demo_load`), then composes
and renders the whole work report for 112H2 as JSON, ODT and PDF, with an empty half-year as the
baseline, and the JSON again after copying the report's source rows to ten times the demo volume.
Targets: JSON < 2 s, ODT/PDF < 15 s; ten times the volume JSON < 5 s; demo_load < 60 s.

{MARKER}
"""
SCALED_APPS = ("cases", "petitions", "council", "media", "counters")
TIMES = 10


def run_manage(env: dict[str, str], *args: str) -> tuple[float, float]:
    """Run a manage.py command; (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_seconds(action: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def multiply_tables(times: int) -> tuple[int, list[str]]:
    """Copy each source table's rows `times - 1` more times with SQL (INSERT … SELECT), in the database.
    Returns (rows added, tables left as they are)."""
    from django.apps import apps
    from django.db import IntegrityError, connection, transaction

    added, skipped = 0, []
    with connection.cursor() as cursor:
        for label in SCALED_APPS:
            for model in apps.get_app_config(label).get_models():
                table = model._meta.db_table
                constraints = connection.introspection.get_constraints(cursor, table)
                unique = {column for item in constraints.values() if item["unique"] and not item["primary_key"]
                          for column in item["columns"]}
                fields = {field.column: field for field in model._meta.concrete_fields}
                text_only = all(column in fields and fields[column].get_internal_type() in ("CharField", "SlugField")
                                for column in unique)
                if model._meta.pk.is_relation or not text_only:
                    skipped.append(table)
                    continue
                columns = [field.column for field in model._meta.concrete_fields if not field.primary_key]
                key = model._meta.pk.column
                cursor.execute(f"SELECT MAX({key}) FROM {table}")  # noqa: S608 — names come from the models
                last = cursor.fetchone()[0]
                if last is None:
                    continue
                try:
                    with transaction.atomic():  # a constraint the copy cannot satisfy skips the table
                        added += _copy_rows(cursor, table, key, columns, unique, fields, last, times)
                except IntegrityError:
                    skipped.append(table)
    return added, skipped


def _copy_rows(cursor: Any, table: str, key: str, columns: list[str], unique: set[str], fields: dict[str, Any],
               last: int, times: int) -> int:
    added = 0
    for copy in range(1, times):  # only the original rows are copied, each pass
        selected = ", ".join(
            f"CASE WHEN {name} IS NULL OR {name} = '' THEN {name} "
            f"ELSE SUBSTR({name}, 1, {fields[name].max_length - 4}) || '~{copy:03d}' END"
            if name in unique else name for name in columns)
        cursor.execute(f'INSERT INTO {table} ({", ".join(columns)}) '  # noqa: S608 — names come from the models
                       f"SELECT {selected} FROM {table} WHERE {key} <= %s", [last])
        added += cursor.rowcount
    return added


def measure(rounds: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.db import connection

    from secretariat.core.roc import Period
    from secretariat.reporting.report.composer import report_compose
    from secretariat.reporting.report.render.odt import render_odt, render_pdf
    from secretariat.reporting.report.render.text import render_json

    period, empty = Period(112, 2), Period(100, 1)
    results: dict[str, Any] = {}
    results["baseline"], _ = median_seconds(lambda: render_json(report_compose(period=empty)), rounds)
    results["json"], text = median_seconds(lambda: render_json(report_compose(period=period)), rounds)
    results["json_kib"] = len(text.encode()) / 1024
    results["odt"], odt = median_seconds(lambda: render_odt(report_compose(period=period)), rounds)
    results["odt_kib"] = len(odt) / 1024
    results["pdf"], pdf = median_seconds(lambda: render_pdf(report_compose(period=period)), rounds)
    results["pdf_kib"] = len(pdf) / 1024
    print(dict(results), file=sys.stderr)  # progress, in case the scaling step fails
    results["petitions"] = _petitions_counted(report_compose(period=period))
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM cases_case")
        results["cases_before"] = cursor.fetchone()[0]
    started = time.perf_counter()
    results["rows_added"], results["skipped"] = multiply_tables(TIMES)
    results["multiply_seconds"] = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM cases_case")
        results["cases_after"] = cursor.fetchone()[0]
    results["json_x10"], _ = median_seconds(lambda: render_json(report_compose(period=period)), rounds)
    results["petitions_x10"] = _petitions_counted(report_compose(period=period))
    return results


def _petitions_counted(report: Any) -> str:
    """The count 壹、三、（一） prints, to show the scaled volume reached the report."""
    for node, figure in report.figures:
        if node.place.key == ("壹", "三", "一"):
            return str(figure.formatted)
    return "—"


def write_section(results: dict[str, Any], demo: tuple[float, float] | None, command: str) -> str:
    checks = [("JSON for 112H2 < 2 s", results["json"] < 2), ("ODT for 112H2 < 15 s", results["odt"] < 15),
              ("PDF for 112H2 < 15 s", results["pdf"] < 15), ("JSON at ten times the volume < 5 s",
                                                           results["json_x10"] < 5)]
    if demo is not None:
        checks.append(("demo_load into an empty SQLite database < 60 s (wall clock)", demo[0] < 60))
    verdict = "PASS" if all(ok for _name, ok in checks) else "FAIL"
    load = os.getloadavg()[0]
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} (UTC) — work report — {verdict}", "",
        f"- Machine: `{platform.system()} {platform.release()} {platform.machine()}`, {os.cpu_count()} cores; "
        f"load average {load:.2f} when the measurements started (the machine is shared)",
        f"- Python {platform.python_version()}, SQLite; median of {results['rounds']} runs each",
        f"- `demo_load` into an empty SQLite database: {demo[0]:.1f} s wall clock, {demo[1]:.1f} s CPU"
        if demo is not None else "- `demo_load` not run: an existing demo database was reused (--reuse)",
        f"- Ten times the volume: {results['rows_added']:,} rows copied in {results['multiply_seconds']:.1f} s "
        f"(cases {results['cases_before']:,} → {results['cases_after']:,}; petitions counted in 壹、三、（一） "
        f"{results['petitions']} → {results['petitions_x10']}); tables left as they are (their unique key is not "
        f"text, e.g. a one-to-one link): {', '.join(results['skipped']) or 'none'}",
        f"- Command: `{command}`", "",
        "| measurement | median s | other |", "|---|---:|---|",
        f"| baseline: JSON for a half-year with no records (100H1) | {results['baseline']:.3f} | |",
        f"| JSON for 112H2 (compose + render) | {results['json']:.3f} | {results['json_kib']:.0f} KiB |",
        f"| ODT for 112H2 | {results['odt']:.3f} | {results['odt_kib']:.0f} KiB |",
        f"| PDF for 112H2 (the ODT converted by LibreOffice) | {results['pdf']:.3f} | {results['pdf_kib']:.0f} KiB |",
        f"| JSON for 112H2 at ten times the volume | {results['json_x10']:.3f} | |", "",
        *(f"- {name}: {'PASS' if ok else 'FAIL'}" for name, ok in checks), "",
    ]
    return "\n".join(lines)


def record(section: str) -> None:
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if MARKER not in text:
        text = text.rstrip("\n") + "\n" + SECTION_HEADER
    head, tail = text.split(MARKER, 1)
    REPORT.write_text(head + MARKER + "\n\n" + section + tail.lstrip("\n"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print the figures; leave docs/performance.md")
    parser.add_argument("--reuse", type=Path, help="a SQLite file already holding the demo: copied, demo_load "
                        "is not run (nor timed)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="report-bench-") as folder:
        database = Path(folder) / "demo.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "config.settings.base",
               "SECRET_KEY": os.environ.get("SECRET_KEY", "report-bench-only")}
        if options.reuse:
            shutil.copyfile(options.reuse, database)
            run_manage(env, "migrate", "--skip-checks", "-v0")
            demo: tuple[float, float] | None = None
        else:
            run_manage(env, "migrate", "--skip-checks", "-v0")
            demo = run_manage(env, "demo_load", "--skip-checks")
        os.environ.update({key: env[key] for key in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY")})
        sys.path.insert(0, str(BASE_DIR))
        results = measure(options.rounds)
        results["rounds"] = options.rounds
    command = ".venv/bin/python bench/report_bench.py" + (" --reuse …" if options.reuse else "")
    section = write_section(results, demo, command)
    print(section)
    if not options.no_write:
        record(section)


if __name__ == "__main__":
    main()
