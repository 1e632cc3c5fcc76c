"""The daily-work pages under load, on the demo (issue 13 §6, first step): the home page's cards, the work
queue's tabs, the notification list and /api/v1/me, each against the framework floor in the same run.

A throwaway SQLite database with the demo half-year, one gunicorn (config/gunicorn.conf.py) serving
config.floor:application, then `hey` with 20 clients and no think time, alternating rounds so that a burst
of other load on the shared machine hits every page alike. The figures go to docs/performance.md.
The issue's target (≥ 300 req/s, p95 < 100 ms per tab and dashboard) is for PostgreSQL with 1,000,000 cases;
this run says where the pages stand on the demo and which costs the profile must explain.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BASE_DIR), str(BENCH_DIR)]

from run import (  # noqa: E402
    REPORT,
    Result,
    check_endpoint,
    create_token,
    free_port,
    hey,
    machine,
    manage,
    median_of,
    parse_hey,
    stop,
    wait_until_up,
)

MARKER = "<!-- workqueue bench: newest run first -->"
HEADER = f"""
# The daily-work pages (home cards, queue tabs, notifications)

`bench/workqueue_bench.py`: the demo on SQLite, 20 clients without think time, every page against the floor
in alternating rounds. Target at 1,000,000 cases on PostgreSQL: ≥ 300 req/s and p95 < 100 ms.

{MARKER}
"""
PAGES = [  # (who, name, path): the clerk's and 交通局 liaison's busiest pages
    ("", "floor", "/__floor__"),
    ("token", "api /me", "/api/v1/me"),
    ("clerk", "clerk home (cards)", "/"),
    ("clerk", "clerk tab: to route", "/cases/?tab=route"),
    ("clerk", "clerk tab: overdue", "/cases/?tab=overdue"),
    ("clerk", "clerk notifications", "/notifications/?show=all"),
    ("liaison", "liaison home (cards)", "/"),
    ("liaison", "liaison tab: my agency", "/cases/?tab=agency"),
]


def django_print(env: dict[str, str], statement: str) -> str:
    """What `statement` prints, run in a Django process of its own over the bench's database."""
    code = f"import django; django.setup(); from secretariat.accounts.models import User; {statement}"
    return subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]


def cookie_for(env: dict[str, str], username: str) -> str:
    return django_print(env, "from django.test import Client; c = Client(); "
                             f"c.force_login(User.objects.get(username={username!r}), "
                             "backend='django.contrib.auth.backends.ModelBackend'); "
                             "print(c.cookies['sessionid'].value)")


def first_username(env: dict[str, str], filters: str) -> str:
    """The demo's first active person matching `filters` (keyword arguments of User.objects.filter)."""
    return django_print(env, f"print(User.objects.filter(is_active=True, {filters}).order_by('pk')"
                             ".values_list('username', flat=True).first())")


def measure(env: dict[str, str], var_dir: str, requests: int, clients: int, rounds: int) -> list[Result]:
    headers = {"token": {"Authorization": f"Bearer {create_token(env)}"}, "": {}}
    people = {"clerk": "role='secretariat_staff'", "liaison": "role='agency_liaison', agency__short_name='交通局'"}
    for who, filters in people.items():
        username = first_username(env, filters)
        headers[who] = {"Cookie": f"sessionid={cookie_for(env, username)}"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_env = {**env, "BENCH_FLOOR": "1", "HOST": "127.0.0.1", "PORT": str(port)}
    log_path = Path(var_dir) / "gunicorn.log"
    runs: dict[str, list[Result]] = {name: [] for _who, name, _path in PAGES}
    with log_path.open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py",
                                   "config.floor:application"], cwd=BASE_DIR, env=server_env, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_up(server, f"{base}/healthz", log_path)
            for who, _name, path in PAGES:
                check_endpoint(base + path, headers[who])
                hey(["-n", "200", "-c", str(clients), *flags(headers[who]), base + path])
            for number in range(1, rounds + 1):
                for who, name, path in PAGES:
                    output = hey(["-n", str(requests), "-c", str(clients), *flags(headers[who]), base + path])
                    result = parse_hey(name, path, output, requests)
                    runs[name].append(result)
                    print(f"workqueue: round {number}/{rounds} {name}: {result.requests_per_second:,.0f} req/s, "
                          f"p95 {result.p95_ms:.1f} ms")
        finally:
            stop(server)
    return [median_of(results) for results in runs.values()]


def write_report(section: str) -> None:
    """Put `section` first under this bench's marker in docs/performance.md, adding its header the first time."""
    text = REPORT.read_text(encoding="utf-8")
    if MARKER not in text:
        text = text.rstrip() + "\n" + HEADER
    head, _, older = text.partition(MARKER)
    REPORT.write_text(f"{head}{MARKER}\n\n{section}\n{older.lstrip()}", encoding="utf-8")


def flags(headers: dict[str, str]) -> list[str]:
    return [part for key, value in headers.items() for part in ("-H", f"{key}: {value}")]


def render(results: list[Result], args: argparse.Namespace, load_before: float) -> str:
    facts = machine()
    floor = results[0]
    lines = [f"## {datetime.now():%Y-%m-%d %H:%M} — {facts['cpu']} ({facts['cores']} cores), load before "
             f"{load_before:.1f}", "",
             f"`hey -n {args.requests} -c {args.clients}`, median of {args.rounds} alternating rounds; demo data "
             "(1,000 petitions and the other areas' half-year) on SQLite.", "",
             "| page | req/s | p50 ms | p95 ms | time per request vs floor |", "|---|---|---|---|---|"]
    for result in results:
        ratio = floor.requests_per_second / result.requests_per_second if result.requests_per_second else 0
        lines.append(f"| {result.name} (`{result.path}`) | {result.requests_per_second:,.0f} | {result.p50_ms:.1f} | "
                     f"{result.p95_ms:.1f} | {ratio:.1f}× |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--requests", type=int, default=1000)
    parser.add_argument("-c", "--clients", type=int, default=20)
    parser.add_argument("-r", "--rounds", type=int, default=3)
    parser.add_argument("--var-dir", help="reuse a folder that already holds the demo database")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="secretariat-workqueue-") as scratch:
        var_dir = args.var_dir or scratch
        env = {**os.environ, "VAR_DIR": var_dir, "SECRET_KEY": "bench-only", "SECURE_COOKIES": "0",
               "AUDIT_KEY": os.environ.get("AUDIT_KEY", "bench-only-audit-key-0123456789abcdef"),
               "DJANGO_SETTINGS_MODULE": "config.settings.base",
               "EMBEDDED_SCHEDULER": "0"}
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        if not args.var_dir:
            manage(env, "demo_load")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        results = measure(env, var_dir, args.requests, args.clients, args.rounds)
    section = render(results, args, load_before)
    write_report(section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
