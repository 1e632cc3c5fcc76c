"""Counters at scale on PostgreSQL (issue 5, "Speed"): the enquiry tally under ten clerks, and the counter
statistics over ten years of records.

One run: a fresh PostgreSQL database `secretariat_bench_counters` (created here, dropped at the end),
migrated, with the reference data (the six enquiry categories) and ten counter clerks, each with an API
token. Today is made a working day in this database if it is not one (a make-up workday row), so the
counter is open whatever day the bench runs. Then, in the same run:

- **statistics, realistic volume** — ten years of enquiries ending yesterday at about the seed's rate
  (`--realistic`, default 30,000 rows: 10 years × ~3,000), loaded with COPY, VACUUM ANALYZE; then
  `enquiry_table` + `help_table` (what the statistics page, the API and the report compute) for the last
  complete half-year and for the whole ten years (120 months), 15 rounds each;
- **statistics, large volume** — the same table topped up to `--rows` (default 1,000,000) and measured again;
- **tally** — gunicorn (config/gunicorn.conf.py) on loopback; ten clerks, one thread each, each posting
  `POST /api/v1/counters/enquiries` with their own token: flat out, as fast as the answers come (no pause: a
  harder test than a real desk), `--requests` in all, and paced (each clerk presses about once a second,
  `--paced` in all: the target's measure); the baseline is `GET /healthz` by the same ten threads, paced
  and flat out, in the same run. Every tally must answer 201 and land as one row.

Targets (issue 5): a tally p95 < 100 ms with 10 counters at once; statistics for ten years < 300 ms.
The figures go to docs/performance.md, in the counters section (newest run first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
sys.path[:0] = [str(BASE_DIR), str(BENCH_DIR)]

import petitions_bench as shared  # noqa: E402
import petitions_data  # noqa: E402
from run import free_port, machine, stop, wait_until_up  # noqa: E402

DATABASE = "secretariat_bench_counters"
shared.DATABASE = DATABASE  # petitions_bench's recreate/drop/setup helpers read this module global
REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- counters bench: newest run first; bench/counters_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# Counters at scale (PostgreSQL)

`bench/counters_bench.py` measures, in one run on a fresh PostgreSQL database, the counter's enquiry
tally over HTTP with ten clerks posting at once — each pressing about once a second (the target's
measure) and flat out (a saturation figure); baseline `/healthz` in the same run — and the counter
statistics (the seed-shaped month × category tables) over ten years of records, at a realistic volume
and at a million rows. Targets (issue 5): tally p95 < 100 ms with 10 counters; statistics < 300 ms.

{MARKER}
"""
STATS_ROUNDS = 15
CLERKS = 10
YEARS = 10
THINK_SECONDS = 1.0  # a busy desk: a press about every second per clerk
# The seed's shares of the six categories (495 104 170 229 200 191 of 1,389).
WEIGHTS = {"civil": 495, "finance": 104, "education": 170, "transport": 229, "works": 200, "police_health": 191}
TAIPEI = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p95_ms: float
    requests_per_second: float
    count: int


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def clerks_and_tokens() -> list[str]:
    """Ten Secretariat clerks of 市民服務組 with one API token each; returns the raw tokens."""
    from secretariat.accounts.constants import Role
    from secretariat.accounts.models import Agency, Unit
    from secretariat.accounts.services import api_token_create, user_create
    from secretariat.core.changes import SYSTEM

    secretariat = Agency.objects.get(is_secretariat=True)
    unit = Unit.objects.filter(agency=secretariat, name="市民服務組").first()
    tokens = []
    for number in range(CLERKS):
        clerk = user_create(actor=SYSTEM, username=f"bench.counter{number}", password=petitions_data.PASSWORD,
                            role=Role.SECRETARIAT_STAFF, agency=secretariat, unit=unit,
                            display_name=f"櫃台{number}")
        tokens.append(api_token_create(actor=clerk, name="counters bench")[1])
    return tokens


