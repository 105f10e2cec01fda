"""Give each pre-publish check its setting at its default, and let the editors (only) view and change them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The checks and their defaults as this migration knew them (prepublish/checks.py may add more; a check with no
# row uses its default).
DEFAULTS = {
    "headline": "blocking",
    "headline_length": "warning",
    "standfirst": "blocking",
    "standfirst_length": "warning",
    "image_alt": "blocking",
    "body_images_alt": "blocking",
    "filing": "warning",
    "other_language": "warning",
    "unpublished_links": "blocking",
}
EDITOR_PERMISSIONS = ["view_checksetting", "change_checksetting"]


def add(apps, schema_editor):
    CheckSetting = apps.get_model("prepublish", "CheckSetting")
    for name, severity in DEFAULTS.items():
        CheckSetting.objects.get_or_create(check_name=name, defaults={"severity": severity})
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("prepublish")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editor")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="prepublish", codename__in=EDITOR_PERMISSIONS)
    )


def remove(apps, schema_editor):
    apps.get_model("prepublish", "CheckSetting").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("prepublish", "0001_check_settings"),
        ("desk", "0002_newsroom_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add, remove)]
