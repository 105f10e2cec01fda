"""
Keep the small ranking vectors inside the article rows (PostgreSQL storage MAIN) instead of letting
PostgreSQL move the larger of them out to the TOAST table: search ranks every match by them, and a
vector stored out of line costs a second page read per match. Vectors already stored are rewritten.
"""

from django.db import migrations

LANGUAGES = ("en", "fa")


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        column = f"search_rank_vector_{language}"
        schema_editor.execute(f"ALTER TABLE articles_article ALTER COLUMN {column} SET STORAGE MAIN")
        # A new value (not the stored pointer) is stored again under the new rule.
        schema_editor.execute(
            f"UPDATE articles_article SET {column} = {column} || ''::tsvector WHERE {column} IS NOT NULL"
        )


def allow_out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(
            f"ALTER TABLE articles_article ALTER COLUMN search_rank_vector_{language} SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_add_version_publish_permission_image_checks"),
    ]

    operations = [
        migrations.RunPython(keep_inline, allow_out_of_line, elidable=True),
    ]
