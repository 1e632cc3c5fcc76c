"""The settings module as a deployment loads it, in a fresh process with only the variables the README lists:
`check --deploy` is clean, mail links follow the served port, S3-compatible storage resolves by class path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The README's production step, with invented values.
PRODUCTION = {
    "SECRET_KEY": "x7Qp-production-like-key-" + "k3Vr9sLm2Tz8Wb4Yc6Nd1Hf5Jg0Ae7Ux",
    "AUDIT_KEY": "a9Lm-production-like-audit-key-" + "Q2w8Er4Ty6Ui1Op3As5Df7Gh",
    "DATABASE_URL": "postgres://secretariat:secret@db.internal:5432/secretariat",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "ALLOWED_HOSTS": "secretariat.gov.taipei",
    "CSRF_TRUSTED_ORIGINS": "https://secretariat.gov.taipei",
    "PUBLIC_BASE_URL": "https://secretariat.gov.taipei",
    "BEHIND_TLS_PROXY": "1",
    "TRUSTED_PROXIES": "10.0.0.0/8",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def run(arguments: list[str], environment: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`arguments` with the production settings module and nothing of this test run's environment but PATH."""
    env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings.base",
           "VAR_DIR": str(tmp_path), **environment}
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True,  # noqa: S603
                          text=True, timeout=120, check=False)


def setting(name: str, environment: dict[str, str], tmp_path: Path) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    done = run(["-c", code], {"SECRET_KEY": "dev-key", **environment}, tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_check_deploy_is_clean_with_the_readmes_production_variables(tmp_path):
    done = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_hsts_subdomains_and_preload_follow_the_environment(tmp_path):
    assert setting("SECURE_HSTS_INCLUDE_SUBDOMAINS", {}, tmp_path) == "False"
    assert setting("SECURE_HSTS_PRELOAD", {"SECURE_HSTS_PRELOAD": "1"}, tmp_path) == "True"


def test_a_typo_in_the_trusted_proxies_stops_the_server(tmp_path):
    code = "import django; django.setup()"
    done = run(["-c", code], {"SECRET_KEY": "dev-key", "TRUSTED_PROXIES": "10.0.0.0/8,10.0.0.300"}, tmp_path)
    assert done.returncode != 0
    assert "TRUSTED_PROXIES" in done.stderr


def test_mail_links_follow_the_port_make_run_serves(tmp_path):
    assert setting("PUBLIC_BASE_URL", {"PORT": "8123"}, tmp_path) == "http://127.0.0.1:8123"
    assert setting("PUBLIC_BASE_URL", {}, tmp_path) == "http://127.0.0.1:8000"
    assert setting("PUBLIC_BASE_URL", {"PORT": "8123", "PUBLIC_BASE_URL": "https://secretariat.gov.taipei"},
                   tmp_path) == "https://secretariat.gov.taipei"


def test_attachments_go_to_s3_compatible_storage_by_class_path(tmp_path):
    pytest.importorskip("boto3", reason="the s3 extra is not installed: pip install -e '.[s3]'")
    code = ("import django; django.setup(); from django.core.files.storage import storages; "
            "store = storages['attachments']; print(type(store).__module__, type(store).__name__, store.bucket_name)")
    done = run(["-c", code], {"SECRET_KEY": "dev-key", "ATTACHMENT_STORAGE": "storages.backends.s3.S3Storage",
                              "AWS_STORAGE_BUCKET_NAME": "secretariat-attachments"}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["storages.backends.s3", "S3Storage", "secretariat-attachments"]
