from django.test import SimpleTestCase

from core.languages import ENGLISH_WPM, PERSIAN_WORD_RATIO, language
from core.text import count_words, image_seconds, plain_text, reading_minutes


def paragraphs(words: int, word: str = "water") -> str:
    return "<p>" + " ".join([word] * words) + "</p>"


class WordCountTests(SimpleTestCase):
    def test_persian_word_joined_with_zero_width_non_joiner_is_one_word(self):
        self.assertEqual(count_words("کتاب‌ها را می‌خوانند"), 3)

    def test_punctuation_is_not_a_word(self):
        self.assertEqual(count_words("او گفت: « آب » ، ؟ — تمام شد ."), 5)
        self.assertEqual(count_words("Water — and then , nothing ."), 4)

    def test_tags_do_not_glue_words_together(self):
        self.assertEqual(count_words(plain_text("<h2>One</h2><p>two</p><ul><li>three</li></ul>")), 3)

    def test_entities_are_decoded_before_counting(self):
        self.assertEqual(count_words(plain_text("<p>salt &amp; pepper</p>")), 2)


class ReadingTimeTests(SimpleTestCase):
    def test_english_reads_at_238_words_a_minute_rounded_up(self):
        self.assertEqual(ENGLISH_WPM, 238)
        self.assertEqual(reading_minutes(paragraphs(238), "en"), 1)
        self.assertEqual(reading_minutes(paragraphs(239), "en"), 2)
        self.assertEqual(reading_minutes(paragraphs(238 * 9), "en"), 9)

    def test_persian_uses_its_own_reading_speed(self):
        speed = language("fa").words_per_minute
        self.assertEqual(reading_minutes(paragraphs(speed * 4, "می‌خواهند"), "fa"), 4)
        self.assertEqual(reading_minutes(paragraphs(speed * 4 + 1, "می‌خواهند"), "fa"), 5)

    def test_a_short_piece_still_takes_a_minute(self):
        self.assertEqual(reading_minutes("<p>Brief.</p>", "en"), 1)
        self.assertEqual(reading_minutes("", "fa"), 1)

    def test_images_add_twelve_seconds_then_one_less_each_down_to_three(self):
        self.assertEqual(image_seconds(1), 12)
        self.assertEqual(image_seconds(2), 23)
        self.assertEqual(image_seconds(12), sum(range(3, 13)) + 3 + 3)

    def test_images_push_a_piece_past_the_minute(self):
        body = paragraphs(200) + '<figure><img src="/a.jpg" alt=""></figure>' * 4
        # 200 words ≈ 50 s, plus 12 + 11 + 10 + 9 = 42 s of images: 92 s, two minutes.
        self.assertEqual(reading_minutes(body, "en"), 2)
        self.assertEqual(reading_minutes(paragraphs(200), "en"), 1)


class PersianReadingSpeedTests(SimpleTestCase):
    def test_persian_speed_is_derived_from_our_parallel_texts(self):
        """Persian words per minute = 238 × (Persian words ÷ English words) over the bilingual demo articles."""
        from articles.demo import ARTICLES

        bilingual = [article for article in ARTICLES if article["body_fa"]]
        english = sum(count_words(plain_text(article["body_en"])) for article in bilingual)
        persian = sum(count_words(plain_text(article["body_fa"])) for article in bilingual)
        self.assertGreaterEqual(len(bilingual), 5)
        self.assertAlmostEqual(persian / english, PERSIAN_WORD_RATIO, delta=0.01)
        self.assertEqual(language("fa").words_per_minute, 236)

    def test_both_versions_of_a_demo_article_take_about_the_same_time(self):
        from articles.demo import ARTICLES

        for article in ARTICLES:
            if article["body_fa"]:
                english = reading_minutes(article["body_en"], "en")
                persian = reading_minutes(article["body_fa"], "fa")
                self.assertLessEqual(abs(english - persian), 1, article["slug_en"])
