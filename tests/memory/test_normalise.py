"""Folding (core.text.fold): the same Persian written by different hands and keyboards compares equal."""

from django.test import SimpleTestCase

from core.text import fold


class FoldTests(SimpleTestCase):
    def test_arabic_yeh_and_kaf_fold_to_persian(self):
        self.assertEqual(fold("كتابي"), fold("کتابی"))

    def test_persian_arabic_indic_and_latin_digits_fold_alike(self):
        self.assertEqual(fold("سال ۱۴۰۳"), "سال 1403")
        self.assertEqual(fold("سال ١٤٠٣"), "سال 1403")

    def test_zwnj_a_space_or_spaces_around_a_zwnj_read_the_same(self):
        joined = fold("می\u200cخواهند")
        self.assertEqual(fold("می خواهند"), joined)
        self.assertEqual(fold("می \u200c خواهند"), joined)
        self.assertEqual(fold("می\u200c\u200cخواهند"), joined)

    def test_vowel_marks_tatweel_and_direction_marks_are_dropped(self):
        self.assertEqual(fold("كُتُـــب\u200f"), "کتب")

    def test_whitespace_collapses_and_case_folds(self):
        self.assertEqual(fold("  The   White\nHouse "), "the white house")
