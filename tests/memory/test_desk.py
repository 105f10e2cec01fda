"""The memory on the desk: matches beside the source, pre-filling, the leverage figure, and who may see any of it."""

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from desk import state
from memory.models import Segment
from tests.admin.base import NewsroomAdminTestCase, form_values, messages_on, page
from tests.factories import make_article, make_user

STOCK = "The White House confirmed the meeting on Tuesday."
STOCK_FA = "کاخ سفید روز سه‌شنبه این دیدار را تأیید کرد."


class MemoryOnTheDeskTests(NewsroomAdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.earlier = make_article(
            headline_en="Talks on the Helmand river",
            headline_fa="گفت‌وگو دربارهٔ رود هیرمند",
            body_en=f"<h2>The meeting</h2><p>{STOCK}</p>",
            body_fa=f"<h2>دیدار</h2><p>{STOCK_FA}</p>",
        )
        state.confirm(cls.earlier, "fa", by=cls.translator)
        cls.new = make_article(
            languages=("en",),
            headline_en="Talks on the Helmand river",
            body_en="<h2>The meeting</h2><p>The White House confirmed the meeting on Friday.</p><p>Nothing else.</p>",
        )
        cls.url = reverse("desk:translate", args=["articles", "article", cls.new.pk]) + "?language=fa"

    def open_desk(self, user=None, admin_language="en", url=None):
        self.client.force_login(user or self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = admin_language
        response = self.client.get(url or self.url)
        self.assertEqual(response.status_code, 200)
        return response

    def matches_in(self, html, field):
        return html.select(f".desk-field--{field} .desk-memory-match")

    def test_each_source_piece_shows_its_exact_or_fuzzy_match_with_the_percentage(self):
        html = page(self.open_desk())
        [headline] = self.matches_in(html, "headline")
        self.assertIn("Exact match 100%", headline.select_one(".desk-memory-score").get_text())
        self.assertEqual(headline.select_one(".desk-memory-target").get_text(), "گفت‌وگو دربارهٔ رود هیرمند")
        self.assertEqual(headline.select_one(".desk-memory-target")["lang"], "fa")
        fuzzy = [match for match in self.matches_in(html, "body") if "Fuzzy" in match.get_text()]
        self.assertEqual(len(fuzzy), 1)
        score = fuzzy[0].select_one(".desk-memory-score").get_text()
        self.assertRegex(score, r"Fuzzy match (7[5-9]|8\d|9\d)%")
        self.assertEqual([tag.get_text() for tag in fuzzy[0].select(".desk-memory-diff del")], ["Tuesday."])
        self.assertEqual([tag.get_text() for tag in fuzzy[0].select(".desk-memory-diff ins")], ["Friday."])
        self.assertIn("Talks on the Helmand river", fuzzy[0].select_one(".desk-memory-origin").get_text())

    def test_the_insert_button_carries_the_translation_and_its_field(self):
        html = page(self.open_desk())
        [headline] = self.matches_in(html, "headline")
        button = headline.select_one("button.desk-memory-insert")
        self.assertEqual(button["data-memory-field"], "id_headline_fa")
        self.assertEqual(button["data-memory-text"], "گفت‌وگو دربارهٔ رود هیرمند")
        self.assertIsNotNone(html.find(id="id_headline_fa"))
        self.assertTrue(html.find("script", src=lambda src: src and src.endswith("desk_memory.js")))

    def test_the_persian_admin_shows_persian_digits_and_words(self):
        html = page(self.open_desk(admin_language="fa"))
        [headline] = self.matches_in(html, "headline")
        self.assertIn("۱۰۰٪", headline.select_one(".desk-memory-score").get_text())
        self.assertIn("تطابق کامل", headline.select_one(".desk-memory-score").get_text())
        leverage = html.select_one(".desk-leverage").get_text()
        self.assertIn("۷۵٪", leverage)
        self.assertNotRegex(leverage, r"[0-9]")

    def test_the_leverage_figure_counts_pieces_with_a_match(self):
        html = page(self.open_desk())
        # The headline, the standfirst (the factory's), the heading and the Friday paragraph match; "Nothing else."
        # does not: 4 of 5.
        self.assertEqual(
            html.select_one(".desk-leverage").get_text(),
            "Translation memory: 80% of segments have a match of 75% or more",
        )

    def test_a_paragraph_with_no_match_of_its_own_shows_its_sentences_matches(self):
        article = make_article(
            languages=("en",),
            body_en=f"<p>{STOCK} Officials in Kabul were surprised by the timing of the announcement.</p>",
        )
        url = reverse("desk:translate", args=["articles", "article", article.pk]) + "?language=fa"
        html = page(self.open_desk(url=url))
        [match] = self.matches_in(html, "body")
        self.assertIn("Exact match 100% · for the sentence", match.select_one(".desk-memory-score").get_text())
        self.assertEqual(match.select_one(".desk-memory-target").get_text(), STOCK_FA)
        self.assertEqual(match.select_one("button")["data-memory-kind"], "sentence")
        # A sentence's match does not make its paragraph count as covered.
        # Of the headline, the standfirst and the paragraph, only the (factory's) standfirst is covered.
        self.assertIn(" 33% of segments", html.select_one(".desk-leverage").get_text())

    def test_pre_fill_puts_exact_matches_into_empty_fields_for_review(self):
        response = self.open_desk(url=self.url + "&prefill=1")
        html = page(response)
        self.assertEqual(html.find(id="id_headline_fa")["value"], "گفت‌وگو دربارهٔ رود هیرمند")
        self.assertIn("<h2>دیدار</h2>", html.find(id="id_body_fa").get_text())
        self.assertNotIn("Friday", html.find(id="id_body_fa").get_text())  # fuzzy matches are not pre-filled
        self.assertTrue(html.select_one(".field-headline_fa.desk-prefilled .desk-prefilled-note"))
        self.assertEqual(
            messages_on(response), ["3 pieces filled from the translation memory: review them, then save and confirm."]
        )
        self.new.refresh_from_db()
        self.assertFalse(self.new.headline_fa)  # nothing is saved until the translator confirms
        self.assertEqual(state.translation_state(self.new, "fa"), state.MISSING)

    def test_a_prefilled_form_confirms_through_the_normal_save(self):
        data = form_values(self.open_desk(url=self.url + "&prefill=1"))
        self.client.post(self.url, data)
        self.new.refresh_from_db()
        self.assertEqual(self.new.headline_fa, "گفت‌وگو دربارهٔ رود هیرمند")
        self.assertEqual(state.translation_state(self.new, "fa"), state.UP_TO_DATE)

    def test_pre_fill_never_overwrites_a_translation(self):
        self.new.headline_fa = "عنوان خودم"
        self.new.save()
        html = page(self.open_desk(url=self.url + "&prefill=1"))
        self.assertEqual(html.find(id="id_headline_fa")["value"], "عنوان خودم")

    def test_the_queue_shows_each_items_leverage_in_a_constant_number_of_queries(self):
        self.client.force_login(self.translator)
        queue = reverse("desk:queue") + "?language=fa"
        self.client.get(queue)  # warm the content-type cache
        with CaptureQueriesContext(connection) as before:
            html = page(self.client.get(queue))
        row = next(row for row in html.select("#desk-queue tbody tr") if "Talks on the Helmand" in row.get_text())
        self.assertEqual(row.select_one(".desk-queue-leverage").get_text(), "80%")
        for number in range(3):
            make_article(languages=("en",), headline_en=f"Talks on the Helmand river, part {number}")
        with CaptureQueriesContext(connection) as after:
            self.client.get(queue)
        self.assertEqual(len(after), len(before))


class MemoryPrivacyTests(NewsroomAdminTestCase):
    def test_a_reader_is_sent_to_the_login_page_and_sees_no_stored_text(self):
        article = make_article(headline_en="Secret talks", headline_fa="گفت‌وگوی محرمانه")
        state.confirm(article, "fa", by=self.translator)
        self.assertTrue(Segment.objects.exists())
        other = make_article(languages=("en",), headline_en="Secret talks")
        url = reverse("desk:translate", args=["articles", "article", other.pk]) + "?language=fa"
        self.client.force_login(make_user("reader"))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        self.assertNotIn("محرمانه", self.client.get(url, follow=True).content.decode())

    def test_an_author_may_not_open_the_desk_and_its_matches(self):
        article = make_article(authors=[self.author], headline_en="Secret talks", headline_fa="گفت‌وگوی محرمانه")
        state.confirm(article, "fa", by=self.translator)
        self.client.force_login(self.author_user)
        url = reverse("desk:translate", args=["articles", "article", article.pk]) + "?language=fa"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("محرمانه", response.content.decode())
