"""
RUM indexes for search, on PostgreSQL servers that have the RUM extension (Debian: postgresql-15-rum): on
each language's ranking vector, in place of its GIN index, and on its search vector, beside its GIN index.
RUM keeps each word's positions and weights in the index: the matches to rank come out of it best first
(search/backends/postgres.py), so a common word's tens of thousands of matches are no longer read one row
each to be ranked, and a phrase is checked in it rather than on every row with its words. The search
vector keeps its GIN index for everything else: GIN makes a bitmap of a word's matches several times as fast.
Where the extension is not available (or may not be created), the GIN indexes stay and search ranks as before.
"""

from django.db import migrations, transaction

LANGUAGES = ("en", "fa")
VECTORS = {"search": "search_vector", "rank": "search_rank_vector"}
REPLACED = ("rank",)  # GIN indexes RUM replaces; the search vector's stays


def _rum_available(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if not cursor.fetchone():
            return False
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        except Exception:  # installed on the server, but this role may not create it: keep GIN
            return False
    return True


def use_rum_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql" or not _rum_available(schema_editor):
        return
    for language in LANGUAGES:
        for name, column in VECTORS.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS article_{name}_{language}_rum "
                f"ON articles_article USING rum ({column}_{language} rum_tsvector_ops)"
            )
            if name in REPLACED:
                schema_editor.execute(f"DROP INDEX IF EXISTS article_{name}_{language}_gin")
    _forget_indexes()


def use_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        for name, column in VECTORS.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS article_{name}_{language}_gin "
                f"ON articles_article USING gin ({column}_{language})"
            )
            schema_editor.execute(f"DROP INDEX IF EXISTS article_{name}_{language}_rum")
    _forget_indexes()


def _forget_indexes():
    # The search app looks the indexes up once per database; articles, a layer below it, reaches it through
    # the app registry rather than importing it.
    from django.apps import apps as installed_apps

    if installed_apps.is_installed("search"):
        installed_apps.get_app_config("search").forget_indexes()


class Migration(migrations.Migration):
    atomic = False  # CREATE EXTENSION in a savepoint of its own; the indexes each in their own statement

    dependencies = [
        ("articles", "0017_article_takedown"),
    ]

    operations = [
        migrations.RunPython(use_rum_indexes, use_gin_indexes),
    ]
