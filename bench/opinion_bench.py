"""`make bench` part: the daily public-opinion digest (輿情日報) for a heavy day (issue 6, "Speed").

One run: a fresh database (a temporary SQLite file, or the empty scratch database named by
BENCH_DATABASE_URL, e.g. a PostgreSQL database created for the run and dropped afterwards, which is migrated
here), the reference data, and one day with 500 invented opinion items over 20 agencies (a quarter of them
concerning two agencies), written through the import path the CSV upload uses.
Then, in the same run:

- **digest ODT, whole city** — `digest_for()` as the Secretariat: every agency's group, 500 items (median of 3);
- **digest ODT, one agency** — as 交通局's liaison: that agency's items only (median of 3);
- **digest sent** — `digest_send()`: the grouping, in-app notices, e-mail to each agency and the records (once);
- **digest PDF** — the whole-city ODT converted by LibreOffice (once, when LibreOffice is installed).

Target (issue 6): the digest for 500 items builds in under 5 s. The figures go to docs/performance.md under the
opinion marker (newest run first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- opinion bench: newest run first; bench/opinion_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# Public-opinion digest (輿情日報)

`bench/opinion_bench.py` builds the daily digest for one day with 500 opinion items over 20 agencies: the ODT
as the Secretariat (every agency) and as one agency, the sending (notices, mail, records) and the PDF. Target
(issue 6): the digest for 500 items builds in under 5 s.

{MARKER}
"""
TARGET_SECONDS = 5.0
DAY = dt.date(2023, 9, 12)
BENCH_PASSWORD = "Bench-" + "password-2024"  # throwaway accounts in a throwaway database


