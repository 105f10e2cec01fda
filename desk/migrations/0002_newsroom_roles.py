"""Create the newsroom's roles as groups with their permissions (names shared with load_demo)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ["articles.article", "articles.section", "articles.tag", "authors.author", "series.series"]
REFERENCE = ["articles.section", "articles.tag", "authors.author", "series.series"]

ROLES = {
    # Everything editorial, publishing included.
    "Editor": [f"{action}_{model}" for model in [*CONTENT, "articles.byline"] for action in ("view", "add", "change", "delete")]
    + ["articles.publish_article"],
    # Own articles while draft or in review (the admin narrows "change" to those); reads the rest.
    "Author": ["view_articles.article", "add_articles.article", "change_articles.article", "view_articles.byline",
               "add_articles.byline", "change_articles.byline", "delete_articles.byline"]
    + [f"view_{model}" for model in REFERENCE],  # fmt: skip
    # Their language's fields only (the admin narrows "change" to those).
    "Translator (fa)": [f"{action}_{model}" for model in CONTENT for action in ("view", "change")],
    "Translator (en)": [f"{action}_{model}" for model in CONTENT for action in ("view", "change")],
}


def _permission(Permission, spec: str):
    """Find a permission from "action_app.model" or "app.codename"."""
    if spec.startswith(("view_", "add_", "change_", "delete_")):
        action, label = spec.split("_", 1)
        app_label, model = label.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
    app_label, codename = spec.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, specs in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(Permission, spec) for spec in specs])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_translation_confirmations"),
        ("articles", "0004_add_version_publish_permission_image_checks"),
        ("authors", "0002_add_version_and_avatar_checks"),
        ("series", "0002_add_version_and_cover_checks"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
