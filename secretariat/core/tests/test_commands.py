"""The management commands a deployer and an administrator run."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template

from secretariat.accounts.models import Agency, User
from secretariat.audit.models import AuditEntry
from secretariat.core.calendar import work_calendar
from secretariat.core.models import CalendarYear

pytestmark = pytest.mark.django_db


def test_demo_load_twice_keeps_one_copy_of_everything():
    call_command("demo_load")
    counts = (Agency.objects.count(), User.objects.count(), AuditEntry.objects.count())
    call_command("demo_load")
    assert (Agency.objects.count(), User.objects.count(), AuditEntry.objects.count()) == counts
    assert Agency.objects.get(short_name="中正區公所").parent == Agency.objects.get(short_name="民政局")
    assert Agency.objects.get(short_name="民政局").report_name == "民政局（含區公所）"


def test_core_init_loads_the_29_agencies_of_the_petitions_table():
    call_command("core_init")
    seed_table = ["都發局", "交通局", "警察局", "社會局", "工務局", "教育局", "環保局", "產業局", "勞動局", "衛生局",
                  "民政局", "體育局", "觀傳局", "捷運局", "法務局", "人事處", "捷運公司", "政風處", "文化局", "消防局",
                  "地政局", "都委會", "財政局", "研考會", "兵役局", "秘書處", "資訊局", "原民會", "客委會"]
    assert set(seed_table) <= set(Agency.objects.values_list("short_name", flat=True))
    assert Agency.objects.get(short_name="觀傳局").name == "臺北市政府觀光傳播局"
    assert set(CalendarYear.objects.values_list("year", flat=True)) == {2023, 2024, 2025, 2026}


def test_importing_a_calendar_file_makes_its_year_usable(tmp_path):
    call_command("core_init")
    rows = ["西元日期,星期,是否放假,備註"]
    day = dt.date(2027, 1, 1)
    while day.year == 2027:
        off = day.weekday() >= 5 or day == dt.date(2027, 1, 1)
        rows.append(f"{day:%Y%m%d},,{2 if off else 0},{'開國紀念日' if day.month == 1 and day.day == 1 else ''}")
        day += dt.timedelta(days=1)
    path = tmp_path / "2027.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    call_command("core_import_calendar", str(path))
    assert work_calendar().add_working_days(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 4)


def test_importing_an_unreadable_file_fails_with_a_message(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("core_import_calendar", str(path))


def test_templates_show_roc_dates_and_report_numbers():
    rendered = Template(
        "{{ day|roc_long }} {{ day|roc_date }} {{ day|roc_slash }} {{ '112H2'|period_label }} "
        "{{ n|large_number }} {{ 2981|percent_of:25154 }}"
    ).render(Context({"day": dt.date(2023, 7, 1), "n": 4580441}))
    assert rendered == "中華民國112年7月1日 112年7月1日 112/07/01 112年下半年 458萬0,441 11.8%"
