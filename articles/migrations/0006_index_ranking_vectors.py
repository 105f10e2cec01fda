"""
A GIN index on each language's small ranking vector (headline, summary and names), on PostgreSQL: search
finds the matches it ranks through it, and leaves the body-only matches of a common word unread.
"""

from django.db import migrations

LANGUAGES = ("en", "fa")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_rank_{language}_gin "
            f"ON articles_article USING gin (search_rank_vector_{language})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_rank_{language}_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_keep_ranking_vectors_inline"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
