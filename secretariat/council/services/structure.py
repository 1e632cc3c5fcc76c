"""Writes to the council's structure: the roster import (the rest is edited in the administration site)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.access import structure as access
from secretariat.council.models import Caucus, Councillor, Session, Term

ROSTER_COLUMNS = ("term", "name", "caucus", "district", "phone", "email")
_FIELDS = ["term", "name", "caucus", "district", "phone", "email"]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


@dataclass(frozen=True)
class _Row:
    line: int
    term: Term
    name: str
    caucus: Caucus | None
    district: str
    phone: str
    email: str


def _refuse(line: int, message: Any, **params: Any) -> ValidationFailed:
    problem = str(message) % params if params else str(message)
    return ValidationFailed(_("Line %(line)s: %(problem)s"), code="roster_invalid",
                            params={"line": line, "problem": problem})


def _read_rows(text: str) -> list[_Row]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [column for column in ROSTER_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValidationFailed(_("The file lacks the columns: %(columns)s."), code="roster_invalid",
                               params={"columns": ", ".join(missing)})
    terms = {term.number: term for term in Term.objects.all()}
    caucuses = {(caucus.term_id, key): caucus for caucus in Caucus.objects.all()
                for key in (caucus.name, caucus.short_name) if key}
    rows: list[_Row] = []
    seen: set[tuple[int, str]] = set()
    for line, raw in enumerate(reader, start=2):
        values = {column: (raw.get(column) or "").strip() for column in ROSTER_COLUMNS}
        term = terms.get(int(values["term"])) if values["term"].isdigit() else None
        if term is None:
            raise _refuse(line, _("there is no council term “%(term)s”."), term=values["term"])
        if not values["name"] or len(values["name"]) > 40:
            raise _refuse(line, _("a councillor's name is required (at most 40 characters)."))
        if (term.pk, values["name"]) in seen:
            raise _refuse(line, _("%(name)s appears twice."), name=values["name"])
        seen.add((term.pk, values["name"]))
        caucus = None
        if values["caucus"]:
            caucus = caucuses.get((term.pk, values["caucus"]))
            if caucus is None:
                raise _refuse(line, _("the term has no caucus “%(caucus)s”."), caucus=values["caucus"])
        if values["email"]:
            try:
                validate_email(values["email"])
            except DjangoValidationError:
                raise _refuse(line, _("“%(email)s” is not an e-mail address."), email=values["email"]) from None
        if len(values["district"]) > 60 or len(values["phone"]) > 30:
            raise _refuse(line, _("the district or phone is too long."))
        rows.append(_Row(line=line, term=term, name=values["name"], caucus=caucus, district=values["district"],
                         phone=values["phone"], email=values["email"]))
    return rows


def councillor_roster_import(*, actor: Actor, text: str) -> ImportResult:
    """Create or update councillors from CSV text with the columns of ROSTER_COLUMNS (a councillor is
    matched by term and name). Every line is checked before anything is written: one bad line
    refuses the whole file. Each change is audited."""
    if actor is not SYSTEM and not access.can_edit_structure(actor):
        raise PermissionRefused()
    rows = _read_rows(text)
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            councillor = Councillor.objects.select_for_update().filter(term=row.term, name=row.name).first()
            before = snapshot(councillor, _FIELDS) if councillor else None
            if councillor is None:
                councillor = Councillor(term=row.term, name=row.name)
                created += 1
            else:
                updated += 1
            councillor.caucus = row.caucus
            councillor.district, councillor.phone, councillor.email = row.district, row.phone, row.email
            councillor.save()
            record_change(actor=actor, action="council.councillor_import", target=councillor, before=before,
                          after=snapshot(councillor, _FIELDS))
    return ImportResult(created=created, updated=updated)


def structure_record_save(*, actor: Actor, instance: Term | Session | Caucus | Councillor, fields: list[str],
                          created: bool) -> None:
    """Save a term, session, caucus or councillor edited in the administration site (which validated the
    form): the edit is refused to anyone but a Secretariat administrator, and audited."""
    if not access.can_edit_structure(actor):
        raise PermissionRefused()
    label = type(instance).__name__.lower()
    with transaction.atomic():
        before = None
        if not created:
            current = type(instance).objects.select_for_update().filter(pk=instance.pk).first()
            before = snapshot(current, fields) if current else None
        instance.save()
        record_change(actor=actor, action=f"council.{label}_{'create' if created else 'update'}", target=instance,
                      before=before, after=snapshot(instance, fields))
