"""Two people acting on one case at once: the second is told, and the case is never half-changed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseEvent, CaseStatus
from secretariat.cases.services import case_transition
from secretariat.cases.tests.stories import agency
from secretariat.core.errors import Conflict


@pytest.mark.django_db
def test_the_second_clerk_working_from_the_old_page_is_told_someone_else_changed_the_case(
        register_petition, secretariat_clerk, secretariat_admin):
    case = register_petition()
    seen = case.version  # both clerks opened the case page now
    case_transition(actor=secretariat_clerk, case_id=case.pk, name="assign", version=seen,
                    data={"agency": agency("交通局")})

    with pytest.raises(Conflict) as conflict:
        case_transition(actor=secretariat_admin, case_id=case.pk, name="assign", version=seen,
                        data={"agency": agency("衛生局")})

    assert conflict.value.code == "conflict"
    assert conflict.value.status == 409
    assert "Reload" in conflict.value.render() or "重新" in conflict.value.render()
    case.refresh_from_db()
    assert (case.lead_agency, case.version) == (agency("交通局"), seen + 1)
    assert case.events.filter(action="assign").count() == 1
    assert AuditEntry.objects.filter(action="case.assign").count() == 1


@pytest.mark.django_db
def test_working_from_the_current_version_after_a_reload_succeeds(register_petition, secretariat_clerk,
                                                                   secretariat_admin):
    case = register_petition()
    case_transition(actor=secretariat_clerk, case_id=case.pk, name="assign", version=1,
                    data={"agency": agency("交通局")})

    case_transition(actor=secretariat_admin, case_id=case.pk, name="merge", version=2,
                    data={"into": register_petition("另案").reference})

    assert Case.objects.get(pk=case.pk).status == CaseStatus.MERGED


@pytest.mark.django_db(transaction=True)
def test_two_people_firing_at_the_same_moment_one_wins_and_one_is_told(register_petition, liaison, agency_head,
                                                                        secretariat_clerk):
    case = register_petition()
    case_transition(actor=secretariat_clerk, case_id=case.pk, name="assign", version=1,
                    data={"agency": agency("交通局")})
    start = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def act(who: str, actor: Any, name: str, data: dict[str, Any]) -> None:
        try:
            start.wait(timeout=10)
            case_transition(actor=actor, case_id=case.pk, name=name, version=2, data=data)
            outcomes[who] = "done"
        except Conflict:
            outcomes[who] = "conflict"
        except Exception as error:  # anything else is a failure the assertion below shows
            outcomes[who] = repr(error)
        finally:
            connection.close()  # each thread opened its own database connection

    threads = [
        threading.Thread(target=act, args=("liaison", liaison, "answer", {"answer": "已修復。"})),
        threading.Thread(target=act, args=("head", agency_head, "return", {"reason": "非本局權責"})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == ["conflict", "done"], outcomes
    case.refresh_from_db()
    assert case.version == 3
    winner = "answer" if outcomes["liaison"] == "done" else "return"
    assert case.status == {"answer": CaseStatus.ANSWERED, "return": CaseStatus.RETURNED}[winner]
    assert list(CaseEvent.objects.filter(case=case).values_list("action", flat=True)) == ["open", "assign", winner]
