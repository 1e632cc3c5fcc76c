"""Every audit code the platform writes is declared with a label (issue 12 §3).

The source is read, not run: each code written literally (`action="…"` on any call, the first argument of an
`AuditRow`) must be declared, and each code built at run time must belong to a family declared from the data
it is built from (a kind's steps, an import's sources, the records a helper saves).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.utils import translation

from secretariat.accounts.models import Agency, Unit
from secretariat.cases.kinds import all_kinds
from secretariat.core.audit_actions import actions_declared
from secretariat.council.admin import StructureAdmin
from secretariat.media.models.opinion import ItemSource

ROOT = Path(__file__).resolve().parent.parent / "secretariat"
WRITERS = {"record_change", "audit_record"}
ROW_CALLS = {"AuditRow", "Row"}  # the bulk writer's rows (the demo imports AuditRow as Row)
# The files that build a code at run time, each checked against its data below.
DYNAMIC = {"accounts/services/__init__.py", "cases/services/__init__.py", "council/services/structure.py",
           "media/services/opinion_import.py"}


def _is_code(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    head, dot, tail = node.value.partition(".")
    return bool(dot) and all(part and part.replace("_", "").isalpha() and part.islower() for part in (head, tail))


def _codes_in(node: ast.AST) -> set[str]:
    return {str(sub.value) for sub in ast.walk(node) if isinstance(sub, ast.Constant) and _is_code(sub)}


def _written(node: ast.Call) -> list[ast.expr]:
    """The expressions a call gives as an audit code."""
    given: list[ast.expr] = [keyword.value for keyword in node.keywords if keyword.arg == "action"]
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    if name in ROW_CALLS and node.args:
        given.append(node.args[0])
    return given


def _scan() -> tuple[dict[str, set[str]], set[str], set[str]]:
    """code → the files writing it; the files building a code at run time; the writes whose code the scan
    cannot read (none may be)."""
    literal: dict[str, set[str]] = {}
    dynamic: set[str] = set()
    opaque: set[str] = set()
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                for expression in _written(node):
                    if isinstance(expression, ast.JoinedStr):
                        dynamic.add(relative)
                        continue
                    if _writes(node) and not isinstance(expression, (ast.Constant, ast.IfExp, ast.Name)):
                        opaque.add(f"{relative}:{node.lineno}")
                    # A code held in a variable comes from the literals of the function around the call.
                    found = _codes_in(function if isinstance(expression, ast.Name) and function is not tree
                                      else expression)
                    for code in found:
                        literal.setdefault(code, set()).add(relative)
    return literal, dynamic, opaque


def _writes(node: ast.Call) -> bool:
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    return name in WRITERS | ROW_CALLS


LITERAL, DYNAMIC_FOUND, OPAQUE = _scan()


def test_the_scan_finds_the_codes_the_services_write() -> None:
    assert len(LITERAL) > 80
    assert {"case.open", "petition.register", "media.release_publish", "counters.slot_publish"} <= set(LITERAL)


def test_every_code_written_literally_is_declared() -> None:
    declared = actions_declared()
    assert {code: sorted(files) for code, files in LITERAL.items() if code not in declared} == {}


def test_every_declared_code_has_a_label_in_chinese() -> None:
    with translation.override("zh-hant"):
        untranslated = {code: str(action.label) for code, action in actions_declared().items()
                        if not any("\u4e00" <= char <= "\u9fff" for char in str(action.label))}
    assert untranslated == {}


def test_codes_built_at_run_time_come_only_from_the_declared_families() -> None:
    assert DYNAMIC_FOUND == DYNAMIC
    assert sorted(OPAQUE) == []


def test_every_step_of_every_registered_kind_is_declared() -> None:
    declared = actions_declared()
    steps = {f"case.{t.name}" for kind in all_kinds() for t in kind.workflow.transitions}
    assert len(all_kinds()) >= 4
    assert steps - set(declared) == set()


def test_every_opinion_source_is_declared() -> None:
    declared = actions_declared()
    assert {f"opinion.import_{source}" for source in ItemSource} - set(declared) == set()


def test_every_record_the_accounts_helper_saves_is_declared() -> None:
    saved = _models_given_to("accounts/services/__init__.py", "_record_save")
    assert saved == {"Agency", "Unit"}
    declared = actions_declared()
    for model in (Agency, Unit):
        assert {f"{model._meta.model_name}.create", f"{model._meta.model_name}.change"} <= set(declared)


@pytest.mark.parametrize("verb", ["create", "update"])
def test_every_council_record_edited_in_the_admin_is_declared(verb: str) -> None:
    edited = [model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, StructureAdmin)]
    assert len(edited) == 4
    declared = actions_declared()
    assert {f"council.{model.__name__.lower()}_{verb}" for model in edited} - set(declared) == set()


def _models_given_to(relative: str, function: str) -> set[str]:
    tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"))
    return {keyword.value.id for node in ast.walk(tree) if isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == function
            for keyword in node.keywords if keyword.arg == "model" and isinstance(keyword.value, ast.Name)}
