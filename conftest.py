"""Project-wide pytest setup: the shared fixtures live in tests/fixtures.py so every app's tests see them."""

pytest_plugins = ["tests.fixtures"]