def open_today(today: dt.date) -> str:
    """Make sure the counter is open today in this database; says what it did."""
    from secretariat.core.models import CalendarDay, CalendarYear, DayKind
    from secretariat.counters.access.enquiries import counter_open_on

    CalendarYear.objects.get_or_create(year=today.year, defaults={"source": "bench"})
    if counter_open_on(today):
        return "today is a working day"
    CalendarDay.objects.update_or_create(date=today, defaults={"kind": DayKind.MAKEUP_WORKDAY, "note": "bench"})
    return "today was made a make-up workday for the run"


def copy_enquiries(count: int, first_day: dt.date, last_day: dt.date, seed: int) -> int:
    """COPY `count` enquiries spread over the weekdays of [first_day, last_day], office hours, categories
    weighted as the seed's table; about one in 200 undone."""
    from secretariat.counters.models import EnquiryCategory

    rng = random.Random(seed)  # noqa: S311 - invented data
    codes = dict(EnquiryCategory.objects.values_list("code", "pk"))
    ids = [codes[code] for code in WEIGHTS]
    weights = list(WEIGHTS.values())
    days = [first_day + dt.timedelta(days=offset) for offset in range((last_day - first_day).days + 1)]
    days = [day for day in days if day.weekday() < 5]
    with psycopg.connect(os.environ["DATABASE_URL"]) as raw, raw.cursor() as cursor, cursor.copy(
            'COPY "counters_enquiry" ("category_id", "channel", "note", "recorded_at", "recorded_on", '
            '"cancelled_at") FROM STDIN') as copy:
        for day in sorted(rng.choices(days, k=count)):
            minute = rng.randint(8 * 60 + 30, 17 * 60 + 29)
            moment = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=TAIPEI)
            undone = moment + dt.timedelta(seconds=20) if rng.random() < 0.005 else None
            copy.write_row((rng.choices(ids, weights=weights)[0], "phone" if rng.random() < 0.3 else "counter", "",
                            moment, day, undone))
    from secretariat.counters.services.enquiries import enquiry_days_rebuild

    enquiry_days_rebuild(start=first_day, end=last_day)  # the daily summary, as after any bulk load
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as raw:
        raw.execute('VACUUM ANALYZE "counters_enquiry"')
        raw.execute('VACUUM ANALYZE "counters_enquiryday"')
    return count


