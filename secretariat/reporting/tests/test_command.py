"""`manage.py work_report`: writes the whole file or nothing, and refuses bad input clearly."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

BASE_DIR = Path(__file__).resolve().parents[3]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("work_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_report_goes_to_standard_output_with_a_dash(db):
    out, _err = run("--period", "112H2", "--format", "txt", "--output", "-")

    assert out.startswith("臺北市政府秘書處工作報告\n")
    assert "壹、112年下半年重要業務執行成果" in out


def test_the_report_is_written_to_a_file_as_json(db, tmp_path):
    target = tmp_path / "report.json"

    _out, err = run("--period", "112年下半年", "--format", "json", "--output", str(target))

    assert json.loads(target.read_text(encoding="utf-8"))["period"]["code"] == "112H2"
    assert str(target) in err
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize("period", ["112H3", "abc", ""])
def test_a_period_that_is_no_half_year_is_refused_and_nothing_is_written(db, tmp_path, period):
    target = tmp_path / "report.txt"

    with pytest.raises(CommandError, match="112H2"):
        run("--period", period, "--output", str(target))

    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'rtf'"):
        run("--period", "112H2", "--format", "rtf", "--output", str(tmp_path / "report.rtf"))

    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="不存在"):  # the command speaks the default language, zh-Hant
        run("--period", "112H2", "--output", str(tmp_path / "missing" / "report.txt"))


def test_a_path_that_is_a_folder_is_refused_and_left_alone(db, tmp_path):
    (tmp_path / "taken").mkdir()

    with pytest.raises(CommandError, match="這是一個資料夾"):
        run("--period", "112H2", "--output", str(tmp_path / "taken"))

    assert [path.name for path in tmp_path.iterdir()] == ["taken"]


def test_a_failed_write_keeps_the_earlier_report_and_leaves_no_temporary_file(db, tmp_path, monkeypatch):
    target = tmp_path / "report.txt"
    target.write_text("earlier report", encoding="utf-8")

    def refuse(source, destination):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(CommandError, match="Permission denied"):
        run("--period", "112H2", "--output", str(target))

    assert target.read_text(encoding="utf-8") == "earlier report"
    assert [path.name for path in tmp_path.iterdir()] == ["report.txt"]


def test_a_bad_period_ends_the_command_with_a_failure_status(tmp_path):
    command = [sys.executable, "manage.py", "work_report", "--skip-checks", "--period", "112H3", "--output",
               str(tmp_path / "report.txt")]
    done = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, timeout=120,  # noqa: S603
                          env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"})

    assert done.returncode != 0
    assert "112H3" in done.stderr
    assert list(tmp_path.iterdir()) == []
