"""
Article types: the kinds of piece the newsroom publishes (news, analysis, opinion, explainer, interview), each
with its schema.org type, and every existing article typed as News.
"""

import core.models
import django.db.models.deletion
from django.db import migrations, models


# (English name, English slug, Persian name, Persian slug, schema.org type), in the order they are listed.
# Explainer is schema.org's BackgroundNewsArticle ("aka 'explainer' or 'backgrounder'"); schema.org has no
# interview type, so an interview is a NewsArticle.
TYPES = [
    ("News", "news", "خبر", "خبر", "NewsArticle"),
    ("Analysis", "analysis", "تحلیل", "تحلیل", "AnalysisNewsArticle"),
    ("Opinion", "opinion", "دیدگاه", "دیدگاه", "OpinionNewsArticle"),
    ("Explainer", "explainer", "گزارش توضیحی", "گزارش-توضیحی", "BackgroundNewsArticle"),
    ("Interview", "interview", "گفت\u200cوگو", "گفت-وگو", "NewsArticle"),
]


def make_types(apps, schema_editor):
    ArticleType = apps.get_model("articles", "ArticleType")
    for position, (name_en, slug_en, name_fa, slug_fa, schema_type) in enumerate(TYPES):
        ArticleType.objects.create(
            name=name_en, name_en=name_en, slug=slug_en, slug_en=slug_en, name_fa=name_fa, slug_fa=slug_fa,
            schema_type=schema_type, position=position,
        )  # fmt: skip


def remove_types(apps, schema_editor):
    apps.get_model("articles", "ArticleType").objects.all().delete()


def type_field(**default):
    """The article's type field; `default={"default": pk}` only for the moment the column is added."""
    return models.ForeignKey(
        blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="articles",
        to="articles.articletype", verbose_name="type",
        help_text="Shown to readers above the headline and told to search engines.", **default,
    )  # fmt: skip


def add_type_column(apps, schema_editor):
    """
    Add the column with News as its default for the moment it is added, then without one: every article
    published so far was written as news. PostgreSQL fills the rows from the default without rewriting them
    (a million articles in a second, where an UPDATE rewrote every row and its indexes under a lock).
    """
    Article, ArticleType = apps.get_model("articles", "Article"), apps.get_model("articles", "ArticleType")
    field = type_field(default=ArticleType.objects.get(slug_en="news").pk)
    field.set_attributes_from_name("article_type")
    field.model = Article  # the state's Article, before the field is added to it
    field.remote_field.model = ArticleType
    field.remote_field.field_name = ArticleType._meta.pk.name
    schema_editor.add_field(Article, field)


def remove_type_column(apps, schema_editor):
    """Unapplied after the field's state was taken back (the next operation), with the field still in its state."""
    Article = apps.get_model("articles", "Article")
    schema_editor.remove_field(Article, Article._meta.get_field("article_type"))


def type_untyped_articles(apps, schema_editor):
    """An article left without a type (none, once the column is added with its default) is News."""
    news = apps.get_model("articles", "ArticleType").objects.get(slug_en="news")
    apps.get_model("articles", "Article").objects.filter(article_type__isnull=True).update(article_type=news)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_index_series_parts_by_date"),
        ("authors", "0002_add_version_and_avatar_checks"),
        ("series", "0002_add_version_and_cover_checks"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleType",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=60, verbose_name="name")),
                ("name_en", models.CharField(max_length=60, null=True, verbose_name="name")),
                ("name_fa", models.CharField(max_length=60, null=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(allow_unicode=True, blank=True, max_length=60, null=True, verbose_name="slug"),
                ),
                (
                    "slug_en",
                    models.SlugField(allow_unicode=True, blank=True, max_length=60, null=True, verbose_name="slug"),
                ),
                (
                    "slug_fa",
                    models.SlugField(allow_unicode=True, blank=True, max_length=60, null=True, verbose_name="slug"),
                ),
                (
                    "schema_type",
                    models.CharField(
                        choices=[
                            ("NewsArticle", "News article (NewsArticle)"),
                            ("AnalysisNewsArticle", "Analysis (AnalysisNewsArticle)"),
                            ("OpinionNewsArticle", "Opinion (OpinionNewsArticle)"),
                            ("BackgroundNewsArticle", "Explainer or background (BackgroundNewsArticle)"),
                            ("ReportageNewsArticle", "Reportage (ReportageNewsArticle)"),
                            ("ReviewNewsArticle", "Review (ReviewNewsArticle)"),
                            ("AskPublicNewsArticle", "Call for information (AskPublicNewsArticle)"),
                        ],
                        default="NewsArticle",
                        help_text="What the article's structured data tells search engines it is.",
                        max_length=40,
                        verbose_name="schema.org type",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Types are listed in this order.", verbose_name="position"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Counts saves in the admin, so that one editor cannot overwrite another.",
                        verbose_name="version",
                    ),
                ),
            ],
            options={
                "verbose_name": "article type",
                "verbose_name_plural": "article types",
                "ordering": ["position", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("slug_en",), name="articletype_unique_slug_en"),
                    models.UniqueConstraint(fields=("slug_fa",), name="articletype_unique_slug_fa"),
                ],
            },
            bases=(core.models.TranslatedSlugMixin, models.Model),
        ),
        migrations.RunPython(make_types, remove_types),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField(model_name="article", name="article_type", field=type_field())],
            database_operations=[migrations.RunPython(add_type_column, migrations.RunPython.noop)],
        ),
        migrations.RunPython(migrations.RunPython.noop, remove_type_column),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["article_type", "publish_at"], name="article_type_publish_idx"),
        ),
        migrations.RunPython(type_untyped_articles, migrations.RunPython.noop),
    ]