def measure_statistics(today: dt.date) -> dict[str, Any]:
    from secretariat.core.roc import Period
    from secretariat.counters.selectors.statistics import MonthRange, enquiry_table, help_table

    half = Period.containing(today).previous()
    first = (today.year - YEARS, today.month)
    last = (today.year, today.month)
    ten_years = MonthRange((first[0] + (first[1]) // 12, first[1] % 12 + 1), last)
    ranges = {f"half-year {half.label} ({half.code})": MonthRange.of_period(half),
              f"ten years, {len(ten_years.months)} months ({ten_years.label})": ten_years}
    results = {}
    for label, months in ranges.items():
        timings = []
        for _round in range(STATS_ROUNDS):
            started = time.perf_counter()
            table = enquiry_table(months)
            help_table(months)
            timings.append((time.perf_counter() - started) * 1000)
        results[label] = {"median": statistics.median(timings), "p95": percentile(timings, 0.95),
                          "counted": table.summary.total}
    return results


def hammer(url: str, tokens: list[str], total: int, body: bytes | None, think_seconds: float = 0.0) -> Latency:
    """One thread per clerk; each asks, then waits a random while (exponential, mean `think_seconds`; none
    when 0: flat out) before asking again; starts are spread over the first second. GET when `body` is None."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    per_clerk = max(1, total // len(tokens))
    expected = 200 if body is None else 201

    def clerk(number: int, token: str) -> None:
        rng = random.Random(number)  # noqa: S311 - think times, not secrets
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        if think_seconds:
            time.sleep(rng.uniform(0, think_seconds))
        for _request in range(per_clerk):
            request = urllib.request.Request(url, data=body, headers=headers, method="GET" if body is None else "POST")
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    ok, reason = response.status == expected, f"HTTP {response.status}"
            except urllib.error.HTTPError as error:
                ok, reason = False, f"HTTP {error.code}: {error.read()[:200]!r}"
            except (urllib.error.URLError, TimeoutError) as error:
                ok, reason = False, str(error)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                (latencies.append(elapsed) if ok else failures.append(reason))
            if think_seconds:
                time.sleep(rng.expovariate(1 / think_seconds))

    began = time.perf_counter()
    threads = [threading.Thread(target=clerk, args=(number, token)) for number, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(f"bench: {len(failures)} requests to {url} failed, e.g. {failures[0]}")
    return Latency(p50_ms=statistics.median(latencies), p95_ms=percentile(latencies, 0.95),
                   requests_per_second=len(latencies) / (time.perf_counter() - began), count=len(latencies))


def measure_tally(env: dict[str, str], var_dir: str, tokens: list[str], requests: int,
                  paced: int) -> dict[str, Latency]:
    from secretariat.counters.models import Enquiry

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = Path(var_dir) / "gunicorn.log"
    server_env = {**os.environ, **env, "HOST": "127.0.0.1", "PORT": str(port), "ACCESS_LOG": str(log_path)}
    body = json.dumps({"category_code": "civil", "channel": "counter"}).encode()
    before = Enquiry.objects.count()
    with log_path.open("ab") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
                                  cwd=BASE_DIR, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            wait_until_up(server, f"{base_url}/healthz", log_path)
            hammer(f"{base_url}/healthz", tokens, 200, None)  # warm both paths
            hammer(f"{base_url}/api/v1/counters/enquiries", tokens, 100, body)
            tally_url = f"{base_url}/api/v1/counters/enquiries"
            # Ten clerks at busy desks: each presses about once a second (the target's measure) ...
            paced_baseline = hammer(f"{base_url}/healthz", tokens, paced, None, THINK_SECONDS)
            paced_tally = hammer(tally_url, tokens, paced, body, THINK_SECONDS)
            # ... and all ten flat out, no pause at all (a saturation figure).
            baseline = hammer(f"{base_url}/healthz", tokens, requests, None)
            tally = hammer(tally_url, tokens, requests, body)
        finally:
            stop(server)
    written = Enquiry.objects.count() - before
    if written != tally.count + paced_tally.count + 100 // len(tokens) * len(tokens):
        sys.exit(f"bench: {written} enquiries written for {tally.count + paced_tally.count} answered tallies")
    return {"baseline": baseline, "tally": tally, "paced_baseline": paced_baseline, "paced_tally": paced_tally}


def render(result: dict[str, Any], args: argparse.Namespace, load_before: float, now: datetime) -> tuple[str, bool]:
    facts = machine()
    tally, baseline = result["tally"]["tally"], result["tally"]["baseline"]
    paced_tally, paced_baseline = result["tally"]["paced_tally"], result["tally"]["paced_baseline"]
    checks = {f"tally p95 < 100 ms ({CLERKS} clerks pressing at once, ~{THINK_SECONDS:.0f} s between presses)":
              paced_tally.p95_ms < 100}
    for volume in ("realistic", "large"):
        for label, figures in result[volume].items():
            checks[f"statistics ({label}, {result[f'{volume}_rows']:,} rows) p95 < 300 ms"] = figures["p95"] < 300
    passed = all(checks.values())

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    with shared.admin_connect() as connection:
        server_version = connection.info.server_version
    lines = [
        f"## {now:%Y-%m-%d %H:%M} ({now:%Z}) — counters — {verdict(passed)}",
        "",
        f"- Machine: `{facts['uname']}`, {facts['cpu']}, {facts['cores']} cores; load average {load_before:.2f} "
        "when the run started (the clerks' threads, gunicorn and PostgreSQL share the CPUs)",
        f"- Python {facts['python']}, PostgreSQL {server_version // 10000}.{server_version % 10000}, gunicorn "
        f"gthread {os.environ.get('WEB_WORKERS', '2')} workers × {os.environ.get('WEB_THREADS', '4')} threads; "
        f"{result['today']}",
        f"- Data: {result['realistic_rows']:,} enquiries over ten years (loaded with COPY), then topped up to "
        f"{result['large_rows']:,}; each tally also writes its hash-chained audit row",
        f"- Command: `.venv/bin/python bench/counters_bench.py --rows {args.rows} --realistic {args.realistic} "
        f"--requests {args.requests} --paced {args.paced}`",
        "",
        "| measurement | median ms | p95 ms | other |",
        "|---|---:|---:|---|",
        f"| baseline `GET /healthz`, {CLERKS} threads, ~{THINK_SECONDS:.0f} s apart | {paced_baseline.p50_ms:.1f} | "
        f"{paced_baseline.p95_ms:.1f} | {paced_baseline.requests_per_second:,.0f} req/s, "
        f"{paced_baseline.count} requests |",
        f"| tally `POST /api/v1/counters/enquiries`, {CLERKS} clerks, ~{THINK_SECONDS:.0f} s between presses | "
        f"{paced_tally.p50_ms:.1f} | {paced_tally.p95_ms:.1f} | {paced_tally.requests_per_second:,.0f} req/s, "
        f"{paced_tally.count} requests, all 201 |",
        f"| baseline `GET /healthz`, {CLERKS} threads flat out | {baseline.p50_ms:.1f} | {baseline.p95_ms:.1f} | "
        f"{baseline.requests_per_second:,.0f} req/s, {baseline.count} requests |",
        f"| tally `POST /api/v1/counters/enquiries`, {CLERKS} clerks flat out | {tally.p50_ms:.1f} | "
        f"{tally.p95_ms:.1f} | {tally.requests_per_second:,.0f} req/s, {tally.count} requests, all 201 |",
    ]
    for volume in ("realistic", "large"):
        for label, figures in result[volume].items():
            lines.append(f"| statistics, {label}, {result[f'{volume}_rows']:,} rows ({STATS_ROUNDS} rounds; "
                         f"both tables) | {figures['median']:.1f} | {figures['p95']:.1f} | "
                         f"{figures['counted']:,} enquiries counted |")
    lines += ["", *(f"- {name}: {verdict(ok)}" for name, ok in checks.items()), ""]
    return "\n".join(lines), passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="enquiries in the large volume")
    parser.add_argument("--realistic", type=int, default=30_000, help="enquiries in the realistic volume")
    parser.add_argument("--requests", type=int, default=2_000, help="tally requests flat out")
    parser.add_argument("--paced", type=int, default=600, help="tally requests at ~1 s between presses")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (to look at plans)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    began = datetime.now().astimezone()
    started = time.perf_counter()
    try:
        shared.recreate_database()
    except psycopg.OperationalError as error:
        print(f"bench: PostgreSQL at {shared.SERVER} cannot be used ({error}); set BENCH_POSTGRES to a server "
              "where this user may create databases", file=sys.stderr)
        return 2
    result: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="secretariat-counters-bench-") as var_dir:
            env = shared.setup_django(var_dir)
            from django.core.management import call_command
            from django.db import connections
            from django.utils import timezone

            call_command("migrate", "--noinput", verbosity=0)
            petitions_data.reference_and_people()
            tokens = clerks_and_tokens()
            today = timezone.localdate()
            result["today"] = open_today(today)
            step = shared.timed("migrated, reference data and ten clerks", started)
            first_day = today.replace(year=today.year - YEARS)
            yesterday = today - dt.timedelta(days=1)
            result["realistic_rows"] = copy_enquiries(args.realistic, first_day, yesterday, seed=5)
            step = shared.timed(f"copied {args.realistic:,} enquiries", step)
            result["realistic"] = measure_statistics(today)
            step = shared.timed("measured the statistics (realistic volume)", step)
            result["large_rows"] = args.realistic + copy_enquiries(max(0, args.rows - args.realistic), first_day,
                                                                   yesterday, seed=6)
            step = shared.timed(f"topped up to {result['large_rows']:,} enquiries", step)
            result["large"] = measure_statistics(today)
            step = shared.timed("measured the statistics (large volume)", step)
            connections.close_all()
            result["tally"] = measure_tally(env, var_dir, tokens, args.requests, args.paced)
            shared.timed("measured the tally", step)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            shared.drop_database()
    section, passed = render(result, args, load_before, began)
    shared.write_report(section, MARKER, SECTION_HEADER)
    print(section)
    print(f"bench: wrote {REPORT.relative_to(BASE_DIR)} — counters {'PASS' if passed else 'FAIL'}; "
          f"whole run {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
