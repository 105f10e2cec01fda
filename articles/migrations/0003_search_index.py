"""
The search index: normalised search text per language and, on PostgreSQL, a weighted tsvector per
language behind a GIN index, plus a small ranking vector (headline and summary) per language (SQLite has no
tsvector; it searches the text). Existing articles are indexed.
"""

import django.contrib.postgres.search
from django.db import migrations, models


LANGUAGES = ("en", "fa")


def create_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_search_{language}_gin "
            f"ON articles_article USING gin (search_vector_{language})"
        )


def drop_gin_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_search_{language}_gin")


def index_existing_articles(apps, schema_editor):
    # The search app keeps the index; articles, a layer below it, finds it through the app registry rather
    # than importing it. Without the app there is no index to fill.
    from django.apps import apps as installed_apps

    if installed_apps.is_installed("search"):
        installed_apps.get_app_config("search").index_articles(apps.get_model("articles", "Article")._base_manager.all())


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0002_image_renditions'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_text_en',
            field=models.TextField(blank=True, default='', editable=False, verbose_name='search text (English)'),
        ),
        migrations.AddField(
            model_name='article',
            name='search_text_fa',
            field=models.TextField(blank=True, default='', editable=False, verbose_name='search text (Persian)'),
        ),
        migrations.AddField(
            model_name='article',
            name='search_vector_en',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='search vector (English)'),
        ),
        migrations.AddField(
            model_name='article',
            name='search_vector_fa',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='search vector (Persian)'),
        ),
        migrations.AddField(
            model_name='article',
            name='search_rank_vector_en',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='ranking vector (English)'),
        ),
        migrations.AddField(
            model_name='article',
            name='search_rank_vector_fa',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='ranking vector (Persian)'),
        ),
        migrations.RunPython(create_gin_indexes, drop_gin_indexes),
        migrations.RunPython(index_existing_articles, migrations.RunPython.noop),
    ]
