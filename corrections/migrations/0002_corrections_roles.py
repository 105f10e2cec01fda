"""
Let the editors write notes and the corrections policy, and the translators translate them at the desk (the
admin lets only editors add or change a note; translators change their language's fields through the desk).
Nobody is given "delete": a correction once read stays on record.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NOTE = ["view_articlenote", "add_articlenote", "change_articlenote"]
POLICY = ["view_correctionspolicy", "add_correctionspolicy", "change_correctionspolicy"]
TRANSLATING = ["view_articlenote", "change_articlenote", "view_correctionspolicy", "change_correctionspolicy"]
ROLES = {
    "Editor": [*NOTE, *POLICY],
    "Translator (fa)": TRANSLATING,
    "Translator (en)": TRANSLATING,
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("corrections")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="corrections", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="corrections")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("corrections", "0001_article_notes_and_policy"),
        ("desk", "0002_newsroom_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
