"""Every schema the API documents has a name of its own: /api/v1/openapi.json names each schema once
(components/schemas), so two classes of the same name make one operation document the other's shape."""

from __future__ import annotations

import typing
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from config.api import api


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _reachable(roots: list[type[BaseModel]]) -> set[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in model.model_fields.values():
            todo.extend(_models_in(field.annotation))
    return seen


def _operation_models() -> list[type[BaseModel]]:
    roots: list[type[BaseModel]] = []
    for bound_router in api._get_bound_routers():
        for path_view in bound_router.path_operations.values():
            for operation in path_view.operations:
                roots.extend(operation.models)
                roots.extend(model for model in operation.response_models.values()
                             if isinstance(model, type) and issubclass(model, BaseModel))
    return roots


def test_no_two_schemas_reachable_from_the_api_share_a_name() -> None:
    by_name: dict[str, set[str]] = defaultdict(set)
    for model in _reachable(_operation_models()):
        if model.__module__.startswith("secretariat."):
            by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    assert {name: sorted(places) for name, places in by_name.items() if len(places) > 1} == {}


def test_every_documented_reference_resolves() -> None:
    spec = api.get_openapi_schema()
    defined = set(spec["components"]["schemas"])
    refs = {ref.rsplit("/", 1)[-1] for ref in _refs(spec["paths"])}
    assert refs <= defined
    assert len(defined) >= 100  # the schemas of every app are there


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)
