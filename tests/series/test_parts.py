from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from articles.models import Article
from series.labels import part_label
from tests.factories import make_article, make_section, make_series


class PartLabelTests(SimpleTestCase):
    def test_english_labels_use_ordinal_words_up_to_ten(self):
        self.assertEqual(part_label(1, "en"), "Part One")
        self.assertEqual(part_label(2, "en"), "Part Two")
        self.assertEqual(part_label(10, "en"), "Part Ten")

    def test_english_labels_use_digits_after_ten(self):
        self.assertEqual(part_label(11, "en"), "Part 11")

    def test_persian_labels_use_ordinal_words_up_to_ten(self):
        self.assertEqual(part_label(1, "fa"), "بخش اول")
        self.assertEqual(part_label(2, "fa"), "بخش دوم")
        self.assertEqual(part_label(3, "fa"), "بخش سوم")
        self.assertEqual(part_label(10, "fa"), "بخش دهم")

    def test_persian_labels_use_persian_digits_after_ten(self):
        self.assertEqual(part_label(12, "fa"), "بخش ۱۲")


class SeriesPartTests(TestCase):
    def test_a_part_number_is_unique_within_its_series(self):
        series = make_series()
        make_article(series=series, part=1)
        duplicate = Article(headline_en="Two", body_en="<p>x</p>", series=series, part=1, section=make_section())
        with self.assertRaises(ValidationError) as raised:
            duplicate.full_clean()
        self.assertIn("Another article is already this part of the series.", str(raised.exception))

    def test_the_same_part_number_may_appear_in_another_series(self):
        make_article(series=make_series(), part=1)
        other = Article(headline_en="One", body_en="<p>x</p>", series=make_series(), part=1, section=make_section())
        other.full_clean()

    def test_a_series_article_needs_a_part_number(self):
        article = Article(headline_en="One", body_en="<p>x</p>", series=make_series(), section=make_section())
        with self.assertRaises(ValidationError) as raised:
            article.full_clean()
        self.assertIn("part", raised.exception.message_dict)

    def test_an_article_knows_its_part_label_in_both_languages(self):
        article = make_article(series=make_series(), part=2)
        self.assertEqual(article.part_label("en"), "Part Two")
        self.assertEqual(article.part_label("fa"), "بخش دوم")
