"""`make bench`, third part: council affairs at scale on PostgreSQL (issue 4, "Speed").

One run: a fresh PostgreSQL database `secretariat_bench_council` (created here, dropped at the end),
migrated, with the reference data, the 14th council (61 invented councillors, eight regular sessions
and one extraordinary session); 100,000 council questions and 50,000 councillors' data requests loaded
with COPY (cases, a few timeline events each, the questions with their agencies asked, the data
requests; ~30 lead agencies; mostly closed, the latest session's questions and the last fortnight's
requests partly still open or overdue); then, in the same run:

- **review list** — `/council/review/` (the bi-weekly review list) as a Secretariat clerk (it opens on the
  open and overdue questions per agency; one agency's items are the page the liaison gets) and as 交通局's
  liaison (the summary line and their agency's items, 50 a page; the exports hold them all);
- **agency queue** — `/council/requests/` as 交通局's liaison: the data requests their agency leads or
  contributes to, newest first;
  each served by gunicorn (config/gunicorn.conf.py) to 20 concurrent users reading the page for ~1 s
  between requests (the target's measure) and flat out with `hey -c 20` (a saturation figure);
- **answer book** — `answer_book_build(session)` for the extraordinary session with 600 answered
  questions, median of 3 builds.

Targets (issue 4): review list and agency queue p95 under 100 ms with 20 users; answer book under 10 s.
The figures go to docs/performance.md, in the council section (newest run first).

The page measurements reuse bench/petitions_bench.py (think-time users, session cookies, database set-up)
and bench/run.py (gunicorn, hey); this module only points them at its own database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
sys.path[:0] = [str(BASE_DIR), str(BENCH_DIR)]

import council_data as data  # noqa: E402
import petitions_bench as shared  # noqa: E402
import petitions_data  # noqa: E402
from run import HEY, check_endpoint, free_port, hey, machine, parse_hey, stop, wait_until_up  # noqa: E402

DATABASE = "secretariat_bench_council"
shared.DATABASE = DATABASE  # petitions_bench's recreate/drop/setup helpers read this module global
REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- council bench: newest run first; bench/council_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# Council at scale (PostgreSQL)

`bench/council_bench.py` (run by `make bench` after the petitions bench) loads 100,000 invented council
questions and 50,000 councillors' data requests with COPY into a fresh PostgreSQL database and measures,
in one run, the bi-weekly review list (as the Secretariat and as an agency) and an agency's data-request
queue over HTTP with 20 concurrent users, and the written-answer book of a 600-question session.
Targets: review list and agency queue p95 < 100 ms; answer book < 10 s.

{MARKER}
"""
BOOK_ROUNDS = 3
PAGE_BUDGET = 40  # seconds of flat-out requests per page, at most
CLERK = "bench.clerk"  # Secretariat staff, created by petitions_data.reference_and_people


