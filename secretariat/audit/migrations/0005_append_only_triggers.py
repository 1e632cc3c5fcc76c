from django.db import migrations, models

# The ORM already refuses updates and deletes (AppendOnlyModel); on PostgreSQL the database refuses them too, so
# raw SQL and other clients with the application's credentials cannot rewrite history. TRUNCATE is not a row
# event, so test-suite flushes still work. Removing the triggers needs the table owner (docs/decisions/0009).
TABLES = ("audit_auditentry", "audit_personaldataaccess", "audit_auditverification")
FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # no parameters: the % signs are plpgsql placeholders
    for table in TABLES:
        schema_editor.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                              "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()")


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_reseal")]

    operations = [
        migrations.AlterField(
            model_name="personaldataaccess",
            name="seq",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="sequence"),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
