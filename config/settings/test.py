"""Test settings: the production module with a fixed key, fast hashing and a file-backed SQLite.

A file (not in-memory) SQLite test database is used so that tests with threads see real locking
behaviour, the same as `make run`.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("SECURE_COOKIES", "0")

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The worker test (tests/test_celery_worker.py) runs web, worker and beat as processes of their own: their
# mail goes to files it can read.
if os.environ.get("WORKER_TEST_MAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = Path(os.environ["WORKER_TEST_MAIL_DIR"])
EMBEDDED_SCHEDULER = False
AUDIT_KEY = "test-only-audit-key-not-secret-0123456789"
# No anchor file by default: one file shared by a process's tests would carry one test's chain tips into the
# next test's verification. Tests that anchor point AUDIT_ANCHOR_FILE at their own temporary file.
AUDIT_ANCHOR_FILE = ""
AUDIT_ANCHOR_MAIL_TO = []
TEST_MEDIA = tempfile.mkdtemp(prefix="secretariat-test-media-")
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="secretariat-test-static-"))  # WhiteNoise wants it to exist
MEDIA_ROOT = Path(TEST_MEDIA)
STORAGES["attachments"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": TEST_MEDIA + "/attachments"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One file per test process, so two test runs on one machine never share a database.
    test_db = os.path.join(tempfile.gettempdir(), f"secretariat-test-{os.getpid()}.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": test_db}