def measure_pages(env: dict[str, str], var_dir: str, pages: list[tuple[str, str, str]], requests: int,
                  users: int) -> list[dict[str, Any]]:
    """One gunicorn for every page: (label, path, session cookie) → paced and flat-out figures."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = Path(var_dir) / "gunicorn.log"
    server_env = {**os.environ, **env, "HOST": "127.0.0.1", "PORT": str(port), "ACCESS_LOG": str(log_path)}
    results = []
    with log_path.open("ab") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
                                  cwd=BASE_DIR, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            wait_until_up(server, f"{base_url}/healthz", log_path)
            for label, path, cookie in pages:
                url, headers = base_url + path, {"Cookie": f"sessionid={cookie}"}
                auth = ["-H", f"Cookie: sessionid={cookie}"]
                try:
                    check_endpoint(url, headers)
                except SystemExit:
                    print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
                    raise
                warm = parse_hey("warm", path, hey(["-n", "100", "-c", str(users), *auth, url]), 100)
                # A page far off the target would keep the run going for many minutes: measure it on
                # about PAGE_BUDGET seconds' worth of requests at its warm-up rate instead.
                count = max(users * 5, min(requests, int(warm.requests_per_second * PAGE_BUDGET) // users * users))
                paced = shared.users_with_think_time(url, headers, users, count)
                flat = parse_hey("flat", path, hey(["-n", str(count), "-c", str(users), *auth, url]), count)
                print(f"bench: {label} {path}: paced p95 {paced.p95_ms:.1f} ms, flat p95 {flat.p95_ms:.1f} ms",
                      flush=True)
                results.append({"label": label, "path": path, "paced": paced, "flat": flat, "count": count})
        finally:
            stop(server)
    return results


def measure_book(session: Any) -> dict[str, Any]:
    from secretariat.council.selectors.questions import book_questions
    from secretariat.council.views.answer_book import answer_book_build

    seconds, size = [], 0
    for _round in range(BOOK_ROUNDS):
        started = time.perf_counter()
        size = len(answer_book_build(session))
        seconds.append(time.perf_counter() - started)
    return {"seconds": seconds, "bytes": size, "questions": book_questions(session).count(),
            "session": str(session)}


def review_rows(today: Any) -> dict[str, int]:
    from secretariat.accounts.models import User
    from secretariat.council.selectors.questions import review_items

    return {username: len(review_items(user=User.objects.get(username=username), today=today))
            for username in (CLERK, petitions_data.LIAISON)}


def queue_rows() -> int:
    from secretariat.accounts.models import User
    from secretariat.council.selectors.requests import requests_visible

    return requests_visible(User.objects.get(username=petitions_data.LIAISON)).count()


def render(result: dict[str, Any], load_seconds: float, rows: dict[str, int], load_before: float,
           args: argparse.Namespace, now: datetime) -> tuple[str, bool]:
    facts = machine()
    pages, book = result["pages"], result["book"]
    book_median = statistics.median(book["seconds"])
    checks = {f"{page['label']} p95 < 100 ms ({args.users} users, think time)": page["paced"].p95_ms < 100
              for page in pages}
    checks[f"answer book of {book['questions']} questions < 10 s (median of {BOOK_ROUNDS})"] = book_median < 10
    passed = all(checks.values())

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    with shared.admin_connect() as connection:
        server_version = connection.info.server_version
    copied = sum(rows.values())
    lines = [
        f"## {now:%Y-%m-%d %H:%M} ({now:%Z}) — council — {verdict(passed)}",
        "",
        f"- Machine: `{facts['uname']}`, {facts['cpu']}, {facts['cores']} cores; load average {load_before:.2f} "
        "when the run started (the load generator, gunicorn and PostgreSQL share the CPUs)",
        f"- Python {facts['python']}, PostgreSQL {server_version // 10000}.{server_version % 10000}, gunicorn "
        f"gthread {os.environ.get('WEB_WORKERS', '2')} workers × {os.environ.get('WEB_THREADS', '4')} threads",
        f"- Data: {rows['questions']:,} questions over {len(data.SESSIONS) + 3} sessions and {rows['requests']:,} "
        f"data requests, {data.AGENCIES} lead agencies, {data.COUNCILLORS} councillors; {rows['cases']:,} cases, "
        f"{rows['events']:,} timeline events; loaded with COPY in {load_seconds:.0f} s "
        f"({copied / load_seconds:,.0f} rows/s)",
        f"- Open work: review list {result['review_rows'][CLERK]:,} unfinished questions (Secretariat), "
        f"{result['review_rows'][petitions_data.LIAISON]:,} for 交通局; 交通局's queue holds "
        f"{result['queue_rows']:,} data requests (the page shows the newest 50)",
        f"- Command: `make bench` (`.venv/bin/python bench/council_bench.py --questions {args.questions} "
        f"--data-requests {args.data_requests}`)",
        "",
        "| measurement | median ms | p95 ms | other |",
        "|---|---:|---:|---|",
    ]
    for page in pages:
        paced, flat = page["paced"], page["flat"]
        lines += [
            f"| {page['label']} `{page['path']}`, {args.users} users, ~1 s think time | {paced.p50_ms:.1f} | "
            f"{paced.p95_ms:.1f} | {paced.requests_per_second:,.0f} req/s, {page['count']} requests |",
            f"| same, flat out (`hey -c {args.users}`, no think time) | {flat.p50_ms:.1f} | {flat.p95_ms:.1f} | "
            f"{flat.requests_per_second:,.0f} req/s |",
        ]
    lines += [
        f"| answer book `answer_book_build` ({book['session']}, {book['questions']} questions) | "
        f"{book_median * 1000:,.0f} | {max(book['seconds']) * 1000:,.0f} (max) | {book['bytes'] / 1024:,.0f} KiB ODT |",
        "",
        *(f"- {name}: {verdict(ok)}" for name, ok in checks.items()),
        "",
    ]
    return "\n".join(lines), passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=100_000, help="questions to load (default 100,000)")
    parser.add_argument("--data-requests", type=int, default=50_000, help="data requests to load (default 50,000)")
    parser.add_argument("--requests", type=int, default=600, help="HTTP requests per page and measuring run")
    parser.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (to look at plans)")
    args = parser.parse_args()
    if not os.access(HEY, os.X_OK):
        print(f"bench: {HEY} is missing: sudo apt-get install hey", file=sys.stderr)
        return 2
    load_before = os.getloadavg()[0]
    began = datetime.now().astimezone()
    started = time.perf_counter()
    try:
        shared.recreate_database()
    except psycopg.OperationalError as error:
        print(f"bench: PostgreSQL at {shared.SERVER} cannot be used ({error}); set BENCH_POSTGRES to a server "
              "where this user may create databases", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="secretariat-council-bench-") as var_dir:
            env = shared.setup_django(var_dir)
            from django.core.management import call_command
            from django.utils import timezone

            call_command("migrate", "--noinput", verbosity=0)
            call_command("collectstatic", "--noinput", verbosity=0)  # the pages link the hashed static files
            petitions_data.reference_and_people()
            ids = data.structure()
            step = shared.timed("migrated, reference data, people and the council", started)
            today = timezone.localdate()
            rows = data.load(args.questions, args.data_requests, ids, today)
            load_seconds = time.perf_counter() - step
            step = shared.timed(f"loaded {rows['questions']:,} questions and {rows['requests']:,} data requests "
                                f"({rows['events']:,} events) with COPY", step)
            result: dict[str, Any] = {"book": measure_book(ids["book_session"]), "review_rows": review_rows(today),
                                      "queue_rows": queue_rows()}
            step = shared.timed("built the answer book", step)
            from django.db import connections

            clerk, liaison = shared.session_cookie(CLERK), shared.session_cookie(petitions_data.LIAISON)
            connections.close_all()
            pages = [("review list as the Secretariat", "/council/review/", clerk),
                     ("review list as 交通局's liaison", "/council/review/", liaison),
                     ("data-request queue as 交通局's liaison", "/council/requests/", liaison)]
            result["pages"] = measure_pages(env, var_dir, pages, args.requests, args.users)
            shared.timed("measured the pages", step)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            shared.drop_database()
    section, passed = render(result, load_seconds, rows, load_before, args, began)
    shared.write_report(section, MARKER, SECTION_HEADER)
    print(section)
    print(f"bench: wrote {REPORT.relative_to(BASE_DIR)} — council {'PASS' if passed else 'FAIL'}; "
          f"whole run {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
