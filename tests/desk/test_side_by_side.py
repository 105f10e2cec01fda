"""
The translator's side-by-side screen, with a real 750-word demo article: the English source block by block
(subheadings, lists, a quote) beside the Persian as it is now and, once the editor changes the English after the
Persian was confirmed, only the changed paragraph marked, with its word diff and the way to the next change.
"""

from django.conf import settings
from django.urls import reverse

from articles.demo import ARTICLES
from core.blocks import parse_blocks
from desk import state
from tests.admin.base import NewsroomAdminTestCase, page
from tests.factories import make_article

DEMO = next(data for data in ARTICLES if data["slug_en"] == "where-the-water-went")
SENTENCE = "Most of them are dry now."
NEW_SENTENCE = "Nearly all of them are dry now."


class SideBySideTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(
            headline_en=DEMO["headline_en"],
            headline_fa=DEMO["headline_fa"],
            body_en=DEMO["body_en"],
            body_fa=DEMO["body_fa"],
        )
        state.confirm(self.article, "fa", by=self.translator)
        self.url = reverse("desk:translate", args=["articles", "article", self.article.pk]) + "?language=fa"
        self.client.force_login(self.translator)

    def edit_english(self, old: str, new: str, **fields) -> None:
        """The editor changes the English after the Persian was confirmed."""
        assert old in self.article.body_en
        self.article.body_en = self.article.body_en.replace(old, new)
        for name, value in fields.items():
            setattr(self.article, name, value)
        self.article.save()

    def open_desk(self, admin_language: str = "en"):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = admin_language
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        return page(response)

    def body_rows(self, html):
        return html.select(".desk-field--body tr.desk-row")

    def test_translator_sees_the_source_with_its_subheadings_lists_and_quote(self):
        html = self.open_desk()
        source = html.select_one(".desk-source")
        english = source.select(".desk-text[lang=en]")
        subheadings = [h.get_text() for cell in english for h in cell.select(".desk-block--h2")]
        self.assertEqual(subheadings, [b.text for b in parse_blocks(DEMO["body_en"]) if b.kind == "h2"])
        self.assertTrue(all(h.name == "h3" for cell in english for h in cell.select(".desk-block--h2")))
        [english_list] = [ul for cell in english for ul in cell.select("ul.desk-block--ul")]
        self.assertGreaterEqual(len(english_list.find_all("li")), 3)
        self.assertEqual(len([q for cell in english for q in cell.select("blockquote")]), 1)
        # One row per block of the English body.
        self.assertEqual(len(self.body_rows(html)), len(parse_blocks(DEMO["body_en"])))

    def test_each_source_block_sits_beside_its_persian_counterpart(self):
        html = self.open_desk()
        english, persian = parse_blocks(DEMO["body_en"]), parse_blocks(DEMO["body_fa"])
        for row, source, translation in zip(self.body_rows(html), english, persian, strict=False):
            source_cell, persian_cell = row.select(".desk-text")
            self.assertEqual((source_cell["lang"], source_cell["dir"]), ("en", "ltr"))
            self.assertEqual((persian_cell["lang"], persian_cell["dir"]), ("fa", "rtl"))
            self.assertEqual(" ".join(source_cell.get_text(" ").split()), " ".join(source.text.split()))
            self.assertEqual(" ".join(persian_cell.get_text(" ").split()), " ".join(translation.text.split()))

    def test_an_up_to_date_translation_shows_no_changes(self):
        html = self.open_desk()
        self.assertIsNone(html.select_one(".desk-diff"))
        self.assertEqual(html.select(".desk-mark a, tr[id^=change-], .desk-changes-summary"), [])

    def test_after_one_sentence_changes_only_its_paragraph_is_marked_with_the_word_diff(self):
        self.edit_english(SENTENCE, NEW_SENTENCE)
        html = self.open_desk()
        summary = html.select_one(".desk-changes-summary strong").get_text()
        self.assertEqual(summary, "1 change since the last confirmation")
        self.assertEqual(html.select_one(".desk-changes-summary a")["href"], "#change-1")
        [changed] = html.select(".desk-row--changed")
        self.assertEqual(changed["id"], "change-1")
        self.assertEqual(changed.select_one(".desk-mark-label").get_text(), "Changed")
        self.assertEqual(changed.select_one(".desk-mark-number").get_text(), "1 of 1")
        # (The translation memory's panel in the same row shows a word diff of its own: see tests/memory.)
        self.assertEqual([d.get_text() for d in changed.select(".desk-text del")], ["Most"])
        self.assertEqual([i.get_text() for i in changed.select(".desk-text ins")], ["Nearly all"])
        self.assertIn("qanat shafts", changed.select_one(".desk-text[lang=en]").get_text())
        # Beside it, the Persian paragraph the translator will correct.
        first_persian = parse_blocks(DEMO["body_fa"])[0].text
        self.assertEqual(changed.select_one(".desk-text[lang=fa]").get_text(), first_persian)
        # The other rows are as they were: no mark, no diff.
        self.assertEqual(len(html.select(".desk-source .desk-text ins, .desk-source .desk-text del")), 2)

    def test_next_and_previous_change_links_lead_from_one_change_to_the_next(self):
        last_paragraph = parse_blocks(DEMO["body_en"])[-1].text
        last_word = last_paragraph.split()[-1]
        self.edit_english(SENTENCE, NEW_SENTENCE)
        self.edit_english(last_word + "</p>", last_word + " Or so the farmers hope.</p>")
        html = self.open_desk()
        first, second = html.select("tr[id^=change-]")
        self.assertEqual((first["id"], second["id"]), ("change-1", "change-2"))
        self.assertIsNone(first.select_one(".desk-previous"))
        self.assertEqual(first.select_one(".desk-next")["href"], "#change-2")
        self.assertEqual(first.select_one(".desk-next").get_text(), "Next change")
        self.assertEqual(second.select_one(".desk-previous")["href"], "#change-1")
        self.assertIsNone(second.select_one(".desk-next"))
        summary = html.select_one(".desk-changes-summary strong").get_text()
        self.assertEqual(summary, "2 changes since the last confirmation")

    def test_an_added_and_a_removed_block_show_as_such(self):
        quote = next(b for b in parse_blocks(DEMO["body_en"]) if b.kind == "blockquote")
        start = self.article.body_en.index("<blockquote>")
        end = self.article.body_en.index("</blockquote>") + len("</blockquote>")
        self.edit_english(self.article.body_en[start:end], "")
        self.article.body_en += "<p>A new closing paragraph about the next harvest.</p>"
        self.article.save()
        html = self.open_desk()
        [removed] = html.select(".desk-row--removed")
        self.assertEqual(removed.select_one(".desk-mark-label").get_text(), "Removed")
        self.assertIn(quote.parts[0], removed.select_one("blockquote del").get_text())
        persian_quote = next(b for b in parse_blocks(DEMO["body_fa"]) if b.kind == "blockquote")
        self.assertIn(persian_quote.parts[0], removed.select_one(".desk-text[lang=fa] blockquote").get_text())
        [added] = html.select(".desk-row--added")
        self.assertEqual(added.select_one(".desk-mark-label").get_text(), "Added")
        self.assertEqual(added.select_one("ins").get_text(), "A new closing paragraph about the next harvest.")
        self.assertEqual(added.select(".desk-cell")[1].get_text(strip=True), "Not translated yet")

    def test_the_headline_keeps_a_diff_of_its_own(self):
        self.edit_english(SENTENCE, SENTENCE, headline_en=DEMO["headline_en"] + " at last")
        html = self.open_desk()
        [changed] = html.select(".desk-row--changed")
        self.assertIsNotNone(changed.find_parent("tbody", class_="desk-field--headline"))
        self.assertEqual(changed.select_one("ins").get_text(), "at last")
        self.assertEqual(changed.select_one(".desk-text[lang=fa]").get_text(), DEMO["headline_fa"])

    def test_the_persian_admin_counts_and_numbers_changes_in_persian_digits(self):
        self.edit_english(SENTENCE, NEW_SENTENCE)
        self.edit_english("The plateau was never rich", "The plateau was never very rich")
        html = self.open_desk("fa")
        summary = html.select_one(".desk-changes-summary strong").get_text()
        self.assertEqual(summary, "۲ تغییر از آخرین تأیید")
        first, second = html.select("tr[id^=change-]")
        self.assertEqual(first.select_one(".desk-mark-number").get_text(), "۱ از ۲")
        self.assertEqual(first.select_one(".desk-mark-label").get_text(), "تغییر کرده")
        self.assertEqual(first.select_one(".desk-next").get_text(), "تغییر بعدی")
        self.assertEqual(second.select_one(".desk-previous").get_text(), "تغییر قبلی")
        self.assertNotRegex(html.select_one(".desk-status").get_text(), "[0-9]", "the confirmation's date too")

    def test_the_form_stays_on_the_page_with_the_persian_editor(self):
        html = self.open_desk()
        form = html.select_one(".desk-editor form.desk-form")
        self.assertEqual(form.find("textarea", attrs={"name": "body_fa"})["dir"], "rtl")
        self.assertIsNotNone(form.find("input", attrs={"name": "headline_fa"}))


