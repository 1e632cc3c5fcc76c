from django.db import migrations


def reseal(apps, schema_editor):
    # Imported here: the helper reads the key from settings, which only matters when rows exist.
    from secretariat.audit.services.reseal import reseal_legacy_chains

    reseal_legacy_chains(apps, schema_editor.connection)


class Migration(migrations.Migration):
    """Rows written under the unkeyed scheme are checked and re-sealed with AUDIT_KEY (docs/decisions/0009)."""

    dependencies = [("audit", "0003_keyed_chains")]

    # Irreversible on purpose: going back would need the old unkeyed hashes, which a re-seal replaced.
    operations = [migrations.RunPython(reseal, migrations.RunPython.noop)]
