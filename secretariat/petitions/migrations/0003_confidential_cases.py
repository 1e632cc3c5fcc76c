"""Petitions needing secrecy registered before the case engine knew of confidentiality: mark their cases
confidential, so they read 「密件」 outside the lead agency and the Secretariat (decision 0010)."""

from typing import Any

from django.db import migrations


def mark_confidential_cases(apps: Any, schema_editor: Any) -> None:
    case_model = apps.get_model("cases", "Case")
    petition_model = apps.get_model("petitions", "Petition")
    secret = petition_model.objects.filter(is_confidential=True).values("case_id")
    case_model.objects.filter(pk__in=secret).update(confidential=True)


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0003_confidential"),
        ("petitions", "0002_intake_confirmation_and_decision_note"),
    ]

    operations = [
        # Going back leaves the flag: the column itself goes with cases 0003.
        migrations.RunPython(mark_confidential_cases, migrations.RunPython.noop),
    ]
