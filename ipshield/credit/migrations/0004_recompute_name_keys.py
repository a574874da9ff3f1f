"""Name keys now also fold traditional characters; the pinyin key is new. Recompute both."""

from django.db import migrations

BATCH = 2000


def forward(apps, schema_editor):
    from ipshield.credit import matching

    Enterprise = apps.get_model("credit", "Enterprise")
    changed = []
    for enterprise in Enterprise.objects.only("id", "name", "name_key", "sound_key").iterator(chunk_size=BATCH):
        key = matching.canonical(enterprise.name)[:200]
        sound = matching.sound_key(enterprise.name)[:200]
        if (key, sound) != (enterprise.name_key, enterprise.sound_key):
            enterprise.name_key, enterprise.sound_key = key, sound
            changed.append(enterprise)
        if len(changed) >= BATCH:
            Enterprise.objects.bulk_update(changed, ["name_key", "sound_key"])
            changed = []
    if changed:
        Enterprise.objects.bulk_update(changed, ["name_key", "sound_key"])


class Migration(migrations.Migration):
    dependencies = [("credit", "0003_matches_and_repair")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
