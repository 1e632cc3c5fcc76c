"""Profile staff pages in one process with pyinstrument (not a project dependency: `pip install pyinstrument`).

    VAR_DIR=<folder with a demo database> AUDIT_KEY=<its key> python bench/profile_pages.py "/cases/?tab=route"

Signs in as the demo's first clerk, asks each page once to warm up, counts its queries, then prints the profile
of 20 requests. What docs/performance.md says of the work-queue pages comes from here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("EMBEDDED_SCHEDULER", "0")
os.environ.setdefault("ALLOWED_HOSTS", "*")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from secretariat.accounts.models import User  # noqa: E402

REQUESTS = 20


def main() -> None:
    clerk = User.objects.filter(role="secretariat_staff", is_active=True).order_by("pk").first()
    client = Client()
    client.force_login(clerk, backend="django.contrib.auth.backends.ModelBackend")
    for path in sys.argv[1:]:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(f"{path}: {len(queries.captured_queries)} queries")
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(REQUESTS):
            client.get(path)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
