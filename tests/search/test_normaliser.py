from django.test import SimpleTestCase

from search.highlight import highlight, snippet
from search.indexing import search_text
from search.normalise import normalise, search_words
from search.query import Query


class NormaliserTests(SimpleTestCase):
    def test_arabic_letter_forms_become_persian(self):
        self.assertEqual(normalise("كتاب علي"), "کتاب علی")
        self.assertEqual(normalise("مدرسة"), "مدرسه")
        self.assertEqual(normalise("أحمد إيران ٱلله"), "احمد ایران الله")
        self.assertEqual(normalise("مصطفى"), "مصطفی")

    def test_vowel_marks_and_tatweel_are_dropped(self):
        self.assertEqual(normalise("كِتَابٌ"), "کتاب")
        self.assertEqual(normalise("ایـــران"), "ایران")
        self.assertEqual(normalise("رحمٰن"), "رحمن")

    def test_every_digit_becomes_ascii(self):
        self.assertEqual(normalise("۱۴۰۵ ١٤٠٥ 1405"), "1405 1405 1405")

    def test_english_is_lower_cased(self):
        self.assertEqual(normalise("Tehran STOCK Exchange"), "tehran stock exchange")

    def test_a_zwnj_word_is_indexed_joined_and_split(self):
        self.assertEqual(search_words("آنها می‌خواهند"), ["آنها", "میخواهند", "می", "خواهند"])

    def test_a_query_drops_its_zwnjs(self):
        self.assertEqual(Query.parse("می‌خواهند").terms, ("میخواهند",))
        self.assertEqual(Query.parse("میخواهند").terms, ("میخواهند",))

    def test_punctuation_is_not_a_word(self):
        self.assertEqual(search_words("«سلام»، دنیا؟ Hello, world!"), ["سلام", "دنیا", "hello", "world"])

    def test_search_text_keeps_headline_summary_and_body_on_their_own_lines(self):
        text = search_text(
            headline="Rivers\nin retreat", standfirst="Why", related=["Ann Lee"], body_html="<p>Water</p><p>falls</p>"
        )
        self.assertEqual(text.split("\n"), ["rivers in retreat", "why ann lee", "water falls"])

    def test_an_empty_or_punctuation_only_query_has_nothing_to_search(self):
        for raw in ("", "   ", "!!! ؟؟", "\u200c"):
            with self.subTest(raw=raw):
                self.assertFalse(Query.parse(raw))


class HighlightTests(SimpleTestCase):
    def test_matches_are_marked_on_the_original_characters(self):
        self.assertEqual(str(highlight("کتاب علی", ["علي"])), "کتاب <mark>علی</mark>")

    def test_a_joined_query_marks_the_word_written_with_a_zwnj(self):
        self.assertEqual(str(highlight("آنها می‌خواهند بروند", ["میخواهند"])), "آنها <mark>می‌خواهند</mark> بروند")

    def test_a_word_part_after_a_zwnj_is_marked(self):
        self.assertEqual(str(highlight("کتاب‌ها", ["ها"])), "کتاب‌<mark>ها</mark>")

    def test_the_whole_word_beginning_with_a_term_is_marked(self):
        self.assertEqual(str(highlight("Rivers rise", ["river"])), "<mark>Rivers</mark> rise")

    def test_reader_text_is_escaped_and_only_our_marks_survive(self):
        marked = str(highlight("<script>alert(1)</script> river & <b>sea</b>", ["river", "script"]))
        self.assertNotIn("<script>", marked)
        self.assertNotIn("<b>", marked)
        self.assertIn("&lt;<mark>script</mark>&gt;", marked)
        self.assertIn("<mark>river</mark> &amp; &lt;b&gt;sea", marked)

    def test_a_query_cannot_inject_markup(self):
        query = Query.parse('<img src=x onerror="alert(1)">')
        marked = str(highlight('a <img src=x onerror="alert(1)"> b', query.terms))
        self.assertNotIn("<img", marked)
        self.assertIn("&lt;<mark>img</mark>", marked)

    def test_snippet_opens_around_the_first_match(self):
        text = " ".join(f"word{number}" for number in range(100)) + " reservoir " + "tail " * 50
        excerpt = str(snippet(text, ["reservoir"], words=20))
        self.assertTrue(excerpt.startswith("… "))
        self.assertIn("<mark>reservoir</mark>", excerpt)
        self.assertTrue(excerpt.endswith(" …"))

    def test_snippet_is_none_without_a_match(self):
        self.assertIsNone(snippet("nothing here", ["river"]))


class QueryTests(SimpleTestCase):
    def test_a_minus_sign_leaves_a_word_out(self):
        query = Query.parse("wheat harvest -climate")
        self.assertEqual((query.terms, query.excluded), (("wheat", "harvest"), ("climate",)))

    def test_persian_and_curly_quotes_become_a_phrase_for_postgresql(self):
        self.assertEqual(Query.parse("«حقوق زنان»").text, '"حقوق زنان"')
        self.assertEqual(Query.parse("“interest rates”").terms, ("interest", "rates"))

    def test_or_is_an_operator_not_a_word(self):
        self.assertEqual(Query.parse("bread or flour").terms, ("bread", "flour"))

    def test_an_unclosed_quote_still_searches_its_words(self):
        self.assertEqual(Query.parse('"interest rates').terms, ("interest", "rates"))

    def test_common_words_are_left_out_of_the_search_and_kept_aside(self):
        english = Query.parse("The Reservoir", "en")
        self.assertEqual((english.text, english.terms, english.common), ("reservoir", ("reservoir",), ("the",)))
        persian = Query.parse("آب و برق", "fa")
        self.assertEqual((persian.text, persian.terms, persian.common), ("آب برق", ("آب", "برق"), ("و",)))

    def test_a_query_of_common_words_only_has_nothing_to_search(self):
        for raw, language in (("the", "en"), ("و در به", "fa"), ("می‌شود", "fa"), ("-و", "fa")):
            with self.subTest(raw=raw):
                self.assertFalse(Query.parse(raw, language))

    def test_a_phrase_keeps_its_common_words_to_hold_the_other_words_apart(self):
        query = Query.parse("«نفت و گاز»", "fa")
        self.assertEqual((query.text, query.terms), ('"نفت و گاز"', ("نفت", "گاز")))

    def test_an_or_left_with_no_word_beside_it_is_dropped(self):
        self.assertEqual(Query.parse("the or dam", "en").text, "dam")
        self.assertEqual(Query.parse("dam or the", "en").text, "dam")
        self.assertEqual(Query.parse("dam or the or river", "en").text, "dam or river")

    def test_words_readers_search_for_are_never_common(self):
        # Lists that drop these would hide the Kurds, the Islamic Republic and this year's news.
        self.assertEqual(Query.parse("کرد اسلامی امسال", "fa").terms, ("کرد", "اسلامی", "امسال"))

    def test_without_a_language_no_word_is_left_out(self):
        self.assertEqual(Query.parse("the dam").terms, ("the", "dam"))
