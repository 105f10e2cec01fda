"""Subheading anchors and the table of contents, computed from the sanitised body."""

from django.test import SimpleTestCase

from articles.outline import outline


class OutlineTests(SimpleTestCase):
    def test_each_subheading_gets_an_id_from_its_words(self):
        result = outline("<h2>Where the water went</h2><p>x</p><h2>چه تغییر کرد؟</h2>")
        self.assertEqual([h.id for h in result.headings], ["where-the-water-went", "چه-تغییر-کرد"])
        self.assertIn('<h2 id="where-the-water-went">Where the water went</h2>', result.html)

    def test_repeated_headings_get_distinct_ids(self):
        result = outline("<h2>Why</h2><h2>Why</h2><h2>Why</h2>")
        self.assertEqual([h.id for h in result.headings], ["why", "why-2", "why-3"])

    def test_a_heading_of_punctuation_still_gets_an_id(self):
        self.assertEqual(outline("<h2>؟!</h2>").headings[0].id, "section-1")

    def test_zero_width_non_joiner_separates_words_in_ids(self):
        self.assertEqual(outline("<h2>کتاب‌ها</h2>").headings[0].id, "کتاب-ها")

    def test_entities_and_inline_markup_in_headings(self):
        result = outline("<h2>Tom &amp; <em>Jerry</em></h2><p>1 &lt; 2</p>")
        self.assertEqual(result.headings[0].text, "Tom & Jerry")
        self.assertEqual(result.headings[0].id, "tom-jerry")
        self.assertIn("<em>Jerry</em>", result.html)
        self.assertIn("1 &lt; 2", result.html)

    def test_authors_own_ids_and_handlers_never_survive(self):
        result = outline('<h2 id="hijack" onclick="x()">Title</h2><script>alert(1)</script><p onmouseover="y">t</p>')
        self.assertEqual(str(result.html), '<h2 id="title">Title</h2><p>t</p>')

    def test_contents_only_for_pieces_with_three_or_more_subheadings(self):
        self.assertFalse(outline("<h2>A</h2><h2>B</h2>").has_contents)
        self.assertTrue(outline("<h2>A</h2><h2>B</h2><h2>C</h2>").has_contents)
        self.assertFalse(outline("").has_contents)

    def test_pictures_in_the_body_load_lazily(self):
        result = outline('<p>x</p><figure><img src="https://example.org/a.jpg" alt="A"></figure><br/>')
        self.assertIn('<img src="https://example.org/a.jpg" alt="A" loading="lazy" decoding="async">', result.html)
