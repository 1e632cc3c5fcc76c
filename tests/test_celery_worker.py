"""Celery for real: web, worker and beat as separate processes against Redis and PostgreSQL, as in production.

A petition is filed and assigned through the HTTP API of a running gunicorn; the assignment's mail must be
sent by the worker (the web process only queues it), and the daily reminders, fired by beat, must reach the
liaison by mail too. Runs where PostgreSQL and Redis are (`.ci/run` starts Redis if it is down); skipped on
SQLite, whose test database other processes cannot share safely.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from email import message_from_string, policy
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from secretariat.accounts.services import api_token_create
from secretariat.core.notification_events import Channel
from secretariat.notifications.services import preferences_set

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
REDIS_URL = os.environ.get("WORKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 90


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as probe:
            probe.sendall(b"PING\r\n")
            return probe.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def platform(tmp_path) -> Iterator[tuple[str, Path]]:
    """gunicorn, a worker and beat on this test's database; yields the web address and the mail folder."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the processes share the test database")
    if not _redis_up():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    url = (f"postgres://{connection.settings_dict['USER']}@{connection.settings_dict['HOST']}:"
           f"{connection.settings_dict['PORT'] or 5432}/{connection.settings_dict['NAME']}")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": url,
           "REDIS_URL": REDIS_URL, "WORKER_TEST_MAIL_DIR": str(mail_dir), "PYTHONPATH": str(ROOT)}
    port = _free_port()
    bin_dir = Path(sys.executable).parent
    commands = [
        [str(bin_dir / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        [str(bin_dir / "celery"), "-A", "config", "worker", "--pool=solo", "--without-mingle", "--without-gossip",
         "-l", "warning"],
        [str(bin_dir / "celery"), "-A", "tests.worker_beat", "beat", "-l", "warning", "-s",
         str(tmp_path / "beat-schedule")],
    ]
    logs = [open(tmp_path / f"process-{index}.log", "w") for index in range(len(commands))]  # noqa: SIM115
    processes = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
                 for command, log in zip(commands, logs, strict=True)]
    try:
        _wait_for(lambda: _port_open(port), "gunicorn to listen", tmp_path)
        yield f"http://127.0.0.1:{port}", mail_dir
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _wait_for(check, what: str, logs: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    output = "\n".join(path.read_text(errors="replace")[-3000:] for path in sorted(logs.glob("process-*.log")))
    pytest.fail(f"waited {WAIT_SECONDS} s for {what}; the processes said:\n{output}")


def _mails(folder: Path) -> list[tuple[str, str, str]]:
    """(to, subject, body) of every mail the processes wrote; a file holds one connection's mails."""
    found = []
    for path in folder.glob("*.log"):
        for chunk in path.read_text(errors="replace").split("-" * 79):
            if chunk.strip():
                message = message_from_string(chunk.strip(), policy=policy.default)
                body = message.get_body(("plain",))
                found.append((str(message["To"]), str(message["Subject"]), body.get_content() if body else ""))
    return found


def _api(base: str, token: str, method: str, path: str, payload: dict[str, object]) -> dict[str, Any]:
    import json
    import urllib.request

    request = urllib.request.Request(base + path, method=method, data=json.dumps(payload).encode(),  # noqa: S310
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def test_the_worker_sends_the_mail_and_beat_fires_the_daily_reminders(platform, reference_data, secretariat_clerk,
                                                                       liaison, agency_named):
    base, mail_dir = platform
    preferences_set(actor=liaison, choices={"case.assigned": Channel.MAIL})
    _token, key = api_token_create(actor=secretariat_clerk, name="worker test")

    filed = _api(base, key, "POST", "/api/v1/petitions/", {"subject": "信義路路燈不亮", "content": "請派員修復路燈。"})
    case = _api(base, key, "POST", f"/api/v1/cases/{filed['case_id']}/steps/assign",
                {"version": 1, "agency": agency_named("交通局").pk})
    assert case["lead_agency"]["short_name"] == "交通局"

    def assignment_mailed() -> bool:
        return any(liaison.email in to and filed["reference"] in subject for to, subject, _body in _mails(mail_dir))

    _wait_for(assignment_mailed, "the worker to send the assignment mail", mail_dir.parent)

    # Due tomorrow: the next run of the daily reminders (every two seconds here) must tell the liaison.
    from django.utils import timezone

    from secretariat.cases.models import Case
    from secretariat.core.calendar import work_calendar

    Case.objects.filter(pk=filed["case_id"]).update(due_on=work_calendar().next_working_day(timezone.localdate()))

    def reminder_mailed() -> bool:
        return any(liaison.email in to and "一個工作日內到期" in subject and filed["reference"] in body
                   for to, subject, body in _mails(mail_dir))

    _wait_for(reminder_mailed, "beat's reminders to reach the liaison", mail_dir.parent)
