"""
Keep every image credit typed before the credit had a field per language (issue 16).

The credit was one column shown on both pages. It goes to the English credit; to the Persian credit only
when it has no Latin letter (a credit already written in Persian, or a mark like "©"), because a Persian page
never shows English text in place of a missing translation. Persian pages of articles whose credit was in
English lose it until a translator writes it: the desk lists their confirmed translations as outdated, with
the credit as the change (desk/state.py).
"""

from django.db import migrations
from django.db.models import F, Q

LATIN_LETTER = r"[A-Za-z]"


def copy_credits(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    credited = Article.objects.exclude(Q(image_credit="") | Q(image_credit__isnull=True))
    credited.update(image_credit_en=F("image_credit"))
    credited.exclude(image_credit__regex=LATIN_LETTER).update(image_credit_fa=F("image_credit"))


def restore_single_credit(apps, schema_editor):
    """Put back one credit per article, the English one where there is one, as the column was before."""
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(image_credit_en__isnull=True, image_credit_fa__isnull=True).only(
        "pk", "image_credit_en", "image_credit_fa"
    ):
        credit = article.image_credit_en or article.image_credit_fa or ""
        Article.objects.filter(pk=article.pk).update(image_credit=credit)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_image_credit_per_language"),
    ]

    operations = [
        migrations.RunPython(copy_credits, restore_single_credit, elidable=True),
    ]
