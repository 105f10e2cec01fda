"""
Generate a large bilingual corpus for the benchmarks: `python bench/corpus.py --articles 10000`.

Articles are bulk-created (a quarter English-only, the rest in both languages) with reading times and
slugs as save() would derive them, spread over the demo's sections and sixty writers and forty topics
of their own. Running it again tops the corpus up; it adds nothing when the target is met.
"""

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Byline, Section, Tag  # noqa: E402
from authors.models import Author  # noqa: E402
from core.text import reading_minutes, slug_for  # noqa: E402
from search.indexing import index_articles  # noqa: E402

PREFIX = "bench-"
WORDS_EN = (
    "water policy reservoir farmers province inflation budget ministry rial exports drought river "
    "subsidy election parliament survey households wages rent energy gas electricity city villages"
).split()
WORDS_FA = (
    "آب سیاست مخزن کشاورزان استان تورم بودجه وزارت ریال صادرات خشکسالی رود یارانه انتخابات مجلس "
    "نظرسنجی خانوارها دستمزد اجاره انرژی گاز برق شهر روستاها"
).split()


def paragraph(words, rng, length=60) -> str:
    return " ".join(rng.choice(words) for _ in range(length)) + "."


def body(words, rng) -> str:
    parts = []
    for section in range(4):
        parts.append(f"<h2>{' '.join(rng.choice(words) for _ in range(4))} {section + 1}</h2>")
        parts.extend(f"<p>{paragraph(words, rng)}</p>" for _ in range(3))
    return "".join(parts)


def generate(target: int, seed: int = 7) -> int:
    """Top the corpus up to `target` generated articles; return how many were added."""
    existing = Article.objects.filter(slug_en__startswith=PREFIX).count()
    missing = target - existing
    if missing <= 0:
        return 0
    rng = random.Random(seed + existing)
    sections = list(Section.objects.all()) or [Section.objects.create(name_en="News", name_fa="خبر")]
    authors = list(Author.objects.filter(slug__startswith=PREFIX))
    for number in range(len(authors), 60):
        authors.append(
            Author.objects.create(
                name_en=f"Writer {number}", name_fa=f"نویسنده {number}", slug=f"{PREFIX}writer-{number}"
            )
        )
    tags = list(Tag.objects.filter(slug_en__startswith=PREFIX))
    for number in range(len(tags), 40):
        tags.append(
            Tag.objects.create(
                name_en=f"Topic {number}",
                name_fa=f"موضوع {number}",
                slug_en=f"{PREFIX}topic-{number}",
                slug_fa=f"{PREFIX}موضوع-{number}",
            )
        )
    now = timezone.now()
    with transaction.atomic():
        batch = []
        for index in range(existing, target):
            english = body(WORDS_EN, rng)
            persian = body(WORDS_FA, rng) if index % 4 else ""  # a quarter are English-only
            headline_en = f"{paragraph(WORDS_EN, rng, 7)[:-1].capitalize()} {index}"
            published = now - timedelta(hours=index * 5 + rng.randint(0, 4))
            batch.append(
                Article(
                    headline_en=headline_en,
                    headline_fa=f"{paragraph(WORDS_FA, rng, 7)[:-1]} {index}" if persian else "",
                    slug_en=f"{PREFIX}{slug_for(headline_en, 'en')[:50]}-{index}",
                    slug_fa=f"{PREFIX}مقاله-{index}" if persian else None,
                    standfirst_en=paragraph(WORDS_EN, rng, 25),
                    standfirst_fa=paragraph(WORDS_FA, rng, 25) if persian else "",
                    body_en=english,
                    body_fa=persian,
                    reading_minutes_en=reading_minutes(english, "en"),
                    reading_minutes_fa=reading_minutes(persian, "fa") if persian else None,
                    section=sections[index % len(sections)],
                    status=Article.Status.PUBLISHED,
                    publish_at=published,
                    first_published_at=published,
                )
            )
        created = Article.objects.bulk_create(batch, batch_size=500)
        Byline.objects.bulk_create(
            [
                Byline(article=article, author=author, position=position)
                for article in created
                for position, author in enumerate(rng.sample(authors, rng.choice((1, 1, 2, 3))))
            ],
            batch_size=2000,
        )
        Article.tags.through.objects.bulk_create(
            [
                Article.tags.through(article_id=article.pk, tag_id=tag.pk)
                for article in created
                for tag in rng.sample(tags, rng.randint(1, 4))
            ],
            batch_size=2000,
        )
    # bulk_create bypasses save(): build the generated articles' search index as save() would have.
    index_articles(Article.objects.filter(slug_en__startswith=PREFIX).filter(search_text_en=""))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics after bulk inserts, as autovacuum would give
    return missing


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Top the benchmark corpus up to a number of generated articles.")
    parser.add_argument("--articles", type=int, default=10_000)
    added = generate(parser.parse_args().articles)
    print(f"Added {added} generated articles; {Article.objects.count()} articles in all.")
