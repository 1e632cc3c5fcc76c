import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Columns for the keyed chains: a head per chain, and the access log's own sequence and hashes.

    `seq` stays nullable until 0004 has numbered the existing rows; 0005 makes it unique."""

    dependencies = [("audit", "0002_chain_head")]

    operations = [
        migrations.AddField(
            model_name="audithead",
            name="chain",
            field=models.CharField(default="audit", max_length=16, unique=True),
        ),
        migrations.AddField(
            model_name="personaldataaccess",
            name="seq",
            field=models.PositiveBigIntegerField(null=True, verbose_name="sequence"),
        ),
        migrations.AddField(
            model_name="personaldataaccess",
            name="prev_hash",
            field=models.CharField(default="", max_length=64, verbose_name="previous hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="personaldataaccess",
            name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="personaldataaccess",
            name="occurred_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="time"),
        ),
    ]
