"""
Reader queries compiled once per shape (core/shapes.py): each run answers with its own values, exactly as the
queryset built afresh would, and a shape that would freeze a value refuses to compile.
"""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from core.shapes import Shape, ShapeError
from tests.factories import make_article, make_section, make_tag


@Shape
def newest_in_section(language, *, section, now):
    return Article.objects.readable(language, now=now).filter(section=section).newest_first()[:5]


@Shape
def headlines_tagged(language, *, tags, now):
    articles = Article.objects.readable(language, now=now).filter(tags__in=tags).newest_first()
    return articles.values_list("headline_en", flat=True).distinct()


class ShapeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.economy, cls.climate = make_section(), make_section()
        cls.older = make_article(section=cls.economy, headline_en="Wages stall", published_ago=timedelta(days=2))
        cls.newer = make_article(section=cls.economy, headline_en="Prices rise", published_ago=timedelta(hours=1))
        cls.elsewhere = make_article(section=cls.climate, headline_en="Rivers retreat")

    def test_each_run_answers_for_its_own_values_as_the_queryset_built_afresh_would(self):
        now = timezone.now()
        for section in (self.economy.pk, self.climate.pk, self.economy.pk):
            expected = list(Article.objects.readable("en", now=now).filter(section=section).newest_first()[:5])
            self.assertEqual(newest_in_section("en", section=section, now=now), expected)
        self.assertEqual(newest_in_section("en", section=self.economy.pk, now=now), [self.newer, self.older])

    def test_the_time_is_a_value_so_a_scheduled_article_appears_when_its_time_comes(self):
        scheduled = make_article(section=self.economy, published_ago=timedelta(hours=-2))
        now = timezone.now()
        self.assertNotIn(scheduled, newest_in_section("en", section=self.economy.pk, now=now))
        self.assertIn(scheduled, newest_in_section("en", section=self.economy.pk, now=now + timedelta(hours=3)))

    def test_a_compiled_shape_runs_without_building_or_compiling_again_and_in_one_query(self):
        now = timezone.now()
        newest_in_section("en", section=self.economy.pk, now=now)
        with CaptureQueriesContext(connection) as queries:
            found = newest_in_section("en", section=self.climate.pk, now=now)
        self.assertEqual(found, [self.elsewhere])
        self.assertEqual(len(queries.captured_queries), 1)

    def test_a_list_of_another_length_is_another_shape(self):
        flood, drought = make_tag(), make_tag()
        self.newer.tags.add(flood)
        self.elsewhere.tags.add(drought)
        now = timezone.now()
        self.assertEqual(headlines_tagged("en", tags=[flood.pk], now=now), ["Prices rise"])
        self.assertEqual(headlines_tagged("en", tags=[drought.pk], now=now), ["Rivers retreat"])
        self.assertEqual(
            sorted(headlines_tagged("en", tags=[flood.pk, drought.pk], now=now)), ["Prices rise", "Rivers retreat"]
        )

    def test_a_time_read_while_building_is_refused_rather_than_frozen_into_the_sql(self):
        frozen = Shape(lambda language, *, section: Article.objects.readable(language).filter(section=section))
        if connection.vendor == "postgresql":  # SQLite's parameters are text: the guard reads PostgreSQL's
            with self.assertRaises(ShapeError):
                frozen("en", section=self.economy.pk)

    def test_a_value_that_does_not_reach_the_sql_as_itself_is_refused(self):
        rewritten = Shape(lambda language, *, headline: Article.objects.filter(headline_en__icontains=headline))
        with self.assertRaises(ShapeError):
            rewritten("en", headline="Wages")
        with self.assertRaises(ShapeError):
            newest_in_section("en", section=self.economy.pk, now=timezone.now(), extra=True)
        # A small integer column: PostgreSQL bounds it (smallint, up to 32,767) and the stand-in would be beyond
        # it; SQLite's integers have no such bound.
        small = Shape(lambda language, *, part: Article.objects.filter(part=part).order_by("pk"))
        if connection.ops.integer_field_range("PositiveSmallIntegerField")[1] < 2**31:
            with self.assertRaises(ShapeError):
                small("en", part=2)
        else:
            self.assertEqual(small("en", part=2), list(Article.objects.filter(part=2).order_by("pk")))
