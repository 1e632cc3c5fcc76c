"""Runs each installed app's `reference.load()` and `demo.load()` in INSTALLED_APPS order (`reference` may
also be `services/reference`).

Apps plug their data in by having those modules (a reference loader writes, so an app may keep it in its
services package: `services/reference.py`); the kernel names none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from django.apps import apps
from django.db import transaction


def _loader_module(app_name: str, module_name: str) -> ModuleType | None:
    """`<app>.<module_name>`, else `<app>.services.<module_name>` (reference data is written, so an app may
    keep its loader among its services); None when the app has neither."""
    for candidate in (f"{app_name}.{module_name}", f"{app_name}.services.{module_name}"):
        try:
            return importlib.import_module(candidate)
        except ModuleNotFoundError as error:
            if error.name not in (candidate, f"{app_name}.services"):
                raise
    return None


def _loaders(module_name: str) -> list[tuple[str, Callable[[], list[str]]]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("secretariat."):
            continue
        module = _loader_module(config.name, module_name)
        if module is None:
            continue
        found.append((config.label, module.load))
    return found


def run_loaders(module_name: str, report: Callable[[str], None]) -> None:
    """Each app's loader runs in its own transaction: a failure leaves the earlier apps' data intact
    and the failing app's data unwritten, and running again picks up where it stopped."""
    for label, load in _loaders(module_name):
        with transaction.atomic():
            outcome = load()
        report(f"{label}: {', '.join(outcome) if outcome else 'up to date'}")


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, description) from every app's demo module that lists logins."""
    logins: list[tuple[str, str, str]] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("secretariat."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        logins.extend(getattr(module, "logins", lambda: [])())
    return logins
