"""The public press pages under load (issue 6, "Speed"): `.venv/bin/python bench/media_bench.py`.

One run: a throwaway SQLite database (the embedded default) migrated, with the reference data, the demo
accounts and the press demo (4,033 releases of 112年下半年, plus posts, events and trainings); gunicorn with
config/gunicorn.conf.py serving `config.floor:application`; then, alternating in the same run, each of

- **static file** — `/static/css/app.css` served by WhiteNoise in the same gunicorn (the baseline),
- **public list** — `/press/` (the newest 20 releases; the page is cached and dropped on publication),
- **Atom feed** — `/press/feeds/releases.atom` (all the city's releases, newest 30),
- **agency RSS feed** — `/press/feeds/agencies/<交通局>/releases.rss`,
- **public JSON** — `/api/v1/media/public/releases` (not cached: informational),

is measured paced at the target's rate (`hey -z <s>s -c 20 -q 10`: 20 clients × 10 req/s = 200 req/s) for
the p95, and flat out (`hey -n … -c 20`) for the most it serves. Target: 200 req/s with p95 < 50 ms for
the list and the feeds. Figures go to docs/performance.md under the media marker (newest run first).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
sys.path[:0] = [str(BASE_DIR), str(BENCH_DIR)]

from run import HEY, check_endpoint, free_port, machine, manage, stop, wait_until_up  # noqa: E402

REPORT = BASE_DIR / "docs" / "performance.md"
MARKER = "<!-- media bench: newest run first; bench/media_bench.py inserts new runs below this line -->"
SECTION_HEADER = f"""
# Public press pages (SQLite, embedded default)

`bench/media_bench.py` loads the press demo (4,033 releases) into a throwaway SQLite database and measures,
in one gunicorn and one run, the public release list and the Atom/RSS feeds against a static file served by
the same server, paced at 200 requests/s (20 clients × 10 req/s) and flat out.
Target (issue 6): 200 req/s with p95 < 50 ms for the list and the feeds.

