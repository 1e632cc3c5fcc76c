"""The notifications the case engine kept before this app existed move here, read or unread as they were."""

from django.db import migrations


def copy(apps, schema_editor):
    old = apps.get_model("cases", "Notification")
    new = apps.get_model("notifications", "Notification")
    rows = []
    for note in old.objects.all().iterator(chunk_size=2000):
        rows.append(new(user_id=note.user_id, event="case.legacy", message=note.message, read_at=note.read_at,
                        link=f"/cases/{note.case_id}/" if note.case_id else "",
                        target=f"cases.case:{note.case_id}" if note.case_id else ""))
        if len(rows) >= 2000:
            new.objects.bulk_create(rows)
            rows = []
    new.objects.bulk_create(rows)
    # created_at is auto_now_add: keep each message's own time.
    for note in old.objects.all().iterator(chunk_size=2000):
        new.objects.filter(user_id=note.user_id, message=note.message, target=f"cases.case:{note.case_id}"
                           if note.case_id else "").update(created_at=note.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("cases", "0003_confidential"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
