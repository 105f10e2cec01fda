"""The change forms fit real copy: a headline on one wide line, a body editor that opens tall, a hint on parts."""

from django.conf import settings
from django.urls import reverse

from tests.factories import make_article, make_series

from .base import NewsroomAdminTestCase, page


class FormSizeTests(NewsroomAdminTestCase):
    def test_headline_inputs_in_both_languages_are_wide(self):
        self.client.force_login(self.editor)
        for url in (reverse("admin:articles_article_add"), self.change_url(make_article())):
            with self.subTest(url=url):
                html = page(self.client.get(url))
                for name in ("headline_en", "headline_fa"):
                    self.assertIn("vWideTextField", html.find("input", attrs={"name": name})["class"], name)

    def test_titles_and_names_are_wide_and_other_short_fields_are_not(self):
        self.client.force_login(self.editor)
        series = page(self.client.get(self.change_url(make_series())))
        self.assertIn("vWideTextField", series.find("input", attrs={"name": "title_fa"})["class"])
        author = page(self.client.get(self.change_url(self.author)))
        self.assertIn("vWideTextField", author.find("input", attrs={"name": "name_en"})["class"])
        self.assertNotIn("vWideTextField", author.find("input", attrs={"name": "job_title_en"})["class"])

    def test_the_translators_form_has_the_wide_headline_too(self):
        self.client.force_login(self.translator)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
        html = page(self.client.get(self.change_url(make_article())))
        self.assertIn("vWideTextField", html.find("input", attrs={"name": "headline_fa"})["class"])

    def test_the_newsroom_stylesheet_that_sizes_them_is_on_the_form(self):
        self.client.force_login(self.editor)
        html = page(self.client.get(reverse("admin:articles_article_add")))
        sheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
        self.assertTrue(any(href.endswith("admin_newsroom/newsroom_admin.css") for href in sheets), sheets)


class PartHintTests(NewsroomAdminTestCase):
    def part_help(self, language: str) -> str:
        self.client.force_login(self.editor)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        html = page(self.client.get(reverse("admin:articles_article_add")))
        return html.find(id="id_part_helptext").get_text(" ", strip=True)

    def test_the_part_field_says_the_label_is_shown_above_the_headline(self):
        help_text = self.part_help("en")
        self.assertIn("above the headline", help_text)
        self.assertIn("the headline need not say it", help_text)

    def test_the_persian_admin_gives_the_same_hint_in_persian(self):
        help_text = self.part_help("fa")
        self.assertIn("بالای تیتر", help_text)
        self.assertIn("«بخش دوم»", help_text)
