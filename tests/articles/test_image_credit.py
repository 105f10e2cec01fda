"""The image credit, written per language: what readers see, what the translator edits, and credits kept on upgrade."""

from importlib import import_module

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from desk import state
from tests.admin.base import NewsroomAdminTestCase, form_values, messages_on, page
from tests.factories import image_upload, make_article, make_pictured_article
from tests.pages import Page, ReaderTestCase, TemporaryMediaMixin

copy_existing_image_credits = import_module("articles.migrations.0010_copy_existing_image_credits")


class CreditOnThePageTests(TemporaryMediaMixin, ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_pictured_article(
            image=image_upload(size=(1600, 1000)),
            image_credit_en="Sara Ahmadi / AP",
            image_credit_fa="سارا احمدی / AP",
        )
        cls.untranslated_credit = make_pictured_article(
            image=image_upload(size=(1600, 1000)), image_credit_en="Daniel Hart"
        )

    def page(self, article, language):
        response = self.client.get(article.url_in(language))
        self.assertEqual(response.status_code, 200)
        return Page(response)

    def test_the_english_page_credits_the_image_in_english(self):
        self.assertEqual(self.page(self.article, "en").text(".article__figure .credit"), "Image: Sara Ahmadi / AP")

    def test_the_persian_page_credits_the_image_in_persian_and_never_in_english(self):
        figure = self.page(self.article, "fa").text(".article__figure")
        self.assertIn("عکس: سارا احمدی / AP", figure)
        self.assertNotIn("Sara Ahmadi", figure)

    def test_a_persian_page_shows_no_english_credit_in_place_of_a_missing_persian_one(self):
        page = self.page(self.untranslated_credit, "fa")
        self.assertEqual(page.select(".credit"), [])
        self.assertNotIn("Daniel Hart", page.text("main"))
        self.assertEqual(self.page(self.untranslated_credit, "en").text(".credit bdi"), "Daniel Hart")


class CreditsKeptOnUpgradeTests(ReaderTestCase):
    def test_a_credit_typed_before_it_had_languages_becomes_the_english_credit(self):
        english, persian, none = make_article(), make_article(), make_article()
        # The rows as the migration finds them, read through the model as it was then (one credit column;
        # today's model would turn "image_credit" into the active language's column).
        before = MigrationLoader(connection).project_state(("articles", "0009_image_credit_per_language")).apps
        Historical = before.get_model("articles", "Article")
        Historical.objects.update(image_credit_en=None, image_credit_fa=None)
        Historical.objects.filter(pk=english.pk).update(image_credit="Photo: Reuters")
        Historical.objects.filter(pk=persian.pk).update(image_credit="عکس: سارا احمدی")
        Historical.objects.filter(pk=none.pk).update(image_credit="")

        copy_existing_image_credits.copy_credits(before, None)

        credits = dict(Historical.objects.values_list("pk", "image_credit_en"))
        persian_credits = dict(Historical.objects.values_list("pk", "image_credit_fa"))
        self.assertEqual(credits[english.pk], "Photo: Reuters")
        self.assertIsNone(persian_credits[english.pk], "an English credit is not put on the Persian page")
        self.assertEqual((credits[persian.pk], persian_credits[persian.pk]), ("عکس: سارا احمدی", "عکس: سارا احمدی"))
        self.assertEqual((credits[none.pk], persian_credits[none.pk]), (None, None))


class TranslatorEditsTheCreditTests(NewsroomAdminTestCase):
    def setUp(self):
        self.article = make_article(image_credit_en="Daniel Hart")

    def test_the_persian_translator_sees_the_persian_credit_only(self):
        self.client.force_login(self.translator)
        names = set(form_values(self.client.get(self.change_url(self.article))))
        self.assertIn("image_credit_fa", names)
        self.assertNotIn("image_credit_en", names)

    def test_the_persian_translator_writes_the_persian_credit(self):
        data = self.open_form(self.translator, self.article)
        data["image_credit_fa"] = "دنیل هارت"
        self.post_form(self.translator, self.article, data)
        self.article.refresh_from_db()
        self.assertEqual((self.article.image_credit_en, self.article.image_credit_fa), ("Daniel Hart", "دنیل هارت"))

    def test_the_persian_translator_cannot_change_the_english_credit(self):
        data = self.open_form(self.translator, self.article)
        data.update(image_credit_fa="دنیل هارت", image_credit_en="Someone else")
        response = self.post_form(self.translator, self.article, data)
        self.assertTrue(any("Nothing was saved" in message for message in messages_on(response)))
        self.article.refresh_from_db()
        self.assertEqual(self.article.image_credit_en, "Daniel Hart")
        self.assertFalse(self.article.image_credit_fa)

    def test_the_editor_writes_both_credits(self):
        data = self.open_form(self.editor, self.article)
        data.update(image_credit_en="Photo: AP", image_credit_fa="عکس: آسوشیتدپرس")
        self.post_form(self.editor, self.article, data)
        self.article.refresh_from_db()
        self.assertEqual((self.article.image_credit_en, self.article.image_credit_fa), ("Photo: AP", "عکس: آسوشیتدپرس"))


class CreditOnTheDeskTests(NewsroomAdminTestCase):
    def confirmed_before_the_credit_was_translated(self, **fields):
        """Return an article whose Persian translation was confirmed when the desk did not yet know the credit."""
        article = make_article(**fields)
        confirmation = state.confirm(article, "fa", by=self.translator)
        confirmation.source_text.pop("image_credit")
        confirmation.source_fingerprint = state.fingerprint(confirmation.source_text)
        confirmation.save()
        return article

    def test_a_translation_confirmed_before_stays_up_to_date_when_there_is_no_credit(self):
        article = self.confirmed_before_the_credit_was_translated()
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)

    def test_an_english_credit_the_translation_lacks_makes_it_outdated_with_the_credit_as_the_change(self):
        article = self.confirmed_before_the_credit_was_translated(image_credit_en="Daniel Hart")
        self.assertEqual(state.translation_state(article, "fa"), state.OUTDATED)
        [change] = state.source_changes(article, "fa")
        self.assertEqual((change.field, change.diff), ("image_credit", [("insert", "Daniel Hart")]))

    def test_the_translator_translates_the_credit_on_the_desk_beside_the_english_one(self):
        article = self.confirmed_before_the_credit_was_translated(image_credit_en="Daniel Hart")
        url = reverse("desk:translate", args=["articles", "article", article.pk]) + "?language=fa"
        self.client.force_login(self.translator)
        response = self.client.get(url)
        html = page(response)
        self.assertIn("Daniel Hart", html.select_one(".desk-source").text)
        self.assertEqual(html.select_one(".desk-diff ins").text, "Daniel Hart")
        self.assertEqual(html.find("input", attrs={"name": "image_credit_fa"})["dir"], "rtl")
        self.assertIsNone(html.find(attrs={"name": "image_credit_en"}))

        data = form_values(response)
        data["image_credit_fa"] = "دنیل هارت"
        self.client.post(url, data)
        article.refresh_from_db()
        self.assertEqual((article.image_credit_en, article.image_credit_fa), ("Daniel Hart", "دنیل هارت"))
        self.assertEqual(state.translation_state(article, "fa"), state.UP_TO_DATE)
