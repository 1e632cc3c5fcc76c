"""The shapes of the work report's JSON API (/api/v1/reports/): a prose place, a save, a compared figure."""

from __future__ import annotations

from ninja import Schema

from secretariat.core.schemas import InputSchema


class ProseOut(Schema):
    place: str
    outline: list[str]
    heading: str
    text: str
    version: int
    suggested_from: str
    updated_by: str
    updated_at: str


class ProseIn(InputSchema):
    text: str
    version: int


class ChangeOut(Schema):
    place: str
    label: str
    current: str | None
    previous: str | None
    difference: str | None
    percent: str
