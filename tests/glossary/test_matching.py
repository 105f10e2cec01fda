"""Finding glossary terms as writers really type them: Arabic letter forms, digits, ZWNJ, vowel marks, any case."""

from django.test import SimpleTestCase, TestCase

from glossary.checks import Glossary
from glossary.matching import Matcher, contains, folded_with_positions, term_key
from glossary.models import Term


def found(terms, text):
    return [text[item.start : item.end] for item in Matcher(terms).find(text)]


class PersianMatchingTests(SimpleTestCase):
    def test_arabic_yeh_and_kaf_match_the_persian_letters(self):
        self.assertEqual(found(["کیم جونگ اون"], "ديدار كيم جونگ اون"), ["كيم جونگ اون"])

    def test_a_zwnj_a_space_or_nothing_between_parts_of_a_word_match_alike(self):
        text = "می‌خواهند، میخواهند و می خواهند"
        self.assertEqual(found(["می‌خواهند"], text), ["می‌خواهند", "میخواهند", "می خواهند"])

    def test_a_space_typed_beside_a_zwnj_still_matches(self):
        self.assertEqual(found(["شورای امنیت ملی"], "شورای امنیت ‌ملی"), ["شورای امنیت ‌ملی"])

    def test_vowel_marks_and_tatweel_are_ignored(self):
        self.assertEqual(found(["پوتین"], "پـوتِین گفت"), ["پـوتِین"])

    def test_persian_arabic_and_ascii_digits_match(self):
        self.assertEqual(found(["گروه ۷"], "نشست گروه 7 و گروه ٧"), ["گروه 7", "گروه ٧"])

    def test_a_suffix_after_a_zwnj_keeps_the_term_whole_but_a_longer_word_does_not_match(self):
        self.assertEqual(found(["تحریم"], "تحریم‌ها و تحریمی"), ["تحریم"])


class EnglishMatchingTests(SimpleTestCase):
    def test_matching_is_case_insensitive(self):
        self.assertEqual(found(["Security Council"], "the security council met"), ["security council"])

    def test_only_whole_words_match(self):
        self.assertEqual(found(["sanction"], "sanctions and a sanction; unsanctioned"), ["sanction"])

    def test_the_longest_term_wins(self):
        terms = ["Security Council", "UN Security Council"]
        self.assertEqual(found(terms, "The UN Security Council voted."), ["UN Security Council"])

    def test_a_shorter_term_matches_where_the_longer_one_does_not(self):
        terms = ["Security", "Security Council"]
        self.assertEqual(found(terms, "Security Council and Security forces"), ["Security Council", "Security"])

    def test_line_breaks_between_words_still_match(self):
        self.assertEqual(found(["White House"], "the White\nHouse said"), ["White\nHouse"])

    def test_nothing_matches_without_terms(self):
        self.assertEqual(Matcher([]).find("anything"), [])


class KeyTests(SimpleTestCase):
    def test_spellings_of_one_term_share_a_key(self):
        self.assertEqual(term_key("می‌خواهند"), term_key("مي خواهند"))
        self.assertEqual(term_key("Security  Council"), term_key("security council"))

    def test_positions_point_back_into_the_original_text(self):
        folded, positions = folded_with_positions("ك ي")
        self.assertEqual(folded, "ک ی")
        self.assertEqual(positions, [0, 1, 2])

    def test_contains_checks_a_translation_for_a_term(self):
        self.assertTrue(contains("ديدار با پوتين", "پوتین"))
        self.assertFalse(contains("دیدار با رئیس‌جمهور", "پوتین"))


class GlossaryTests(TestCase):
    def setUp(self):
        self.council = Term.objects.create(
            source_language="en", target_language="fa", source_term="Security Council", target_term="شورای امنیت"
        )
        self.bbc = Term.objects.create(
            source_language="en", target_language="fa", source_term="BBC", do_not_translate=True
        )
        Term.objects.create(source_language="fa", target_language="en", source_term="پوتین", target_term="Putin")

    def test_a_glossary_holds_only_its_pairs_terms(self):
        self.assertEqual(set(Glossary("en", "fa").terms.values()), {self.council, self.bbc})

    def test_segments_split_a_text_around_its_terms(self):
        pieces = Glossary("en", "fa").segments("The Security Council and the BBC.")
        self.assertEqual(
            pieces,
            [
                ("The ", None),
                ("Security Council", self.council),
                (" and the ", None),
                ("BBC", self.bbc),
                (".", None),
            ],
        )

    def test_missing_lists_terms_whose_approved_translation_is_absent_per_field(self):
        missing = Glossary("en", "fa").missing(
            {"headline": "The Security Council and the BBC", "standfirst": "The Security Council"},
            {"headline": "شوراي امنيت و بی‌بی‌سی", "standfirst": "شورا"},
        )
        self.assertEqual(
            [(item.field, item.source, item.approved, item.do_not_translate) for item in missing],
            [("headline", "BBC", "BBC", True), ("standfirst", "Security Council", "شورای امنیت", False)],
        )

    def test_an_approved_translation_inside_a_longer_approved_term_is_found(self):
        Term.objects.create(
            source_language="en",
            target_language="fa",
            source_term="National Security Council",
            target_term="شورای امنیت ملی",
        )
        missing = Glossary("en", "fa").missing({"headline": "The Security Council"}, {"headline": "شورای امنیت ملی"})
        self.assertEqual(missing, [])

    def test_a_do_not_translate_term_written_unchanged_passes(self):
        missing = Glossary("en", "fa").missing({"headline": "BBC reports"}, {"headline": "گزارش BBC"})
        self.assertEqual(missing, [])
