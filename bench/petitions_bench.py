"""`make bench`, second part: petitions at hotline scale on PostgreSQL.

One run: a fresh PostgreSQL database (created here, dropped at the end), migrated, with the reference
data; 1,000,000 invented petitions over 2023-01 … 2026-06 loaded with COPY (cases, a few timeline
events each, petitions); then, in the same run:

- **inbox** — an agency liaison's `/cases/?status=in_progress` (scoped to 交通局, sorted by due date),
  served by gunicorn (config/gunicorn.conf.py) to 20 concurrent users: once as people reading their
  inbox (each asks a page, reads it for a random second or so, asks again: the target's measure) and
  once flat out, `hey -c 20` with no pause between requests (a saturation figure);
- **statistics** — `petitions.selectors.statistics.by_agency` for one half-year (counts, on-time and late, working
  days to answer) against the equivalent hand-written SQL, alternating, same database, same run.

Targets (issue 3): inbox p95 under 100 ms; statistics under 300 ms and within 2× the hand-written SQL.
The figures go to docs/performance.md, in the petitions section (newest run first).

The invented rows are consistent by construction, so the load switches off foreign-key triggers
(`session_replication_role = replica`, bench database only) instead of checking 5 million rows.
"""

from __future__ import annotations

import argparse
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
from psycopg import sql

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
sys.path[:0] = [str(BASE_DIR), str(BENCH_DIR)]

import petitions_data as data  # noqa: E402
from run import HEY, check_endpoint, free_port, hey, machine, parse_hey, stop, wait_until_up  # noqa: E402

SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "secretariat_bench_petitions"
REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- petitions bench: newest run first; bench/petitions_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# Petitions at hotline scale (PostgreSQL)

`bench/petitions_bench.py` (run by `make bench` after the API bench) loads 1,000,000 invented petitions
with COPY into a fresh PostgreSQL database and measures, in one run, an agency's inbox page over HTTP
with 20 concurrent users and the by-agency statistics of a half-year against the equivalent
hand-written SQL. Targets: inbox p95 < 100 ms; statistics < 300 ms and ≤ 2× the hand-written SQL.

