from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from articles.models import Article
from series.labels import names_part, part_label
from tests.factories import make_article, make_section, make_series
from tests.pages import Page, ReaderTestCase


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


class HeadlineNamingItsPartTests(SimpleTestCase):
    def test_a_headline_naming_its_part_in_words_or_digits_is_recognised_whatever_the_case(self):
        for headline in ("Rivers in retreat, Part Two", "Rivers in retreat — part two", "Rivers, PART 2: wells"):
            with self.subTest(headline=headline):
                self.assertTrue(names_part(headline, 2, "en"))

    def test_persian_headlines_are_recognised_with_persian_or_latin_digits(self):
        for headline in ("رودهایی که عقب می‌نشینند، بخش دوم", "رودها: بخش ۲", "رودها: بخش 2", "رودها: بخش ٢"):
            with self.subTest(headline=headline):
                self.assertTrue(names_part(headline, 2, "fa"))

    def test_another_part_or_no_part_is_not_taken_for_this_one(self):
        self.assertFalse(names_part("Rivers in retreat, Part Twenty", 2, "en"))
        self.assertFalse(names_part("Rivers in retreat, part 12", 2, "en"))
        self.assertFalse(names_part("Rivers in retreat, Part One", 2, "en"))
        self.assertFalse(names_part("Rivers in retreat", 2, "en"))
        self.assertFalse(names_part("رودها، بخش ۱۲", 2, "fa"))
        self.assertFalse(names_part("رودها، بخش دوم", 2, "en"))  # each language is read in its own words


class PartLabelAboveTheHeadlineTests(ReaderTestCase):
    """The kicker names the part unless the headline already does ("PART TWO" above "…, Part Two")."""

    @classmethod
    def setUpTestData(cls):
        cls.series = make_series(title_en="The Drying Plateau", title_fa="فلات خشک")
        make_article(series=cls.series, part=1, headline_en="Where the water went", headline_fa="آب کجا رفت")

    def kicker_label(self, article, language) -> str | None:
        page = Page(self.client.get(article.url_in(language)))
        self.assertEqual(page.text("h1"), getattr(article, f"headline_{language}"))
        label = page.select(".article__header .kicker__series")
        return label[0].get_text(strip=True).lstrip("· ").strip() if label else None

    def test_a_headline_ending_in_its_part_gets_no_second_label_in_either_language(self):
        article = make_article(
            series=self.series, part=2, headline_en="Wells run dry, Part Two", headline_fa="چاه‌ها خشک شدند، بخش ۲"
        )
        self.assertIsNone(self.kicker_label(article, "en"))
        self.assertIsNone(self.kicker_label(article, "fa"))

    def test_a_headline_that_does_not_name_its_part_is_labelled_above_in_either_language(self):
        article = make_article(series=self.series, part=2, headline_en="Wells run dry", headline_fa="چاه‌ها خشک شدند")
        self.assertEqual(self.kicker_label(article, "en"), "Part Two")
        self.assertEqual(self.kicker_label(article, "fa"), "بخش دوم")

    def test_each_language_is_judged_by_its_own_headline(self):
        article = make_article(
            series=self.series, part=2, headline_en="Wells run dry, part 2", headline_fa="چاه‌ها خشک شدند"
        )
        self.assertIsNone(self.kicker_label(article, "en"))
        self.assertEqual(self.kicker_label(article, "fa"), "بخش دوم")
        page = Page(self.client.get(article.url_in("en")))
        self.assertIn("Part Two", page.text(".series-box__title"))  # the series box below still names it