def _timed(build: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = build()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _setup(items: int) -> dict[str, Any]:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from secretariat.accounts.constants import Role
    from secretariat.accounts.models import Agency, Unit
    from secretariat.accounts.services import reference as accounts_reference
    from secretariat.accounts.services import user_create
    from secretariat.core import reference as core_reference
    from secretariat.core.changes import SYSTEM
    from secretariat.media.services.opinion import ItemDraft
    from secretariat.media.services.opinion_import import items_write
    from secretariat.media.services.opinion_rules import link_key

    core_reference.load()
    accounts_reference.load()
    agencies = list(Agency.objects.filter(is_active=True).exclude(is_secretariat=True).order_by("sort_order")[:20])
    secretariat = Agency.objects.get(is_secretariat=True)
    people = {
        "monitor": user_create(actor=SYSTEM, username="bench-monitor", password=BENCH_PASSWORD,
                               role=Role.SECRETARIAT_STAFF, agency=secretariat,
                               unit=Unit.objects.get(agency=secretariat, name="媒體事務組")),
    }
    for index, agency in enumerate(agencies):
        for role in (Role.AGENCY_LIAISON, Role.AGENCY_HEAD):
            user = user_create(actor=SYSTEM, username=f"bench-{role}-{index}", password=BENCH_PASSWORD,
                               role=role, agency=agency, email=f"{role}-{index}@bench.invalid")
            people.setdefault(f"{agency.short_name}:{role}", user)
    tz = dt.timezone(dt.timedelta(hours=8))
    drafts = []
    for n in range(items):
        link = f"https://news{n % 7}.example.tw/{DAY:%Y%m%d}/{n}"
        concerned = [agencies[n % len(agencies)]] + ([agencies[(n + 3) % len(agencies)]] if n % 4 == 0 else [])
        drafts.append(ItemDraft(
            outlet=f"新聞台{n % 9}", medium=("news", "tv", "radio", "forum", "social")[n % 5],
            headline=f"市政新聞第{n}則：公車路線調整引發討論", seen_at=dt.datetime.combine(DAY, dt.time(n % 24, n % 60),
                                                                                  tzinfo=tz),
            link=link, link_key=link_key(link), summary="市民反映公車路線調整後候車時間變長，議員要求說明。" * 3,
            sentiment=("negative", "neutral", "positive")[n % 3], reach=(n * 7919) % 300_000, topics="公車",
            agencies=tuple(concerned)))
    from django.db import transaction

    with transaction.atomic():
        items_write(drafts, actor=SYSTEM, source="csv")
    chosen = next((agency for agency in agencies if agency.short_name == "交通局"), agencies[0])
    liaison = people[f"{chosen.short_name}:{Role.AGENCY_LIAISON}"]
    return {"monitor": people["monitor"], "liaison": liaison, "agency": chosen.short_name,
            "agencies": len(agencies)}


def measure(items: int, runs: int) -> dict[str, Any]:
    import django

    django.setup()
    started = time.perf_counter()
    setup = _setup(items)
    load_seconds = time.perf_counter() - started
    from secretariat.core import pdf
    from secretariat.media.services.digest_document import digest_for
    from secretariat.media.services.opinion_digest import digest_send

    whole, odt = _timed(lambda: digest_for(user=setup["monitor"], day=DAY), runs)
    agency, agency_odt = _timed(lambda: digest_for(user=setup["liaison"], day=DAY), runs)
    sent, digest = _timed(lambda: digest_send(day=DAY), 1)
    pdf_seconds = None
    if pdf.pdf_available():
        pdf_seconds, _ = _timed(lambda: pdf.odt_to_pdf(odt), 1)
    return {"items": items, "agencies": setup["agencies"], "agency": setup["agency"], "load": load_seconds,
            "whole": whole, "whole_kb": len(odt) / 1024, "one_agency": agency, "agency_kb": len(agency_odt) / 1024,
            "sent": sent, "deliveries": digest.agency_count if digest else 0, "pdf": pdf_seconds, "runs": runs}


def section(result: dict[str, Any], database: str, began: dt.datetime, load_before: float) -> str:
    ok = result["whole"] < TARGET_SECONDS and result["one_agency"] < TARGET_SECONDS
    pdf_row = (f"| digest PDF (LibreOffice), whole city, once | {result['pdf']:.2f} | informational |"
               if result["pdf"] is not None else "| digest PDF | not measured: LibreOffice missing | |")
    uname = " ".join(platform.uname()[i] for i in (0, 2, 4))
    return "\n".join([
        f"## {began:%Y-%m-%d %H:%M} (UTC) — opinion digest — {'PASS' if ok else 'FAIL'}",
        "",
        f"- Machine: {uname}, {os.cpu_count()} cores, Python {platform.python_version()}; load average "
        f"{load_before:.2f} before the run (the machine is shared)",
        f"- Database: {database}; data: {result['items']} items on one day over {result['agencies']} agencies, "
        f"set up (migrate, reference data, items) in {result['load']:.1f} s",
        f"- Command: `{'BENCH_DATABASE_URL=postgres://… ' if database.startswith('PostgreSQL') else ''}"
        f".venv/bin/python bench/opinion_bench.py --items {result['items']}`",
        "",
        "| measurement | seconds | target |",
        "|---|---:|---|",
        f"| digest ODT as the Secretariat, {result['items']} items, median of {result['runs']} "
        f"({result['whole_kb']:.0f} KB) | {result['whole']:.2f} | < {TARGET_SECONDS:.0f} s |",
        f"| digest ODT as {result['agency']}'s liaison, median of {result['runs']} ({result['agency_kb']:.0f} KB) "
        f"| {result['one_agency']:.2f} | < {TARGET_SECONDS:.0f} s |",
        f"| digest sent (grouping, notices and mail to {result['deliveries']} agencies, records), once "
        f"| {result['sent']:.2f} | informational |",
        pdf_row,
        "",
    ])


def write_report(text: str) -> None:
    """Put `text` first under the opinion marker in docs/performance.md, adding the section the first time."""
    current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if MARKER not in current:
        current = current.rstrip() + "\n" + SECTION_HEADER
    head, _, older = current.partition(MARKER)
    REPORT.write_text(f"{head}{MARKER}\n\n{text}\n{older.lstrip()}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500, help="items on the day (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement (median; default 3)")
    parser.add_argument("--no-report", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    began = dt.datetime.now(dt.UTC)
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    with tempfile.TemporaryDirectory(prefix="opinion-bench-") as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
        os.environ["DATABASE_URL"] = url
        database = "PostgreSQL" if url.startswith("postgres") else "SQLite (a temporary file)"
        result = measure(args.items, args.runs)
    text = section(result, database, began, load_before)
    print(text)
    if not args.no_report:
        write_report(text)
    return 0 if result["whole"] < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
