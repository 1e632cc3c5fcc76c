"""Every operation of /api/v1/openapi.json, fuzzed by schemathesis as a Secretariat administrator and as an
agency liaison: no answer may be a server error, and every documented answer must match its schema.

Run with `make fuzz` (its own small world is written once and committed, so it is kept out of `make test`:
`-m fuzz` selects it). Bounded and reproducible: a few examples per operation, derandomized, no deadline (a
2-core CI machine). Each operation's examples run in one transaction, rolled back after it.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application
from tests import fuzz_world

pytestmark = pytest.mark.fuzz

# Binary downloads answer a file (an attachment, a daily digest as ODT, the report as ODT/PDF/DOCX) rather
# than JSON, so there is no schema to conform to, and the report's PDF runs LibreOffice for seconds per
# example. Their refusals are tested in their apps.
NOT_FUZZED = r"/download(/\{fmt\})?$|/digests/\{day\}$"

CHECKS = [not_a_server_error, response_schema_conformance]
# Six examples per operation beside the examples and boundary cases schemathesis derives from the schema.
FUZZ_SETTINGS = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))


@contextmanager
def in_process_requests() -> Iterator[None]:
    """Requests run inside the test's transaction, as with Django's test client: the handler must not close the
    connection at the start and end of every request (that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


with in_process_requests():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).exclude(path_regex=NOT_FUZZED)


@dataclass
class Tally:
    """Test cases and seconds per persona and operation, printed at the end: what the run covered."""

    cases: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


@pytest.fixture(scope="module")
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    counts = Tally()
    yield counts
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        slowest = ", ".join(f"{label} {seconds:.1f}s" for label, seconds
                            in sorted(counts.seconds.items(), key=lambda item: -item[1])[:5])
        with capture.global_and_fixture_disabled():  # teardown output is captured otherwise
            reporter.write_line(f"\nfuzz: {len(counts.cases)} operation runs, {sum(counts.cases.values())} "
                                f"test cases; slowest: {slowest}")


@pytest.fixture(scope="module")
def tokens(django_db_setup: Any, django_db_blocker: Any) -> dict[str, str]:
    """The world, written once for the module and committed (each operation's examples roll back theirs)."""
    with django_db_blocker.unblock():
        return fuzz_world.build()


@pytest.fixture(autouse=True)
def _in_process_requests() -> Iterator[None]:
    with in_process_requests():
        yield


def call(case: Any, token: str, tally: Tally, persona: str) -> None:
    label = f"{persona} {case.operation.label}"
    started = time.monotonic()
    try:
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
    finally:
        tally.cases[label] += 1
        tally.seconds[label] += time.monotonic() - started


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_secretariat_admin(case: Any, tokens: dict[str, str], tally: Tally) -> None:
    call(case, tokens["admin"], tally, "admin")


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_agency_liaison(case: Any, tokens: dict[str, str], tally: Tally) -> None:
    call(case, tokens["liaison"], tally, "liaison")
