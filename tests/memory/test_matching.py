"""Matching: exact and fuzzy matches from the memory, Persian spelling variants folded alike, both directions."""

from django.test import TestCase

from memory.matching import lookup, matches
from memory.models import Segment
from memory.recording import record
from tests.factories import make_article, make_user

BODY_EN = (
    "<h2>The meeting</h2>"
    "<p>The White House confirmed the meeting on Tuesday. Officials gave no details.</p>"
    "<ul><li>Energy</li><li>Water rights</li></ul>"
)
BODY_FA = (
    "<h2>دیدار</h2>"
    "<p>کاخ سفید روز سه‌شنبه این دیدار را تأیید کرد. مقام‌ها جزئیاتی ندادند.</p>"
    "<ul><li>انرژی</li><li>حق آبه</li></ul>"
)


class MatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.translator = make_user("parisa", first_name="Parisa", last_name="Ahmadi")
        cls.article = make_article(
            headline_en="Talks on the Helmand river",
            headline_fa="گفت‌وگو دربارهٔ رود هیرمند در ۱۴۰۳",
            standfirst_en="Kabul and Tehran met in 2024.",
            standfirst_fa="کابل و تهران در سال ۲۰۲۴ دیدار کردند.",
            body_en=BODY_EN,
            body_fa=BODY_FA,
        )
        record(cls.article, source_language="en", target_language="fa", by=cls.translator)
        record(cls.article, source_language="fa", target_language="en", by=cls.translator)

    def test_the_same_sentence_is_an_exact_match_with_its_translation(self):
        match, *_others = matches(
            "The White House confirmed the meeting on Tuesday.", source_language="en", target_language="fa"
        )
        self.assertTrue(match.exact)
        self.assertEqual(match.score, 100)
        self.assertEqual(match.target, "کاخ سفید روز سه‌شنبه این دیدار را تأیید کرد.")
        self.assertIn("Parisa Ahmadi", match.origin)
        self.assertIn("Talks on the Helmand river", match.origin)

    def test_a_similar_sentence_is_a_fuzzy_match_showing_what_differs(self):
        match, *_others = matches(
            "The White House confirmed the meeting on Friday.", source_language="en", target_language="fa"
        )
        self.assertEqual(match.target, "کاخ سفید روز سه‌شنبه این دیدار را تأیید کرد.")
        self.assertFalse(match.exact)
        self.assertGreaterEqual(match.score, 75)
        self.assertLess(match.score, 100)
        self.assertIn(("delete", "Tuesday."), match.diff)
        self.assertIn(("insert", "Friday."), match.diff)

    def test_a_different_sentence_has_no_match(self):
        self.assertEqual(
            matches("Prices of bread rose sharply in the capital.", source_language="en", target_language="fa"), []
        )

    def test_arabic_letter_forms_digits_and_zwnj_spacing_match_exactly(self):
        # Arabic yeh and kaf, Arabic-Indic digits, a space where the ZWNJ was: the same Persian sentence.
        typed = "كابل و تهران در سال ٢٠٢٤ ديدار كردند."
        [match] = matches(typed, source_language="fa", target_language="en")
        self.assertTrue(match.exact)
        self.assertEqual(match.target, "Kabul and Tehran met in 2024.")
        [heading] = matches("گفت وگو دربارهٔ رود هیرمند در 1403", source_language="fa", target_language="en")
        self.assertTrue(heading.exact)

    def test_vowel_marks_do_not_stop_an_exact_match(self):
        [match] = matches("کابُل و تهران در سال ۲۰۲۴ دیدار کردند.", source_language="fa", target_language="en")
        self.assertTrue(match.exact)

    def test_a_direction_only_finds_its_own_translations(self):
        self.assertEqual(matches("Energy", source_language="fa", target_language="en"), [])
        self.assertEqual(matches("Energy", source_language="en", target_language="fa")[0].target, "انرژی")

    def test_the_same_pair_confirmed_twice_is_offered_once(self):
        other = make_article(headline_en="Energy", headline_fa="انرژی", body_en="", body_fa="")
        record(other, source_language="en", target_language="fa", by=self.translator)
        self.assertEqual(len(matches("Energy", source_language="en", target_language="fa")), 1)

    def test_matches_are_ranked_exact_first_and_limited(self):
        for number, text in enumerate(["Water right", "Water rights!", "Water rights"]):
            other = make_article(headline_en=text, headline_fa=f"حق آب {number}", body_en="", body_fa="")
            record(other, source_language="en", target_language="fa", by=self.translator)
        found = lookup(["Water rights"], source_language="en", target_language="fa", limit=2)["Water rights"]
        # Two exact matches with different translations (the list item, the headline), newest first.
        self.assertEqual([(match.exact, match.target) for match in found], [(True, "حق آب 2"), (True, "حق آبه")])
        every = matches("Water rights", source_language="en", target_language="fa", limit=10)
        self.assertEqual([match.exact for match in every], [True, True, False, False])
        self.assertGreater(every[2].score, every[3].score)
        self.assertEqual(Segment.objects.filter(source_text="Water right").count(), 1)
