"""`make bench`: how much the authenticated API costs over the framework floor, on this machine.

One run: a throwaway SQLite database with the demo data, gunicorn started with config/gunicorn.conf.py
serving `config.floor:application` (BENCH_FLOOR=1), then Debian's `hey` loads

- the floor, /__floor__: a Django request object, a trivial view and its JsonResponse, no middleware;
- the API, /api/v1/me, with the demo clerk's personal token (the whole middleware stack, django-ninja,
  token lookup, permissions).

The figures go to docs/performance.md as a new dated section above the older ones.
Target: the API path costs no more than 1.5x the floor (p95 latency and time per request).

Then each area's own benchmark runs in its own process (its own Django set-up), in the order of PARTS;
`--skip NAME` leaves one out, `--only NAME` runs just that one after the API figures.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "docs" / "performance.md"
HEY = "/usr/bin/hey"
TARGET = 1.5
WARMUP_REQUESTS = 300
# Each area's benchmark: name → (script in bench/, what it measures). Filled in as areas gain one.
PARTS: dict[str, tuple[str, str]] = {
    "petitions": ("petitions_bench.py", "PostgreSQL, 1,000,000 petitions: inbox and statistics"),
    "council": ("council_bench.py", "PostgreSQL, 100,000 questions and 50,000 data requests"),
    "media": ("media_bench.py", "the public press-release list and feeds against a static file"),
    "opinion": ("opinion_bench.py", "the daily public-opinion digest of 500 items"),
    "counters": ("counters_bench.py", "PostgreSQL, the enquiry tally under ten clerks and ten years of statistics"),
    "report": ("report_bench.py", "the work report in every format, ten times the demo, and demo_load"),
    "workqueue": ("workqueue_bench.py", "the home cards, queue tabs and notifications under 20 clients (demo)"),
}
STEP_TIMEOUT = 300  # seconds for any one step (migrate, one hey run, ...)
MARKER = "<!-- bench: newest run first; bench/run.py inserts new sections below this line -->"
REPORT_HEADER = f"""# Performance

`make bench` (bench/run.py) measures, on the machine it runs on, what the authenticated JSON API costs
compared with the framework floor, both served by the same gunicorn process started with
config/gunicorn.conf.py (as `make run` does, access log included) over a throwaway SQLite database
with the demo data:

- **floor** — `/__floor__`, served by `config.floor` only when `BENCH_FLOOR=1`: a Django request object,
  a view returning `JsonResponse({{"ok": true}})` and the response, with no middleware and no URL routing;
- **api** — `GET /api/v1/me` with a personal API token (`Authorization: Bearer sec_…`): the whole
  middleware stack, django-ninja, the token lookup in the database and the user's permissions.

Target: **the API path costs no more than {TARGET}× the floor**, in p95 latency and in time per request
(the inverse of throughput). Figures from different machines are not comparable; the ratios are what
matters.

