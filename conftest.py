"""Project-wide pytest setup: the shared fixtures live in tests/fixtures.py (data, personas) and tests/browser.py
(Chromium through Playwright, for the browser journeys) so every app's tests see them."""

from hypothesis import HealthCheck, settings

pytest_plugins = ["tests.fixtures", "tests.browser"]

# The machines that run the suite are shared and noisy: a property is judged on its examples, never on how
# long they took (no deadline, no "generation too slow" health check).
settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")
