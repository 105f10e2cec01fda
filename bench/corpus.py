"""
Generate a large bilingual corpus for benchmarks: `python bench/corpus.py --articles 10000`.

Articles are bulk-created in batches (both languages, sanitised bodies, reading times and slugs as
save() would derive them), spread over the demo's sections, authors and tags. Run against the database
DATABASE_URL names; it refuses to touch a database that has no demo content.
"""

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Byline, Section, Tag  # noqa: E402
from articles.text import reading_minutes, sanitise_body  # noqa: E402
from authors.models import Author  # noqa: E402

ENGLISH_WORDS = (
    "water aquifer policy budget market inflation household city farmer river drought grid energy solar "
    "transport courier platform bookshop reader translation poetry tariff subsidy province council reform "
    "analysis evidence growth wages savings harvest rainfall reservoir network traffic culture literature "
    "investment pressure decision future history community public private shortage price demand supply"
).split()
PERSIAN_WORDS = (
    "آب آبخوان سیاست بودجه بازار تورم خانوار شهر کشاورز رود خشکسالی شبکه انرژی خورشیدی حمل‌ونقل پیک "
    "سکو کتاب‌فروشی خواننده ترجمه شعر تعرفه یارانه استان شورا اصلاحات تحلیل شواهد رشد دستمزد پس‌انداز "
    "برداشت بارش مخزن ترافیک فرهنگ ادبیات سرمایه‌گذاری فشار تصمیم آینده تاریخ جامعه عمومی خصوصی کمبود "
    "قیمت تقاضا عرضه می‌خواهند می‌شود خانواده‌ها"
).split()


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:]


def body(rng: random.Random, words: list[str], stop: str) -> str:
    parts = []
    for _heading in range(4):
        parts.append(f"<h2>{sentence(rng, words, 4)}</h2>")
        for _ in range(3):
            parts.append("<p>" + " ".join(sentence(rng, words, rng.randint(12, 22)) + stop for _ in range(3)) + "</p>")
    return "".join(parts)


def generate(count: int, *, seed: int = 7, batch: int = 500) -> int:
    rng = random.Random(seed)
    sections = list(Section.objects.all())
    authors = list(Author.objects.all())
    tags = list(Tag.objects.all())
    if not (sections and authors):
        raise SystemExit(
            "Load the demo first (python manage.py load_demo): the corpus reuses its sections and authors."
        )
    start = Article.objects.filter(slug_en__startswith="bench-").count()
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch, count - made)
        articles = []
        for offset in range(size):
            number = start + made + offset
            body_en = sanitise_body(body(rng, ENGLISH_WORDS, "."))
            body_fa = sanitise_body(body(rng, PERSIAN_WORDS, "."))
            published = now - timedelta(minutes=30 + number * 7)
            articles.append(
                Article(
                    headline_en=f"{sentence(rng, ENGLISH_WORDS, 6)} ({number})",
                    headline_fa=f"{sentence(rng, PERSIAN_WORDS, 6)} ({number})",
                    slug_en=f"bench-{number}",
                    slug_fa=f"سنجه-{number}",
                    standfirst_en=sentence(rng, ENGLISH_WORDS, 20) + ".",
                    standfirst_fa=sentence(rng, PERSIAN_WORDS, 20) + ".",
                    body_en=body_en,
                    body_fa=body_fa,
                    reading_minutes_en=reading_minutes(body_en, "en"),
                    reading_minutes_fa=reading_minutes(body_fa, "fa"),
                    section=rng.choice(sections),
                    status=Article.Status.PUBLISHED,
                    publish_at=published,
                    first_published_at=published,
                )
            )
        with transaction.atomic():
            created = Article.objects.bulk_create(articles)
            Byline.objects.bulk_create(
                Byline(article=article, author=author, position=position)
                for article in created
                for position, author in enumerate(rng.sample(authors, rng.choice([1, 1, 2])))
            )
            if tags:
                Article.tags.through.objects.bulk_create(
                    Article.tags.through(article_id=article.pk, tag_id=tag.pk)
                    for article in created
                    for tag in rng.sample(tags, 2)
                )
        made += size
        print(f"  {start + made} generated articles", flush=True)
    return made


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--articles", type=int, default=10_000)
    arguments = parser.parse_args()
    existing = Article.objects.filter(slug_en__startswith="bench-").count()
    if existing < arguments.articles:
        generate(arguments.articles - existing)
    print(f"Corpus: {Article.objects.count()} articles in all.")