{MARKER}
"""
ISSUE_SCRIPT = (  # run by `manage.py shell -c`: prints a new API token for the demo clerk
    "from secretariat.accounts.models import User\n"
    "from secretariat.accounts.services import api_token_create\n"
    "_token, raw = api_token_create(actor=User.objects.get(username='clerk'), name='make bench')\n"
    "print(raw)\n"
)


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--requests", type=int, default=3000, help="requests per endpoint (default 3000)")
    parser.add_argument("-c", "--concurrency", type=int, default=10, help="concurrent clients (default 10)")
    parser.add_argument("-r", "--rounds", type=int, default=3,
                        help="measuring rounds, floor and api alternating; the report gives medians (default 3)")
    parser.add_argument("--skip", action="append", default=[], choices=sorted(PARTS), metavar="NAME",
                        help=f"leave out an area's benchmark (one of: {', '.join(PARTS)}); may be repeated")
    parser.add_argument("--only", action="append", default=[], choices=sorted(PARTS), metavar="NAME",
                        help="run only these areas' benchmarks after the API figures")
    args = parser.parse_args()

    if not os.access(HEY, os.X_OK):
        print(f"bench: {HEY} is missing. Install Debian's load generator first:\n\n"
              "    sudo apt-get install hey\n", file=sys.stderr)
        return 2

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as var_dir:
        env = {**os.environ, "VAR_DIR": var_dir, "SECRET_KEY": "bench-only", "SECURE_COOKIES": "0",
               "DJANGO_SETTINGS_MODULE": "config.settings.base", "EMBEDDED_SCHEDULER": "0"}
        env.pop("DATABASE_URL", None)  # always the throwaway SQLite database, never a configured one
        env.pop("REDIS_URL", None)
        print(f"bench: preparing a throwaway database in {var_dir}")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "demo_load")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        token = create_token(env)

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        gunicorn_args = [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py",
                         "config.floor:application"]
        server_env = {**env, "BENCH_FLOOR": "1", "HOST": "127.0.0.1", "PORT": str(port)}
        log_path = Path(var_dir) / "gunicorn.log"
        with log_path.open("wb") as log:
            server = subprocess.Popen(gunicorn_args, cwd=BASE_DIR, env=server_env, stdout=log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
            try:
                wait_until_up(server, f"{base_url}/healthz", log_path)
                check_endpoint(f"{base_url}/__floor__", {})
                check_endpoint(f"{base_url}/api/v1/me", {"Authorization": f"Bearer {token}"})
                auth = ["-H", f"Authorization: Bearer {token}"]
                endpoints = [("floor", "/__floor__", []), ("api", "/api/v1/me", auth)]
                for _name, path, extra in endpoints:
                    hey(["-n", str(WARMUP_REQUESTS), "-c", str(args.concurrency), *extra, base_url + path])
                rounds: dict[str, list[Result]] = {name: [] for name, _path, _extra in endpoints}
                for number in range(1, args.rounds + 1):  # alternate, so a burst of other load hits both
                    for name, path, extra in endpoints:
                        output = hey(["-n", str(args.requests), "-c", str(args.concurrency), *extra,
                                      base_url + path])
                        result = parse_hey(name, path, output, args.requests)
                        rounds[name].append(result)
                        print(f"bench: round {number}/{args.rounds} {path}: {result.requests_per_second:,.0f} req/s, "
                              f"p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms")
                results = [median_of(runs) for runs in rounds.values()]
            finally:
                stop(server)

    hey_command = f"hey -n {args.requests} -c {args.concurrency} [-H 'Authorization: Bearer <token>'] <url>"
    gunicorn_command = "BENCH_FLOOR=1 EMBEDDED_SCHEDULER=0 gunicorn " + " ".join(gunicorn_args[3:])
    hey_command = f"{args.rounds} alternating rounds of `{hey_command}`"
    section, passed = render_section(results, hey_command, gunicorn_command, load_before)
    write_report(section)
    print(section)
    print(f"bench: wrote {REPORT.relative_to(BASE_DIR)} — target {'PASS' if passed else 'FAIL'}")
    returncode = 0
    for name, (script, _what) in PARTS.items():
        if name in args.skip or (args.only and name not in args.only):
            continue
        part = subprocess.run([sys.executable, str(BASE_DIR / "bench" / script)], cwd=BASE_DIR, check=False)
        returncode = returncode or part.returncode
    return returncode


def manage(env: dict[str, str], *command: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=STEP_TIMEOUT)
    if done.returncode != 0:
        sys.exit(f"bench: manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def create_token(env: dict[str, str]) -> str:
    output = manage(env, "shell", "--no-imports", "-c", ISSUE_SCRIPT)
    tokens = [line.strip() for line in output.splitlines() if line.strip().startswith("sec_")]
    if not tokens:
        sys.exit(f"bench: no API token was printed:\n{output}")
    return tokens[-1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(server: subprocess.Popen[bytes], url: str, log_path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"bench: gunicorn exited early:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    sys.exit(f"bench: gunicorn did not answer {url} within {seconds:.0f} s")


def check_endpoint(url: str, headers: dict[str, str]) -> None:
    """Refuse to measure an endpoint that does not answer 200 (a refused token would measure a 401)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
            response.read()
    except urllib.error.HTTPError as error:
        sys.exit(f"bench: {url} answered {error.code}: {error.read()[:300]!r}")