{MARKER}
"""
STATS_ROUNDS = 15
PERIOD_CODE = "114H1"  # a half-year in the middle of the loaded years


def admin_connect() -> psycopg.Connection[Any]:
    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


def recreate_database() -> None:
    with admin_connect() as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))


def drop_database() -> None:
    with admin_connect() as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))


def setup_django(var_dir: str) -> dict[str, str]:
    env = {"DATABASE_URL": f"{SERVER}/{DATABASE}", "SECRET_KEY": "bench-only", "VAR_DIR": var_dir,
           "SECURE_COOKIES": "0", "EMBEDDED_SCHEDULER": "0", "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    os.environ.update(env)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    return env


def timed(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"bench: {label} in {now - started:.1f} s", flush=True)
    return now


def measure_statistics(period_code: str) -> dict[str, Any]:
    """Alternate the ORM path and the hand-written SQL; both must give the same figures."""
    from django.db import connection

    from secretariat.core.calendar import work_calendar
    from secretariat.core.roc import Period
    from secretariat.petitions.selectors import statistics as stats

    period = Period.parse(period_code)
    orm_rows = stats.by_agency(period=period)
    hand_rows = data.hand_written_statistics(connection, period)
    def ordered(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return sorted(rows, key=lambda row: (row[0] is None, row[0] or 0))

    orm_figures = ordered([(row.agency_id, row.received, row.on_time, row.late, row.working_days) for row in orm_rows])
    if orm_figures != ordered(hand_rows):
        sys.exit(f"bench: the ORM and the SQL disagree:\n{orm_figures[:5]}\n{ordered(hand_rows)[:5]}")
    orm_ms: list[float] = []
    sql_ms: list[float] = []
    counts_ms: list[float] = []
    for _round in range(STATS_ROUNDS):
        started = time.perf_counter()
        stats.by_agency(period=period, calendar=work_calendar())
        orm_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        data.hand_written_statistics(connection, period)
        sql_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        stats.by_agency(period=period, working_days=False)
        counts_ms.append((time.perf_counter() - started) * 1000)
    return {"period": period, "rows": len(orm_rows), "petitions": sum(row.received for row in orm_rows),
            "orm": orm_ms, "sql": sql_ms, "counts": counts_ms}


def session_cookie(username: str) -> str:
    from django.test import Client

    from secretariat.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")
    return client.cookies["sessionid"].value


@dataclass
class Paced:
    """Latencies of users who read each page before asking the next (think time)."""

    p50_ms: float
    p95_ms: float
    requests_per_second: float


def users_with_think_time(url: str, headers: dict[str, str], users: int, requests: int,
                          think_seconds: float = 1.0) -> Paced:
    """`users` people, each asking a page, reading it for a random while (exponential, mean
    `think_seconds`), then asking again; starts are spread over the first second. Unlike `hey -q`,
    whose workers fire in step, arrivals are independent, as real users' are."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    per_user = max(1, requests // users)

    def user(number: int) -> None:
        rng = random.Random(number)  # noqa: S311 - think times, not secrets
        time.sleep(rng.uniform(0, think_seconds))
        for _request in range(per_user):
            started, reason = time.perf_counter(), ""
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
                    response.read()
                    ok, reason = response.status == 200, f"HTTP {response.status}"
            except (urllib.error.URLError, TimeoutError) as error:
                ok, reason = False, str(error)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    failures.append(reason)
            time.sleep(rng.expovariate(1 / think_seconds))

    began = time.perf_counter()
    threads = [threading.Thread(target=user, args=(number,)) for number in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(f"bench: {len(failures)} inbox requests failed, e.g. {failures[0]}")
    return Paced(p50_ms=statistics.median(latencies), p95_ms=percentile(latencies, 0.95),
                 requests_per_second=len(latencies) / (time.perf_counter() - began))


def measure_inbox(env: dict[str, str], var_dir: str, cookie: str, requests: int, users: int) -> dict[str, Any]:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    url = f"{base_url}/cases/?status=in_progress"
    log_path = Path(var_dir) / "gunicorn.log"
    server_env = {**os.environ, **env, "HOST": "127.0.0.1", "PORT": str(port), "ACCESS_LOG": str(log_path)}
    auth = ["-H", f"Cookie: sessionid={cookie}"]
    with log_path.open("ab") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
                                  cwd=BASE_DIR, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            wait_until_up(server, f"{base_url}/healthz", log_path)
            try:
                check_endpoint(url, {"Cookie": f"sessionid={cookie}"})
            except SystemExit:
                print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
                raise
            hey(["-n", "200", "-c", str(users), *auth, url])  # warm-up: connections, caches, query plans
            paced = users_with_think_time(url, {"Cookie": f"sessionid={cookie}"}, users, requests)
            flat = parse_hey("flat", url, hey(["-n", str(requests), "-c", str(users), *auth, url]), requests)
        finally:
            stop(server)
    return {"url": url.replace(base_url, ""), "paced": paced, "flat": flat}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def render(result: dict[str, Any], load_seconds: float, rows: dict[str, int], load_before: float,
           args: argparse.Namespace, now: datetime) -> tuple[str, bool]:
    facts = machine()
    figures = result["statistics"]
    orm, hand, counts = (statistics.median(figures[key]) for key in ("orm", "sql", "counts"))
    orm_p95 = percentile(figures["orm"], 0.95)
    ratio = orm / hand
    inbox = result["inbox"]
    paced, flat = inbox["paced"], inbox["flat"]
    checks = {"inbox p95 < 100 ms (20 users reading their inbox)": paced.p95_ms < 100,
              "statistics < 300 ms (median)": orm < 300, "statistics ≤ 2× hand-written SQL": ratio <= 2}
    passed = all(checks.values())

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    with admin_connect() as connection:
        server_version = connection.info.server_version
    lines = [
        f"## {now:%Y-%m-%d %H:%M} ({now:%Z}) — petitions — {verdict(passed)}",
        "",
        f"- Machine: `{facts['uname']}`, {facts['cpu']}, {facts['cores']} cores; load average {load_before:.2f} "
        "when the run started (the load generator, gunicorn and PostgreSQL share the CPUs)",
        f"- Python {facts['python']}, PostgreSQL {server_version // 10000}.{server_version % 10000}, gunicorn "
        f"gthread {os.environ.get('WEB_WORKERS', '2')} workers × {os.environ.get('WEB_THREADS', '4')} threads",
        f"- Data: {rows['cases']:,} petitions (2023-01 … 2026-06), {rows['events']:,} timeline events, loaded with "
        f"COPY in {load_seconds:.0f} s ({(rows['cases'] * 2 + rows['events']) / load_seconds:,.0f} rows/s)",
        f"- Command: `make bench` (`.venv/bin/python bench/petitions_bench.py --petitions {args.petitions}`)",
        "",
        "| measurement | median ms | p95 ms | other |",
        "|---|---:|---:|---|",
        f"| inbox `{inbox['url']}` as 交通局's liaison, {args.users} users, ~1 s think time | {paced.p50_ms:.1f} | "
        f"{paced.p95_ms:.1f} | {paced.requests_per_second:,.0f} req/s |",
        f"| same, {args.users} users flat out (`hey -c {args.users}`, no think time) | {flat.p50_ms:.1f} | "
        f"{flat.p95_ms:.1f} | {flat.requests_per_second:,.0f} req/s |",
        f"| statistics by agency, {figures['period'].label} (`stats.by_agency`) | {orm:.1f} | {orm_p95:.1f} | "
        f"{figures['petitions']:,} petitions, {figures['rows']} agencies |",
        f"| the same figures in hand-written SQL | {hand:.1f} | {percentile(figures['sql'], 0.95):.1f} | "
        f"ratio {ratio:.2f}× |",
        f"| counts only (the report's table, `working_days=False`) | {counts:.1f} | "
        f"{percentile(figures['counts'], 0.95):.1f} | |",
        "",
        *(f"- {name}: {verdict(ok)}" for name, ok in checks.items()),
        "",
    ]
    return "\n".join(lines), passed


def write_report(section: str, marker: str = MARKER, header: str = SECTION_HEADER) -> None:
    """Put `section` first under `marker` in docs/performance.md, adding `header` the first time."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if marker not in text:
        text = text.rstrip() + "\n" + header
    head, _, older = text.partition(marker)
    REPORT.write_text(f"{head}{marker}\n\n{section}\n{older.lstrip()}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--petitions", type=int, default=1_000_000, help="petitions to load (default 1,000,000)")
    parser.add_argument("--requests", type=int, default=1000, help="inbox requests per measuring run")
    parser.add_argument("--users", type=int, default=20, help="concurrent inbox users (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (to look at plans)")
    args = parser.parse_args()
    if not os.access(HEY, os.X_OK):
        print(f"bench: {HEY} is missing: sudo apt-get install hey", file=sys.stderr)
        return 2
    load_before = os.getloadavg()[0]
    began = datetime.now().astimezone()  # before Django sets TZ to Asia/Taipei, as bench/run.py stamps its runs
    started = time.perf_counter()
    try:
        recreate_database()
    except psycopg.OperationalError as error:
        print(f"bench: PostgreSQL at {SERVER} cannot be used ({error}); set BENCH_POSTGRES to a server "
              "where this user may create databases", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="secretariat-petitions-bench-") as var_dir:
            env = setup_django(var_dir)
            from django.core.management import call_command

            call_command("migrate", "--noinput", verbosity=0)
            call_command("collectstatic", "--noinput", verbosity=0)  # the pages link the hashed static files
            data.reference_and_people()
            step = timed("migrated, reference data and people", started)
            rows = data.load(args.petitions)
            load_seconds = time.perf_counter() - step
            step = timed(f"loaded {rows['cases']:,} petitions and {rows['events']:,} events with COPY", step)
            result = {"statistics": measure_statistics(PERIOD_CODE)}
            step = timed("measured the statistics", step)
            from django.db import connections

            cookie = session_cookie(data.LIAISON)
            connections.close_all()
            result["inbox"] = measure_inbox(env, var_dir, cookie, args.requests, args.users)
            timed("measured the inbox", step)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database()
    section, passed = render(result, load_seconds, rows, load_before, args, began)
    write_report(section)
    print(section)
    print(f"bench: wrote {REPORT.relative_to(BASE_DIR)} — petitions {'PASS' if passed else 'FAIL'}; "
          f"whole run {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
