"""Alignment: a confirmed translation is cut into pairs only where source and translation surely line up."""

from django.test import TestCase

from memory.alignment import align, sentences
from tests.factories import make_article


def pairs_of(article, field="body"):
    return [(pair.kind, pair.source, pair.target) for pair in align(article, "en", "fa") if pair.field == field]


class AlignmentTests(TestCase):
    def test_plain_fields_pair_whole(self):
        article = make_article(headline_en="Rivers in retreat", headline_fa="رودهایی که عقب می‌نشینند")
        self.assertEqual(pairs_of(article, "headline"), [("field", "Rivers in retreat", "رودهایی که عقب می‌نشینند")])

    def test_headings_paragraphs_and_list_items_pair_block_by_block(self):
        article = make_article(
            body_en="<h2>The dam</h2><p>It is full.</p><ul><li>Wheat</li><li>Rice</li></ul>",
            body_fa="<h2>سد</h2><p>پر است.</p><ul><li>گندم</li><li>برنج</li></ul>",
        )
        self.assertEqual(
            pairs_of(article),
            [
                ("heading", "The dam", "سد"),
                ("paragraph", "It is full.", "پر است."),
                ("list item", "Wheat", "گندم"),
                ("list item", "Rice", "برنج"),
            ],
        )

    def test_sentences_pair_when_both_sides_have_as_many(self):
        article = make_article(
            body_en="<p>The dam is full. Farmers are glad!</p>", body_fa="<p>سد پر است. کشاورزان خوشحال‌اند!</p>"
        )
        self.assertEqual(
            pairs_of(article),
            [
                ("paragraph", "The dam is full. Farmers are glad!", "سد پر است. کشاورزان خوشحال‌اند!"),
                ("sentence", "The dam is full.", "سد پر است."),
                ("sentence", "Farmers are glad!", "کشاورزان خوشحال‌اند!"),
            ],
        )

    def test_a_paragraph_whose_sentences_were_merged_pairs_whole_but_not_by_sentence(self):
        article = make_article(
            body_en="<p>The dam is full. Farmers are glad.</p>", body_fa="<p>سد پر است و کشاورزان خوشحال‌اند.</p>"
        )
        self.assertEqual([kind for kind, _source, _target in pairs_of(article)], ["paragraph"])

    def test_bodies_with_different_blocks_teach_nothing(self):
        article = make_article(
            body_en="<p>One.</p><p>Two.</p>", body_fa="<p>یک. دو.</p>"
        )  # the translator merged two paragraphs: which half is which is a guess
        self.assertEqual(pairs_of(article), [])
        article = make_article(body_en="<h2>One</h2>", body_fa="<p>یک</p>")  # a heading beside a paragraph
        self.assertEqual(pairs_of(article), [])

    def test_a_list_with_a_different_number_of_items_teaches_nothing_from_the_list(self):
        article = make_article(
            body_en="<p>Crops.</p><ul><li>Wheat</li><li>Rice</li></ul>",
            body_fa="<p>محصولات.</p><ul><li>گندم و برنج</li></ul>",
        )
        self.assertEqual(pairs_of(article), [("paragraph", "Crops.", "محصولات.")])

    def test_sentences_split_at_persian_question_marks_and_closing_quotes(self):
        self.assertEqual(sentences("آیا سد پر است؟ «بله.» تمام"), ["آیا سد پر است؟", "«بله.»", "تمام"])