{MARKER}
"""
LOAD_SCRIPT = (  # run by `manage.py shell -c`: only what the public press pages need
    "from secretariat.core import reference as core\n"
    "from secretariat.accounts.services import reference as accounts, demo as people\n"
    "from secretariat.media.demo import press\n"
    "from secretariat.accounts.models import Agency\n"
    "core.load(); accounts.load(); people.load(); print(press.load())\n"
    "print('AGENCY', Agency.objects.get(short_name='交通局').pk)\n"
)
TARGET_RATE, TARGET_P95_MS = 200, 50.0
CLIENTS = 20


@dataclass
class Run:
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    statuses: dict[str, int]


def hey_run(arguments: list[str]) -> Run:
    done = subprocess.run([HEY, *arguments], capture_output=True, text=True, timeout=600, check=False)
    output = done.stdout
    if done.returncode != 0 or "Requests/sec" not in output:
        sys.exit(f"bench: hey failed:\n{output}{done.stderr}")

    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        return float(match.group(1)) if match else float("nan")

    statuses = {code: int(count) for code, count in re.findall(r"\[(\d{3})\]\s+(\d+) responses", output)}
    if set(statuses) != {"200"} or "Error distribution" in output:
        sys.exit(f"bench: not every answer was 200:\n{output}")
    return Run(number(r"Requests/sec:\s+([\d.]+)"), number(r"50% in ([\d.]+) secs") * 1000,
               number(r"95% in ([\d.]+) secs") * 1000, statuses)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="seconds of paced load per endpoint and round")
    parser.add_argument("--requests", type=int, default=2000, help="requests per flat-out run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; the report gives medians")
    args = parser.parse_args()
    if not os.access(HEY, os.X_OK):
        print(f"bench: {HEY} is missing: sudo apt-get install hey", file=sys.stderr)
        return 2
    load_before, began, started = os.getloadavg()[0], datetime.now().astimezone(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="secretariat-media-bench-") as var_dir:
        env = {**os.environ, "VAR_DIR": var_dir, "SECRET_KEY": "bench-only", "SECURE_COOKIES": "0",
               "DJANGO_SETTINGS_MODULE": "config.settings.base", "EMBEDDED_SCHEDULER": "0"}
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        loaded = time.perf_counter()
        output = manage(env, "shell", "--no-imports", "-c", LOAD_SCRIPT)
        load_seconds = time.perf_counter() - loaded
        agency = re.search(r"AGENCY (\d+)", output)
        if agency is None:
            sys.exit(f"bench: the press demo did not load:\n{output}")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        endpoints = [("static file (baseline)", "/static/css/app.css"), ("public list", "/press/"),
                     ("Atom feed, all agencies", "/press/feeds/releases.atom"),
                     ("RSS feed, one agency", f"/press/feeds/agencies/{agency.group(1)}/releases.rss"),
                     ("public JSON (not cached)", "/api/v1/media/public/releases")]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = Path(var_dir) / "gunicorn.log"
        paced: dict[str, list[Run]] = {path: [] for _label, path in endpoints}
        flat: dict[str, list[Run]] = {path: [] for _label, path in endpoints}
        with log_path.open("wb") as log:
            server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py",
                                       "config.floor:application"], cwd=BASE_DIR,
                                      env={**env, "BENCH_FLOOR": "1", "HOST": "127.0.0.1", "PORT": str(port)},
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                wait_until_up(server, f"{base}/healthz", log_path)
                for _label, path in endpoints:
                    check_endpoint(base + path, {})
                    hey_run(["-n", "200", "-c", str(CLIENTS), base + path])  # warm: caches, connections
                for number in range(1, args.rounds + 1):
                    for label, path in endpoints:
                        paced[path].append(hey_run(["-z", f"{args.seconds}s", "-c", str(CLIENTS),
                                                    "-q", str(TARGET_RATE // CLIENTS), base + path]))
                        flat[path].append(hey_run(["-n", str(args.requests), "-c", str(CLIENTS), base + path]))
                        print(f"bench: round {number} {label}: paced p95 {paced[path][-1].p95_ms:.1f} ms at "
                              f"{paced[path][-1].requests_per_second:.0f} req/s; flat "
                              f"{flat[path][-1].requests_per_second:.0f} req/s", flush=True)
            finally:
                stop(server)
    section, passed = render(endpoints, paced, flat, args, load_seconds, load_before, began)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Performance\n"
    if MARKER not in text:
        text = text.rstrip() + "\n" + SECTION_HEADER
    head, _, older = text.partition(MARKER)
    REPORT.write_text(f"{head}{MARKER}\n\n{section}\n{older.lstrip()}", encoding="utf-8")
    print(section)
    print(f"bench: wrote docs/performance.md — media {'PASS' if passed else 'FAIL'}; "
          f"whole run {time.perf_counter() - started:.0f} s")
    return 0


def render(endpoints: list[tuple[str, str]], paced: dict[str, list[Run]], flat: dict[str, list[Run]],
           args: argparse.Namespace, load_seconds: float, load_before: float, now: datetime) -> tuple[str, bool]:
    facts = machine()
    targeted = [path for label, path in endpoints if "list" in label or "feed" in label]
    checks = {path: median(paced[path], "p95_ms") < TARGET_P95_MS
              and median(paced[path], "requests_per_second") >= TARGET_RATE * 0.95 for path in targeted}
    passed = all(checks.values())
    lines = [
        f"## {now:%Y-%m-%d %H:%M} ({now:%Z}) — media — {'PASS' if passed else 'FAIL'}",
        "",
        f"- Machine: `{facts['uname']}`, {facts['cpu']}, {facts['cores']} cores; load average {load_before:.2f} "
        "when the run started (hey, gunicorn and SQLite share the CPUs)",
        f"- gunicorn gthread {os.environ.get('WEB_WORKERS', '2')} workers × {os.environ.get('WEB_THREADS', '4')} "
        f"threads, LocMemCache; press demo (4,033 releases) loaded in {load_seconds:.0f} s",
        f"- Paced: `hey -z {args.seconds}s -c {CLIENTS} -q {TARGET_RATE // CLIENTS}` ({TARGET_RATE} req/s); flat: "
        f"`hey -n {args.requests} -c {CLIENTS}`; {args.rounds} alternating rounds, medians",
        "",
        "| endpoint | paced req/s | paced p50 ms | paced p95 ms | flat-out req/s | flat p95 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, path in endpoints:
        lines.append(f"| {label} `{path}` | {median(paced[path], 'requests_per_second'):,.0f} | "
                     f"{median(paced[path], 'p50_ms'):.1f} | {median(paced[path], 'p95_ms'):.1f} | "
                     f"{median(flat[path], 'requests_per_second'):,.0f} | {median(flat[path], 'p95_ms'):.1f} |")
    lines += ["", *(f"- `{path}` at {TARGET_RATE} req/s, p95 < {TARGET_P95_MS:.0f} ms: "
                    f"{'PASS' if ok else 'FAIL'}" for path, ok in checks.items()), ""]
    return "\n".join(lines), passed


if __name__ == "__main__":
    sys.exit(main())
