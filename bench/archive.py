#!/usr/bin/env python
"""
Build a large archive for the scale benchmarks with PostgreSQL COPY: `python bench/archive.py`.

    .venv/bin/python bench/archive.py                                   # 1,000,000 articles in newsroom_million
    .venv/bin/python bench/archive.py --articles 1000 --database-url postgres://postgres@127.0.0.1:5432/newsroom_scale_1k

The database is created, migrated and given the demo content when missing; the archive is loaded once (a
database that already holds generated articles is left as it is). Besides the demo's sections it gets
300 writers and 600 topics of its own, both used Zipf-fashion (a few big, many small), and a five-part
series for every 500 articles. Of the published articles half are bilingual, 30% English-only and 20%
Persian-only, dated over twelve years; one row in a hundred more is a draft (one
in a hundred of them scheduled instead). Bodies are
modest (two short paragraphs, about 85 words, of vocabulary-based prose per language, drawn from a pool
written with bench/search.py's `Writer`) so that a million load in reasonable time. Every row carries what save()
derives (slugs, reading minutes) and the search index exactly as search/indexing.py builds it: the text by
`search_text()`'s rules, the vectors by `search.backends.postgres.search_vector()` compiled to SQL.

The rows are streamed with psycopg's `cursor.copy` into an unlogged staging table, then inserted into
articles_article in one statement that computes the vectors (each row written once); the article table's
plain indexes are dropped for the load and rebuilt after it, foreign keys are not checked row by row (nor do
triggers fire), and the list counts the database keeps (migration 0012) are counted again afterwards.
"""

import argparse
import io
import math
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import (  # noqa: E402
    ENGLISH_GLUE,
    ENGLISH_SYLLABLES,
    ENGLISH_WORDS,
    PERSIAN_GLUE,
    PERSIAN_SYLLABLES,
    PERSIAN_WORDS,
    Writer,
    generated_names,
)
from bench.serving import ensure_database  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_million"
PREFIX = "arc-"  # slugs of everything generated here
AUTHORS = 300
TAGS = 600
SERIES_EVERY = 500  # one five-part series per this many articles
YEARS = 12
POOL = 4000  # paragraphs (and standfirsts) written per language, drawn on for every body


def say(*parts) -> None:
    sys.stdout.write(" ".join(str(part) for part in parts) + "\n")
    sys.stdout.flush()


def zipf_cumulative(count: int, exponent: float = 1.0) -> list[float]:
    total, out = 0.0, []
    for rank in range(count):
        total += 1 / (rank + 1) ** exponent
        out.append(total)
    return out


class Prose:
    """One language's text pool: paragraphs and standfirsts with their search words worked out once."""

    def __init__(self, language: str, rng: random.Random, words, glue, syllables, *, capital: bool):
        from core.text import plain_text
        from search.normalise import search_words

        self.language = language
        names = generated_names(rng, syllables, 300, capital=capital)
        extra = ["lo", "te", "qu", "bo"] if capital else ["لو", "ته", "قو", "بو"]
        tail = generated_names(rng, syllables + extra, 8000, capital=False, ending="")
        self.writer = Writer(rng, words, glue, names, tail)
        self.rng = rng
        self.paragraphs, self.paragraph_words = [], []
        self.standfirsts, self.standfirst_words = [], []
        for _ in range(POOL):
            self.writer.start_article()
            sentences = (self.writer.sentence(rng.randint(10, 24)) for _ in range(rng.randint(2, 3)))
            paragraph = f"<p>{' '.join(sentences)}</p>"
            self.paragraphs.append(paragraph)
            self.paragraph_words.append(" ".join(search_words(plain_text(paragraph))))
            standfirst = self.writer.sentence(rng.randint(14, 24))
            self.standfirsts.append(standfirst)
            self.standfirst_words.append(search_words(standfirst))

    def article(self, related_words: list[str]) -> dict:
        """Return a new article's text in this language: headline, standfirst, body and search text."""
        from search.normalise import search_words

        rng = self.rng
        self.writer.start_article()
        headline = self.writer.sentence(rng.randint(5, 10)).rstrip(".")
        first, second = rng.randrange(POOL), rng.randrange(POOL)
        summary = rng.randrange(POOL)
        body = self.paragraphs[first] + self.paragraphs[second]
        lines = (
            " ".join(search_words(headline)),
            " ".join([*self.standfirst_words[summary], *related_words]),
            " ".join(filter(None, (self.paragraph_words[first], self.paragraph_words[second]))),
        )
        return {
            "headline": headline,
            "standfirst": self.standfirsts[summary],
            "body": body,
            "search_text": "\n".join(lines),
        }


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("NEWSROOM_ENV_FILE", "")
    import django

    django.setup()


