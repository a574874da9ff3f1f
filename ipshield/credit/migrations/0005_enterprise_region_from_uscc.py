"""Records with a USCC but no region take the registering authority's division (USCC characters
3-8), so that listing and merge authority can be decided by region for every registered record."""

from django.db import migrations


def fill_regions(apps, schema_editor):
    Enterprise = apps.get_model("credit", "Enterprise")
    for enterprise in Enterprise.objects.filter(region_code="").exclude(uscc="").only("pk", "uscc").iterator():
        division = enterprise.uscc[2:8]
        if len(division) == 6 and division.isdigit():
            Enterprise.objects.filter(pk=enterprise.pk).update(region_code=division)


class Migration(migrations.Migration):
    dependencies = [("credit", "0004_recompute_name_keys")]
    operations = [migrations.RunPython(fill_regions, migrations.RunPython.noop)]