class HostileBodyTests(NewsroomAdminTestCase):
    def test_markup_in_a_body_stays_text_on_the_desk(self):
        article = make_article(body_en="<p>The dam is full.</p>")
        state.confirm(article, "fa", by=self.translator)
        article.body_en = (
            "<p>The dam is &lt;script&gt;alert(1)&lt;/script&gt; full.</p>"
            '<h2>"&gt;&lt;svg onload=alert(2)&gt;</h2><p><img src=x onerror=alert(3)>'
            '<a href="javascript:alert(4)">link</a><script>alert(5)</script></p>'
        )
        article.save()
        self.client.force_login(self.translator)
        response = self.client.get(reverse("desk:translate", args=["articles", "article", article.pk]))
        html = page(response)
        source = html.select_one(".desk-source")
        self.assertEqual(source.find_all(["script", "svg", "img"]), [])
        self.assertEqual(source.select(".desk-text [onload], .desk-text [onerror], .desk-text a"), [])
        self.assertIn("<script>alert(1)</script>", source.get_text())
        self.assertIn('"><svg onload=alert(2)>', source.get_text())
        self.assertNotIn(b"<script>alert(1)", response.content)


class DeskChromeTests(NewsroomAdminTestCase):
    """What surrounds the desk's screens: one title, Django's breadcrumbs, mixed-direction text isolated."""

    def test_the_translate_screen_shows_its_title_once_and_styled_breadcrumbs(self):
        article = make_article(headline_en="Wells that outlived their farms?")
        self.client.force_login(self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        html = page(self.client.get(reverse("desk:translate", args=["articles", "article", article.pk])))
        [heading] = html.find_all("h1", string=lambda text: text and "Wells" in text)
        self.assertIn("\u2068Wells that outlived their farms?\u2069", heading.get_text())
        self.assertEqual(html.title.get_text().count("Wells"), 1)
        crumbs = html.select("nav ol.breadcrumbs > li")
        self.assertEqual(len(crumbs), 3)
        self.assertEqual(crumbs[-1]["aria-current"], "page")
        self.assertEqual(crumbs[-1].bdi.get_text(), "Wells that outlived their farms?")
        self.assertIn("admin_newsroom/desk.css", " ".join(link["href"] for link in html.find_all("link")))

    def test_the_queue_shows_its_title_once_and_counts_in_persian_digits(self):
        make_article(languages=("en",), headline_en="Needs Persian")
        self.client.force_login(self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        html = page(self.client.get(reverse("desk:queue")))
        self.assertEqual(len(html.find_all("h1", string=lambda text: text and "میز ترجمه" in text)), 1)
        self.assertIsNotNone(html.select_one("nav ol.breadcrumbs li[aria-current=page]"))
        summary = html.select_one("#content p").get_text()
        self.assertRegex(summary, "^[۰-۹]+ ")
        self.assertIsNotNone(html.select_one("#desk-queue td bdi"))
