"""One house (DESIGN.md): every app under secretariat/ uses the same names for the same roles.

A module that plays none of these roles lives inside the package of the role it plays (a report's renderer
inside `report/`, a routing model inside `services/`), never as a `<topic>_<role>.py` sibling. The kernel
(`core`) is the exception: it is the house's library of one-home helpers (calendar, ROC dates, numbers, …;
docs/architecture.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

APPS_ROOT = Path(__file__).resolve().parent.parent / "secretariat"
KERNEL = {"core"}
# A role may be a module or a package of the same name.
ROLES = {"apps", "constants", "models", "services", "selectors", "access", "kinds", "audit", "api", "schemas",
         "views", "forms", "report", "demo", "imports", "tasks", "admin"}
MODULE_ONLY = {"__init__.py", "urls.py"}
DIRECTORIES = {"management", "migrations", "tests", "templates", "static", "data", "__pycache__"}
PROJECT_TEMPLATES = {"base.html", "error.html", "form_fields.html"}


def apps() -> list[Path]:
    return sorted(path for path in APPS_ROOT.iterdir()
                  if path.is_dir() and (path / "apps.py").exists() and path.name not in KERNEL)


def misplaced(app: Path) -> list[str]:
    wrong = []
    for entry in sorted(app.iterdir()):
        name = entry.name
        if entry.is_dir():
            if name not in DIRECTORIES and name not in ROLES:
                wrong.append(name + "/")
        elif entry.suffix == ".py" and name not in MODULE_ONLY and entry.stem not in ROLES:
            wrong.append(name)
    return wrong


@pytest.mark.parametrize("app", apps(), ids=lambda app: app.name)
def test_every_module_of_the_app_is_named_for_its_role(app: Path) -> None:
    assert misplaced(app) == []


@pytest.mark.parametrize("app", apps(), ids=lambda app: app.name)
def test_the_apps_templates_live_inside_it(app: Path) -> None:
    assert not (APPS_ROOT.parent / "templates" / app.name).exists()


@pytest.mark.parametrize("app", apps(), ids=lambda app: app.name)
def test_an_api_has_its_schemas_beside_it(app: Path) -> None:
    has_api = (app / "api.py").exists() or (app / "api").is_dir()
    has_schemas = (app / "schemas.py").exists() or (app / "api" / "schemas.py").exists()
    assert has_schemas or not has_api


def test_the_project_templates_hold_only_the_shared_layout() -> None:
    shared = {path.name for path in (APPS_ROOT.parent / "templates").iterdir()}
    assert shared <= PROJECT_TEMPLATES | {"partials"}
