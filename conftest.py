"""Project-wide pytest setup: the shared fixtures live in tests/fixtures.py (data, personas) and tests/browser.py
(Chromium through Playwright, for the browser journeys) so every app's tests see them."""

pytest_plugins = ["tests.fixtures", "tests.browser"]
