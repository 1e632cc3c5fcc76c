"""Working days: the pure `WorkCalendar` arithmetic, the shipped calendar, imports and closures."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.audit.models import AuditEntry
from secretariat.core import reference
from secretariat.core.calendar import CalendarOutOfRange, WorkCalendar, work_calendar
from secretariat.core.changes import SYSTEM
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.models import CalendarDay, CalendarYear, DayKind
from secretariat.core.services import calendar_import, closure_declare, closure_withdraw

D = dt.date
COVERED = frozenset({2023, 2024, 2025, 2026})


def calendar(days_off=(), makeup=(), years=COVERED):
    return WorkCalendar(days_off=frozenset(days_off), makeup_days=frozenset(makeup), years=frozenset(years))


# --- The arithmetic, without a database -----------------------------------------------------------

def test_zero_working_days_after_a_day_is_that_day():
    assert calendar().add_working_days(D(2023, 6, 24), 0) == D(2023, 6, 24)


def test_the_next_working_day_after_a_friday_is_the_monday():
    assert calendar().add_working_days(D(2023, 6, 16), 1) == D(2023, 6, 19)


def test_working_days_are_counted_from_the_day_after_a_weekend_receipt():
    assert calendar().add_working_days(D(2023, 6, 17), 1) == D(2023, 6, 19)


def test_a_week_of_working_days_spans_the_weekend():
    assert calendar().add_working_days(D(2023, 6, 14), 5) == D(2023, 6, 21)


def test_holidays_are_skipped():
    cal = calendar(days_off={D(2023, 6, 22), D(2023, 6, 23)})
    assert cal.add_working_days(D(2023, 6, 21), 1) == D(2023, 6, 26)


def test_a_make_up_saturday_counts_as_a_working_day():
    cal = calendar(makeup={D(2023, 6, 17)})
    assert cal.add_working_days(D(2023, 6, 16), 1) == D(2023, 6, 17)
    assert cal.is_working_day(D(2023, 6, 17))


def test_weekends_and_days_off_are_not_working_days():
    cal = calendar(days_off={D(2023, 6, 22)})
    assert not cal.is_working_day(D(2023, 6, 18))
    assert not cal.is_working_day(D(2023, 6, 22))
    assert cal.is_working_day(D(2023, 6, 21))


def test_next_working_day_is_strictly_after_the_day():
    assert calendar().next_working_day(D(2023, 6, 21)) == D(2023, 6, 22)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValidationFailed) as refused:
        calendar().add_working_days(D(2023, 6, 21), -1)
    assert refused.value.code == "negative_days"


def test_a_date_in_a_year_without_a_calendar_is_refused():
    with pytest.raises(CalendarOutOfRange) as refused:
        calendar(years={2023}).is_working_day(D(2024, 1, 2))
    assert refused.value.code == "calendar_out_of_range"


def test_a_deadline_running_into_an_uncovered_year_is_refused():
    with pytest.raises(CalendarOutOfRange):
        calendar(years={2023}).add_working_days(D(2023, 12, 29), 2)


def test_out_of_range_is_a_validation_refusal():
    assert issubclass(CalendarOutOfRange, ValidationFailed)


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end():
    cal = calendar(days_off={D(2023, 6, 22), D(2023, 6, 23)})
    assert cal.working_days_between(D(2023, 6, 21), D(2023, 6, 26)) == 1
    assert cal.working_days_between(D(2023, 6, 19), D(2023, 6, 19)) == 0


def test_working_days_between_is_negative_when_the_end_comes_first():
    assert calendar().working_days_between(D(2023, 6, 23), D(2023, 6, 19)) == -4


covered_years_days = st.dates(min_value=D(2023, 1, 1), max_value=D(2026, 12, 31))
random_calendars = st.builds(
    calendar,
    days_off=st.sets(covered_years_days, max_size=60),
    makeup=st.sets(covered_years_days.filter(lambda day: day.weekday() >= 5), max_size=20),
)
starts = st.dates(min_value=D(2023, 1, 1), max_value=D(2025, 12, 31))
counts = st.integers(min_value=0, max_value=40)


@given(random_calendars, starts, st.integers(min_value=1, max_value=40))
def test_a_deadline_always_falls_on_a_working_day(cal, start, count):
    assert cal.is_working_day(cal.add_working_days(start, count))


@given(random_calendars, starts, counts)
def test_counting_the_days_to_a_deadline_gives_back_its_number_of_days(cal, start, count):
    assert cal.working_days_between(start, cal.add_working_days(start, count)) == count


@given(random_calendars, starts, counts)
def test_more_working_days_never_give_an_earlier_deadline(cal, start, count):
    assert cal.add_working_days(start, count) < cal.add_working_days(start, count + 1)


@given(random_calendars, starts, counts, counts)
def test_adding_working_days_in_two_steps_is_adding_them_at_once(cal, start, first, second):
    assert cal.add_working_days(cal.add_working_days(start, first), second) == cal.add_working_days(
        start, first + second
    )


# --- The shipped calendar -------------------------------------------------------------------------

@pytest.fixture
def shipped(db):
    reference.load()
    return work_calendar()


def test_the_shipped_calendar_covers_its_years(shipped):
    assert {2023, 2024, 2025, 2026} <= shipped.years


def test_dragon_boat_festival_and_its_bridge_day_move_a_deadline_to_monday(shipped):
    # 6/22 端午節 (Thu), 6/23 調整放假 (Fri), then the weekend.
    assert shipped.add_working_days(D(2023, 6, 21), 1) == D(2023, 6, 26)


def test_the_make_up_saturday_before_dragon_boat_is_a_working_day(shipped):
    assert shipped.add_working_days(D(2023, 6, 16), 1) == D(2023, 6, 17)


def test_national_day_and_its_bridge_day_move_a_deadline_to_wednesday(shipped):
    # 10/7–10/8 weekend, 10/9 調整放假, 10/10 國慶日.
    assert shipped.add_working_days(D(2023, 10, 6), 1) == D(2023, 10, 11)


def test_loading_the_shipped_calendar_twice_changes_nothing(shipped):
    rows = CalendarDay.objects.count()
    assert reference.load() == []
    assert CalendarDay.objects.count() == rows


def test_loading_the_shipped_calendar_is_audited(shipped):
    assert AuditEntry.objects.filter(action="calendar.import").count() == len(shipped.years)


# --- Importing a calendar -------------------------------------------------------------------------

WEEKDAY_NAMES = "一二三四五六日"
HOLIDAY_2027 = D(2027, 1, 1)  # Friday
MAKEUP_2027 = D(2027, 1, 9)  # Saturday


def year_days(year):
    day = D(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


def national_csv(year, *, holidays=(HOLIDAY_2027,), makeup=(MAKEUP_2027,), skip=()):
    lines = ["\ufeff西元日期,星期,是否放假,備註"]
    for day in year_days(year):
        if day in skip:
            continue
        off = (day.weekday() >= 5 or day in holidays) and day not in makeup
        note = "開國紀念日" if day in holidays else ("補行上班" if day in makeup else "")
        lines.append(f"{day:%Y%m%d},{WEEKDAY_NAMES[day.weekday()]},{2 if off else 0},{note}")
    return "\r\n".join(lines) + "\r\n"


def plain_csv(year, *, holidays=(HOLIDAY_2027,), makeup=(MAKEUP_2027,)):
    lines = ["date,holiday,note"]
    for day in year_days(year):
        off = (day.weekday() >= 5 or day in holidays) and day not in makeup
        lines.append(f"{day.isoformat()},{'yes' if off else 'no'},{'New Year' if day in holidays else ''}")
    return "\n".join(lines)


@pytest.fixture
def liaison(db):
    agency = Agency.objects.create(name="臺北市政府民政局", short_name="民政局")
    return User.objects.create_user(username="liaison", password="x", role=Role.AGENCY_LIAISON, agency=agency)


def test_the_national_open_data_layout_is_imported(db):
    result = calendar_import(actor=SYSTEM, text=national_csv(2027), source="test 2027")
    assert result == {2027: 2}
    assert CalendarDay.objects.get(date=HOLIDAY_2027).kind == DayKind.HOLIDAY
    assert CalendarDay.objects.get(date=HOLIDAY_2027).note == "開國紀念日"
    assert CalendarDay.objects.get(date=MAKEUP_2027).kind == DayKind.MAKEUP_WORKDAY
    assert CalendarYear.objects.get(year=2027).source == "test 2027"


def test_an_imported_calendar_moves_deadlines(db):
    calendar_import(actor=SYSTEM, text=national_csv(2027), source="test")
    cal = work_calendar()
    assert not cal.is_working_day(HOLIDAY_2027)
    assert cal.add_working_days(D(2027, 1, 8), 1) == D(2027, 1, 9)


def test_the_plain_layout_is_imported(db):
    result = calendar_import(actor=SYSTEM, text=plain_csv(2027), source="plain")
    assert result == {2027: 2}
    assert set(CalendarDay.objects.values_list("date", "kind")) == {
        (HOLIDAY_2027, DayKind.HOLIDAY), (MAKEUP_2027, DayKind.MAKEUP_WORKDAY)
    }


def test_an_import_is_audited(db):
    calendar_import(actor=SYSTEM, text=national_csv(2027), source="audited")
    entry = AuditEntry.objects.get(action="calendar.import")
    assert entry.actor_label == "system"
    assert entry.after == {"year": 2027, "exceptions": 2, "source": "audited"}


def test_importing_a_year_again_replaces_its_holidays(db):
    calendar_import(actor=SYSTEM, text=national_csv(2027), source="first")
    changed = national_csv(2027, holidays=(D(2027, 1, 4),), makeup=())
    calendar_import(actor=SYSTEM, text=changed, source="second")
    assert list(CalendarDay.objects.values_list("date", flat=True)) == [D(2027, 1, 4)]
    assert CalendarYear.objects.get(year=2027).source == "second"


def test_a_year_with_a_missing_day_is_refused_and_nothing_is_written(db):
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed) as refused:
        calendar_import(actor=SYSTEM, text=national_csv(2027, skip={D(2027, 3, 3)}), source="short")
    assert refused.value.code == "calendar_incomplete"
    assert not CalendarDay.objects.exists()
    assert not CalendarYear.objects.exists()
    assert AuditEntry.objects.count() == entries


def test_a_line_with_a_bad_date_is_refused_and_nothing_is_written(db):
    text = national_csv(2027).replace("20270305,", "2027-13-45,")
    with pytest.raises(ValidationFailed) as refused:
        calendar_import(actor=SYSTEM, text=text, source="bad")
    assert refused.value.code == "calendar_bad_row"
    assert refused.value.params["text"] == "2027-13-45"
    assert "2027-13-45" in str(refused.value)
    assert not CalendarYear.objects.exists()


def test_a_line_that_does_not_say_whether_the_day_is_off_is_refused(db):
    text = plain_csv(2027).replace("2027-03-05,no", "2027-03-05,maybe")
    with pytest.raises(ValidationFailed) as refused:
        calendar_import(actor=SYSTEM, text=text, source="bad")
    assert refused.value.code == "calendar_bad_row"


def test_a_day_listed_twice_is_refused(db):
    text = plain_csv(2027) + "\n2027-03-05,no,"
    with pytest.raises(ValidationFailed) as refused:
        calendar_import(actor=SYSTEM, text=text, source="twice")
    assert refused.value.code == "calendar_bad_row"


def test_an_empty_file_is_refused(db):
    with pytest.raises(ValidationFailed) as refused:
        calendar_import(actor=SYSTEM, text="", source="empty")
    assert refused.value.code == "calendar_empty"


def test_only_calendar_managers_may_import(liaison):
    with pytest.raises(PermissionRefused):
        calendar_import(actor=liaison, text=national_csv(2027), source="liaison")
    assert not CalendarYear.objects.exists()


# --- Closures -------------------------------------------------------------------------------------

def test_a_closure_moves_a_deadline_past_the_closed_day(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    assert work_calendar().add_working_days(D(2023, 6, 21), 1) == D(2023, 6, 27)


def test_a_closure_is_audited(shipped):
    day = closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    entry = AuditEntry.objects.get(action="calendar.closure_declare")
    assert entry.target_id == str(day.pk)
    assert entry.before is None
    assert entry.after == {"date": "2023-06-26", "kind": "closure", "note": "颱風停班"}


def test_a_closure_on_a_holiday_is_refused(shipped):
    with pytest.raises(ValidationFailed) as refused:
        closure_declare(actor=SYSTEM, date=D(2023, 6, 22), note="颱風停班")
    assert refused.value.code == "closure_on_day_off"
    assert CalendarDay.objects.get(date=D(2023, 6, 22)).kind == DayKind.HOLIDAY


def test_a_closure_on_a_plain_sunday_is_refused(shipped):
    with pytest.raises(ValidationFailed) as refused:
        closure_declare(actor=SYSTEM, date=D(2023, 6, 18), note="颱風停班")
    assert refused.value.code == "closure_on_day_off"


def test_a_closure_without_a_reason_is_refused(shipped):
    with pytest.raises(ValidationFailed) as refused:
        closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="   ")
    assert refused.value.code == "closure_reason_required"
    assert refused.value.field == "note"
    assert not CalendarDay.objects.filter(date=D(2023, 6, 26)).exists()


def test_a_closure_in_a_year_without_a_calendar_is_refused(db):
    with pytest.raises(CalendarOutOfRange):
        closure_declare(actor=SYSTEM, date=D(2030, 6, 26), note="颱風停班")


def test_a_closure_on_a_make_up_saturday_makes_it_a_day_off(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 17), note="颱風停班")
    assert work_calendar().add_working_days(D(2023, 6, 16), 1) == D(2023, 6, 19)


def test_withdrawing_a_closure_restores_the_deadline(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    closure_withdraw(actor=SYSTEM, date=D(2023, 6, 26))
    assert work_calendar().add_working_days(D(2023, 6, 21), 1) == D(2023, 6, 26)
    assert not CalendarDay.objects.filter(date=D(2023, 6, 26)).exists()


def test_withdrawing_a_closure_is_audited(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    closure_withdraw(actor=SYSTEM, date=D(2023, 6, 26))
    entry = AuditEntry.objects.get(action="calendar.closure_withdraw")
    assert entry.before == {"date": "2023-06-26", "kind": "closure", "note": "颱風停班"}
    assert entry.after is None


def test_withdrawing_a_closed_make_up_saturday_makes_it_a_workday_again(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 17), note="颱風停班")
    closure_withdraw(actor=SYSTEM, date=D(2023, 6, 17))
    assert CalendarDay.objects.get(date=D(2023, 6, 17)).kind == DayKind.MAKEUP_WORKDAY
    assert work_calendar().add_working_days(D(2023, 6, 16), 1) == D(2023, 6, 17)


def test_withdrawing_a_closure_that_was_never_declared_is_refused(shipped):
    with pytest.raises(ValidationFailed) as refused:
        closure_withdraw(actor=SYSTEM, date=D(2023, 6, 22))
    assert refused.value.code == "closure_not_found"
    assert CalendarDay.objects.get(date=D(2023, 6, 22)).kind == DayKind.HOLIDAY


def test_reimporting_a_year_keeps_its_declared_closures(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    text = (reference.CALENDAR_DIR / "2023.csv").read_text(encoding="utf-8")
    calendar_import(actor=SYSTEM, text=text, source="again")
    assert CalendarDay.objects.get(date=D(2023, 6, 26)).kind == DayKind.CLOSURE


def test_reimporting_a_year_keeps_a_closure_on_a_make_up_saturday(shipped):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 17), note="颱風停班")
    text = (reference.CALENDAR_DIR / "2023.csv").read_text(encoding="utf-8")
    calendar_import(actor=SYSTEM, text=text, source="again")
    assert CalendarDay.objects.get(date=D(2023, 6, 17)).kind == DayKind.CLOSURE


def test_only_calendar_managers_may_declare_a_closure(shipped, liaison):
    with pytest.raises(PermissionRefused):
        closure_declare(actor=liaison, date=D(2023, 6, 26), note="颱風停班")
    assert not CalendarDay.objects.filter(date=D(2023, 6, 26)).exists()


def test_only_calendar_managers_may_withdraw_a_closure(shipped, liaison):
    closure_declare(actor=SYSTEM, date=D(2023, 6, 26), note="颱風停班")
    with pytest.raises(PermissionRefused):
        closure_withdraw(actor=liaison, date=D(2023, 6, 26))
    assert CalendarDay.objects.get(date=D(2023, 6, 26)).kind == DayKind.CLOSURE


def test_a_refused_closure_writes_no_audit_row(shipped, liaison):
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionRefused):
        closure_declare(actor=liaison, date=D(2023, 6, 26), note="颱風停班")
    assert AuditEntry.objects.count() == entries


def test_a_nobody_actor_is_refused(db):
    with pytest.raises(PermissionRefused):
        calendar_import(actor=None, text=national_csv(2027), source="none")  # type: ignore[arg-type]