def vector_sql(staged: str) -> dict[str, str]:
    """Return the SQL of each vector column as search/ computes it, reading the text from the staging table."""
    from django.db import connection
    from psycopg import ClientCursor

    from articles.models import Article
    from core.languages import LANGUAGE_CODES
    from search.backends.postgres import search_vector

    query = Article.objects.all().query
    compiler = query.get_compiler(connection=connection)
    columns = {}
    for language in LANGUAGE_CODES:
        for column, body in ((f"search_vector_{language}", True), (f"search_rank_vector_{language}", False)):
            sql, params = search_vector(language, body=body).resolve_expression(query).as_sql(compiler, connection)
            # A client-side cursor writes the parameters into the SQL (the settings' cursors send them apart).
            connection.ensure_connection()
            literal = ClientCursor(connection.connection).mogrify(sql, params)
            literal = literal.decode() if isinstance(literal, bytes) else literal
            columns[column] = literal.replace('"articles_article".', f"{staged}.")
    return columns


def taxonomy(rng: random.Random):
    """Return the sections, writers and topics the archive uses, creating the generated ones once."""
    from articles.models import Section, Tag
    from authors.models import Author

    sections = list(Section.objects.order_by("pk"))
    if not sections:
        sections = [Section.objects.create(name_en="News", name_fa="خبر")]
    english = generated_names(rng, ENGLISH_SYLLABLES, 2 * AUTHORS + TAGS, capital=True)
    persian = generated_names(rng, PERSIAN_SYLLABLES, 2 * AUTHORS + TAGS, capital=False)
    if not Author.objects.filter(slug__startswith=PREFIX).exists():
        Author.objects.bulk_create(
            Author(
                name_en=f"{english[2 * n]} {english[2 * n + 1]}",
                name_fa=f"{persian[2 * n]} {persian[2 * n + 1]}",
                slug=f"{PREFIX}writer-{n}",
                job_title_en="Correspondent",
                job_title_fa="خبرنگار",
            )
            for n in range(AUTHORS)
        )
    if not Tag.objects.filter(slug_en__startswith=PREFIX).exists():
        Tag.objects.bulk_create(
            Tag(
                name_en=english[2 * AUTHORS + n],
                name_fa=persian[2 * AUTHORS + n],
                slug_en=f"{PREFIX}{english[2 * AUTHORS + n].lower()}-{n}",
                slug_fa=f"{PREFIX}{persian[2 * AUTHORS + n]}-{n}",
            )
            for n in range(TAGS)
        )
    authors = list(Author.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    tags = list(Tag.objects.filter(slug_en__startswith=PREFIX).order_by("pk"))
    return sections, authors, tags


def make_series(count: int, start: int) -> list[int]:
    from core.text import slug_for
    from series.models import Series

    made = Series.objects.bulk_create(
        Series(
            title_en=f"Dispatches {start + n}",
            title_fa=f"گزارش‌ها {start + n}",
            slug_en=f"{PREFIX}dispatches-{start + n}",
            slug_fa=f"{PREFIX}{slug_for(f'گزارش‌ها {start + n}', 'fa')}",
            description_en="A five-part series.",
            description_fa="مجموعه‌ای در پنج بخش.",
        )
        for n in range(count)
    )
    return [series.pk for series in made]


def load(total_published: int, seed: int) -> None:
    from django.db import connection, transaction

    from articles.models import Article
    from core.languages import LANGUAGE_CODES
    from core.text import reading_minutes, slug_for
    from search.indexing import search_text

    if (
        Article.objects.filter(slug_en__startswith=PREFIX).exists()
        or Article.objects.filter(slug_fa__startswith=PREFIX).exists()
    ):
        say(f"archive: already loaded ({Article.objects.count():,} articles); nothing to do")
        return
    rng = random.Random(seed)
    started = time.perf_counter()
    sections, authors, tags = taxonomy(rng)
    prose = {
        "en": Prose("en", rng, ENGLISH_WORDS, ENGLISH_GLUE, ENGLISH_SYLLABLES, capital=True),
        "fa": Prose("fa", rng, PERSIAN_WORDS, PERSIAN_GLUE, PERSIAN_SYLLABLES, capital=False),
    }
    say(f"text pools written ({time.perf_counter() - started:.0f} s)")

    total = total_published + total_published // 100  # one row in a hundred more: drafts and scheduled
    series_ids = make_series(math.ceil(total / SERIES_EVERY), 1)
    author_weights = zipf_cumulative(len(authors), 0.8)
    tag_weights = zipf_cumulative(len(tags), 0.9)
    section_weights = zipf_cumulative(len(sections), 0.5)
    names = {
        language: {
            "author": {a.pk: getattr(a, f"name_{language}") or a.name_en for a in authors},
            "section": {s.pk: getattr(s, f"name_{language}") or s.name_en for s in sections},
            "tag": {t.pk: getattr(t, f"name_{language}") or t.name_en for t in tags},
        }
        for language in LANGUAGE_CODES
    }
    from search.normalise import search_words

    name_words = {
        language: {kind: {pk: search_words(name) for pk, name in table.items()} for kind, table in kinds.items()}
        for language, kinds in names.items()
    }

    fields = [f for f in Article._meta.concrete_fields if not f.attname.startswith(("search_vector", "search_rank"))]
    columns = [f.column for f in fields]
    defaults = {}
    for field in fields:
        default = field.get_default()
        defaults[field.attname] = {} if field.attname == "image_renditions" else default
    vectors = vector_sql("staged")
    now = datetime.now(UTC)
    first_day = now - timedelta(days=365 * YEARS)
    span = (now - first_day).total_seconds()
    next_id = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    checked = 0

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # no per-row foreign-key triggers
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article' AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint WHERE conrelid = 'articles_article'::regclass)"
        )
        plain_indexes = cursor.fetchall()
        for name, _definition in plain_indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("CREATE UNLOGGED TABLE staged (LIKE articles_article)")
        raw = cursor.connection  # psycopg's connection, for cursor.copy
        say(f"dropped {len(plain_indexes)} plain indexes; generating and copying {total:,} rows …")
        bylines, tagged = io.StringIO(), io.StringIO()
        with raw.cursor() as copier:
            with copier.copy(f"COPY staged ({', '.join(columns)}) FROM STDIN") as copy:
                for index in range(total):
                    pk = next_id + index
                    moment = first_day + timedelta(seconds=span * (index + rng.random()) / total)
                    status = Article.Status.PUBLISHED
                    if index % 101 == 100:  # a draft, or now and then (one in a hundred) one scheduled
                        status = Article.Status.PUBLISHED if index % 10_100 == 100 else Article.Status.DRAFT
                        if status == Article.Status.PUBLISHED:
                            moment = now + timedelta(days=rng.randint(1, 30))
                    roll = rng.random()
                    languages = ("en", "fa") if roll < 0.5 else ("en",) if roll < 0.8 else ("fa",)
                    section = sections[
                        rng.choices(range(len(sections)), cum_weights=section_weights)[0]
                    ].pk  # fmt: skip
                    bylined = rng.choices(
                        range(len(authors)), cum_weights=author_weights, k=rng.choice((1, 1, 1, 2, 3))
                    )
                    writers = {authors[i].pk for i in bylined}
                    tagged_with = rng.choices(range(len(tags)), cum_weights=tag_weights, k=rng.randint(1, 4))
                    topics = {tags[i].pk for i in tagged_with}
                    row = dict(defaults)
                    row.update(
                        id=pk,
                        section_id=section,
                        status=status,
                        publish_at=moment if status == Article.Status.PUBLISHED else None,
                        first_published_at=moment if status == Article.Status.PUBLISHED and moment <= now else None,
                        created_at=moment - timedelta(hours=rng.randint(2, 72)),
                        # Most rows last changed when published; one in twenty was corrected later.
                        updated_at=moment
                        + timedelta(
                            minutes=rng.randint(0, 9) if rng.random() < 0.95 else rng.randint(60, 60 * 24 * 60)
                        ),
                        version=1,
                    )
                    if row["updated_at"] > now:  # scheduled ones were last edited before now, like the rest
                        row["updated_at"] = row["created_at"] = now - timedelta(hours=rng.randint(1, 48))
                    if index % 100 == 7:  # a part of a series
                        row["series_id"] = series_ids[index // SERIES_EVERY]
                        row["part"] = (index // 100) % (SERIES_EVERY // 100) + 1
                    for language in LANGUAGE_CODES:
                        row[f"headline_{language}"] = row[f"standfirst_{language}"] = row[f"body_{language}"] = ""
                        row[f"slug_{language}"] = row[f"reading_minutes_{language}"] = None
                        row[f"search_text_{language}"] = ""
                        for blank in ("image_alt", "image_caption", "image_credit"):
                            row[f"{blank}_{language}"] = ""
                    for language in languages:
                        words = name_words[language]
                        related = [w for a in sorted(writers) for w in words["author"][a]]
                        related += words["section"][section] + [w for t in sorted(topics) for w in words["tag"][t]]
                        text = prose[language].article(related)
                        row[f"headline_{language}"] = text["headline"]
                        row[f"standfirst_{language}"] = text["standfirst"]
                        row[f"body_{language}"] = text["body"]
                        row[f"slug_{language}"] = f"{slug_for(text['headline'], language)[:50]}-{PREFIX}{pk}"
                        row[f"reading_minutes_{language}"] = reading_minutes(text["body"], language)
                        row[f"search_text_{language}"] = text["search_text"]
                        if checked < 200:  # the shortcut gives what search/indexing.py would store
                            expected = search_text(
                                headline=text["headline"],
                                standfirst=text["standfirst"],
                                related=[names[language]["author"][a] for a in sorted(writers)]
                                + [names[language]["section"][section]]
                                + [names[language]["tag"][t] for t in sorted(topics)],
                                body_html=text["body"],
                            )
                            if expected != text["search_text"]:
                                sys.exit(
                                    f"search text differs from search_text():\n{expected!r}\n{text['search_text']!r}"
                                )
                            checked += 1
                    row["headline"] = row["headline_en"] or row["headline_fa"]
                    row["slug"] = row["slug_en"] or row["slug_fa"]
                    row["standfirst"] = row["standfirst_en"] or row["standfirst_fa"]
                    row["body"] = row["body_en"] or row["body_fa"]
                    row["reading_minutes"] = row["reading_minutes_en"] or row["reading_minutes_fa"]
                    copy.write_row([_copy_value(row[field.attname]) for field in fields])
                    for position, writer in enumerate(sorted(writers)):
                        bylines.write(f"{pk}\t{writer}\t{position}\n")
                    for topic in sorted(topics):
                        tagged.write(f"{pk}\t{topic}\n")
                    if (index + 1) % 100_000 == 0:
                        say(f"  {index + 1:>9,} rows  ({time.perf_counter() - started:.0f} s)")
            say(f"rows copied ({time.perf_counter() - started:.0f} s); bylines and tags …")
            with copier.copy("COPY articles_byline (article_id, author_id, position) FROM STDIN") as copy:
                copy.write(bylines.getvalue())
            with copier.copy("COPY articles_article_tags (article_id, tag_id) FROM STDIN") as copy:
                copy.write(tagged.getvalue())
        say(f"bylines and tags copied ({time.perf_counter() - started:.0f} s); inserting with search vectors …")
        column_list = ", ".join(columns)
        cursor.execute(
            f"INSERT INTO articles_article ({column_list}, {', '.join(vectors)}) "
            f"SELECT {', '.join(f'staged.{c}' for c in columns)}, {', '.join(vectors.values())} "
            "FROM staged ORDER BY staged.id"
        )
        cursor.execute("DROP TABLE staged")
        say(f"articles inserted ({time.perf_counter() - started:.0f} s); rebuilding indexes …")
        for name, definition in plain_indexes:
            cursor.execute(definition)
            say(f"  {name} ({time.perf_counter() - started:.0f} s)")
        for table in ("articles_article", "articles_byline", "articles_article_tags", "series_series"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    rebuild_list_counts()
    with connection.cursor() as cursor:
        for table in ("articles_article", "articles_byline", "articles_article_tags"):
            cursor.execute(f"VACUUM ANALYZE {table}")  # visibility map and statistics, as autovacuum would
    elapsed = time.perf_counter() - started
    say(f"archive loaded in {elapsed:.0f} s ({elapsed / 60:.1f} min)")
    report_size()


def rebuild_list_counts() -> None:
    """
    Count the lists again, the home page's, sections' and tags' (migration 0012) and the writers' (0013): their
    triggers do not fire while foreign keys are off.
    """
    import importlib

    from django.db import connection

    lists = importlib.import_module("articles.migrations.0012_list_counts_kept_by_the_database")
    writers = importlib.import_module("articles.migrations.0013_author_counts_kept_by_the_database")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('articles_listcount')")
        if cursor.fetchone()[0] is None:
            return
        cursor.execute("DELETE FROM articles_listcount")
        cursor.execute(lists.fill())
        cursor.execute(writers.fill())


def _copy_value(value):
    if isinstance(value, dict):
        import json

        return json.dumps(value)
    return value


def report_size() -> None:
    from django.db import connection

    from articles.models import Article

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        database = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('articles_article'))")
        table = cursor.fetchone()[0]
    published = Article.objects.published()
    say(
        f"{Article.objects.count():,} articles ({published.count():,} published: "
        f"{published.available_in('en').available_in('fa').count():,} bilingual, "
        f"{published.available_in('en').count():,} in English, {published.available_in('fa').count():,} in Persian); "
        f"article table with its indexes {table}, database {database}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000, help="published articles to generate")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args()
    ensure_database(options.database_url)
    setup_django(options.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from articles.models import Section

    if not Section.objects.exists():
        call_command("load_demo", verbosity=0)
    load(options.articles, options.seed)


if __name__ == "__main__":
    main()