def hey(arguments: list[str]) -> str:
    done = subprocess.run([HEY, *arguments], capture_output=True, text=True, timeout=STEP_TIMEOUT)
    if done.returncode != 0:
        sys.exit(f"bench: hey failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def parse_hey(name: str, path: str, output: str, requests: int) -> Result:
    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        if match is None:
            sys.exit(f"bench: could not find {pattern!r} in hey's output:\n{output}")
        return float(match.group(1))

    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", output))
    if statuses != {"200": str(requests)} or "Error distribution" in output:
        sys.exit(f"bench: {path} did not answer 200 to every request:\n{output}")
    return Result(name=name, path=path, requests_per_second=number(r"Requests/sec:\s+([\d.]+)"),
                  p50_ms=number(r"50% in ([\d.]+) secs") * 1000, p95_ms=number(r"95% in ([\d.]+) secs") * 1000)


def median_of(runs: list[Result]) -> Result:
    first = runs[0]
    return Result(name=first.name, path=first.path,
                  requests_per_second=statistics.median(run.requests_per_second for run in runs),
                  p50_ms=statistics.median(run.p50_ms for run in runs),
                  p95_ms=statistics.median(run.p95_ms for run in runs))


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn (the master we started and its workers, which share its process group)."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)  # anything left in the group we created
    if server.poll() is None:
        server.wait(timeout=5)


def machine() -> dict[str, str]:
    uname = subprocess.run(["uname", "-srm"], capture_output=True, text=True, check=False).stdout.strip()
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = str(os.cpu_count() or "?")
    if hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) != os.cpu_count():
        cores += f" ({len(os.sched_getaffinity(0))} usable by this process)"
    return {"uname": uname or platform.platform(), "cpu": cpu, "cores": cores,
            "python": platform.python_version()}


def render_section(results: list[Result], hey_command: str, gunicorn_command: str,
                   load_before: float) -> tuple[str, bool]:
    floor, api = results
    p95_ratio = api.p95_ms / floor.p95_ms
    p50_ratio = api.p50_ms / floor.p50_ms
    throughput_ratio = api.requests_per_second / floor.requests_per_second
    cost_ratio = floor.requests_per_second / api.requests_per_second  # time per request, api over floor
    p95_ok, cost_ok = p95_ratio <= TARGET, cost_ratio <= TARGET
    passed = p95_ok and cost_ok
    facts = machine()
    now = datetime.now().astimezone()
    workers, threads = os.environ.get("WEB_WORKERS", "2"), os.environ.get("WEB_THREADS", "4")

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    lines: list[str] = [
        f"## {now:%Y-%m-%d %H:%M} ({now:%Z}) — {verdict(passed)}",
        "",
        f"- Machine: `{facts['uname']}`, {facts['cpu']}, {facts['cores']} cores; load average {load_before:.2f} "
        "when the run started (other work on the machine skews the figures; hey shares the CPUs too)",
        f"- Python {facts['python']}, gunicorn gthread {workers} workers × {threads} threads, SQLite (WAL)",
        f"- Command: `make bench` (`.venv/bin/python bench/run.py`), i.e. `{gunicorn_command}` and, after "
        f"{WARMUP_REQUESTS} warm-up requests per endpoint, {hey_command}",
        "",
        "| endpoint (median of the rounds) | req/s | p50 ms | p95 ms |",
        "|---|---:|---:|---:|",
    ]
    for result in results:
        lines.append(f"| {result.name} `{result.path}` | {result.requests_per_second:,.0f} | {result.p50_ms:.1f} "
                     f"| {result.p95_ms:.1f} |")
    lines += [
        f"| ratio api/floor | {throughput_ratio:.2f} | {p50_ratio:.2f}× | {p95_ratio:.2f}× |",
        "",
        f"Target: API path costs no more than {TARGET}× the floor — **{verdict(passed)}**",
        f"- p95 latency: {p95_ratio:.2f}× the floor — {verdict(p95_ok)}",
        f"- time per request (floor req/s ÷ api req/s): {cost_ratio:.2f}× the floor — {verdict(cost_ok)}",
        "",
    ]
    return "\n".join(lines), passed


def write_report(section: str) -> None:
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    if MARKER not in text:
        # First run, or a hand-written file: the standard header goes on top, anything already there stays below.
        text = REPORT_HEADER + ("\n" + text.strip() + "\n" if text.strip() else "")
    head, _, older = text.partition(MARKER)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(f"{head}{MARKER}\n\n{section}\n{older.lstrip()}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
