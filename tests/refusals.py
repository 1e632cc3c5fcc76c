"""What "nothing was written" means in a refusal test, for any app: no row of the apps' tables (their
many-to-many tables too) or of the extra models came or went, the listed fields of the watched rows kept
their values, and no mail left. Each app's helper names what to watch (media/tests/refusal_helpers.py,
counters/tests/refusal_helpers.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.core import mail
from django.db.models import Model
from django.test import Client

from secretariat.audit.models import AuditEntry
from secretariat.core.errors import ApplicationError

State = Callable[[], dict[str, Any]]


def watcher(*, app_labels: Iterable[str] = (), models: Iterable[type[Model]] = (),
            rows: Mapping[type[Model], Iterable[str]] | None = None) -> State:
    """A function giving the state to compare: the row count of every table of `app_labels`, of `models` and
    of the audit trail, the `rows` fields of every row of those models, and the number of mails sent."""
    labels = tuple(app_labels)
    extra: tuple[type[Model], ...] = (*models, AuditEntry)
    fields = {model: tuple(names) for model, names in (rows or {}).items()}

    def state() -> dict[str, Any]:
        counted: list[type[Model]] = [model for label in labels
                   for model in apps.get_app_config(label).get_models(include_auto_created=True)]
        found: dict[str, Any] = {model._meta.label: model._default_manager.count() for model in (*counted, *extra)}
        for model, names in fields.items():
            found[f"{model._meta.label} rows"] = list(
                model._default_manager.order_by("pk").values_list("pk", *names))
        found["mails sent"] = len(getattr(mail, "outbox", []))
        return found

    return state


@contextmanager
def nothing_written(state: State) -> Iterator[None]:
    """Fails the test if the block changed any part of `state()`."""
    before = state()
    yield
    after = state()
    changed = {key for key in before if before[key] != after[key]}
    assert not changed, f"written despite the refusal: {sorted(changed)}"


def assert_refusal(error: ApplicationError, kind: type[ApplicationError], code: str | None = None,
                   field: str | None = None) -> None:
    """`error` is a `kind` with that code and field (when given), and tells the user something in words."""
    assert isinstance(error, kind), f"{type(error).__name__} is not {kind.__name__}"
    if code is not None:
        assert error.code == code, f"code {error.code!r}, not {code!r}"
    if field is not None:
        assert error.field == field, f"field {error.field!r}, not {field!r}"
    assert error.render()


ERROR_KEYS = {"code", "message", "messages", "field", "details"}


def api_call(client: Client, method: str, url: str, data: Any = None) -> Any:
    """A GET with `data` as its query, or any other method with `data` as its JSON body."""
    if method == "get":
        return client.get(url, data or {})
    return getattr(client, method)(url, json.dumps(data if data is not None else {}),
                                   content_type="application/json")


def api_refusal(response: Any, status: int, code: str, field: str | None = "") -> dict[str, Any]:
    """The shared error body (docs/api.md) with the status and code expected (and the field, unless "")."""
    assert response.status_code == status, response.content[:400]
    assert response["Content-Type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) >= ERROR_KEYS
    assert body["code"] == code
    assert set(body["messages"]) == {"zh-hant", "en"}
    assert body["message"]
    if field != "":
        assert body["field"] == field
    return body
