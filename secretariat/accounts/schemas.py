from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from secretariat.core.schemas import InputSchema


class AgencyOut(Schema):
    id: int
    code: str | None
    name: str
    short_name: str
    report_name: str
    name_en: str
    kind: str
    parent_id: int | None
    is_secretariat: bool
    is_active: bool


class AgencyIn(InputSchema):
    name: str = Field(min_length=1, max_length=100)
    short_name: str = Field(min_length=1, max_length=30)
    code: str | None = Field(default=None, min_length=10, max_length=10)
    rollup_name: str = Field(default="", max_length=40)
    name_en: str = Field(default="", max_length=150)
    kind: str = "agency"
    parent_id: int | None = None
    sort_order: int = Field(default=0, ge=0)


class AgencyPatch(InputSchema):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    short_name: str | None = Field(default=None, min_length=1, max_length=30)
    code: str | None = Field(default=None, min_length=10, max_length=10)
    rollup_name: str | None = Field(default=None, max_length=40)
    name_en: str | None = Field(default=None, max_length=150)
    kind: str | None = None
    parent_id: int | None = None
    sort_order: int | None = Field(default=None, ge=0)
    is_active: bool | None = None


class UnitOut(Schema):
    id: int
    agency_id: int
    name: str
    name_en: str


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    email: str
    role: str
    role_label: str
    agency: AgencyOut | None
    unit: UnitOut | None
    sees_all_agencies: bool
    permissions: list[str]


class UserOut(Schema):
    id: int
    username: str
    display_name: str
    email: str
    role: str
    agency_id: int | None
    unit_id: int | None
    is_active: bool


class UserIn(InputSchema):
    username: str = Field(min_length=2, max_length=150, pattern=r"^[\w.@+-]+$")
    password: str = Field(min_length=1, max_length=128)
    display_name: str = Field(default="", max_length=60)
    email: str = Field(default="", max_length=254)
    role: str
    agency_id: int | None = None
    unit_id: int | None = None
    phone: str = Field(default="", max_length=30)


class UserPatch(InputSchema):
    display_name: str | None = Field(default=None, max_length=60)
    email: str | None = Field(default=None, max_length=254)
    role: str | None = None
    agency_id: int | None = None
    unit_id: int | None = None
    phone: str | None = Field(default=None, max_length=30)
    is_active: bool | None = None


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenIn(InputSchema):
    name: str = Field(min_length=1, max_length=80)
    expires_at: dt.datetime | None = None


class TokenCreated(TokenOut):
    token: str = Field(description="Shown once; store it now.")
