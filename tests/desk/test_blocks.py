"""A body as the desk reads it: blocks of plain text, in order, whatever the stored HTML looked like."""

from django.test import SimpleTestCase

from core.blocks import Block, parse_blocks


class BlockReadingTests(SimpleTestCase):
    def test_headings_paragraphs_lists_and_quotes_become_blocks_in_order(self):
        body = (
            "<h2>What changed</h2><p>The reservoir <strong>fell</strong>.</p>"
            "<ul><li><p>wheat</p></li><li>barley</li></ul><ol><li>first</li></ol>"
            "<blockquote><p>We dug deeper.</p><p>Then deeper again.</p></blockquote><h3>Below</h3>"
        )
        self.assertEqual(
            parse_blocks(body),
            [
                Block("h2", ("What changed",)),
                Block("p", ("The reservoir fell.",)),
                Block("ul", ("wheat", "barley")),
                Block("ol", ("first",)),
                Block("blockquote", ("We dug deeper.", "Then deeper again.")),
                Block("h3", ("Below",)),
            ],
        )

    def test_whitespace_collapses_as_in_a_page_and_a_line_break_is_kept(self):
        self.assertEqual(parse_blocks("<p>  one\n   two<br>three </p>"), [Block("p", ("one two\nthree",))])

    def test_a_nested_list_gives_further_items_of_its_list(self):
        body = "<ul><li>wells<ul><li>deep</li><li>shallow</li></ul></li><li>qanats</li></ul>"
        self.assertEqual(parse_blocks(body), [Block("ul", ("wells", "deep", "shallow", "qanats"))])

    def test_stray_text_outside_any_block_reads_as_a_paragraph(self):
        self.assertEqual(
            parse_blocks("The pumps <em>outlived</em> the wheat.<p>Next.</p>tail"),
            [Block("p", ("The pumps outlived the wheat.",)), Block("p", ("Next.",)), Block("p", ("tail",))],
        )

    def test_empty_blocks_are_left_out(self):
        self.assertEqual(parse_blocks("<p></p><p> </p><ul><li></li></ul><h2><br></h2>"), [])
        self.assertEqual(parse_blocks(""), [])
        self.assertEqual(parse_blocks(None), [])

    def test_entities_are_text_and_markup_in_text_stays_text(self):
        [block] = parse_blocks("<p>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</p>")
        self.assertEqual(block.text, "A & B <script>alert(1)</script>")

    def test_a_figure_has_its_image_description_then_its_caption(self):
        body = '<figure><img src="/m/a.jpg" alt="A dry well"><figcaption>Near Yazd</figcaption></figure>'
        self.assertEqual(parse_blocks(body), [Block("figure", ("A dry well", "Near Yazd"))])
        self.assertEqual(parse_blocks('<img src="/m/b.jpg" alt="Pumps">'), [Block("figure", ("Pumps",))])

    def test_persian_words_joined_with_zwnj_stay_whole(self):
        [block] = parse_blocks("<p>کتاب\u200cها را خواندم</p>")
        self.assertEqual(block.parts, ("کتاب\u200cها را خواندم",))
